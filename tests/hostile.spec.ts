import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pointFeatures, projectOnMap } from './helpers';
import { HOSTILE_NAME, HOSTILE_TITLE } from './support/hostile-queries';

// Strings from data files are text, never markup: a partner named <img src=x onerror=alert(1)> and a
// project titled "><script>alert(1)</script> (served in place of the bundled Parquet files) show as
// those literal characters in tables, tooltips, the project record and the exported files, and
// nothing of them runs: no dialog, no element made from them. The same for the user's own SQL.

const NETWORK = 'upper_south_zone11';
const PROJECT = '60-ข-087';
const scratch = mkdtempSync(join(tmpdir(), 'phakhi-hostile-'));
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const data = (file: string) => join(process.cwd(), 'static/data', file);

/** The bundled tables with one partner and one project renamed, as Parquet bytes; and the partner's id and place. */
async function hostileTables() {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	try {
		const [partner] = (
			await conn.runAndReadAll(
				`SELECT partner_id, province_code, lon, lat FROM read_parquet($1)
				 WHERE active AND lon IS NOT NULL AND list_contains(string_split(network_ids, ';'), $2)
				 ORDER BY province_code, partner_id LIMIT 1`,
				[data('partners.parquet'), NETWORK]
			)
		).getRowObjectsJS() as { partner_id: string; province_code: string; lon: number; lat: number }[];
		const partners = join(scratch, 'partners.parquet');
		const projects = join(scratch, 'projects.parquet');
		// COPY takes no parameters: the paths are our own, the hostile strings are bound.
		await conn.run(`SET VARIABLE hostile_name = $1`, [HOSTILE_NAME]);
		await conn.run(`SET VARIABLE hostile_title = $1`, [HOSTILE_TITLE]);
		await conn.run(`SET VARIABLE partner = $1`, [partner.partner_id]);
		await conn.run(`SET VARIABLE project = $1`, [PROJECT]);
		await conn.run(
			`COPY (SELECT * REPLACE (
				CASE WHEN partner_id = getvariable('partner') THEN getvariable('hostile_name') ELSE name_th END AS name_th,
				CASE WHEN partner_id = getvariable('partner') THEN getvariable('hostile_name') ELSE name_en END AS name_en)
			 FROM read_parquet('${data('partners.parquet')}')) TO '${partners}' (FORMAT parquet, COMPRESSION snappy)`
		);
		const hostileProjects = (from: string, to: string) =>
			conn.run(
				`COPY (SELECT * REPLACE (
					CASE WHEN project_code = getvariable('project') THEN getvariable('hostile_title') ELSE title_th END AS title_th,
					CASE WHEN project_code = getvariable('project') THEN getvariable('hostile_title') ELSE title_en END AS title_en,
					CASE WHEN project_code = getvariable('project') THEN getvariable('hostile_name') ELSE organisation_th END AS organisation_th)
				 FROM read_parquet('${from}')) TO '${to}' (FORMAT parquet, COMPRESSION snappy)`
			);
		await hostileProjects(data('projects.parquet'), projects);
		// A project's record is read from the part of the build's record files that holds its code (project-records.json).
		const { parts } = JSON.parse(readFileSync(data('project-records.json'), 'utf8')) as {
			parts: { projects: string }[];
		};
		let recordPart: string | null = null;
		for (const part of parts) {
			const found = await conn.runAndReadAll(`SELECT 1 FROM read_parquet($1) WHERE project_code = $2`, [
				data(part.projects),
				PROJECT
			]);
			if (found.getRows().length > 0) recordPart = part.projects;
		}
		if (!recordPart) throw new Error(`no record part holds ${PROJECT}`);
		const record = join(scratch, 'record-part.parquet');
		await hostileProjects(data(recordPart), record);
		// The map draws single points from the build's file of their province (src/lib/data/coverage-summary.ts).
		const pointFile = `coverage-points/${partner.province_code}.parquet`;
		const points = join(scratch, 'points.parquet');
		await conn.run(
			`COPY (SELECT * REPLACE (
				CASE WHEN kind = 0 AND id = getvariable('partner') THEN getvariable('hostile_name') ELSE name END AS name)
			 FROM read_parquet('${data(pointFile)}')) TO '${points}' (FORMAT parquet, COMPRESSION snappy)`
		);
		// The network page lists the network's partners and projects from the build's files of its lists (src/lib/data/coverage-files.ts).
		const lists = (
			JSON.parse(readFileSync(data('coverage.json'), 'utf8')) as {
				details: Record<string, { partners: string; projects: string }>;
			}
		).details[NETWORK];
		const networkPartners = join(scratch, 'network-partners.parquet');
		const networkProjects = join(scratch, 'network-projects.parquet');
		await conn.run(
			`COPY (SELECT * REPLACE (
				CASE WHEN partner_id = getvariable('partner') THEN getvariable('hostile_name') ELSE name_th END AS name_th,
				CASE WHEN partner_id = getvariable('partner') THEN getvariable('hostile_name') ELSE name_en END AS name_en)
			 FROM read_parquet('${data(lists.partners)}')) TO '${networkPartners}' (FORMAT parquet, COMPRESSION snappy)`
		);
		await conn.run(
			`COPY (SELECT * REPLACE (
				CASE WHEN project_code = getvariable('project') THEN getvariable('hostile_title') ELSE title_th END AS title_th)
			 FROM read_parquet('${data(lists.projects)}')) TO '${networkProjects}' (FORMAT parquet, COMPRESSION snappy)`
		);
		return {
			partner,
			networkLists: [
				{ file: lists.partners, bytes: readFileSync(networkPartners) },
				{ file: lists.projects, bytes: readFileSync(networkProjects) }
			],
			partners: readFileSync(partners),
			projects: readFileSync(projects),
			record: { file: recordPart, bytes: readFileSync(record) },
			points: { file: pointFile, bytes: readFileSync(points) }
		};
	} finally {
		conn.closeSync();
		db.closeSync();
	}
}

let tables: Awaited<ReturnType<typeof hostileTables>>;
test.beforeAll(async () => {
	tables = await hostileTables();
});

/** Serves the hostile tables; fails the test on any dialog; returns a check that nothing was injected. */
async function hostilePage(page: Page) {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		d.dismiss().catch(() => undefined);
	});
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.route('**/data/partners.parquet', (route) =>
		route.fulfill({ body: tables.partners, contentType: 'application/vnd.apache.parquet' })
	);
	await page.route('**/data/projects.parquet', (route) =>
		route.fulfill({ body: tables.projects, contentType: 'application/vnd.apache.parquet' })
	);
	await page.route(`**/data/${tables.record.file}`, (route) =>
		route.fulfill({ body: tables.record.bytes, contentType: 'application/vnd.apache.parquet' })
	);
	for (const list of tables.networkLists)
		await page.route(`**/data/${list.file}`, (route) =>
			route.fulfill({ body: list.bytes, contentType: 'application/vnd.apache.parquet' })
		);
	await page.route(`**/data/${tables.points.file}`, (route) =>
		route.fulfill({ body: tables.points.bytes, contentType: 'application/vnd.apache.parquet' })
	);
	return async (where: string) => {
		const injected = await page.evaluate(() => ({
			images: document.querySelectorAll('img[src="x"], [onerror], [onload]').length,
			scripts: [...document.scripts].filter((s) => (s.textContent ?? '').includes('alert(1)')).length
		}));
		expect(injected, where).toEqual({ images: 0, scripts: 0 });
		expect(dialogs, where).toEqual([]);
		expect(errors, where).toEqual([]);
	};
}

async function download(page: Page, view: string, format: string): Promise<string> {
	const menu = page.locator(`[data-export-id="${view}"]`);
	await menu.locator('button.toggle').click();
	const [file] = await Promise.all([page.waitForEvent('download'), menu.locator(`[data-format="${format}"]`).click()]);
	const path = join(scratch, file.suggestedFilename());
	await file.saveAs(path);
	return readFileSync(path, 'utf8');
}

/** The SVG file, parsed by the browser's XML parser: its text, and any element that could run. */
async function svgText(page: Page, source: string) {
	return page.evaluate((source) => {
		const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
		return {
			error: doc.querySelector('parsererror')?.textContent ?? null,
			text: doc.documentElement.textContent ?? '',
			active: doc.querySelectorAll('script, img, foreignObject, [onerror], [onload]').length
		};
	}, source);
}

for (const lang of ['th', 'en'] as const)
	test(`hostile names are literal text on the networks page, in its tables and exports (${lang})`, async ({ page }) => {
		const check = await hostilePage(page);
		await page.goto(`/networks?network=${NETWORK}${lang === 'en' ? '&lang=en' : ''}`);
		await expect(page.locator('.networks')).toHaveAttribute('data-network', NETWORK);

		// The real projects' list, and both tables.
		await expect(page.locator('.real-projects')).toContainText(HOSTILE_TITLE);
		for (const id of ['network-projects', 'network-partners']) {
			const table = page.locator(`#${id}`);
			await table.locator('summary').click();
			await expect(table.locator('tbody tr').first()).toBeVisible();
		}
		await expect(page.locator('#network-projects tbody td', { hasText: HOSTILE_TITLE })).toHaveCount(1);
		await expect(page.locator('#network-partners tbody td').getByText(HOSTILE_NAME, { exact: true })).toHaveCount(1);
		await check('tables');

		// Exports: the CSV holds the string as a (quoted) value, the SVG as escaped text.
		const csv = await download(page, 'network-projects', 'csv');
		expect(csv).toContain(`"${HOSTILE_TITLE.replace(/"/g, '""')}`);
		const partnersCsv = await download(page, 'network-partners', 'csv');
		expect(partnersCsv).toContain(HOSTILE_NAME);
		for (const view of ['network-projects', 'network-partners']) {
			const svg = await svgText(page, await download(page, view, 'svg'));
			expect(svg.error, view).toBeNull();
			expect(svg.active, view).toBe(0);
			expect(svg.text).toContain(view === 'network-projects' ? HOSTILE_TITLE : HOSTILE_NAME);
		}
		await check('exports');
	});

test('hostile names are literal text in the project record and the map tooltip', async ({ page }) => {
	const check = await hostilePage(page);
	await page.goto(`/coverage?project=${encodeURIComponent(PROJECT)}`);
	const record = page.getByRole('dialog');
	await expect(record.locator('h3')).toHaveText(HOSTILE_TITLE);
	await expect(record).toContainText(HOSTILE_NAME);
	await check('record');
	await record.getByRole('button').first().click();
	await expect(page).not.toHaveURL(/project=/);

	// The partner's point, zoomed in until it stands alone, hovered.
	await expect(page.locator('.coverage')).toHaveAttribute('data-db', 'ready');
	await expect(page.locator('.coverage')).not.toHaveAttribute('data-coverage', '');
	const map = page.locator('.map');
	await expect(map).toHaveAttribute('data-painted', 'true');
	const { lon, lat } = tables.partner;
	await map.evaluate(
		(el, center) =>
			new Promise<void>((resolve) => {
				const m = (el as HTMLElement & { __map: import('maplibre-gl').Map }).__map;
				m.once('idle', () => resolve());
				m.jumpTo({ center, zoom: 13 });
			}),
		[lon, lat] as [number, number]
	);
	// Its province's points are fetched once the map is zoomed in: hovered only once it is drawn.
	await expect.poll(async () => (await pointFeatures(page)).some((f) => f.id === tables.partner.partner_id)).toBe(true);
	const { x, y } = await projectOnMap(map, [lon, lat]);
	await page.mouse.move(x - 30, y - 30);
	await page.mouse.move(x, y, { steps: 5 });
	const tooltip = page.locator('.map-frame [role="tooltip"]');
	await expect(tooltip.locator('.tip-name')).toHaveText(HOSTILE_NAME);
	await check('tooltip');
});

test('hostile column names and values on the data page: a user file, the SQL console, its table and CSV', async ({
	page
}) => {
	const check = await hostilePage(page);
	await page.goto('/data?lang=en');
	await expect(page.locator('.user-data')).toHaveAttribute('data-db', 'ready');
	// A user's file whose header and cells are hostile: the mapping step lists them as text.
	const upload = join(scratch, 'hostile.csv');
	writeFileSync(upload, `จังหวัด,ปี พ.ศ.,"${HOSTILE_NAME}"\nขอนแก่น,2566,"${HOSTILE_TITLE.replace(/"/g, '""')}"\n`);
	await page.locator('.drop input[type=file]').setInputFiles(upload);
	const job = page.locator('li[data-file="hostile.csv"]');
	await expect(job).toHaveAttribute('data-status', 'mapping');
	await expect(job.locator('option', { hasText: HOSTILE_NAME }).first()).toBeAttached();
	await check('user file');

	const sql = page.locator('#sql-input');
	const run = page.locator('.console button.primary');
	// An error that quotes the hostile text: shown as text.
	await sql.fill(`SELECT * FROM "${HOSTILE_NAME}"`);
	await run.click();
	await expect(page.locator('.console [role="alert"] pre')).toContainText(HOSTILE_NAME);
	await check('sql error');

	await sql.fill(
		`SELECT name_th AS "${HOSTILE_NAME}", '${HOSTILE_TITLE}' AS title FROM provinces WHERE province_code = '40'`
	);
	await run.click();
	const result = page.locator('#sql-result');
	await expect(result.locator('tbody tr')).toHaveCount(1);
	await expect(result.locator('thead th').first()).toHaveText(HOSTILE_NAME);
	await expect(result.locator('tbody td').first()).toHaveText('ขอนแก่น');
	await expect(result.locator('tbody td').nth(1)).toHaveText(HOSTILE_TITLE);
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.locator('.console [data-format="csv"]').click()
	]);
	const path = join(scratch, 'sql.csv');
	await file.saveAs(path);
	const csv = readFileSync(path, 'utf8');
	expect(csv).toContain(HOSTILE_NAME);
	expect(csv).toContain(`"${HOSTILE_TITLE.replace(/"/g, '""')}"`);
	await check('sql console');
});
