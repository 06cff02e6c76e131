import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures';
import {
	countCanvasColours,
	legendColours,
	pointFeatures,
	pointLayerContrast,
	waitForMap,
	watchViolations
} from './helpers';

// The optional basemap: static/config.json names a MapLibre style, drawn under the provinces. A fake
// remote tile server (intercepted here) stands in for a deployment's own. The default build allows
// no other origin, so the browser refuses the style and the map stays tile-free; a build with
// PHAKHI_BASEMAP_ORIGINS allows it, which bypassCSP stands in for.

const REMOTE = 'https://tiles.example.test';
const MAGENTA = '#ff00ff';

test.use({ allowedOrigins: [REMOTE] });

function magentaTile(): Buffer {
	const png = new PNG({ width: 256, height: 256 });
	for (let i = 0; i < png.data.length; i += 4) png.data.set([255, 0, 255, 255], i);
	return PNG.sync.write(png);
}

/** Serves a config.json naming a raster style on REMOTE, the style and its tiles; returns the requests REMOTE got. */
async function fakeBasemap(page: Page): Promise<string[]> {
	const asked: string[] = [];
	const cors = { 'Access-Control-Allow-Origin': '*' };
	await page.route('**/config.json', (route) => route.fulfill({ json: { basemapStyleUrl: `${REMOTE}/style.json` } }));
	await page.context().route(`${REMOTE}/**`, (route) => {
		const url = route.request().url();
		asked.push(url);
		if (url.endsWith('/style.json'))
			return route.fulfill({
				headers: cors,
				json: {
					version: 8,
					sources: {
						base: {
							type: 'raster',
							tiles: [`${REMOTE}/tiles/{z}/{x}/{y}.png`],
							tileSize: 256,
							attribution: 'Test tiles'
						}
					},
					layers: [{ id: 'base', type: 'raster', source: 'base' }]
				}
			});
		return route.fulfill({ headers: cors, contentType: 'image/png', body: magentaTile() });
	});
	return asked;
}

test.describe('with the policy widened for the basemap', () => {
	test.use({ bypassCSP: true });

	test('a configured basemap is drawn under the provinces, with its credits', async ({ page }) => {
		const asked = await fakeBasemap(page);
		await page.goto('/?lang=en');
		await waitForMap(page);
		expect(asked.some((u) => u.endsWith('/style.json'))).toBe(true);
		await expect.poll(() => asked.filter((u) => u.includes('/tiles/')).length).toBeGreaterThan(0);
		const legend = await legendColours(page);
		await expect
			.poll(async () => {
				const counts = await countCanvasColours(page, [MAGENTA, ...legend]);
				return counts[MAGENTA] > 1000 && legend.every((c) => counts[c] > 0);
			})
			.toBe(true);
		await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Test tiles');
	});

	test("the coverage map's partner and project groups are drawn over the basemap", async ({ page }) => {
		await fakeBasemap(page);
		await page.goto('/coverage?lang=en');
		await waitForMap(page);
		await expect(page.locator('.coverage')).toHaveAttribute('data-view', '::');
		await expect.poll(async () => (await countCanvasColours(page, [MAGENTA]))[MAGENTA]).toBeGreaterThan(1000);
		await expectPointsDrawn(page);
	});
});

/** The coverage page's point layer holds groups, and the largest is on the canvas. */
async function expectPointsDrawn(page: Page) {
	const features = await pointFeatures(page);
	expect(features.filter((f) => f.count > 1).length).toBeGreaterThan(20);
	const largest = features.reduce((a, b) => (b.count > a.count ? b : a));
	expect(await pointLayerContrast(page, largest.at)).toBeGreaterThan(60);
}

test('the default policy refuses another server: the map stays tile-free and works', async ({ page }) => {
	const violations = await watchViolations(page);
	const asked = await fakeBasemap(page);
	await page.goto('/?lang=en');
	await waitForMap(page);
	const legend = await legendColours(page);
	const counts = await countCanvasColours(page, [MAGENTA, ...legend]);
	expect(counts[MAGENTA]).toBe(0);
	for (const colour of legend) expect(counts[colour], colour).toBeGreaterThan(0);
	expect(asked).toEqual([]);
	expect((await violations()).join('\n')).toContain(`connect-src blocked ${REMOTE}/style.json`);
});

test('with the basemap refused, the coverage map still draws its partner and project groups', async ({ page }) => {
	const asked = await fakeBasemap(page);
	await page.goto('/coverage?lang=en');
	await waitForMap(page);
	await expect(page.locator('.coverage')).toHaveAttribute('data-view', '::');
	await expectPointsDrawn(page);
	expect(asked).toEqual([]);
});
