import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { sourceRows, tableRows } from './helpers';

// A user's indicator with values for 7 of the 77 provinces (loaded on the Your data page, as
// upload.spec.ts does): no "Thailand" figure may be drawn from it, every view says what it covers,
// and seven values with four distinct ones make four legend classes, not five.

const ZONE_7 = sourceRows('provinces.csv')
	.filter((p) => p.health_zone === '7')
	.map((p) => p.code);
/** All of zone 7 (so the zone's figure is whole) and three provinces elsewhere. */
const SEVEN = [...ZONE_7, '10', '50', '90'];
const VALUES = [15.2, 15.2, 25, 25, 18.8, 18.8, 30];

const scratch = mkdtempSync(join(tmpdir(), 'phakhi-aggregates-'));
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Loads `<id>.csv` (province_code,year,value rows) on the Your data page as a new indicator. */
async function loadIndicator(page: Page, id: string, rows: string[], name: string) {
	writeFileSync(join(scratch, `${id}.csv`), 'province_code,year,value\n' + rows.join('\n') + '\n');
	await page.goto('/data?lang=en');
	await expect(page.locator('.user-data')).toHaveAttribute('data-db', 'ready', { timeout: 45_000 });
	await page.locator('.drop input[type=file]').setInputFiles(join(scratch, `${id}.csv`));
	const item = page.locator(`li[data-file="${id}.csv"]`);
	await expect(item).toHaveAttribute('data-status', 'mapping');
	await expect(item.getByLabel('Fixed value for indicator_id')).toHaveValue(id);
	const form = item.locator(`fieldset[data-indicator="${id}"]`);
	await form.getByLabel('Name (English)').fill(name);
	await form.getByTestId('issue-select').selectOption('tobacco');
	await item.getByRole('button', { name: 'Check and load' }).click();
	await expect(item).toHaveAttribute('data-status', 'loaded');
}

const loadSeven = (page: Page) =>
	loadIndicator(
		page,
		'seven',
		SEVEN.map((c, i) => `${c},2023,${VALUES[i]}`),
		'Seven provinces'
	);

test('a 7-province indicator draws no "Thailand" and says it covers 7 of 77 provinces', async ({ page }) => {
	test.setTimeout(120_000);
	expect(SEVEN).toHaveLength(7);
	await loadSeven(page);

	await page.goto('/?lang=en&indicator=seven&year=2023&province=40');
	// DuckDB starts again on this page and loads the user's file: the first view waits for it.
	await expect(page.locator('.explorer')).toHaveAttribute('data-view', 'seven:2023:7:40', { timeout: 45_000 });
	const notes = page.locator('.aggregate-note');
	await expect(notes).toHaveCount(1);
	await expect(notes).toHaveText(/^Thailand: not shown, values for only 7 of 77 provinces, \d+% of the population/);
	// The ranking draws the zone's whole figure and no national line; the distribution none either.
	const ranking = page.locator('.ranking[role="img"] svg');
	await expect(ranking.locator('text', { hasText: 'Health zone 7' })).toHaveCount(1);
	await expect(ranking.locator('text', { hasText: 'Thailand' })).toHaveCount(0);
	await expect(page.locator('.zone-distribution svg text', { hasText: 'Thailand' })).toHaveCount(0);
	await expect(page.locator('.trend svg text', { hasText: 'Thailand' })).toHaveCount(0);

	// Seven values, four distinct: four classes, one per value, the tie printed once ("15.2", not "15.2 – 15.2").
	const classes = page.locator('.legend li .range');
	await expect(page.locator('.legend .method')).toContainText('only 4 distinct values, one class each');
	await expect(classes).toHaveText(['15.2', '18.8', '25.0', '30.0', 'No data']);

	// In Thai: the same, in Thai words.
	await page.goto('/?indicator=seven&year=2023');
	await expect(page.locator('.explorer')).toHaveAttribute('data-view', 'seven:2023::', { timeout: 45_000 });
	await expect(page.locator('.aggregate-note')).toContainText('7 จาก 77 จังหวัด');
	await expect(page.locator('.ranking[role="img"] svg text', { hasText: 'ทั้งประเทศ' })).toHaveCount(0);
});

test("a trend's year computed from part of the provinces is an open point and says what it covers", async ({ page }) => {
	test.setTimeout(120_000);
	// 2022: every province but zone 7's four (a partial national figure, still drawn); 2023: all 77.
	const all = sourceRows('provinces.csv').map((p) => p.code);
	const rows = [
		...all.filter((c) => !ZONE_7.includes(c)).map((c, i) => `${c},2022,${10 + (i % 9)}`),
		...all.map((c, i) => `${c},2023,${11 + (i % 7)}`)
	];
	await loadIndicator(page, 'partial', rows, 'Partial year');

	await page.goto('/?lang=en&indicator=partial&year=2023');
	await expect(page.locator('.explorer')).toHaveAttribute('data-view', 'partial:2023::', { timeout: 45_000 });
	const byYear = Object.fromEntries((await tableRows(page, 'trend-table')).map((r) => [r[0], r[1]]));
	expect(byYear['2022']).toMatch(/^\d+\.\d \(73 of 77 provinces, \d+% of the population\)$/);
	expect(byYear['2023']).toMatch(/^\d+\.\d$/);
	// One open point on the national line (2022), and a sentence under the chart saying what open points are.
	await expect(page.locator('.trend svg [data-series="nation"] circle.partial')).toHaveCount(1);
	await expect(page.locator('.trend-partial')).toContainText('Open points');

	// In Thai: the same note in Thai words, in the table too.
	await page.goto('/?indicator=partial&year=2023');
	await expect(page.locator('.explorer')).toHaveAttribute('data-view', 'partial:2023::', { timeout: 45_000 });
	await expect(page.locator('.trend-partial')).toContainText('จุดกลวง');
	expect((await tableRows(page, 'trend-table')).find((r) => r[0].endsWith(String(2022 + 543)))?.[1]).toContain(
		'73 จาก 77 จังหวัด'
	);
});
