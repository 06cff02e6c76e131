import { expect, test } from './fixtures';
import {
	countCanvasColours,
	hoverPlace,
	KHON_KAEN,
	LATEST_ROAD_YEAR,
	differingShare,
	legendColours,
	projectOnMap,
	rankingRows,
	roadDeathRows,
	waitForMap,
	waitForView
} from './helpers';

const roadDeaths = roadDeathRows();
const rateOf = (code: string, year: number) => roadDeaths.find((r) => r.code === code && r.year === year)!.rate;

test('the map canvas shows at least three legend colours', async ({ page }) => {
	await page.goto('/');
	await waitForMap(page);
	const colours = await legendColours(page);
	expect(colours.length).toBeGreaterThanOrEqual(3);
	const counts = await countCanvasColours(page, colours);
	const drawn = Object.values(counts).filter((n) => n > 50);
	expect(drawn.length, JSON.stringify(counts)).toBeGreaterThanOrEqual(3);
});

test('hovering Khon Kaen shows its name and value for the selected year', async ({ page }) => {
	await page.goto('/?lang=en&year=2022');
	await waitForMap(page);
	await hoverPlace(page, KHON_KAEN);
	const tooltip = page.getByRole('tooltip');
	await expect(tooltip).toContainText('ขอนแก่น');
	await expect(tooltip).toContainText('Khon Kaen');
	await expect(tooltip).toContainText(`${rateOf('40', 2022).toFixed(1)} per 100,000 population · 2022`);
	// The hovered province is highlighted in the ranking as well: its bar outlined and scrolled into the list's view.
	const ranking = page.locator('.ranking[role="img"]');
	await expect(ranking).toHaveAttribute('data-highlighted', '40');
	const bar = ranking.locator('g.row[data-code="40"] rect.bar');
	await expect(bar).toHaveCSS('stroke', 'rgb(17, 17, 17)');
	await expect
		.poll(() =>
			bar.evaluate((rect) => {
				const box = rect.getBoundingClientRect();
				const viewport = rect.closest('.viewport')!.getBoundingClientRect();
				return box.top >= viewport.top && box.bottom <= viewport.bottom;
			})
		)
		.toBe(true);
	await expect(ranking.locator('g.row.lit')).toHaveCount(1);

	// And the other way round: the pointer on a ranking row highlights its province on the map.
	await ranking.locator('g.row[data-code="10"] text.name').hover();
	await expect(page.locator('.map')).toHaveAttribute('data-highlighted', '10');
	await expect(ranking.locator('g.row[data-code="10"] rect.bar')).toHaveCSS('stroke', 'rgb(17, 17, 17)');
	await expect(bar).toHaveCSS('stroke', 'none');

	await page.getByRole('combobox', { name: 'Year', exact: true }).selectOption('2023');
	await expect(page).toHaveURL(/year=2023/);
	await waitForView(page, 'road_death_rate', 2023);
	await hoverPlace(page, KHON_KAEN);
	await expect(tooltip).toContainText(`${rateOf('40', 2023).toFixed(1)} per 100,000 population · 2023`);
});

test('Thai is the default, with Buddhist-era years', async ({ page }) => {
	await page.goto('/?year=2023');
	await waitForMap(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'th');
	await expect(page.getByRole('heading', { level: 2 })).toContainText('พ.ศ. 2566');
	await hoverPlace(page, KHON_KAEN);
	await expect(page.getByRole('tooltip')).toContainText(`${rateOf('40', 2023).toFixed(1)} ต่อประชากรแสนคน · พ.ศ. 2566`);
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/lang=en/);
	await expect(page.getByRole('heading', { level: 2 })).toContainText('Road traffic death rate by province, 2023');
	await page.reload();
	await expect(page.getByRole('heading', { level: 2 })).toContainText('Road traffic death rate by province, 2023');
});

test('changing the year changes the map, the legend and the ranking', async ({ page }) => {
	await page.goto('/?lang=en&year=2023');
	await waitForMap(page);
	const before = { legend: await page.locator('.legend').innerText(), rows: await rankingRows(page) };
	const pixelsBefore = await countCanvasColours(page, await legendColours(page));

	await page.getByRole('combobox', { name: 'Year', exact: true }).selectOption('2022');
	await waitForView(page, 'road_death_rate', 2022);
	await expect(page.getByRole('heading', { level: 2 })).toContainText('2022');
	await expect(page.locator('.legend')).not.toHaveText(before.legend);
	const after = await rankingRows(page);
	expect(after).toHaveLength(77);
	expect(after).not.toEqual(before.rows);

	// Ranking is worst first and follows the source data for the new year.
	const top = [...roadDeaths.filter((r) => r.year === 2022)].sort((a, b) => b.rate - a.rate)[0];
	expect(after[0][0]).toBe('worst of 77');
	expect(after[0][2]).toBe(top.rate.toFixed(1));

	await waitForMap(page);
	await expect
		.poll(async () => JSON.stringify(await countCanvasColours(page, await legendColours(page))))
		.not.toBe(JSON.stringify(pixelsBefore));

	await page.goBack();
	await expect(page.getByRole('heading', { level: 2 })).toContainText('2023');
});

test('the count indicator can be chosen and its values match the source', async ({ page }) => {
	await page.goto('/?lang=en&year=2023');
	await waitForMap(page);
	await page.getByRole('combobox', { name: 'Indicator', exact: true }).selectOption('road_deaths');
	await expect(page).toHaveURL(/indicator=road_deaths/);
	await waitForView(page, 'road_deaths', 2023);
	await expect(page.getByRole('heading', { level: 2 })).toContainText('Road traffic deaths by province, 2023');
	const rows = await rankingRows(page);
	const total = rows.reduce((n, r) => n + Number(r[2].replaceAll(',', '')), 0);
	const expected = roadDeaths.filter((r) => r.year === 2023).reduce((n, r) => n + r.deaths, 0);
	expect(total).toBe(expected);
});

test('a failed data file is reported by name, and retry recovers', async ({ page }) => {
	let fail = true;
	// The explorer reads the build's cube of the indicator on screen (not DuckDB's tables: issue 21).
	await page.route('**/data/cubes/values/road_death_rate.parquet', (route) =>
		fail ? route.fulfill({ status: 404, body: 'not here' }) : route.continue()
	);
	await page.goto('/?lang=en');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('The data could not be loaded');
	await expect(alert).toContainText('road_death_rate.parquet');
	fail = false;
	await alert.getByRole('button', { name: 'Try again' }).click();
	await expect(page.locator('.explorer')).toHaveAttribute('data-db', 'ready');
	await waitForMap(page);
	await expect(page.getByRole('alert')).toHaveCount(0);
	expect(await rankingRows(page)).toHaveLength(77);
});

test('the Parquet exports are decoded in a worker, not on the page', async ({ page }) => {
	await page.goto('/?lang=en');
	await expect(page.locator('.explorer')).toHaveAttribute('data-db', 'ready');
	const scripts = () =>
		page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()!));
	await expect.poll(async () => (await scripts()).some((name) => /^parquet-worker-.*\.js$/.test(name))).toBe(true);
});

test('malformed query parameters fall back to a working default view', async ({ page }) => {
	await page.goto('/?lang=xx&year=banana&indicator=%3Cscript%3E');
	await waitForMap(page);
	await expect(page.getByRole('heading', { level: 2 })).toContainText('อัตราการเสียชีวิตจากอุบัติเหตุทางถนน');
	expect(await rankingRows(page)).toHaveLength(77);
});

test('the first choropleth is in the HTML itself, coloured, before any script runs', async ({ page }) => {
	await page.route('**/*.js', (route) => route.abort());
	await page.route('**/*.wasm', (route) => route.abort());
	await page.goto('/');
	const paths = page.locator('svg.svg-map path[data-code]');
	await expect(paths).toHaveCount(77);
	const fills = await paths.evaluateAll((els) => els.map((el) => el.getAttribute('fill')));
	const legend = await legendColours(page);
	expect(legend.length).toBeGreaterThanOrEqual(3);
	expect(new Set(fills).size).toBe(legend.length);
	for (const fill of fills) expect(legend).toContain(fill);
	await expect(page.getByRole('heading', { level: 2 })).toContainText(`พ.ศ. ${LATEST_ROAD_YEAR + 543}`);
});

test('MapLibre takes over from the SVG map in the same place, without a jump', async ({ page }) => {
	await page.goto('/');
	await waitForMap(page);
	await expect(page.locator('.map-stack')).toHaveAttribute('data-renderer', 'maplibre');
	const panel = page.locator('.map-panel');
	const interactive = await panel.screenshot();
	// Through the CSSOM: the page's Content-Security-Policy forbids injected style elements.
	await page.evaluate(() => {
		document.querySelector<HTMLElement>('.svg-layer')!.style.setProperty('visibility', 'visible', 'important');
		document.querySelector<HTMLElement>('.maplibregl-canvas')!.style.visibility = 'hidden';
	});
	const prerendered = await panel.screenshot();
	const share = differingShare(interactive, prerendered);
	// Only anti-aliased edges may differ.
	expect(share).toBeLessThan(0.01);
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test("a tap shows a province's tooltip, a second tap opens it; pinch-zoom stays the map's", async ({ page }) => {
		await page.goto('/?lang=en&indicator=road_death_rate&year=2023');
		await waitForView(page, 'road_death_rate', 2023);
		const map = await waitForMap(page);
		const { x, y } = await projectOnMap(map, KHON_KAEN);
		await page.touchscreen.tap(x, y);
		await expect(page.getByRole('tooltip')).toContainText('Khon Kaen');
		await expect(page.locator('.selection')).toHaveCount(0);
		expect(new URL(page.url()).searchParams.get('province')).toBeNull();
		// The reader reads the tooltip first (two taps within half a second are MapLibre's double-tap zoom).
		await page.waitForTimeout(700);
		await page.touchscreen.tap(x, y);
		await expect(page.locator('.selection')).toContainText('Khon Kaen');
		await expect(page).toHaveURL(/province=40/);
		// The page itself never zooms: the viewport leaves pinching to the map.
		expect(await page.locator('meta[name="viewport"]').getAttribute('content')).not.toMatch(/user-scalable=no/);
		expect(
			await map.evaluate((el) =>
				(el as HTMLElement & { __map: { touchZoomRotate: { isEnabled(): boolean } } }).__map.touchZoomRotate.isEnabled()
			)
		).toBe(true);
	});
});
