import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { PNG } from 'pngjs';
import { expect } from './fixtures';

/** Rows of one of the bundled source CSVs, for expected values computed from the source, not copied. */
export function sourceRows(file: string): Record<string, string>[] {
	const [header, ...lines] = readFileSync(join(process.cwd(), 'data/sources', file), 'utf8')
		.trim()
		.split(/\r?\n/);
	const names = header.split(',');
	return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}

/**
 * The road deaths of the 3-base source file by province and year, each with its rate per 100 000
 * computed from the registered population of the same province and year (both population files).
 */
export function roadDeathRows(): { code: string; year: number; deaths: number; rate: number }[] {
	const population = new Map([
		...sourceRows('population.csv').map((r) => [`${r.code}/${r.year}`, Number(r.total)] as const),
		...sourceRows('population_history/population_dopa_2003_2021.csv').map(
			(r) => [`${r.province_code}/${r.year}`, Number(r.total)] as const
		)
	]);
	return sourceRows('road_deaths_3base/road_deaths_rtddi_3base_2011_2024.csv')
		.filter((r) => r.province_code !== '')
		.map((r) => {
			const deaths = Number(r.deaths);
			return {
				code: r.province_code,
				year: Number(r.year),
				deaths,
				rate: (deaths * 100_000) / population.get(`${r.province_code}/${r.year}`)!
			};
		});
}

/** The last year of the road-death series: the explorer's default year. */
export const LATEST_ROAD_YEAR = Math.max(...roadDeathRows().map((r) => r.year));

/** Waits until the explorer shows the data of this indicator and year (and zone or province, if given). */
export async function waitForView(
	page: Page,
	indicator: string,
	year: number,
	{ zone = '', province = '' }: { zone?: number | string; province?: string } = {}
): Promise<void> {
	await expect(page.locator('.explorer')).toHaveAttribute('data-view', `${indicator}:${year}:${zone}:${province}`);
}

export const mapLocator = (page: Page) => page.locator('.map');

/** Waits for MapLibre to be idle with the data layer drawn. */
export async function waitForMap(page: Page): Promise<Locator> {
	const map = mapLocator(page);
	await expect(map).toHaveAttribute('data-painted', 'true');
	return map;
}

/** Screen position of a longitude/latitude inside the map element. */
export async function projectOnMap(map: Locator, lngLat: [number, number]): Promise<{ x: number; y: number }> {
	const point = await map.evaluate((el, ll) => {
		const m = (el as HTMLElement & { __map: { project(ll: [number, number]): { x: number; y: number } } }).__map;
		return m.project(ll);
	}, lngLat);
	const box = (await map.boundingBox())!;
	return { x: box.x + point.x, y: box.y + point.y };
}

export async function hoverPlace(page: Page, lngLat: [number, number]): Promise<void> {
	const map = mapLocator(page);
	const { x, y } = await projectOnMap(map, lngLat);
	await page.mouse.move(x - 40, y - 40);
	await page.mouse.move(x, y, { steps: 4 });
}

/** Counts the map canvas pixels that have exactly each of the given colours. */
export async function countCanvasColours(page: Page, colours: string[]): Promise<Record<string, number>> {
	return page.locator('.maplibregl-canvas').evaluate((canvas: HTMLCanvasElement, hexes: string[]) => {
		const copy = document.createElement('canvas');
		copy.width = canvas.width;
		copy.height = canvas.height;
		const ctx = copy.getContext('2d')!;
		ctx.drawImage(canvas, 0, 0);
		const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
		const wanted = new Map(hexes.map((h) => [parseInt(h.slice(1), 16), h] as const));
		const counts: Record<string, number> = Object.fromEntries(hexes.map((h) => [h, 0]));
		for (let i = 0; i < data.length; i += 4) {
			const hex = wanted.get((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
			if (hex) counts[hex]++;
		}
		return counts;
	}, colours);
}

/**
 * The bars the ranking chart shows: bars with a width, filled with one of `colours` (the legend's),
 * and whether its drawing is as tall as the chart's box.
 */
export async function rankingBarsDrawn(page: Page, colours: string[]): Promise<{ bars: number; fillsBox: boolean }> {
	return page.locator('.ranking[role="img"]').evaluate((box: HTMLElement, hexes: string[]) => {
		const svg = box.querySelector('svg')!;
		const bars = [...svg.querySelectorAll('rect.bar')].filter(
			(bar) => hexes.includes(bar.getAttribute('fill')!) && bar.getBoundingClientRect().width > 0
		);
		return { bars: bars.length, fillsBox: Math.abs(svg.getBoundingClientRect().height - box.clientHeight) <= 1 };
	}, colours);
}

export async function legendColours(page: Page): Promise<string[]> {
	return page.locator('.legend li').evaluateAll((items) => items.map((li) => li.getAttribute('data-colour')!));
}

/** The rows of a DataTable, opened first (closed tables keep no rows in the DOM). */
export async function tableRows(page: Page, id: string): Promise<string[][]> {
	const table = page.locator(`#${id}`);
	// A click can land while the page above it still moves (a note appearing as data arrives), so
	// it is tried again until the table is open; it is never clicked when open (that would close it).
	await expect(async () => {
		if (!(await table.evaluate((el) => (el as HTMLDetailsElement).open))) await table.locator('summary').click();
		await expect(table).toHaveAttribute('open', '', { timeout: 2000 });
	}).toPass({ timeout: 20_000 });
	await expect(table.locator('tbody tr').first()).toBeAttached();
	return table
		.locator('tbody tr')
		.evaluateAll((rows) => rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
}

export async function rankingRows(page: Page): Promise<string[][]> {
	return tableRows(page, 'ranking-table');
}

export const KHON_KAEN: [number, number] = [102.6, 16.45];

/** Share of pixels whose colour differs clearly between two same-sized PNG screenshots. */
export function differingShare(a: Buffer, b: Buffer, threshold = 60): number {
	const left = PNG.sync.read(a);
	const right = PNG.sync.read(b);
	if (left.width !== right.width || left.height !== right.height) return 1;
	let differing = 0;
	for (let i = 0; i < left.data.length; i += 4) {
		const d = Math.max(
			Math.abs(left.data[i] - right.data[i]),
			Math.abs(left.data[i + 1] - right.data[i + 1]),
			Math.abs(left.data[i + 2] - right.data[i + 2])
		);
		if (d > threshold) differing++;
	}
	return differing / (left.width * left.height);
}

/** Records every CSP violation the page sees, from before its first script runs. */
export async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (e) =>
			seen.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`)
		);
	});
	return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations ?? []);
}

export type MapElement = HTMLElement & {
	__map: import('maplibre-gl').Map;
	__points: import('../src/lib/map/point-layer').PointLayer;
};

/** The coverage map's point layer: groups (with their counts) and single points, as drawn. */
export function pointFeatures(page: Page) {
	return mapLocator(page).evaluate((el) =>
		(el as MapElement).__points.drawnFeatures().map((f) => ({
			count: (f.properties?.point_count as number | undefined) ?? 1,
			id: (f.properties?.id as string | undefined) ?? null,
			at: (f.geometry as GeoJSON.Point).coordinates
		}))
	);
}

/**
 * How much the map canvas pixel at `lngLat` changes when the point layer is hidden (RGB distance):
 * proof that the points are drawn, whatever is under them.
 */
export async function pointLayerContrast(page: Page, lngLat: number[]): Promise<number> {
	const pixels = await mapLocator(page).evaluate(async (el, at) => {
		const map = (el as MapElement).__map;
		const { x, y } = map.project(at as [number, number]);
		const read = () => {
			const copy = document.createElement('canvas');
			copy.width = copy.height = 1;
			const ratio = map.getPixelRatio();
			copy.getContext('2d')!.drawImage(map.getCanvas(), Math.round(x * ratio), Math.round(y * ratio), 1, 1, 0, 0, 1, 1);
			return [...copy.getContext('2d')!.getImageData(0, 0, 1, 1).data.slice(0, 3)];
		};
		const shown = read();
		map.setLayoutProperty('points', 'visibility', 'none');
		await new Promise((resolve) => map.once('render', resolve));
		const hidden = read();
		map.setLayoutProperty('points', 'visibility', 'visible');
		return { shown, hidden };
	}, lngLat);
	return Math.hypot(...pixels.shown.map((v, i) => v - pixels.hidden[i]));
}

/** Runs a query in the Your data page's SQL console and returns the result rows as text. */
export async function consoleQuery(page: Page, sql: string): Promise<string[][]> {
	await page.locator('#sql-input').fill(sql);
	await page.locator('.console button.primary').click();
	await expect(page.locator('.console button.primary')).toBeEnabled();
	await expect(page.locator('.console .error-box')).toHaveCount(0);
	return page
		.locator('#sql-result tbody tr')
		.evaluateAll((rows) => rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
}

const BLOCKING = new Set(['serious', 'critical']);

/**
 * axe-core on the page as it is: the serious and critical WCAG 2.1 A/AA findings (what the tests fail
 * on); every finding is attached to the report (printed with AXE_VERBOSE).
 */
export async function audit(page: Page, testInfo: TestInfo, name: string): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	const lines = results.violations.map(
		(v) =>
			`${v.impact} ${v.id}: ${v.help} (${v.nodes.length}×) ${v.nodes
				.slice(0, 3)
				.map((n) => n.target.join(' '))
				.join(' | ')}`
	);
	if (process.env.AXE_VERBOSE) console.log(`axe ${name}:\n${lines.join('\n')}`);
	if (lines.length > 0) await testInfo.attach(`axe ${name}`, { body: lines.join('\n'), contentType: 'text/plain' });
	return results.violations
		.filter((v) => BLOCKING.has(v.impact ?? ''))
		.map((v) => lines[results.violations.indexOf(v)]);
}
