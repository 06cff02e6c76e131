/**
 * The site an organisation builds from its own exports: the app built from tests/fixtures/exports-agency
 * (`npm run build:exports-site`, which runs `npm run data -- --exports` and the site build into
 * .exports-site/, leaving static/data/ and build/ to the other tests). Served here on a port of its own
 * (the operating system picks a free one), like any static web server would serve it.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ExportsReport } from '../src/lib/upload/exports-report';
import { parseMappingFile } from '../src/lib/upload/mapping-file';
import { consoleQuery, tableRows } from './helpers';
import { startServer } from './support/serve.mjs';
import { EXPORTS_SITE_BUILD, FIXTURE_FOLDER } from './support/build-exports-site';
import {
	EXPECTED,
	FIXTURE_CONFIG,
	INSTALMENT_SHEET,
	NOTES_SHEET,
	PARTNERS_CSV,
	PROJECT_SHEET,
	WORKBOOK
} from './support/exports-fixture';
import { expect, test } from './fixtures';

const FIXTURE = join(process.cwd(), FIXTURE_FOLDER);

let site: { url: string; close: () => Promise<void> };

test.beforeAll(async () => {
	if (!existsSync(EXPORTS_SITE_BUILD))
		throw new Error(`${EXPORTS_SITE_BUILD} is missing: run npm run build:exports-site (npm run test:browser does)`);
	const server = await startServer({ root: EXPORTS_SITE_BUILD, port: 0 });
	site = { url: server.url.replace(/\/$/, ''), close: server.close };
});
// This site is the pages' own origin here: nothing may leave it (fixtures.ts checks every request).
test.use({ allowedOrigins: async ({}, use) => use([site.url]) });
test.afterAll(async () => {
	await site?.close();
});

const en = (n: number) => Math.round(n).toLocaleString('en-GB');

async function coverage(page: Page, query: string): Promise<void> {
	await page.goto(`${site.url}/coverage?lang=en${query}`);
	await expect(page.locator('.coverage')).toHaveAttribute('data-db', 'ready', { timeout: 60_000 });
	await expect(page.locator('.coverage')).not.toHaveAttribute('data-coverage', '');
}

const totals = (page: Page) => ({
	partners: page.locator('[data-total="partners"]'),
	projects: page.locator('[data-total="projects"]'),
	budget: page.locator('.totals dd').nth(2)
});

test('the coverage page shows exactly the exports’ numbers, with the status and issue filters', async ({ page }) => {
	await coverage(page, '');
	let t = totals(page);
	await expect(t.partners).toHaveText(en(EXPECTED.coverage.all.partners));
	await expect(t.projects).toHaveText(en(EXPECTED.coverage.all.projects));
	await expect(t.budget).toHaveText(en(EXPECTED.coverage.all.budget));
	// The deployment's name, and no sample label: the exports replaced the sample partners and projects.
	await expect(page.locator('header .name')).toHaveText(FIXTURE_CONFIG.title_en);
	await expect(page.locator('header .tagline')).toHaveText(FIXTURE_CONFIG.organisation_en);
	// A shared link previews under the deployment's name too.
	await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute('content', FIXTURE_CONFIG.title_en);
	await expect(page.getByText(/sample \(generated\) data/i)).toHaveCount(0);

	// "ดำเนินการ" and "กำลังดำเนินการ" were resolved to active: the status filter counts them.
	await page.getByRole('combobox', { name: 'Project status' }).selectOption('active');
	await expect(page.locator('.coverage')).toHaveAttribute('data-coverage', /"status":"active"/);
	t = totals(page);
	await expect(t.projects).toHaveText(en(EXPECTED.coverage.active.projects));
	await expect(t.budget).toHaveText(en(EXPECTED.coverage.active.budget));

	// "บุหรี่", "บุหรี่ไฟฟ้า" resolved to tobacco: the issue filter finds them.
	await coverage(page, '&issue=tobacco');
	t = totals(page);
	await expect(t.partners).toHaveText(en(EXPECTED.coverage.tobacco.partners));
	await expect(t.projects).toHaveText(en(EXPECTED.coverage.tobacco.projects));
	await expect(t.budget).toHaveText(en(EXPECTED.coverage.tobacco.budget));
});

test('the validation report page lists the planted problems, in English and in Thai', async ({ page }) => {
	await page.goto(`${site.url}/data/report?lang=en`);
	const report = page.locator('.exports-report');
	await expect(report).toHaveAttribute('data-problems', String(EXPECTED.problems.length));
	const rows = report.locator('table.problems tbody tr');
	await expect(rows).toHaveCount(EXPECTED.problems.length);
	await expect(rows.nth(0)).toContainText(PARTNERS_CSV);
	await expect(rows.nth(0)).toContainText('line 8');
	await expect(rows.nth(0)).toContainText('เมืองลับแล');
	await expect(rows.nth(0)).toContainText('row left out');
	await expect(rows.nth(1)).toContainText(`${WORKBOOK} › ${PROJECT_SHEET}`);
	await expect(rows.nth(1)).toContainText('row 8');
	await expect(rows.nth(1)).toContainText('รอตรวจสอบเอกสาร');
	await expect(rows.nth(2)).toContainText(NOTES_SHEET);
	await expect(rows.nth(2)).toContainText('file not used');
	const md = await page.request.get(`${site.url}/data/report.md`);
	expect(md.ok()).toBe(true);
	expect(await md.text()).toContain('รอตรวจสอบเอกสาร');

	await page.goto(`${site.url}/data/report`);
	await expect(report.locator('h1')).toHaveText('รายงานการตรวจข้อมูลของเว็บนี้');
	await expect(report.locator('table.problems tbody tr').nth(0)).toContainText('แถวนี้ไม่ได้ใช้');
});

/** The same question of the Your data page's tables (its SQL console) and of the exports site's data (DuckDB in Node). */
const COMPARE = {
	partners: `SELECT partner_id, name_th, partner_type, province_code, district_code, CAST(lat AS VARCHAR) AS lat,
	           CAST(lon AS VARCHAR) AS lon, issue_area_ids, CAST(year_joined AS VARCHAR) AS y, CAST(active AS VARCHAR) AS a
	           FROM {partners} WHERE partner_id <> 'ภ-007' ORDER BY 1`,
	projects: `SELECT project_code, title_th, programme_th, organisation_th, status, province_code, CAST(budget AS VARCHAR) AS b,
	           start_date, end_date, issue_area_ids FROM {projects} WHERE project_code <> '67-ก-030' ORDER BY 1`,
	instalments: `SELECT project_code, CAST(instalment_no AS VARCHAR) AS n, period_start, period_end, report_start, report_end,
	              CAST(amount AS VARCHAR) AS amount FROM {instalments} ORDER BY 1, 2`
};

async function built(sql: string): Promise<string[][]> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const text = sql.replace(
			/\{(\w+)\}/g,
			(_, t: string) => `read_parquet('${join(EXPORTS_SITE_BUILD, 'data', `${t}.parquet`)}')`
		);
		const reader = await conn.runAndReadAll(text);
		// The console shows NULL as "NULL".
		return reader.getRowsJS().map((r) => r.map((v) => (v === null ? 'NULL' : String(v))));
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

test('the same files on the Your data page give the same tables as the build, the coverage filters count them, and the mapping downloads', async ({
	page
}) => {
	test.setTimeout(240_000);
	await page.goto('/data?lang=en');
	await expect(page.locator('.user-data')).toHaveAttribute('data-db', 'ready', { timeout: 60_000 });
	await page.locator('.drop input[type=file]').setInputFiles([join(FIXTURE, PARTNERS_CSV), join(FIXTURE, WORKBOOK)]);
	const item = (name: string) => page.locator(`li[data-file="${name}"]`);

	// The page asks the user about what nobody could place (the build leaves those rows out and lists them).
	const partners = item(PARTNERS_CSV);
	await expect(partners).toHaveAttribute('data-status', 'mapping');
	await expect(partners).toContainText('Encoding windows-874');
	await partners.locator('[data-fixes="province_code"] tr[data-unresolved="เมืองชล"] select').selectOption('20');
	await partners.locator('[data-fixes="province_code"] tr[data-unresolved="เมืองลับแล"] select').selectOption('50');
	await partners.getByRole('button', { name: 'Check and load' }).click();
	await expect(partners).toHaveAttribute('data-status', 'loaded');
	const projects = item(`${WORKBOOK} › ${PROJECT_SHEET}`);
	await expect(projects).toHaveAttribute('data-status', 'mapping');
	// The page says what the build's report says, naming the row as Excel shows it.
	const report = JSON.parse(readFileSync(join(EXPORTS_SITE_BUILD, 'data', 'report.json'), 'utf8')) as ExportsReport;
	const status = report.problems.find((p) => p.code === 'unknown_code')!;
	expect(status.message_en).toContain('(rows 8)');
	await expect(projects.locator('[data-problem="unknown_code"]')).toContainText(status.message_en);
	await projects.locator('[data-fixes="status"] tr[data-unresolved="รอตรวจสอบเอกสาร"] select').selectOption('planned');
	await projects.getByRole('button', { name: 'Check and load' }).click();
	await expect(projects).toHaveAttribute('data-status', 'loaded');
	const instalments = item(`${WORKBOOK} › ${INSTALMENT_SHEET}`);
	await expect(instalments).toHaveAttribute('data-status', 'mapping');
	await instalments.getByRole('button', { name: 'Check and load' }).click();
	await expect(instalments).toHaveAttribute('data-status', 'loaded');
	await expect(item(`${WORKBOOK} › ${NOTES_SHEET}`)).toHaveAttribute('data-status', 'rejected');

	// Same rows, same resolved codes (but the two rows the user placed by hand).
	for (const sql of Object.values(COMPARE)) {
		const expected = await built(sql);
		expect(expected.length).toBeGreaterThan(0);
		expect(await consoleQuery(page, sql.replace(/\{(\w+)\}/g, '$1'))).toEqual(expected);
	}

	// The mapping the user made, ready for the exports folder: the page's fixes, by file name.
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-mapping').click()]);
	expect(download.suggestedFilename()).toBe('mapping.json');
	const entries = parseMappingFile(readFileSync(await download.path(), 'utf8'));
	expect(entries.find((e) => e.file === PARTNERS_CSV)).toMatchObject({
		table: 'partners',
		provinceFixes: { เมืองชล: '20', เมืองลับแล: '50' }
	});
	expect(entries.find((e) => e.file === `${WORKBOOK} › ${PROJECT_SHEET}`)).toMatchObject({
		table: 'projects',
		codeFixes: { status: { รอตรวจสอบเอกสาร: 'planned' } }
	});

	// The coverage page's filters count the user's projects: Thai statuses and issue areas became codes.
	await page.goto('/coverage?lang=en&status=active');
	await expect(page.locator('.coverage')).toHaveAttribute('data-db', 'ready', { timeout: 60_000 });
	await expect(page.locator('.coverage')).toHaveAttribute('data-coverage', /"status":"active"/);
	await expect(totals(page).projects).toHaveText(en(EXPECTED.coverage.active.projects));
	await expect(totals(page).budget).toHaveText(en(EXPECTED.coverage.active.budget));
	await page.goto('/coverage?lang=en&issue=tobacco');
	await expect(page.locator('.coverage')).toHaveAttribute('data-coverage', /"issue":"tobacco"/, { timeout: 60_000 });
	await expect(totals(page).projects).toHaveText(en(EXPECTED.coverage.tobacco.projects));
	// The partner the user placed in Chiang Mai (the build left it out) works on tobacco too.
	await expect(totals(page).partners).toHaveText(en(EXPECTED.coverage.tobacco.partners + 1));
});

test('the explorer opens on the deployment’s default indicator and year, without the sample indicators', async ({
	page
}) => {
	await page.goto(`${site.url}/?lang=en`);
	const explorer = page.locator('.explorer');
	await expect(explorer).toHaveAttribute('data-db', 'ready', { timeout: 60_000 });
	await expect(explorer).toHaveAttribute(
		'data-view',
		new RegExp(`^${FIXTURE_CONFIG.defaultIndicator}:${FIXTURE_CONFIG.defaultYear}:`)
	);
	await expect(page.locator('option[value="road_death_rate"]')).toHaveCount(1);
	// The sample indicators are left out, but for the one the exports give values of.
	await expect(page.locator('option[value="drinking_prevalence"]')).toHaveCount(0);
	await expect(page.locator(`option[value="${EXPECTED.indicatorValues.indicator}"]`)).toHaveCount(1);
	await expect(page.locator('header .name')).toHaveText(FIXTURE_CONFIG.title_en);

	// The gaps page and the briefs open on the deployment's default indicator and year too.
	await page.goto(`${site.url}/gaps?lang=en`);
	await expect(page.locator('#priority-table caption')).toContainText(`· ${FIXTURE_CONFIG.defaultYear}`);
	await page.goto(`${site.url}/brief/province/20?lang=en`);
	await expect(page.locator('.featured .unit')).toContainText(String(FIXTURE_CONFIG.defaultYear));
	await expect(page.locator('.featured')).toContainText('Dengue');
});

test('the explorer shows exactly the values the exports give for an indicator, with no sample label', async ({
	page
}) => {
	const { indicator, rows } = EXPECTED.indicatorValues;
	const names: Record<string, string> = { '20': 'Chon Buri', '21': 'Rayong', '22': 'Chanthaburi' };
	for (const year of [2023, 2024]) {
		await page.goto(`${site.url}/?lang=en&indicator=${indicator}&year=${year}`);
		await expect(page.locator('.explorer')).toHaveAttribute('data-view', `${indicator}:${year}::`, { timeout: 60_000 });
		const ranking = await tableRows(page, 'ranking-table');
		const want = rows
			.filter((r) => r.year === year)
			.sort((a, b) => b.value - a.value)
			.map((r) => [names[r.province_code], r.value.toFixed(1)]);
		expect(ranking.map((r) => [r[1], r[2]])).toEqual(want);
		await expect(page.locator('.explorer .sample')).toHaveCount(0);
		await expect(page.locator('.source-line')).toContainText("The organisation's own exports");
	}
});
