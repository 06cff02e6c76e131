/** The national targets on the explorer: their source, the line on the ranking and trend, the gap, the map classification. */
import { expect, test } from './fixtures';
import {
	countCanvasColours,
	legendColours,
	rankingRows,
	roadDeathRows,
	tableRows,
	waitForMap,
	waitForView
} from './helpers';

const rates2018 = roadDeathRows().filter((r) => r.year === 2018);

test('road deaths in 2018: the MOPH KPI target (≤ 16) with its source, on the ranking, the trend and in the gap column', async ({
	page
}) => {
	await page.goto('/?lang=en&year=2018');
	await waitForView(page, 'road_death_rate', 2018);
	const source = page.locator('.target-source');
	await expect(source).toHaveAttribute('data-target', 'road_death_rate_fy2018');
	await expect(source).toContainText('Target at most 16.0 (MOPH KPI 018, fiscal year 2018)');
	await expect(source).toContainText('healthkpi.moph.go.th');
	await expect(source).toContainText('none is set per province');
	// The ranking draws the target as a reference line, labelled with its value.
	await expect(page.locator('.ranking[role="img"]')).toContainText('Target 16.0');

	// The table: the gap to the target beside each value (value − 16), positive where it misses.
	const rows = await rankingRows(page);
	const header = await page.locator('#ranking-table thead th').allTextContents();
	expect(header.at(-1)).toContain('Gap to target');
	const khonKaen = rows.find((r) => r[1] === 'Khon Kaen')!;
	const rate = rates2018.find((r) => r.code === '40')!.rate;
	expect(khonKaen.at(-1)).toBe(`+${(rate - 16).toFixed(1)}`);

	// The trend has the target's line: 18 for 2017, 16 for 2018, the 2027 goal of 12 in the other years.
	const trend = await tableRows(page, 'trend-table');
	const trendHeader = await page.locator('#trend-table thead th').allTextContents();
	const column = trendHeader.indexOf('Target');
	expect(column).toBeGreaterThan(0);
	expect(Object.fromEntries(trend.map((r) => [r[0], r[column]]))).toMatchObject({
		'2011': '12.0',
		'2017': '18.0',
		'2018': '16.0',
		'2024': '12.0'
	});
});

test('the map classified by the target: meets / misses colour the canvas and fill the legend; the medium-confidence goal is labelled', async ({
	page
}) => {
	await page.goto('/?lang=en&year=2018&method=target');
	await waitForMap(page);
	await waitForView(page, 'road_death_rate', 2018);
	const meets = rates2018.filter((r) => r.rate <= 16).length;
	expect(meets).toBeGreaterThan(0);
	const items = page.locator('.legend li');
	await expect(items).toHaveCount(2);
	await expect(items.nth(0)).toContainText('Meets the target');
	await expect(items.nth(0)).toContainText(`(${meets})`);
	await expect(items.nth(1)).toContainText('Misses the target');
	await expect(items.nth(1)).toContainText(`(${77 - meets})`);
	await expect(page.locator('.legend-target')).toContainText('Target at most 16.0 (MOPH KPI 018, fiscal year 2018)');
	const colours = await legendColours(page);
	await expect
		.poll(async () => Object.values(await countCanvasColours(page, colours)).map((n) => n > 20))
		.toEqual([true, true]);

	// 2024 is judged against the government's goal for 2027, of medium confidence: said so.
	await page.getByRole('combobox', { name: 'Year', exact: true }).selectOption('2024');
	await waitForView(page, 'road_death_rate', 2024);
	await expect(page.locator('.legend-target')).toContainText(
		'Target at most 12.0 (Government target, by 2027) · medium confidence'
	);
	// An indicator without a target: quantiles, and the legend says why.
	await page.goto('/?lang=en&indicator=dengue_rate&method=target');
	await waitForView(page, 'dengue_rate', 2022);
	await expect(page.locator('.legend-target')).toContainText('No target applies');
	await expect(page.locator('.target-source')).toHaveCount(0);
});

test('the briefs in Thai: the official road deaths (3-base) of the latest year against the national target, on the table, the charts and in the sources', async ({
	page
}) => {
	const year = Math.max(...roadDeathRows().map((r) => r.year));
	const khonKaen = roadDeathRows().find((r) => r.code === '40' && r.year === year)!;
	// Khon Kaen's rate is above the goal of 12 per 100 000: the brief says by how much it misses it.
	expect(khonKaen.rate).toBeGreaterThan(12);
	await page.goto('/brief/province/40');
	const row = page.locator('.brief tr[data-indicator="road_death_rate"]');
	await expect(row.locator('td').nth(2)).toHaveText(String(year + 543));
	const value = row.locator('td.value');
	await expect(value).toContainText(khonKaen.rate.toFixed(1));
	await expect(value.locator('[data-target="road_death_rate_2027"]')).toHaveText(
		`ไม่ผ่านเป้าหมาย เกินอยู่ +${(khonKaen.rate - 12).toFixed(1)}`
	);
	// The charts drawn at build time: the target across the zone's ranking and along the trend.
	await expect(page.locator('.brief .chart.ranking svg')).toContainText('เป้าหมาย');
	await expect(page.locator('.brief .chart.trend svg [data-series="target"] path')).toHaveCount(1);
	await expect(page.locator('.brief .chart.trend svg')).toContainText('เป้าหมาย');
	// The ranking's text for screen readers says ranks in words, as everywhere.
	await expect(page.locator('#brief-ranking-data tbody tr').first()).toContainText('แย่เป็นอันดับ 1 จาก 4');
	// The target named with its source, its confidence and that it is national; the series' own source and caveat.
	const note = page.locator('.brief .target-note');
	await expect(note).toHaveCount(1);
	await expect(note).toContainText('เป้าหมาย ไม่เกิน 12.0');
	await expect(note).toContainText(`ภายใน พ.ศ. ${2027 + 543}`);
	await expect(note).toContainText('ความเชื่อมั่นปานกลาง');
	await expect(note).toContainText('เป้าหมายเป็นระดับประเทศ');
	await expect(page.locator('.brief .sources')).toContainText('3 ฐาน');
	await expect(page.locator('.brief .caveat')).toBeVisible();

	// The zone brief: the zone's own figure judged against the same target.
	await page.goto('/brief/zone/7');
	const zoneRow = page.locator('.brief tr[data-indicator="road_death_rate"]');
	await expect(zoneRow.locator('.year')).toHaveText(`พ.ศ. ${year + 543}`);
	await expect(zoneRow.locator('[data-zone-value] [data-target="road_death_rate_2027"]')).toContainText('ไม่ผ่านเป้าหมาย');
	await expect(page.locator('.brief .chart.trend svg')).toContainText('เป้าหมาย');
	await expect(page.locator('.brief .target-note')).toContainText('เป้าหมาย ไม่เกิน 12.0');
});
