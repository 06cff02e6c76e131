import { expect, test } from './fixtures';
import { legendColours, rankingBarsDrawn, rankingRows, sourceRows, waitForMap, waitForView } from './helpers';

const provinces = sourceRows('provinces.csv');
const zone10 = provinces.filter((p) => p.health_zone === '10');

/** Provinces the map is not fading, read from MapLibre's own feature state. */
async function undimmedOnMap(page: import('@playwright/test').Page): Promise<string[]> {
	return page.locator('.map').evaluate((el, codes) => {
		type FeatureMap = { getFeatureState(f: { source: string; id: number }): Record<string, unknown> };
		const map = (el as HTMLElement & { __map: FeatureMap }).__map;
		return codes.filter((code) => !map.getFeatureState({ source: 'provinces', id: Number(code) }).dimmed);
	}, provinces.map((p) => p.code));
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
	await waitForView(page, 'road_death_rate', 2023, { zone: 10 });
	const ranked = await rankingRows(page);
	expect(ranked.map((r) => r[1]).sort()).toEqual(zone10.map((p) => p.name_en).sort());
	await expect.poll(() => undimmedOnMap(page)).toEqual(zone10.map((p) => p.code).sort());
	await expect(page.getByRole('heading', { name: /Provinces ranked in Health zone 10/ })).toBeVisible();
	// The ranking chart shrinks to its five bars, drawn at its new size (nothing hovered: a hovered bar is outlined).
	await page.mouse.move(0, 0);
	await expect.poll(async () => rankingBarsDrawn(page, await legendColours(page))).toEqual({ bars: 5, fillsBox: true });

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

	// Back to the explorer with the same filters.
	await page.goBack();
	await page.goBack();
	await expect(page).toHaveURL(url);
	await waitForView(page, 'smoking_prevalence', 2024, { zone: 10 });

	// Every zone again: the ranking chart grows back to all 77 provinces.
	await page.getByRole('combobox', { name: 'Health zone', exact: true }).selectOption('');
	await waitForView(page, 'smoking_prevalence', 2024);
	await page.mouse.move(0, 0);
	await expect.poll(async () => rankingBarsDrawn(page, await legendColours(page))).toEqual({ bars: 77, fillsBox: true });
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
	await waitForView(page, 'road_deaths', 2023);
	await page.getByRole('button', { name: 'Per population' }).click();
	await waitForView(page, 'road_death_rate', 2023);
});

test('every province has a prerendered profile with every indicator', async ({ page }) => {
	await page.goto('/province/96');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('จังหวัดนราธิวาส');
	await expect(page.locator('tr[data-indicator]')).toHaveCount(9);
	await expect(page.locator('tr[data-indicator="road_death_rate"]')).toContainText('พ.ศ. 2566');
	const response = await page.goto('/province/99');
	expect(response?.status()).toBe(404);
});
