/**
 * The site an organisation builds from its own exports: the app built from tests/fixtures/exports-agency
 * (`npm run build:exports-site`, which runs `npm run data -- --exports` and the site build into
 * .exports-site/, leaving static/data/ and build/ to the other tests). Served here on a port of its own
 * (the operating system picks a free one), like any static web server would serve it.
 */
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { startServer } from './support/serve.mjs';
import { EXPORTS_SITE_BUILD } from './support/build-exports-site';
import {
	EXPECTED,
	FIXTURE_CONFIG,
	NOTES_SHEET,
	PARTNERS_CSV,
	PROJECT_SHEET,
	WORKBOOK
} from './support/exports-fixture';
import { expect, test } from './fixtures';

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
