import { expect, test } from './fixtures';
import {
	hoverPlace,
	legendColours,
	rankingBarsDrawn,
	rankingRows,
	LATEST_ROAD_YEAR,
	sourceRows,
	tableRows,
	waitForMap,
	waitForView
} from './helpers';

const provinces = sourceRows('provinces.csv');
const zone10 = provinces.filter((p) => p.health_zone === '10');

/** Heights of the ranking's box and of the map panel beside it. */
async function rankingBoxAndMap(page: import('@playwright/test').Page): Promise<{ box: number; map: number }> {
	return page.locator('.two-columns').first().evaluate((row) => ({
		box: row.querySelector('.chart-scroll')!.getBoundingClientRect().height,
		map: row.firstElementChild!.getBoundingClientRect().height
	}));
}

/** Provinces the map is not fading, read from MapLibre's own feature state. */
async function undimmedOnMap(page: import('@playwright/test').Page): Promise<string[]> {
	return page.locator('.map').evaluate(
		(el, codes) => {
			type FeatureMap = { getFeatureState(f: { source: string; id: number }): Record<string, unknown> };
			const map = (el as HTMLElement & { __map: FeatureMap }).__map;
			return codes.filter((code) => !map.getFeatureState({ source: 'provinces', id: Number(code) }).dimmed);
		},
		provinces.map((p) => p.code)
	);
}

test('a regional committee reviews zone 10: its five provinces, another issue area, a profile, a reload', async ({
	page
}) => {
	expect(zone10.map((p) => p.name_en).sort()).toEqual(
		['Amnat Charoen', 'Mukdahan', 'Si Sa Ket', 'Ubon Ratchathani', 'Yasothon'].sort()
	);
	await page.goto('/?lang=en');
	await waitForMap(page);
	await expect(page.locator('.explorer')).toHaveAttribute('data-db', 'ready');

	await page.getByRole('combobox', { name: 'Health zone', exact: true }).selectOption('10');
	await expect(page).toHaveURL(/zone=10/);
	await waitForView(page, 'road_death_rate', LATEST_ROAD_YEAR, { zone: 10 });
	const ranked = await rankingRows(page);
	expect(ranked.map((r) => r[1]).sort()).toEqual(zone10.map((p) => p.name_en).sort());
	await expect.poll(() => undimmedOnMap(page)).toEqual(zone10.map((p) => p.code).sort());
	await expect(page.getByRole('heading', { name: /Provinces ranked in Health zone 10/ })).toBeVisible();
	// The ranking chart shrinks to its five bars, drawn at its new size (nothing hovered: a hovered bar is outlined).
	await page.mouse.move(0, 0);
	await expect.poll(async () => rankingBarsDrawn(page, await legendColours(page))).toEqual({ bars: 5, fillsBox: true });
	// Its box is as tall as the five bars need, not an empty frame as tall as the map beside it.
	const five = await rankingBoxAndMap(page);
	expect(five.box).toBeLessThan(five.map / 2);
	// The two exports say what each exports.
	await expect(page.getByRole('button', { name: 'Export map' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Export chart' }).first()).toBeVisible();

	// Another issue area: its headline indicator, flagged as sample data everywhere it shows.
	await page.getByRole('combobox', { name: 'Issue area', exact: true }).selectOption('tobacco');
	await waitForView(page, 'smoking_prevalence', 2024, { zone: 10 });
	await expect(page.getByRole('heading', { level: 2 })).toContainText('Smoking prevalence');
	await expect(page.locator('.sample').first()).toContainText('Sample (generated) data, not survey results');
	expect((await rankingRows(page)).map((r) => r[1]).sort()).toEqual(zone10.map((p) => p.name_en).sort());
	const url = page.url();

	// Reload: the same view.
	await page.reload();
	await waitForView(page, 'smoking_prevalence', 2024, { zone: 10 });
	expect((await rankingRows(page)).map((r) => r[1]).sort()).toEqual(zone10.map((p) => p.name_en).sort());
	await expect(page.getByRole('combobox', { name: 'Issue area', exact: true })).toHaveValue('tobacco');
	await expect(page.getByRole('combobox', { name: 'Health zone', exact: true })).toHaveValue('10');

	// A province profile, from the selection.
	await page.getByRole('combobox', { name: 'Province', exact: true }).selectOption('34');
	await expect(page).toHaveURL(/province=34/);
	await page.getByRole('link', { name: /Open the Ubon Ratchathani profile/ }).click();
	await expect(page).toHaveURL(/\/province\/34/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ubon Ratchathani province');
	await expect(page.locator('tr[data-indicator="smoking_prevalence"]')).toContainText(/of 5/);

	// Back to the explorer with the province still selected (a filter change is a history entry of its
	// own, not a page: the view follows the address bar), then back once more to before the selection.
	await page.goBack();
	await expect(page).toHaveURL(/province=34/);
	await waitForView(page, 'smoking_prevalence', 2024, { zone: 10, province: '34' });
	await expect(page.getByRole('combobox', { name: 'Province', exact: true })).toHaveValue('34');
	await page.goBack();
	await expect(page).toHaveURL(url);
	await waitForView(page, 'smoking_prevalence', 2024, { zone: 10 });

	// Every zone again: the ranking chart grows back to all 77 provinces.
	await page.getByRole('combobox', { name: 'Health zone', exact: true }).selectOption('');
	await waitForView(page, 'smoking_prevalence', 2024);
	await page.mouse.move(0, 0);
	await expect
		.poll(async () => rankingBarsDrawn(page, await legendColours(page)))
		.toEqual({ bars: 77, fillsBox: true });
	// All 77 fill the box beside the map, which scrolls.
	const all = await rankingBoxAndMap(page);
	expect(all.box).toBeGreaterThan(all.map * 0.8);
});

test('classification method, class count and colour scheme change the legend and the map', async ({ page }) => {
	await page.goto('/?lang=en&year=2023');
	await waitForMap(page);
	expect(await legendColours(page)).toHaveLength(5);
	await page.getByText('Map options').click();
	await page.getByRole('combobox', { name: 'Number of classes', exact: true }).selectOption('3');
	await expect(page).toHaveURL(/classes=3/);
	await expect.poll(() => legendColours(page)).toHaveLength(3);
	await page.getByRole('combobox', { name: 'Classes by', exact: true }).selectOption('jenks');
	await expect(page.locator('.legend')).toContainText('Natural breaks, 3 classes');
	await page.getByRole('combobox', { name: 'Colours', exact: true }).selectOption('blues');
	await expect.poll(() => legendColours(page)).toEqual(['#deebf7', '#9ecae1', '#3182bd']);
});

test('higher-is-better indicators colour the lowest values darkest', async ({ page }) => {
	await page.goto('/?lang=en&indicator=physically_active&year=2024');
	await waitForView(page, 'physically_active', 2024);
	const rows = await rankingRows(page);
	// Rank 1 is the worst: the least active province.
	const values = rows.map((r) => Number(r[2]));
	expect(values[0]).toBe(Math.min(...values));
	await expect(page.locator('.legend')).toContainText('Darker = worse');
});

test('the count and per-population switch moves between the paired indicators', async ({ page }) => {
	await page.goto('/?lang=en');
	await waitForMap(page);
	await page.getByRole('button', { name: 'Count' }).click();
	await expect(page).toHaveURL(/indicator=road_deaths/);
	await waitForView(page, 'road_deaths', LATEST_ROAD_YEAR);
	await page.getByRole('button', { name: 'Per population' }).click();
	await waitForView(page, 'road_death_rate', LATEST_ROAD_YEAR);
});

test('every province has a prerendered profile with every indicator', async ({ page }) => {
	await page.goto('/province/96');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('จังหวัดนราธิวาส');
	await expect(page.locator('tr[data-indicator]')).toHaveCount(10);
	await expect(page.locator('tr[data-indicator="road_death_rate"]')).toContainText(`พ.ศ. ${LATEST_ROAD_YEAR + 543}`);
	await expect(page.locator('tr[data-indicator="dengue_rate"]')).toContainText('พ.ศ. 2565');
	// The road-death rate against the national target of its year (the 2027 goal), with the target's source below.
	await expect(page.locator('tr[data-indicator="road_death_rate"] .target')).toHaveAttribute('data-target', 'road_death_rate_2027');
	await expect(page.locator('tr[data-indicator="road_death_rate"] .target')).toContainText('ไม่ผ่านเป้าหมาย');
	await expect(page.locator('.target-note')).toContainText('ความเชื่อมั่นปานกลาง');
	const response = await page.goto('/province/99');
	expect(response?.status()).toBe(404);
});

test('the charts below the map: tooltips repeat their tables, and a province hovered anywhere is lit in the distribution', async ({
	page
}) => {
	await page.goto('/?lang=en&province=40');
	await waitForMap(page);
	// A province's own zone is part of the view: Khon Kaen is in zone 7.
	await waitForView(page, 'road_death_rate', LATEST_ROAD_YEAR, { zone: 7, province: '40' });
	const tooltip = page.locator('.chart-tooltip');

	// Trend: the last year's column lists every series' value from the last row of the trend's table.
	const trendLast = (await tableRows(page, 'trend-table')).at(-1)!;
	const trendHeads = (await page.locator('#trend-table thead th').allTextContents()).map((h) => h.trim());
	await page.locator('.svg-chart.trend g.year').last().hover();
	await expect(tooltip).toContainText(trendLast[0]);
	expect(trendHeads).toEqual(['Year', 'Khon Kaen', 'Health zone 7', 'Thailand', 'Target']);
	for (let i = 1; i < trendHeads.length; i++) await expect(tooltip).toContainText(`${trendHeads[i]}: ${trendLast[i]}`);

	// Distribution: zone 7's box shows the five numbers of its row in the summary table; Khon Kaen's
	// point shows its value from the ranking's table, and lights Khon Kaen in the ranking.
	const [, count, , q1, median, q3] = (await tableRows(page, 'distribution-table')).find(
		(r) => r[0] === 'Health zone 7'
	)!;
	const onBox = await page
		.locator('.zone-distribution g.box')
		.nth(6)
		.evaluate((box) => {
			// A spot of the box that no province's point covers.
			const r = box.getBoundingClientRect();
			for (let x = r.left + 1; x < r.right; x++)
				for (const y of [r.top + 2, r.bottom - 2])
					if (document.elementFromPoint(x, y)?.closest('g.box') === box) return { x, y };
			return null;
		});
	await page.mouse.move(onBox!.x, onBox!.y);
	for (const text of ['Health zone 7', `median: ${median}`, `${q1} – ${q3}`, `provinces: ${count}`])
		await expect(tooltip).toContainText(text, { ignoreCase: true });
	const khonKaen = (await rankingRows(page)).find((r) => r[1] === 'Khon Kaen')!;
	const point = page.locator('.zone-distribution circle.point[data-code="40"]');
	await expect(point).toHaveCount(1);
	await point.hover({ force: true });
	await expect(tooltip).toContainText(`Khon Kaen · ${khonKaen[2]}`);
	await expect(tooltip).toContainText('Health zone 7');
	await expect(page.locator('.ranking[role="img"]')).toHaveAttribute('data-highlighted', '40');
	await expect(page.locator('.zone-distribution circle.point.lit')).toHaveAttribute('data-code', '40');

	// Leaving the chart hides the tooltip; the chosen province stays lit, as in the ranking. The map's
	// hover lights another province instead (Udon Thani, north of Khon Kaen), and leaving it, Khon Kaen again.
	const lit = page.locator('.zone-distribution circle.point.lit');
	await page.mouse.move(0, 0);
	await expect(tooltip).toHaveCount(0);
	await expect(lit).toHaveAttribute('data-code', '40');
	await page.locator('.map').scrollIntoViewIfNeeded();
	await hoverPlace(page, [102.75, 17.4]);
	await expect(lit).toHaveAttribute('data-code', '41');
	await page.mouse.move(0, 0);
	await expect(lit).toHaveAttribute('data-code', '40');

	// Issue-area multiples: a panel's first year shows the first row of its table.
	const [first] = await tableRows(page, 'multiples-table');
	await page.locator('.issue-multiples g.panel').first().locator('g.year').first().hover();
	for (const cell of [first[0], first[2], `Khon Kaen: ${first[3]}`, `Thailand: ${first[4]}`])
		await expect(tooltip).toContainText(cell);
});

test('after a filter change, the language switch keeps the filters, and Back returns to the Thai view', async ({
	page
}) => {
	await page.goto('/');
	await waitForMap(page);
	await page.getByRole('combobox', { name: 'ปี', exact: true }).selectOption('2022');
	await expect(page).toHaveURL(/year=2022/);
	await waitForView(page, 'road_death_rate', 2022);

	await page.locator('a[hreflang="en"]').click();
	await expect(page).toHaveURL(/year=2022.*lang=en|lang=en.*year=2022/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await waitForView(page, 'road_death_rate', 2022);
	await expect(page.getByRole('heading', { level: 2 })).toContainText('2022');

	await page.goBack();
	await expect(page.locator('html')).toHaveAttribute('lang', 'th');
	await waitForView(page, 'road_death_rate', 2022);
	await page.goBack();
	await waitForView(page, 'road_death_rate', LATEST_ROAD_YEAR);
	await expect(page.getByRole('combobox', { name: 'ปี', exact: true })).toHaveValue(String(LATEST_ROAD_YEAR));
});

test("a browser that keeps the user's own files does not show the build's numbers: it waits for its own tables", async ({
	page
}) => {
	// USER_FILES_HINT in src/lib/data/browser-db.ts: how many files the user keeps.
	await page.addInitScript(() => localStorage.setItem('phakhi-atlas:user-files', '1'));
	// The values never arrive: whatever the page shows meanwhile is not from them.
	await page.route('**/data/indicator_values.parquet', () => {});
	await page.goto('/?lang=en');
	await expect(page.locator('.explorer')).toHaveAttribute('data-db', 'loading');
	await expect(page.locator('.explorer')).toHaveAttribute('data-view', '');
	await expect(page.locator('.ranking[role="img"] g.row')).toHaveCount(0);
	const fills = page.locator('svg.svg-map path[data-code]');
	await expect(fills).toHaveCount(77);
	await expect
		.poll(async () => new Set(await fills.evaluateAll((els) => els.map((el) => el.getAttribute('fill')))).size)
		.toBe(1);

	// Nothing of the user's is kept after all: once DuckDB says so, the build's numbers are the page's.
	await page.unroute('**/data/indicator_values.parquet');
	await page.reload();
	await waitForView(page, 'road_death_rate', LATEST_ROAD_YEAR);
	await expect(page.locator('.ranking[role="img"] g.row')).toHaveCount(77);
});
