import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { readFileSync, statSync } from 'node:fs';
import {
	audit,
	legendColours,
	mapLocator,
	pointFeatures,
	pointLayerContrast,
	projectOnMap,
	tableRows,
	waitForMap,
	type MapElement
} from './helpers';

const data = (file: string) => join(process.cwd(), 'static/data', file);

/** The same question asked of the exported Parquet directly, with DuckDB in Node. */
async function direct<T>(sql: string, params: (string | number)[]): Promise<T[]> {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	try {
		const reader = await connection.runAndReadAll(sql, params);
		return reader.getRowObjectsJS() as T[];
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

test('road safety in zone 11: the counts on the page match a direct query of the exports', async ({ page }) => {
	const [expected] = await direct<{ partners: bigint; projects: bigint }>(
		`WITH zone AS (SELECT province_code FROM read_parquet($1) WHERE health_zone = 11)
		 SELECT
			(SELECT count(*) FROM read_parquet($2)
			 WHERE active AND list_contains(string_split(coalesce(issue_area_ids, ''), ';'), 'road_safety')
			   AND province_code IN (SELECT province_code FROM zone)) AS partners,
			(SELECT count(*) FROM read_parquet($3)
			 WHERE status <> 'cancelled' AND list_contains(string_split(coalesce(issue_area_ids, ''), ';'), 'road_safety')
			   AND province_code IN (SELECT province_code FROM zone)) AS projects`,
		[data('provinces.parquet'), data('partners.parquet'), data('projects.parquet')]
	);
	expect(Number(expected.partners)).toBeGreaterThan(0);

	await page.goto('/coverage?lang=en&issue=road_safety&zone=11');
	await expect(page.locator('.coverage')).toHaveAttribute('data-db', 'ready');
	await expect(page.locator('.coverage')).not.toHaveAttribute('data-coverage', '');
	await expect(page.locator('[data-total="partners"]')).toHaveText(Number(expected.partners).toLocaleString('en-GB'));
	await expect(page.locator('[data-total="projects"]')).toHaveText(Number(expected.projects).toLocaleString('en-GB'));
	// Seven provinces in zone 11, ranked.
	expect(await tableRows(page, 'coverage-table')).toHaveLength(7);
});

test('cancelled projects can be chosen in the status filter and are then the ones counted', async ({ page }) => {
	const [expected] = await direct<{ cancelled: bigint; budget: number }>(
		`SELECT count(*) AS cancelled, sum(budget) AS budget FROM read_parquet($1) WHERE status = 'cancelled'`,
		[data('projects.parquet')]
	);
	expect(Number(expected.cancelled)).toBeGreaterThan(0);
	await page.goto('/coverage?lang=en');
	await expect(page.locator('.coverage')).toHaveAttribute('data-db', 'ready', { timeout: 45_000 });
	const status = page.getByRole('combobox', { name: 'Project status' });
	await expect(status.locator('option[value="cancelled"]')).toHaveText('Cancelled');
	await status.selectOption('cancelled');
	await expect(page).toHaveURL(/status=cancelled/);
	await expect(page.locator('.coverage')).toHaveAttribute('data-coverage', /"status":"cancelled"/);
	await expect(page.locator('[data-total="projects"]')).toHaveText(Number(expected.cancelled).toLocaleString('en-GB'));
});

test('the first view is in the HTML itself: map coloured, totals and uncovered districts counted, before any script runs', async ({
	page
}) => {
	const [expected] = await direct<{ partners: bigint; projects: bigint; uncovered: bigint }>(
		`SELECT (SELECT count(*) FROM read_parquet($1) WHERE active) AS partners,
		        (SELECT count(*) FROM read_parquet($2) WHERE status <> 'cancelled') AS projects,
		        (SELECT count(*) FROM read_parquet($3) d
		         WHERE d.district_code NOT IN (SELECT district_code FROM read_parquet($1) WHERE active)
		           AND d.district_code NOT IN (SELECT district_code FROM read_parquet($2)
		                                      WHERE status <> 'cancelled' AND district_code IS NOT NULL)) AS uncovered`,
		[data('partners.parquet'), data('projects.parquet'), data('districts.parquet')]
	);
	await page.route('**/*.js', (route) => route.abort());
	await page.route('**/*.wasm', (route) => route.abort());
	await page.goto('/coverage');
	const paths = page.locator('svg.svg-map path[data-code]');
	await expect(paths).toHaveCount(77);
	const fills = new Set(await paths.evaluateAll((els) => els.map((el) => el.getAttribute('fill'))));
	expect(fills.size).toBeGreaterThanOrEqual(3);
	for (const fill of fills) expect(await legendColours(page)).toContain(fill);
	await expect(page.locator('[data-total="partners"]')).toHaveText(Number(expected.partners).toLocaleString('en-GB'));
	await expect(page.locator('[data-total="projects"]')).toHaveText(Number(expected.projects).toLocaleString('en-GB'));
	await expect(page.locator('#uncovered-table .more')).toContainText(
		`${Number(expected.uncovered).toLocaleString('th-TH')}`
	);
});

test("a browser that keeps the user's own files does not show the build's first view: it waits for its own tables", async ({
	page
}) => {
	// USER_FILES_HINT in src/lib/data/browser-db.ts: how many files the user keeps.
	await page.addInitScript(() => localStorage.setItem('phakhi-atlas:user-files', '1'));
	// The partners never arrive: whatever the page shows meanwhile is not from them.
	await page.route('**/data/partners.parquet', () => {});
	await page.goto('/coverage?lang=en');
	await expect(page.locator('.coverage')).toHaveAttribute('data-db', 'loading');
	await expect(page.locator('[data-total="partners"]')).toHaveText('…');
	await expect(page.locator('svg.svg-map path[data-code]')).toHaveCount(77);
	expect(
		new Set(
			await page.locator('svg.svg-map path[data-code]').evaluateAll((els) => els.map((el) => el.getAttribute('fill')))
		).size
	).toBe(1);
});

test("the gap page's first view is in the HTML: its map coloured, its priority list the one DuckDB then gives", async ({
	page
}) => {
	await page.route('**/*.js', (route) => route.abort());
	// Without parameters: the prerendered page is the Thai one (the language comes from the URL, in the page).
	await page.goto('/gaps');
	const fills = await page
		.locator('svg.svg-map path[data-code]')
		.evaluateAll((els) => els.map((el) => el.getAttribute('fill')));
	expect(fills).toHaveLength(77);
	expect(new Set(fills).size).toBeGreaterThanOrEqual(4);
	const prerendered = await tableRows(page, 'priority-table');
	expect(prerendered.length).toBeGreaterThan(0);

	await page.unroute('**/*.js');
	await page.reload();
	// Answered by DuckDB in the page now, not by the build.
	await expect(page.locator('.gaps')).toHaveAttribute('data-db', 'ready');
	await expect(page.locator('.gaps')).toHaveAttribute('data-prerendered', 'false');
	await expect(page.locator('.gaps')).not.toHaveAttribute('data-gaps', '');
	expect(await tableRows(page, 'priority-table')).toEqual(prerendered);
});

test('while the gap page waits for its tables, its map is plain, not hatched as if no province had data', async ({
	page
}) => {
	await page.route('**/data/partners.parquet', () => {});
	await page.goto('/gaps?lang=en&indicator=smoking_prevalence');
	await expect(page.locator('.gaps')).toHaveAttribute('data-db', 'loading');
	const paths = page.locator('svg.svg-map path[data-code]');
	await expect(paths).toHaveCount(77);
	expect(await paths.evaluateAll((els) => els.filter((el) => el.getAttribute('fill')!.startsWith('url(')).length)).toBe(
		0
	);
});

test('project 60-ข-087 opens as its published record, with the instalment warning', async ({ page }) => {
	// The data files the page reads, with the bytes of each answer.
	const read: { file: string; bytes: number }[] = [];
	page.on('response', async (response) => {
		const file = /\/data\/(.+)$/.exec(new URL(response.url()).pathname)?.[1];
		if (file)
			read.push({ file: decodeURIComponent(file), bytes: (await response.body().catch(() => Buffer.alloc(0))).length });
	});
	await page.goto(`/coverage?lang=th&project=${encodeURIComponent('60-ข-087')}`);
	const record = page.getByRole('dialog');
	await expect(record).toBeVisible();
	await expect(record).toContainText('60-ข-087');
	// Its title and organisation as the projects file has them.
	const [row] = await direct<{ title_th: string; organisation_th: string }>(
		`SELECT title_th, organisation_th FROM read_parquet($1) WHERE project_code = '60-ข-087'`,
		[data('projects.parquet')]
	);
	await expect(record).toContainText(row.title_th);
	await expect(record).toContainText(row.organisation_th);
	// One project's row and instalments: one part of the record files each, never the whole tables.
	const whole = (name: string) => statSync(data(name)).size;
	expect(read.map((r) => r.file)).not.toContain('projects.parquet');
	expect(read.map((r) => r.file)).not.toContain('instalments.parquet');
	const parts = () => read.filter((r) => r.file.startsWith('project-records/'));
	await expect
		.poll(() =>
			parts()
				.map((r) => r.file.replace(/^project-records\/\d+-/, ''))
				.sort()
		)
		.toEqual(['instalments.parquet', 'projects.parquet']);
	const partOf = (table: string) => parts().find((r) => r.file.endsWith(`-${table}.parquet`))!.bytes;
	// A part holds 64 of the 1 501 projects; each small file repeats its schema and footer.
	expect(partOf('projects')).toBeLessThan(whole('projects.parquet') / 5);
	expect(partOf('instalments')).toBeLessThan(whole('instalments.parquet') / 5);
	await expect(record).toContainText('1,000,000.00 บาท');
	await expect(record).toContainText('1 ธ.ค. 2560');
	await expect(record.locator('tfoot')).toContainText('0.00');
	await expect(record.locator('li[data-rule="instalment_sum_mismatch"]')).toBeVisible();
	await record.getByRole('button', { name: 'ปิด' }).click();
	await expect(page).not.toHaveURL(/project=/);
});

test('the uncovered districts list names districts with no partner or project, and sorts', async ({ page }) => {
	const expected = await direct<{ n: bigint }>(
		`SELECT count(*) AS n FROM read_parquet($1) d
		 WHERE d.district_code NOT IN (SELECT district_code FROM read_parquet($2) WHERE active)
		   AND d.district_code NOT IN (SELECT district_code FROM read_parquet($3) WHERE status <> 'cancelled' AND district_code IS NOT NULL)`,
		[data('districts.parquet'), data('partners.parquet'), data('projects.parquet')]
	);
	await page.goto('/coverage?lang=en');
	await expect(page.locator('.coverage')).not.toHaveAttribute('data-coverage', '');
	const count = Number(expected[0].n);
	expect(count).toBeGreaterThan(100);
	// A long list draws its first 100 rows until the reader asks for all of them.
	const rows = page.locator('#uncovered-table tbody tr');
	await expect(rows).toHaveCount(100);
	const more = page.locator('#uncovered-table .more');
	await expect(more).toContainText(`Showing 100 of ${count.toLocaleString('en')} rows`);
	await more.getByRole('button', { name: `Show all ${count.toLocaleString('en')} rows` }).click();
	await expect(rows).toHaveCount(count);
	await expect(more).toHaveCount(0);
	await page.locator('#uncovered-table').getByRole('button', { name: 'District', exact: true }).click();
	await expect(page.locator('#uncovered-table th[aria-sort="ascending"]')).toHaveCount(1);
});

test('the coverage map groups every located partner and project, and a group opens into smaller ones', async ({
	page
}) => {
	const [expected] = await direct<{ n: bigint }>(
		`SELECT (SELECT count(*) FROM read_parquet($1) WHERE active AND lat IS NOT NULL AND lon IS NOT NULL)
		      + (SELECT count(*) FROM read_parquet($2) WHERE status <> 'cancelled' AND lat IS NOT NULL AND lon IS NOT NULL) AS n`,
		[data('partners.parquet'), data('projects.parquet')]
	);
	await page.goto('/coverage?lang=en');
	await waitForMap(page);
	await expect(page.locator('.coverage')).toHaveAttribute('data-view', '::');
	const country = await pointFeatures(page);
	// Each group counts exactly what it holds: together they are every partner and project with a position.
	expect(country.reduce((n, f) => n + f.count, 0)).toBe(Number(expected.n));
	expect(country.filter((f) => f.count > 1).length).toBeGreaterThan(20);
	// Drawn, not only handed over: the canvas under the largest group changes when the layer is hidden.
	const largest = country.reduce((a, b) => (b.count > a.count ? b : a));
	expect(await pointLayerContrast(page, largest.at)).toBeGreaterThan(60);

	// The largest group, hovered, says how many it holds; clicked, the map zooms in and it splits.
	const box = (await page.locator('.map').boundingBox())!;
	const at = await page
		.locator('.map')
		.evaluate((el, lngLat) => (el as MapElement).__map.project(lngLat as [number, number]), largest.at);
	await page.mouse.move(box.x + at.x, box.y + at.y, { steps: 3 });
	await expect(page.locator('.map-frame [role="tooltip"]')).toContainText(`${largest.count.toLocaleString('en')} here`);
	const zoom = () => page.locator('.map').evaluate((el) => (el as MapElement).__map.getZoom());
	const before = await zoom();
	await page.mouse.click(box.x + at.x, box.y + at.y);
	await expect.poll(zoom).toBeGreaterThanOrEqual(Math.floor(before) + 2);
	await expect
		.poll(async () => Math.max(...(await pointFeatures(page)).map((f) => f.count)))
		.toBeLessThan(largest.count);
});

test('zoomed in, the map fetches the points of the provinces in view and draws them one by one, named on hover', async ({
	page,
	context
}) => {
	const fetched: string[] = [];
	// Every request of the page and its workers (DuckDB's engine would be fetched by one).
	const paths: string[] = [];
	context.on('request', (request) => {
		const path = new URL(request.url()).pathname;
		paths.push(path);
		const file = /\/data\/(coverage-points\/.+)$/.exec(path)?.[1];
		if (file) fetched.push(file);
	});
	await page.goto('/coverage?lang=en');
	await waitForMap(page);
	await expect(page.locator('.coverage')).toHaveAttribute('data-view', '::');
	// Zoomed out, the groups come from the summary: no single point, no province's file.
	expect((await pointFeatures(page)).every((f) => f.id === null)).toBe(true);
	expect(fetched).toEqual([]);
	// Into Mueang Chiang Mai: Chiang Mai's file, and points with their ids.
	await page.locator('.map').evaluate((el) => (el as MapElement).__map.jumpTo({ center: [98.98, 18.79], zoom: 9.5 }));
	await expect.poll(() => fetched).toContain('coverage-points/50.parquet');
	expect(fetched.length).toBeLessThan(6);
	await expect.poll(async () => (await pointFeatures(page)).filter((f) => f.id !== null).length).toBeGreaterThan(5);
	// Hovered, a single point is named as the raw tables name it: read from the points in memory.
	const map = page.locator('.map');
	const alone = (await pointFeatures(page)).find((f) => f.id !== null)!;
	const center = alone.at as [number, number];
	await map.evaluate(
		(el, at) =>
			new Promise<void>((resolve) => {
				const m = (el as MapElement).__map;
				m.once('idle', () => resolve());
				m.jumpTo({ center: at, zoom: 14 });
			}),
		center
	);
	await expect.poll(async () => (await pointFeatures(page)).some((f) => f.id === alone.id)).toBe(true);
	const [{ name }] = await direct<{ name: string }>(
		`SELECT name_th AS name FROM read_parquet($1) WHERE partner_id = $3
		 UNION ALL SELECT title_th FROM read_parquet($2) WHERE project_code = $3`,
		[data('partners.parquet'), data('projects.parquet'), alone.id!]
	);
	const { x, y } = await projectOnMap(map, center);
	await page.mouse.move(x - 30, y - 30);
	await page.mouse.move(x, y, { steps: 5 });
	await expect(page.locator('.map-frame [role="tooltip"] .tip-name')).toHaveText(name);
	// None of it needed DuckDB.
	expect(paths.filter((p) => /\/duckdb-[^/]*\.wasm$/.test(p))).toEqual([]);
});

test('gap analysis ranks high-burden, low-coverage provinces first', async ({ page }) => {
	await page.goto('/gaps?lang=en&indicator=smoking_prevalence');
	await expect(page.locator('.gaps')).not.toHaveAttribute('data-gaps', '');
	const scores = (await tableRows(page, 'gaps-table')).map((row) => Number(row.at(-1)!.replace('−', '-')));
	expect(scores.length).toBeGreaterThan(70);
	for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1]);
	await expect(page.locator('#priority-table tbody tr').first()).toBeVisible();
});

test("a change is marked shown (the benchmark's view:updated) only once its totals and points are on the page", async ({
	page
}) => {
	await page.goto('/coverage?lang=en');
	await waitForMap(page);
	await expect(page.locator('.coverage')).toHaveAttribute('data-view', '::');
	const sum = (features: { count: number }[]) => features.reduce((n, f) => n + f.count, 0);
	const before = sum(await pointFeatures(page));
	// What the page shows at the moment each mark is set.
	await page.locator('.map').evaluate((el) => {
		const mark = performance.mark.bind(performance);
		const seen: unknown[] = ((window as unknown as { __atMark: unknown[] }).__atMark = []);
		performance.mark = ((name: string, options?: PerformanceMarkOptions) => {
			if (name === 'view:updated')
				seen.push({
					key: options?.detail,
					points: (el as MapElement).__points.drawnFeatures().length,
					partners: document.querySelector('[data-total="partners"]')!.textContent
				});
			return mark(name, options);
		}) as typeof performance.mark;
	});
	await page.getByRole('combobox', { name: 'Issue area', exact: true }).selectOption('tobacco');
	await expect(page.locator('.coverage')).toHaveAttribute('data-view', 'tobacco::');
	const atMark = () => page.evaluate(() => (window as unknown as { __atMark: { key: string }[] }).__atMark);
	await expect.poll(async () => (await atMark()).length).toBeGreaterThan(0);
	const after = await pointFeatures(page);
	expect(sum(after)).toBeLessThan(before);
	expect((await atMark())[0]).toEqual({
		key: 'tobacco::',
		points: after.length,
		partners: await page.locator('[data-total="partners"]').textContent()
	});
});

test('a network shows its provinces and roles, and its events', async ({ page }) => {
	await page.goto('/networks?lang=en');
	await expect(page.locator('.networks')).not.toHaveAttribute('data-network', '');
	await expect(page.locator('#roles-table tbody tr').first()).toBeVisible();
	await expect(page.locator('.timeline li').first()).toBeVisible();
	// Choosing another network shows it, and the address says which.
	const choose = page.getByLabel('Choose a network');
	const other = await choose.locator('option').nth(1).getAttribute('value');
	await choose.selectOption(other!);
	await expect(page.locator('.networks')).toHaveAttribute('data-network', other!);
	await expect(page).toHaveURL(new RegExp(`network=${other}`));
});

test('the uncovered-districts list exports exactly the rows it shows, as CSV and Parquet', async ({ page }) => {
	await page.goto('/coverage?lang=en&issue=tobacco&zone=1');
	// Not just "answered": the prerendered HTML carries the default view's key until the page hydrates.
	await expect(page.locator('.coverage')).toHaveAttribute('data-coverage', /"issue":"tobacco"/, { timeout: 60_000 });
	const shown = await tableRows(page, 'uncovered-table');
	expect(shown.length).toBeGreaterThan(0);
	const menu = page.locator('[data-export-id="uncovered-districts"]');

	await menu.locator('button.toggle').click();
	const [csvFile] = await Promise.all([page.waitForEvent('download'), menu.locator('[data-format="csv"]').click()]);
	const csv = readFileSync((await csvFile.path())!, 'utf8');
	expect(csv.charCodeAt(0)).toBe(0xfeff);
	const lines = csv.slice(1).trim().split(/\r\n/);
	expect(lines).toHaveLength(shown.length + 1);
	// Self-describing rows: each district and its province by code and in both languages, the filters, the source.
	const header = lines[0].split(',');
	expect(header).toEqual([
		'district_code',
		'name_th',
		'name_en',
		'province_code',
		'province_th',
		'province_en',
		'health_zone',
		'list',
		'filter',
		'is_sample',
		'source'
	]);
	const cells = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));
	expect(cells.map((c) => c.district_code)).toEqual(shown.map((r) => r.at(-1)));
	for (const c of cells) {
		expect(c).toMatchObject({ health_zone: '1', filter: 'Tobacco · Health zone 1', is_sample: 'true' });
		expect(c.name_th).toMatch(/[\u0E00-\u0E7F]/);
		expect(c.name_en).not.toMatch(/[\u0E00-\u0E7F]/);
	}

	await menu.locator('button.toggle').click();
	const [parquetFile] = await Promise.all([
		page.waitForEvent('download'),
		menu.locator('[data-format="parquet"]').click()
	]);
	const rows = await direct<Record<string, unknown>>(`SELECT * FROM read_parquet($1)`, [(await parquetFile.path())!]);
	expect(rows.map((r) => String(r.district_code))).toEqual(shown.map((r) => r.at(-1)));
});

test("the data-quality report exports one self-describing row per problem, equal to the data build's list", async ({
	page
}) => {
	const expected = await direct<{ row_key: string; rule: string; message_th: string }>(
		`SELECT row_key, rule, message_th FROM read_parquet($1) ORDER BY rule, table_name, row_key`,
		[data('quality_issues.parquet')]
	);
	expect(expected.length).toBeGreaterThan(0);
	await page.goto('/coverage?lang=en');
	await expect(page.locator('.coverage')).not.toHaveAttribute('data-coverage', '');
	const menu = page.locator('[data-export-id="quality-report"]');
	await menu.locator('button.toggle').click();
	const [parquetFile] = await Promise.all([
		page.waitForEvent('download'),
		menu.locator('[data-format="parquet"]').click()
	]);
	const rows = await direct<Record<string, string>>(
		`SELECT * FROM read_parquet($1) ORDER BY rule, table_name, row_key`,
		[(await parquetFile.path())!]
	);
	expect(Object.keys(rows[0])).toEqual([
		'table_name',
		'row_key',
		'rule',
		'field',
		'project_code',
		'partner_id',
		'message_th',
		'message_en',
		'detail',
		'list',
		'filter',
		'is_sample',
		'source'
	]);
	expect(rows.map((r) => [r.row_key, r.rule, r.message_th])).toEqual(
		expected.map((e) => [e.row_key, e.rule, e.message_th])
	);
	expect(rows[0].filter).toBe('All issue areas');
});

test('clicking a province opens its districts, covered or not, on the map and in a table; its points are fetched then, not before', async ({
	page
}) => {
	const [expected] = await direct<{ districts: bigint; covered: bigint }>(
		`SELECT count(*) AS districts,
			count(*) FILTER (WHERE district_code IN (SELECT district_code FROM read_parquet($2) WHERE active)
				OR district_code IN (SELECT district_code FROM read_parquet($3) WHERE status <> 'cancelled')) AS covered
		 FROM read_parquet($1) WHERE province_code = '40'`,
		[data('districts.parquet'), data('partners.parquet'), data('projects.parquet')]
	);
	// The data files the page asks for, in order.
	const fetched: string[] = [];
	page.on('request', (request) => {
		const file = /\/data\/(.+)$/.exec(new URL(request.url()).pathname)?.[1];
		if (file) fetched.push(file);
	});
	const pointFiles = () => fetched.filter((f) => f.startsWith('coverage-points/'));
	await page.goto('/coverage?lang=en');
	await waitForMap(page);
	// data-view is set once the counts are in and the points are drawn.
	await expect(page.locator('.coverage')).toHaveAttribute('data-view', '::');
	// Counted and drawn from the build's summary: neither the raw partners and projects nor any province's
	// points, nor the explorer's indicator tables, which the page never reads.
	expect(fetched).toContain('coverage/summary.parquet');
	expect(
		fetched.filter((f) => /^(partners|projects|instalments|indicator_\w+|unallocated_values)\.parquet$/.test(f))
	).toEqual([]);
	expect(pointFiles()).toEqual([]);
	const map = page.locator('.map');
	// A spot of Khon Kaen away from the point markers, found by asking the map what is under each candidate.
	const point = await map.evaluate((el) => {
		type Hit = { id?: number };
		const points = (el as MapElement).__points;
		const m = (
			el as HTMLElement & {
				__map: {
					project(ll: [number, number]): { x: number; y: number };
					queryRenderedFeatures(p: [number, number], o: object): Hit[];
				};
			}
		).__map;
		for (let dx = -0.4; dx <= 0.4; dx += 0.05)
			for (let dy = -0.4; dy <= 0.4; dy += 0.05) {
				const { x, y } = m.project([102.6 + dx, 16.45 + dy]);
				// Well inside: the same within 4 px every way, so a click a pixel off lands there too.
				const around = [-4, 0, 4].flatMap((ox) => [-4, 0, 4].map((oy) => [x + ox, y + oy] as [number, number]));
				const inside = around.every((p) => m.queryRenderedFeatures(p, { layers: ['province-fill'] })[0]?.id === 40);
				const free = around.every((p) => points.hitTest(p[0], p[1]) === null);
				if (inside && free) return { x, y };
			}
		throw new Error('no free spot in Khon Kaen');
	});
	const box = (await map.boundingBox())!;
	await page.mouse.click(box.x + point.x, box.y + point.y);
	await expect(page).toHaveURL(/province=40/);
	await expect(page.locator('[data-drill="40"]')).toBeVisible();
	// Opened, Khon Kaen's points are fetched, with those of the provinces its view reaches and no others.
	await expect.poll(pointFiles).toContain('coverage-points/40.parquet');
	expect(pointFiles().length).toBeLessThan(77 / 3);
	expect(pointFiles()).not.toContain('coverage-points/50.parquet');
	const rows = await page.locator('#district-table tbody tr').count();
	expect(rows).toBe(Number(expected.districts));
	const covered = await page
		.locator('#district-table tbody tr')
		.evaluateAll(
			(trs) =>
				trs.filter((tr) => [...tr.querySelectorAll('td')].slice(1).some((td) => Number(td.textContent) > 0)).length
		);
	expect(covered).toBe(Number(expected.covered));
	await expect
		.poll(() =>
			map.evaluate((el) => {
				const m = (el as HTMLElement & { __map: { queryRenderedFeatures(o: object): unknown[] } }).__map;
				return m.queryRenderedFeatures({ layers: ['district-fill'] }).length;
			})
		)
		.toBeGreaterThan(10);
});

for (const path of ['/coverage', '/gaps', '/networks'])
	test(`a partner file that cannot be fetched is reported by name on ${path}`, async ({ page }) => {
		// The coverage and gap pages count from the build's summary; the network page lists the networks of its index.
		const file = path === '/networks' ? 'coverage.json' : 'coverage/summary.parquet';
		await page.route(`**/data/${file}`, (route) => route.fulfill({ status: 404, body: 'not here' }));
		// With a filter, so the coverage page has no prerendered first view to fall back on.
		await page.goto(`${path}?lang=en&issue=tobacco`);
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('could not be loaded');
		await expect(alert).toContainText(file);
		// Nothing was counted: the coverage page's totals say so rather than showing zeros.
		if (path === '/coverage') await expect(page.locator('[data-total="partners"]')).toHaveText('…');
	});

test("the coordinator's task: which districts of Ubon Ratchathani have no partner or project, on screen and exported", async ({
	page
}, testInfo) => {
	const expected = await direct<{ district_code: string; name_en: string }>(
		`SELECT district_code, name_en FROM read_parquet($1) WHERE province_code = '34'
		   AND district_code NOT IN (SELECT district_code FROM read_parquet($2) WHERE active AND district_code IS NOT NULL)
		   AND district_code NOT IN (SELECT district_code FROM read_parquet($3) WHERE status <> 'cancelled' AND district_code IS NOT NULL)
		 ORDER BY district_code`,
		[data('districts.parquet'), data('partners.parquet'), data('projects.parquet')]
	);
	const [all] = await direct<{ districts: bigint }>(
		`SELECT count(*) AS districts FROM read_parquet($1) WHERE province_code = '34'`,
		[data('districts.parquet')]
	);
	const codes = expected.map((d) => d.district_code);
	expect(codes.length).toBeGreaterThan(0);

	await page.goto('/coverage?lang=en');
	await expect(page.locator('.coverage')).toHaveAttribute('data-db', 'ready', { timeout: 60_000 });
	await waitForMap(page);
	// The whole country first: many more districts than Ubon's.
	expect((await tableRows(page, 'uncovered-table')).length).toBeGreaterThan(codes.length);

	await page.getByRole('combobox', { name: 'Province', exact: true }).selectOption({ label: 'Ubon Ratchathani' });
	await expect(page).toHaveURL(/province=34/);
	await expect(page.locator('[data-drill="34"]')).toBeVisible();
	// The totals are Ubon's.
	await expect(page.locator('[data-total="districts"]')).toContainText(`of ${Number(all.districts)}`);
	// The list is Ubon's uncovered districts, no other province's.
	await expect(page.locator('#uncovered-table tbody tr')).toHaveCount(codes.length);
	const shown = await tableRows(page, 'uncovered-table');
	expect(shown.map((r) => r.at(-1)).sort()).toEqual(codes);
	expect(new Set(shown.map((r) => r[1]))).toEqual(new Set(['Ubon Ratchathani']));
	expect(shown.map((r) => r[2]).sort()).toEqual(expected.map((d) => d.name_en).sort());

	// Exported: the same districts, and the file says which province it lists.
	const menu = page.locator('[data-export-id="uncovered-districts"]');
	await menu.locator('button.toggle').click();
	const [csvFile] = await Promise.all([page.waitForEvent('download'), menu.locator('[data-format="csv"]').click()]);
	expect(csvFile.suggestedFilename()).toContain('province-34');
	const lines = readFileSync((await csvFile.path())!, 'utf8')
		.slice(1)
		.trim()
		.split(/\r\n/);
	const header = lines[0].split(',');
	const cells = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));
	expect(cells.map((c) => c.district_code).sort()).toEqual(codes);
	for (const c of cells)
		expect(c).toMatchObject({ province_code: '34', province_en: 'Ubon Ratchathani', filter: 'Ubon Ratchathani' });

	// On the zoomed map: the districts named in the app's own font, and a legend for their colours.
	const names = page.locator('.map-frame .map-name[data-kind="district"]');
	await expect.poll(() => names.count()).toBeGreaterThan(5);
	const named = await names.allTextContents();
	const ubon = await direct<{ name_en: string }>(`SELECT name_en FROM read_parquet($1) WHERE province_code = '34'`, [
		data('districts.parquet')
	]);
	expect(named.every((n) => ubon.some((d) => d.name_en === n))).toBe(true);
	const legend = page.locator('[data-district-legend]');
	await expect(legend).toContainText('Districts of Ubon Ratchathani');
	await expect(legend).toContainText('has a partner or project');
	await expect(legend).toContainText('no partner or project yet');
	// The zoomed province is clear of the legend that floats over the map's bottom right.
	const provinces = JSON.parse(readFileSync(data('provinces.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
	const ubonShape = provinces.features.find((f) => f.properties?.province_code === '34')!.geometry;
	const lonLats =
		ubonShape.type === 'Polygon'
			? ubonShape.coordinates.flat()
			: (ubonShape as GeoJSON.MultiPolygon).coordinates.flat(2);
	const [east, south] = [Math.max(...lonLats.map((p) => p[0])), Math.min(...lonLats.map((p) => p[1]))];
	const mapBox = mapLocator(page);
	await expect
		.poll(async () => {
			const corner = await projectOnMap(mapBox, [east, south]);
			const key = (await page.locator('.legend-overlay').boundingBox())!;
			return corner.x < key.x || corner.y < key.y;
		})
		.toBe(true);
	expect(await audit(page, testInfo, 'coverage, Ubon Ratchathani')).toEqual([]);

	// A zone that does not hold Ubon drops the province filter; the zone's list holds the zone's provinces only.
	await page.getByRole('combobox', { name: 'Health zone' }).selectOption('7');
	await expect(page).not.toHaveURL(/province=/);
	await expect(page.locator('[data-drill]')).toHaveCount(0);
	const zone7 = await direct<{ name_en: string }>(`SELECT name_en FROM read_parquet($1) WHERE health_zone = 7`, [
		data('provinces.parquet')
	]);
	const inZone = await tableRows(page, 'uncovered-table');
	expect(inZone.length).toBeGreaterThan(0);
	expect(inZone.every((r) => zone7.some((p) => p.name_en === r[1]))).toBe(true);
});
