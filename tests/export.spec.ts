import { DuckDBInstance } from '@duckdb/node-api';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures';
import { legendColours, sourceRows, waitForView } from './helpers';
import { tidyColumns } from '../src/lib/export/tidy';

// Export and sharing: every format of the choropleth and of a chart is downloaded and the files
// themselves are checked; a copied link reproduces the view; the province brief prints to one A4 page.

const scratch = mkdtempSync(join(tmpdir(), 'phakhi-export-'));
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Downloaded {
	name: string;
	bytes: Buffer;
}

/** Opens a view's export menu and downloads one format. */
async function download(page: Page, view: string, format: string): Promise<Downloaded> {
	const menu = page.locator(`[data-export-id="${view}"]`);
	await menu.locator('button.toggle').click();
	const [file] = await Promise.all([page.waitForEvent('download'), menu.locator(`[data-format="${format}"]`).click()]);
	const path = join(scratch, file.suggestedFilename());
	await file.saveAs(path);
	await expect(menu.getByRole('status')).toContainText(file.suggestedFilename());
	return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') (row.push(field), (field = ''));
		else if (c === '\r' && text[i + 1] === '\n') {
			(row.push(field), rows.push(row), (row = []), (field = ''), i++);
		} else field += c;
	}
	if (field !== '' || row.length > 0) (row.push(field), rows.push(row));
	return rows;
}

/** A downloaded file read back with DuckDB in Node: its columns with their types, and its rows. */
async function readBack(
	bytes: Buffer,
	kind: 'parquet' | 'csv'
): Promise<{ columns: [string, string][]; rows: unknown[][] }> {
	const path = join(scratch, `read-${Date.now()}-${Math.random().toString(36).slice(2)}.${kind}`);
	writeFileSync(path, bytes);
	// CSV: every column as text, as written (an empty field reads as '').
	const from =
		kind === 'parquet' ? `read_parquet('${path}')` : `read_csv('${path}', header = true, all_varchar = true)`;
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	try {
		const columns = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`))
			.getRowObjectsJS()
			.map((r) => [String(r.column_name), String(r.column_type)] as [string, string]);
		const rows = (await conn.runAndReadAll(`SELECT * FROM ${from}`)).getRowsJS();
		return { columns, rows: kind === 'csv' ? rows.map((r) => r.map((v) => (v === null ? '' : v))) : rows };
	} finally {
		conn.closeSync();
		db.closeSync();
	}
}
const readParquet = (bytes: Buffer) => readBack(bytes, 'parquet');
/** The CSV without its byte-order mark. */
const readCsvWithDuckDb = (bytes: Buffer) => readBack(bytes, 'csv');

/** The tidy export's columns (docs/export.md and tidy.test.ts); Thai exports add year_be after year. */
const TIDY_COLUMNS_EN = tidyColumns('en').map((c) => c.key);

/** The on-screen table, opened first (a closed DataTable may keep no rows in the DOM): header labels and cell texts. */
async function screenTable(page: Page, id: string): Promise<{ header: string[]; rows: string[][] }> {
	const table = page.locator(`#${id}`);
	if (!(await table.evaluate((el) => (el as HTMLDetailsElement).open))) await table.locator('summary').click();
	await expect(table.locator('tbody tr').first()).toBeVisible();
	const header = await table.locator('thead th').allTextContents();
	const rows = await table
		.locator('tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
	return { header: header.map((h) => h.trim()), rows };
}

/**
 * An exported value against the text shown: the same text, or, for numbers, the shown number is the
 * exported one rounded to the decimals shown (files keep full precision; "–" is a missing value).
 */
function sameValue(exported: unknown, shown: string): boolean {
	if (shown === '–') return exported === null || exported === '';
	const n = Number(shown.replace(/,/g, ''));
	if (shown !== '' && Number.isFinite(n) && /^-?[\d,]+(\.\d+)?$/.test(shown)) {
		const decimals = shown.split('.')[1]?.length ?? 0;
		return Math.abs(Number(exported) - n) <= 0.5 * 10 ** -decimals + 1e-9;
	}
	return String(exported) === shown;
}

/** Pixels of a decoded PNG that are not (near) white, and exact-colour counts. */
function pixels(png: PNG, colours: string[]) {
	const wanted = new Map(colours.map((h) => [parseInt(h.slice(1), 16), h] as const));
	const counts: Record<string, number> = Object.fromEntries(colours.map((c) => [c, 0]));
	let inked = 0;
	for (let i = 0; i < png.data.length; i += 4) {
		const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
		if (r < 240 || g < 240 || b < 240) inked++;
		const hex = wanted.get((r << 16) | (g << 8) | b);
		if (hex) counts[hex]++;
	}
	return { inked: inked / (png.width * png.height), counts };
}

/** Parses an SVG file in the page (the browser's XML parser) and reports what the test needs. */
async function inspectSvg(page: Page, text: string) {
	return page.evaluate((source) => {
		const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
		const root = doc.documentElement;
		return {
			error: doc.querySelector('parsererror')?.textContent ?? null,
			root: root.localName,
			namespace: root.namespaceURI,
			width: Number(root.getAttribute('width')),
			height: Number(root.getAttribute('height')),
			provinces: doc.querySelectorAll('path[data-code]').length,
			codes: [...doc.querySelectorAll('path[data-code]')].map((p) => p.getAttribute('data-code')),
			legendColours: [...doc.querySelectorAll('.legend-item')].map((g) => g.getAttribute('data-colour')),
			title: doc.querySelector('title')?.textContent ?? '',
			// Lines of wrapped text joined with a space: the text as written.
			text: [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' '),
			fontFaces: (doc.querySelector('style')?.textContent ?? '').match(/@font-face/g)?.length ?? 0
		};
	}, text);
}

const provinces = sourceRows('provinces.csv');

test('the choropleth exports as PNG (2×, 4×), SVG, CSV and Parquet: the files hold the view', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/?lang=en&year=2023');
	await waitForView(page, 'road_death_rate', 2023);
	const legend = await legendColours(page);
	expect(legend.length).toBeGreaterThanOrEqual(3);
	const legendRanges = await page.locator('.legend li .range').allTextContents();

	// SVG: a standalone document with every province, the legend, title, filters, sources and date.
	const svg = await download(page, 'map', 'svg');
	expect(svg.name).toBe('phakhi-atlas_map_road-death-rate_2023_en.svg');
	const parsed = await inspectSvg(page, svg.bytes.toString('utf8'));
	expect(parsed.error).toBeNull();
	expect(parsed).toMatchObject({ root: 'svg', namespace: 'http://www.w3.org/2000/svg' });
	expect(parsed.provinces).toBe(77);
	expect(new Set(parsed.codes)).toEqual(new Set(provinces.map((p) => p.code)));
	expect(parsed.legendColours.slice(0, legend.length)).toEqual(legend);
	expect(parsed.title).toBe('Road traffic death rate by province, 2023');
	for (const range of legendRanges) expect(parsed.text).toContain(range.trim());
	expect(parsed.text).toContain('per 100,000 population');
	expect(parsed.text).toContain('Quantiles, 5 classes');
	expect(parsed.text).toContain('Source: DDC integrated 3-base road-death data (rtddi, data.go.th) (deaths)');
	expect(parsed.text).toContain('Licence: not stated');
	expect(parsed.text).toMatch(/Province boundaries: Thailand [^.]*boundaries \(OCHA COD-AB\)/);
	expect(parsed.text).toContain('CC BY-IGO');
	expect(parsed.text).toMatch(/exported \d{1,2} [A-Z][a-z]{2} \d{4}/);
	// The font travels with the file, so it renders the same anywhere.
	expect(parsed.fontFaces).toBeGreaterThanOrEqual(4);

	// PNG at 2× and 4×: the SVG's size times the scale, drawn (not blank), with the legend's colours.
	for (const scale of [2, 4]) {
		const png = await download(page, 'map', `png${scale}`);
		expect(png.name).toBe(`phakhi-atlas_map_road-death-rate_2023_en@${scale}x.png`);
		const image = PNG.sync.read(png.bytes);
		expect(image.width).toBe(parsed.width * scale);
		expect(image.height).toBe(parsed.height * scale);
		const { inked, counts } = pixels(image, legend);
		expect(inked).toBeGreaterThan(0.25);
		// The title (semibold Thai/Latin, an embedded font) is drawn: dark ink across the top band.
		let titleInk = 0;
		for (let i = 0; i < image.width * 40 * scale * 4; i += 4)
			if (image.data[i] < 100 && image.data[i + 2] < 120) titleInk++;
		expect(titleInk).toBeGreaterThan(800 * scale * scale);
		const present = legend.filter((c) => counts[c] > 50 * scale * scale);
		expect(present.length, JSON.stringify(counts)).toBeGreaterThanOrEqual(3);
	}

	// CSV: UTF-8 with a byte-order mark, tidy and self-describing: one row per province shown (the
	// ranking's), and the nation's figure with what it covers. Read back with DuckDB, like the Parquet.
	const screen = await screenTable(page, 'ranking-table');
	expect(screen.rows.length).toBe(77);
	const csv = await download(page, 'map', 'csv');
	expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const parquet = await download(page, 'map', 'parquet');
	for (const file of [await readCsvWithDuckDb(csv.bytes.subarray(3)), await readParquet(parquet.bytes)]) {
		expect(file.columns.map((c) => c[0])).toEqual(TIDY_COLUMNS_EN);
		const rows = file.rows.map((r) => Object.fromEntries(file.columns.map((c, i) => [c[0], r[i]])));
		const own = rows.filter((r) => r.scope === 'province');
		expect(own).toHaveLength(77);
		expect(new Set(own.map((r) => r.code))).toEqual(new Set(provinces.map((p) => p.code)));
		for (const r of own) {
			const name = provinces.find((p) => p.code === r.code)!;
			expect([r.name_th, r.name_en]).toEqual([name.name_th, name.name_en]);
			expect(r).toMatchObject({
				indicator_id: 'road_death_rate',
				indicator: 'Road traffic death rate',
				unit: 'per 100,000 population',
				is_sample: 'false'
			});
			expect(String(r.source)).toMatch(/^Department of Disease Control/);
			expect(Number(r.year)).toBe(2023);
			const shown = screen.rows.find((s) => s[1] === name.name_en)!;
			// The rank in words as on screen, the value at full precision (the screen rounds it).
			expect(r.rank).toBe(shown[0]);
			expect(sameValue(r.value, shown[2]), `${r.value} vs ${shown[2]}`).toBe(true);
		}
		expect(own.some((r) => !Number.isInteger(Number(r.value) * 10))).toBe(true);
		const nation = rows.find((r) => r.scope === 'nation')!;
		expect(nation).toMatchObject({ code: 'TH', name_en: 'Thailand', coverage: 'all provinces' });
		expect(Number(nation.provinces)).toBe(77);
	}
	const parquetTypes = Object.fromEntries((await readParquet(parquet.bytes)).columns);
	expect(parquetTypes).toMatchObject({ year: 'INTEGER', value: 'DOUBLE', rank_worst: 'INTEGER', code: 'VARCHAR' });
});

test('a chart (the trend) exports in every format, in Thai, from the same rows as its table', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/?province=40&year=2023');
	await expect(page.locator('.explorer')).toHaveAttribute('data-db', 'ready');
	await expect(page.locator('.explorer')).toHaveAttribute('aria-busy', 'false');
	await expect(page.locator('#trend-table thead th')).toHaveCount(5);
	const screen = await screenTable(page, 'trend-table');
	// The national target's line is a series of its own (road deaths: the KPIs and the 2027 goal).
	expect(screen.header).toEqual(['ปี', 'ขอนแก่น', 'เขตสุขภาพที่ 7', 'ทั้งประเทศ', 'เป้าหมาย']);

	const svg = await download(page, 'trend', 'svg');
	expect(svg.name).toMatch(/^phakhi-atlas_trend_road-death-rate_2023_province40_th\.svg$/);
	const parsed = await inspectSvg(page, svg.bytes.toString('utf8'));
	expect(parsed.error).toBeNull();
	expect(parsed.title).toContain('อัตราการเสียชีวิตจากอุบัติเหตุทางถนน');
	for (const label of screen.header.slice(1)) expect(parsed.text).toContain(label); // the chart's legend
	expect(parsed.text).toContain('ที่มา: DDC integrated 3-base road-death data');
	expect(parsed.text).toContain('ส่งออกเมื่อ');

	const png = await download(page, 'trend', 'png2');
	const image = PNG.sync.read(png.bytes);
	expect([image.width, image.height]).toEqual([parsed.width * 2, parsed.height * 2]);
	expect(pixels(image, []).inked).toBeGreaterThan(0.03);

	// Tidy rows, one per place and year: CE years with the Buddhist-era year beside them in a Thai
	// export, each series' values as the table shows them (rounded there, full precision here).
	const csv = await download(page, 'trend', 'csv');
	const parquet = await download(page, 'trend', 'parquet');
	const places: [string, string][] = [
		['province', '40'],
		['zone', '7'],
		['nation', 'TH']
	];
	for (const file of [await readCsvWithDuckDb(csv.bytes.subarray(3)), await readParquet(parquet.bytes)]) {
		const keys = file.columns.map((c) => c[0]);
		expect(keys).toEqual([...TIDY_COLUMNS_EN.slice(0, 7), 'year_be', ...TIDY_COLUMNS_EN.slice(7)]);
		const rows = file.rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i]])));
		// The table also has the national target's column: a target, not a place, so not a row here.
		expect(new Set(rows.map((r) => r.scope))).toEqual(new Set(['province', 'zone', 'nation']));
		for (const r of rows) expect(Number(r.year_be)).toBe(Number(r.year) + 543);
		expect(rows.every((r) => r.indicator === 'อัตราการเสียชีวิตจากอุบัติเหตุทางถนน')).toBe(true);
		// Each year of the zone's and the nation's lines says what it covers; a province's has nothing to say.
		for (const r of rows)
			expect([r.scope, r.coverage || null]).toEqual([r.scope, r.scope === 'province' ? null : 'ครบทุกจังหวัด']);
		places.forEach(([scope, code], column) => {
			for (const shown of screen.rows) {
				const r = rows.find((x) => x.scope === scope && x.code === code && `พ.ศ. ${x.year_be}` === shown[0]);
				const value = r === undefined || r.value === '' ? null : r.value;
				expect(sameValue(value, shown[column + 1]), `${scope} ${shown[0]}`).toBe(true);
			}
		});
	}
	expect(Object.fromEntries((await readParquet(parquet.bytes)).columns)).toMatchObject({
		year: 'INTEGER',
		year_be: 'INTEGER',
		value: 'DOUBLE'
	});
});

test("the coverage page's ranking and the gap page's tables export tidy rows that say what they measure and over which filters", async ({
	page
}) => {
	test.setTimeout(150_000);
	const zone7 = sourceRows('provinces.csv')
		.filter((p) => p.health_zone === '7')
		.map((p) => p.code);
	const rowsOf = async (bytes: Buffer) => {
		const file = await readCsvWithDuckDb(bytes.subarray(3));
		const keys = file.columns.map((c) => c[0]);
		return { keys, rows: file.rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, String(r[i])]))) };
	};

	await page.goto('/coverage?lang=en&zone=7&year=2023');
	await expect(page.locator('.coverage')).toHaveAttribute('data-coverage', /2023/, { timeout: 60_000 });
	const screen = await screenTable(page, 'coverage-table');
	// Ranks in words on screen: the least covered province is the "worst".
	expect(screen.rows.every((r) => /^(joint )?(\d+(st|nd|rd|th) )?(worst|best) of \d$/.test(r[0]))).toBe(true);
	const ranking = await rowsOf((await download(page, 'coverage-ranking', 'csv')).bytes);
	expect(ranking.keys).toEqual(tidyColumns('en', true).map((c) => c.key));
	expect(ranking.rows.map((r) => r.code).sort()).toEqual([...zone7].sort());
	for (const r of ranking.rows) {
		expect(r).toMatchObject({
			scope: 'province',
			indicator_id: 'coverage_district_share',
			indicator: 'Share of districts with a partner or project',
			unit: '% of districts',
			year: '2023',
			is_sample: 'true'
		});
		expect(r.filter).toBe('Health zone 7 · 2023');
		expect(r.source).toContain('sample');
		const shown = screen.rows.find((x) => x[1] === r.name_en)!;
		expect(r.rank).toBe(shown[0]);
		expect(sameValue(r.value, shown[2]), r.name_en).toBe(true);
	}

	await page.goto('/gaps?lang=en');
	await expect(page.locator('.gaps')).toHaveAttribute('data-gaps', /road_death_rate/, { timeout: 60_000 });
	const priority = await screenTable(page, 'priority-table');
	expect(priority.rows.length).toBeGreaterThan(0);
	expect(priority.rows[0][0]).toBe('worst of 77');
	const gaps = await rowsOf((await download(page, 'priority-gaps', 'csv')).bytes);
	expect(gaps.keys).toEqual(tidyColumns('en', true).map((c) => c.key));
	// Per province: its burden (the indicator and its year), its coverage and its gap score with its place.
	expect(new Set(gaps.rows.map((r) => r.indicator_id))).toEqual(
		new Set(['road_death_rate', 'coverage_district_share', 'gap_score'])
	);
	expect(gaps.rows).toHaveLength(priority.rows.length * 3);
	const burden = gaps.rows.filter((r) => r.indicator_id === 'road_death_rate');
	expect(burden.every((r) => r.year === '2024' && r.is_sample === 'false' && r.rank === '')).toBe(true);
	const scores = gaps.rows.filter((r) => r.indicator_id === 'gap_score');
	expect(scores.map((r) => r.rank)).toContain('worst of 77');
	for (const shown of priority.rows) {
		const own = (id: string) => gaps.rows.find((r) => r.indicator_id === id && r.name_en === shown[1])!;
		expect(own('gap_score').rank).toBe(shown[0]);
		expect(sameValue(own('road_death_rate').value, shown[2]), shown[1]).toBe(true);
		expect(sameValue(own('coverage_district_share').value, shown[3]), shown[1]).toBe(true);
	}
	expect(gaps.rows.every((r) => r.filter.startsWith('Road traffic death rate'))).toBe(true);
});

test('copy link reproduces the view in a new page; the citation names the sources', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/?lang=en&zone=10&classes=4&scheme=blues&year=2023');
	await waitForView(page, 'road_death_rate', 2023, { zone: 10 });
	const view = await page.locator('.explorer').getAttribute('data-view');
	const colours = await legendColours(page);

	const menu = page.locator('[data-export-id="ranking"]');
	const toggle = menu.locator('button.toggle');
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	await page.keyboard.press('Escape');
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	await expect(toggle).toBeFocused();
	await toggle.click();
	await menu.getByRole('button', { name: 'Copy link' }).click();
	await expect(menu.getByRole('status')).toHaveText('Link copied');
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(link).toMatch(/\/\?.*zone=10.*#ranking$/);

	const other = await context.newPage();
	await other.goto(link);
	await expect(other.locator('.explorer')).toHaveAttribute('data-view', view!);
	expect(await legendColours(other)).toEqual(colours);
	await expect(other.getByRole('combobox', { name: 'Health zone', exact: true })).toHaveValue('10');
	await other.close();

	await toggle.click();
	await menu.getByRole('button', { name: 'Cite' }).click();
	const citation = menu.locator('[data-citation="ranking"]');
	await expect(citation).toBeVisible();
	// Phakhi Atlas made the chart; the publishers are the data's sources, each with its own dates.
	await expect(citation.locator('.plain')).toContainText(/^Phakhi Atlas \(\d{4}\)\. Road traffic death rate/);
	await expect(citation.locator('.plain')).toContainText(
		/Data: Department of Disease Control \(DDC, กรมควบคุมโรค\), Road traffic deaths by province, integrated 3-base data \(DDC\) \(\d{4}–\d{4}\)/
	);
	await expect(citation.locator('.plain')).toContainText(/\(accessed \d{4}-\d{2}-\d{2}\)/);
	await expect(citation.locator('.plain')).toContainText('Health zones 1–13');
	await expect(citation.locator('.plain')).toContainText(link.replace(/#.*/, ''));
	await expect(citation.locator('.bibtex')).toContainText(/^@misc\{phakhi-atlas-/);
	await expect(citation.locator('.bibtex')).toContainText('author       = {{Phakhi Atlas}}');
	await citation.getByRole('button', { name: 'Copy' }).last().click();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^@misc\{/);
});

test('every panel of the explorer and the province profile carry the export menu', async ({ page }) => {
	await page.goto('/?lang=en');
	for (const id of ['map', 'ranking', 'trend', 'distribution', 'multiples'])
		await expect(page.locator(`[data-export-id="${id}"] button.toggle`)).toBeVisible();
	await page.goto('/province/40?lang=en');
	const profile = await download(page, 'profile', 'csv');
	const [header, ...rows] = parseCsv(profile.bytes.toString('utf8').replace(/^\uFEFF/, ''));
	expect(header).toEqual(TIDY_COLUMNS_EN);
	// Per indicator: the province's row, its zone's and the nation's.
	const provinceRows = rows.filter((r) => r[0] === 'province');
	expect(provinceRows.length).toBe(await page.locator('tr[data-indicator]').count());
	expect(rows.length).toBe(provinceRows.length * 3);
	expect(provinceRows.every((r) => r[1] === '40' && r[3] === 'Khon Kaen')).toBe(true);
	await expect(page.getByRole('link', { name: 'Printable brief (A4)' })).toHaveAttribute(
		'href',
		/\/brief\/province\/40/
	);
});

function pdfText(pdf: Buffer): string | null {
	const path = join(scratch, `brief-${Date.now()}.pdf`);
	writeFileSync(path, pdf);
	const result = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout : null;
}

for (const lang of ['en', 'th'] as const) {
	test(`the province brief prints to one A4 page (${lang})`, async ({ page }) => {
		const name = lang === 'en' ? 'Khon Kaen' : 'ขอนแก่น';
		await page.goto(`/brief/province/40${lang === 'en' ? '?lang=en' : ''}`);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
		await expect(page.locator('.brief tr[data-indicator]')).toHaveCount(8);
		await expect(page.locator('.brief .map > svg path[data-code="40"]')).toHaveCount(1);
		await expect(page.locator('.brief .chart svg')).toHaveCount(2);
		await expect(page.locator('[data-coverage-slot]')).toBeVisible();
		// Charts and legend in the page's language (drawn at build time in both).
		await expect(page.locator('.brief .chart.trend svg')).toContainText(lang === 'en' ? 'Thailand' : 'ทั้งประเทศ');
		await expect(page.locator('.brief .map > svg')).toContainText(lang === 'en' ? 'per 100,000' : 'ต่อประชากรแสนคน');
		await page.evaluate(() => document.fonts.ready);

		await page.emulateMedia({ media: 'print' });
		await expect(
			page.getByRole('button', { name: lang === 'en' ? 'Print / save as PDF' : 'พิมพ์ / บันทึกเป็น PDF' })
		).toBeHidden();
		const pdf = await page.pdf({ format: 'A4' });
		const raw = pdf.toString('latin1');
		expect(raw.match(/\/Type\s*\/Page\b(?!s)/g)).toHaveLength(1);
		// A4 in points (210 × 297 mm).
		const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(raw)!;
		expect(Number(box[1])).toBeCloseTo(595.3, -0.5);
		expect(Number(box[2])).toBeCloseTo(841.9, -0.5);
		const text = pdfText(pdf);
		if (text === null)
			test.info().annotations.push({ type: 'note', description: 'pdftotext missing: PDF text not checked' });
		else {
			expect(text).toContain(name);
			expect(text).toContain(lang === 'en' ? 'Road traffic death rate' : 'อัตราการเสียชีวิตจากอุบัติเหตุทางถนน');
		}
	});
}

test('the zone brief and the links to the briefs', async ({ page }) => {
	await page.goto('/?lang=en&zone=10');
	await page.getByRole('link', { name: 'Printable brief for health zone 10' }).click();
	await expect(page).toHaveURL(/\/brief\/zone\/10/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Health zone 10: brief');
	await expect(page.locator('.brief')).toContainText('Ubon Ratchathani');
	await page.goto('/?lang=en&province=34');
	await page.getByRole('link', { name: 'Printable brief (A4)' }).click();
	await expect(page).toHaveURL(/\/brief\/province\/34/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ubon Ratchathani province: brief');
});
