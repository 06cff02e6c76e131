/**
 * A first visit on a phone costs little (issue 21): the explorer answers year, zone, indicator and
 * province changes of the bundled data from the build's cube files, the coverage and gap pages their
 * filters from the build's coverage files, without DuckDB-WASM, and the engine comes only with the
 * first question that needs it (Your data and its SQL console, a project's record), once: the coverage
 * map's single points (zoomed in, or a province opened) come from the build's files of points too.
 * Bytes are counted as the server sends them (gzip where it compresses), for the page and its
 * workers; the service worker is blocked here (its own traffic is tested in offline.spec.ts).
 */
import type { BrowserContext, Request } from '@playwright/test';
import { expect, test } from './fixtures';
import {
	consoleQuery,
	LATEST_ROAD_YEAR,
	pointFeatures,
	tableRows,
	waitForMap,
	waitForView,
	type MapElement
} from './helpers';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, serviceWorkers: 'block' });

/** What a first visit may transfer before its first zone change is answered. */
const FIRST_VISIT_BUDGET = 1_500_000;

/**
 * What a first visit to /coverage or /gaps may transfer before its first answers from data (measured
 * 1.20 and 1.38 MB, page, scripts, fonts, MapLibre and the coverage files, counted at the server; it was
 * 9.1–9.4 MB with DuckDB-WASM).
 */
const COVERAGE_VISIT_BUDGET = 2_000_000;

const ENGINE = /\/duckdb-[^/]*\.wasm$|\/duckdb-browser-[^/]*\.worker\.[^/]*\.js$/;

/** Every finished response of the context (page and dedicated workers): its path and body bytes as sent. */
function countRequests(context: BrowserContext) {
	const seen: { path: string; bytes: number }[] = [];
	const pending = new Set<Promise<void>>();
	context.on('requestfinished', (request: Request) => {
		const done = (async () => {
			const response = await request.response();
			// The body as sent: Content-Length (the app's server always sends it; gzip where it compresses).
			const length = Number((await response?.headerValue('content-length')) ?? NaN);
			const bytes = Number.isFinite(length) ? length : ((await request.sizes()).responseBodySize ?? 0);
			seen.push({ path: new URL(request.url()).pathname, bytes });
		})();
		pending.add(done);
		done.finally(() => pending.delete(done));
	});
	const list = async () => {
		await Promise.all(pending);
		return [...seen];
	};
	return {
		/** The requests finished so far, once their sizes are read. */
		list,
		/** Those of them that are DuckDB-WASM's engine (its wasm or its worker). */
		engine: async () => (await list()).filter((r) => ENGINE.test(r.path))
	};
}

test('a first visit answers the bundled indicators without DuckDB, within 1.5 MB; Your data and its console bring the engine, once', async ({
	page,
	context
}) => {
	const requests = countRequests(context);
	const { engine } = requests;

	await page.goto('/?lang=en');
	await expect(page.locator('.explorer')).toHaveAttribute('data-db', 'ready');
	// The phone folds the filters behind one button.
	await page.getByRole('button', { name: /^Filters:/ }).click();
	await page.getByRole('combobox', { name: 'Health zone', exact: true }).selectOption('10');
	// Answered: every view, the zone's issue areas too (those are not in the page's snapshot).
	await waitForView(page, 'road_death_rate', LATEST_ROAD_YEAR, { zone: 10 });
	const before = await requests.list();
	const bytes = before.reduce((n, r) => n + r.bytes, 0);
	test.info().annotations.push({
		type: 'first visit',
		description: `${before.length} requests, ${(bytes / 1e6).toFixed(2)} MB until zone 10 is answered`
	});
	expect(before.some((r) => r.path.endsWith('.parquet') && r.path.includes('/data/cubes/'))).toBe(true);
	expect(await engine()).toEqual([]);
	expect(bytes).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);

	// A year, another indicator, another issue area (the year is kept), a province: answered, still without the engine.
	const year = LATEST_ROAD_YEAR - 3;
	await page.getByRole('combobox', { name: 'Year', exact: true }).selectOption(String(year));
	await waitForView(page, 'road_death_rate', year, { zone: 10 });
	await page.getByRole('combobox', { name: 'Indicator', exact: true }).selectOption('road_deaths');
	await waitForView(page, 'road_deaths', year, { zone: 10 });
	await page.getByRole('combobox', { name: 'Issue area', exact: true }).selectOption('tobacco');
	await waitForView(page, 'smoking_prevalence', year, { zone: 10 });
	await page.getByRole('combobox', { name: 'Province', exact: true }).selectOption('34');
	await waitForView(page, 'smoking_prevalence', year, { zone: 10, province: '34' });
	await page.goto('/?lang=en&indicator=dengue_rate&province=40');
	await waitForView(page, 'dengue_rate', 2022, { zone: 7, province: '40' });
	// Dengue's season (its monthly counts) comes from the build's files too.
	expect(await tableRows(page, 'season-table')).toHaveLength(2022 - 2003 + 1);
	expect(await engine()).toEqual([]);

	// Your data: the engine comes now, and works (the SQL console answers from the loaded tables).
	await page.getByRole('button', { name: 'Menu' }).click();
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your data' }).click();
	await expect(page.locator('.user-data')).toHaveAttribute('data-db', 'ready', { timeout: 60_000 });
	expect(await consoleQuery(page, 'SELECT count(*) FROM provinces')).toEqual([['77']]);
	const wasm = (await engine()).filter((r) => r.path.endsWith('.wasm'));
	expect(wasm).toHaveLength(1);
	// The other engine build (mvp) is never fetched beside the one the browser runs.
	expect((await engine()).filter((r) => r.path.endsWith('.js'))).toHaveLength(1);
});

test('a first visit to /coverage answers a year and an issue-area change without DuckDB; a project record brings the engine', async ({
	page,
	context
}) => {
	const requests = countRequests(context);
	const { engine } = requests;
	const coverage = page.locator('.coverage');

	await page.goto('/coverage?lang=en');
	await expect(coverage).toHaveAttribute('data-db', 'ready');
	await expect(coverage).toHaveAttribute('data-view', '::');
	const before = await requests.list();
	const bytes = before.reduce((n, r) => n + r.bytes, 0);
	test.info().annotations.push({
		type: 'first visit',
		description: `${before.length} requests, ${(bytes / 1e6).toFixed(2)} MB until /coverage answers from data`
	});
	// Named in the page's head, so fetched while its scripts load, and once: the page's own read takes that response.
	for (const file of ['/data/coverage.json', '/data/coverage/summary.parquet']) {
		await expect(page.locator(`head link[rel="preload"][as="fetch"][href$="${file}"]`), file).toHaveCount(1);
		expect(
			before.filter((r) => r.path.endsWith(file)),
			file
		).toHaveLength(1);
	}
	expect(bytes).toBeLessThanOrEqual(COVERAGE_VISIT_BUDGET);

	const total = () => page.locator('[data-total="projects"]').textContent();
	const all = await total();
	await page.getByRole('button', { name: /^Filters:/ }).click();
	await page.getByRole('combobox', { name: 'Year', exact: true }).selectOption('2020');
	await expect(coverage).toHaveAttribute('data-view', ':2020:');
	const in2020 = await total();
	expect(in2020).not.toBe(all);
	await page.getByRole('combobox', { name: 'Issue area', exact: true }).selectOption('tobacco');
	await expect(coverage).toHaveAttribute('data-view', 'tobacco:2020:');
	expect(await total()).not.toBe(in2020);
	expect(await engine()).toEqual([]);
	expect((await requests.list()).filter((r) => /\/data\/(partners|projects)\.parquet$/.test(r.path))).toEqual([]);

	// A project's record needs the engine: it comes now, once.
	await page.goto('/coverage?lang=en&project=60-ข-087');
	await expect(page.getByRole('dialog')).toContainText('60-ข-087', { timeout: 60_000 });
	expect((await engine()).filter((r) => r.path.endsWith('.wasm'))).toHaveLength(1);
});

test("zoomed in, and with a province opened, /coverage draws single points from their provinces' files, without DuckDB or the raw tables", async ({
	page,
	context
}) => {
	const requests = countRequests(context);
	const { engine } = requests;
	const coverage = page.locator('.coverage');
	const pointFiles = async () =>
		(await requests.list()).map((r) => r.path).filter((p) => p.includes('/data/coverage-points/'));

	await page.goto('/coverage?lang=en');
	await expect(coverage).toHaveAttribute('data-db', 'ready');
	await expect(coverage).toHaveAttribute('data-view', '::');
	const map = await waitForMap(page);
	expect(await pointFiles()).toEqual([]);
	// Into Mueang Chiang Mai: its province's file of points, and single points drawn from it.
	await map.evaluate((el) => (el as MapElement).__map.jumpTo({ center: [98.98, 18.79], zoom: 10 }));
	await expect.poll(pointFiles).toContainEqual(expect.stringMatching(/\/coverage-points\/50\.parquet$/));
	await expect.poll(async () => (await pointFeatures(page)).filter((f) => f.id !== null).length).toBeGreaterThan(5);
	// A province opened (Khon Kaen, from its link): its file too.
	await page.goto('/coverage?lang=en&province=40');
	await expect(coverage).toHaveAttribute('data-db', 'ready');
	await expect.poll(pointFiles).toContainEqual(expect.stringMatching(/\/coverage-points\/40\.parquet$/));
	const paths = (await requests.list()).map((r) => r.path);
	expect(paths.filter((p) => /\/data\/(partners|projects|instalments)\.parquet$/.test(p))).toEqual([]);
	expect(await engine()).toEqual([]);
});

test('a first visit to /gaps answers a burden indicator and a network change without DuckDB', async ({
	page,
	context
}) => {
	const requests = countRequests(context);
	const { engine } = requests;
	const gaps = page.locator('.gaps');

	await page.goto('/gaps?lang=en');
	await expect(gaps).toHaveAttribute('data-db', 'ready');
	await expect(gaps).not.toHaveAttribute('data-gaps', '');
	const before = await requests.list();
	const bytes = before.reduce((n, r) => n + r.bytes, 0);
	test.info().annotations.push({
		type: 'first visit',
		description: `${before.length} requests, ${(bytes / 1e6).toFixed(2)} MB until /gaps answers from data`
	});
	expect(bytes).toBeLessThanOrEqual(COVERAGE_VISIT_BUDGET);

	await page.getByRole('combobox', { name: 'Burden (indicator)', exact: true }).selectOption('dengue_rate');
	await expect(gaps).toHaveAttribute('data-gaps', /^dengue_rate:/);
	await page.getByRole('button', { name: /^Filters:/ }).click();
	await page.getByRole('combobox', { name: 'Network', exact: true }).selectOption('isan_partner_network');
	await expect(gaps).toHaveAttribute('data-gaps', /^dengue_rate:.*isan_partner_network/);
	expect(await engine()).toEqual([]);
});

test("a first visit to /networks lists each network's partners and projects from its own files, without DuckDB or the raw tables", async ({
	page,
	context
}) => {
	const requests = countRequests(context);
	const { engine } = requests;
	const networks = page.locator('.networks');

	await page.goto('/networks?lang=en');
	await expect(networks).not.toHaveAttribute('data-network', '');
	const first = await networks.getAttribute('data-network');
	await expect(page.locator('#network-projects summary')).toContainText(/\d/);
	const choose = page.getByLabel('Choose a network');
	const other = await choose.locator('option').nth(1).getAttribute('value');
	await choose.selectOption(other!);
	await expect(networks).toHaveAttribute('data-network', other!);
	const paths = (await requests.list()).map((r) => r.path);
	// The build's file of each list shown (data/build/coverage-files.ts), at any size; never the raw tables.
	for (const id of [first, other])
		for (const list of ['partners', 'projects'])
			expect(paths.some((p) => new RegExp(`/data/coverage/networks/\\d+-${id}-${list}\\.parquet$`).test(p))).toBe(true);
	expect(paths.filter((p) => /\/data\/(partners|projects)\.parquet$/.test(p))).toEqual([]);
	expect(await engine()).toEqual([]);
});
