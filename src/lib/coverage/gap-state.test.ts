/**
 * The gaps page's state without a browser: the build's first view and the real exports in DuckDB
 * (Node), a view state standing in for the URL, the question asked as the page's effect asks it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb } from '$lib/data/atlas-db';
import { coverageValue } from '$lib/data/coverage-metrics';
import { NodeConnector } from '$lib/data/node-connector';
import { takeSnapshot, type FirstView } from '$lib/data/snapshot';
import { DEFAULT_VIEW, type ViewState } from '$lib/filters/url-state';
import { projectProvinces } from '$lib/map/svg-geometry';
import { COVERAGE_TABLES } from './coverage-filter';
import { opened, testCubes, testSource } from './coverage-source.test-support';
import { burdenOfCubes, gapFirstView, type GapResult } from './gap-result';
import { GapState } from './gap-state.svelte';

const dir = join(process.cwd(), 'static/data');
const readFile = async (f: string) => new Uint8Array(readFileSync(join(dir, f)));
let db: AtlasDb;
let firstView: FirstView & { first: GapResult };

beforeAll(async () => {
	db = await AtlasDb.open(await NodeConnector.open(), readFile);
	await db.ensureTables(COVERAGE_TABLES);
	const first = await gapFirstView(db);
	const snapshot = JSON.parse(JSON.stringify(await takeSnapshot(db, [])));
	const geo = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
	const outline = projectProvinces(geo('provinces.geojson'), geo('zones.geojson'));
	firstView = { snapshot, outline, first } as typeof firstView;
});

afterAll(() => db?.close());

function gaps(patch: Partial<ViewState> = {}, kept = false) {
	const view = { current: { ...DEFAULT_VIEW, ...patch } };
	const state = new GapState(firstView, () => view.current, {
		source: testSource(db, kept),
		noUserFilesKept: () => !kept,
		userDataLoaded: () => false,
		cubes: () => (kept ? null : testCubes())
	});
	return { state, view };
}

describe('gap state', () => {
	it("shows the build's first view before the database opens, with a cell for every province with both values", () => {
		const { state } = gaps();
		expect(state.prerendered).toBe(true);
		const both = firstView.first.burden.filter(
			(b) => b.value !== null && firstView.first.coverage.some((c) => c.province_code === b.province_code)
		);
		expect(state.cells.length).toBe(both.length);
		expect(state.priority.length).toBeGreaterThan(0);
		const codes = new Set(state.cells.map((c) => c.code));
		expect(state.priority.every((p) => codes.has(p.code))).toBe(true);
		// The priority list is the top gap scores.
		const scores = state.priority.map((p) => p.gapScore);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
	});

	it("shows none of the build's numbers in a browser that keeps the user's files", () => {
		const { state } = gaps({}, true);
		expect(state.result).toBeNull();
		expect(state.cells).toEqual([]);
	});

	it("reads the burden indicator from the build's cube files as DuckDB answers it", async () => {
		const provinces = firstView.snapshot.provinces.map((p) => p.province_code);
		const cubes = burdenOfCubes(testCubes(), provinces);
		for (const id of ['road_death_rate', 'dengue_rate', 'smoking_prevalence', 'no_such_indicator']) {
			const years = await db.years(id);
			expect(await cubes.years(id), id).toEqual(years);
			for (const year of [...years.slice(0, 1), ...years.slice(-1), 1990])
				expect(await cubes.indicatorValues(id, year), `${id} ${year}`).toEqual(await db.indicatorValues(id, year));
		}
	});

	it('asks again for another measure-independent filter, with placeholders until its own answer', async () => {
		const { state, view } = gaps();
		await opened(state);
		view.current = { ...view.current, types: ['ngo'] };
		expect(state.result).toBeNull();
		await state.askResult();
		expect(state.result?.key).toBe(state.key);
		expect(state.prerendered).toBe(false);
		// Each cell's coverage is the province's value of the measure in the URL, from the answer to this filter.
		const byProvince = await (await db.coverageAnswers()).byProvince(state.filter);
		for (const cell of state.cells) {
			const row = byProvince.find((r) => r.province_code === cell.code)!;
			expect(cell.coverage).toBeCloseTo(coverageValue(row, view.current.measure)!, 9);
		}
	});

	it('names the axes and tables in the language of the URL, and exports the priority list with its filter', async () => {
		const { state, view } = gaps();
		const th = state.coverageName;
		view.current = { ...view.current, lang: 'en' };
		expect(state.coverageName).not.toBe(th);
		const exported = state.gapExport('priority-gaps', 'Priority', state.priority);
		expect(exported.filename).toMatch(/^phakhi_priority-gaps_.+_en$/);
		expect(state.gapTable(state.priority).rows.map((r) => r.key)).toEqual(state.priority.map((p) => p.code));
	});

	it('names the biggest gaps of the gap cell on the map, as many as the URL asks, and outlines the chosen province', async () => {
		const { state, view } = gaps();
		expect(state.gapCell.length).toBeGreaterThan(5);
		expect(state.priority.map((c) => c.code)).toEqual(state.gapCell.slice(0, 5).map((c) => c.code));
		expect(state.layers.named?.map((n) => n.code)).toEqual(state.priority.map((c) => c.code));
		expect(state.layers.named?.[0].name).toBe(state.nameOf(state.priority[0].code));
		view.current = { ...view.current, top: 3, province: '40', lang: 'en' };
		expect(state.layers.named?.map((n) => n.code)).toEqual(state.gapCell.slice(0, 3).map((c) => c.code));
		expect(state.layers.named?.every((n) => /^[A-Za-z .-]+$/.test(n.name))).toBe(true);
		expect(state.layers.selected).toBe('40');
		// Asking for more than the gap cell holds lists the whole cell.
		view.current = { ...view.current, top: 20 };
		expect(state.priority.length).toBe(Math.min(20, state.gapCell.length));
	});

	it('exports the map with the named gaps written on it and the key naming the gap cell', async () => {
		const { state, view } = gaps();
		view.current = { ...view.current, lang: 'en' };
		const graphic = await state.mapExport('Gap map').graphic();
		for (const n of state.layers.named!) expect(graphic.markup).toContain(`data-code="${n.code}">${n.name}</text>`);
		expect(graphic.markup).toContain('the gap: high burden, low coverage');
		expect(graphic.markup).toMatch(/data-cell="20" stroke=/);
	});

	it('exports the scatter as ECharts draws it, as SVG: a point per province, the axes named (Export chart)', async () => {
		const { state, view } = gaps();
		view.current = { ...view.current, lang: 'en' };
		const exportable = state.scatterExport('Burden against coverage');
		expect(exportable.what).toBe('chart');
		const graphic = await exportable.graphic();
		expect(graphic.markup).toMatch(/^<svg class="chart"/);
		expect(graphic.markup).toContain(state.axes.x.name);
		expect(graphic.markup).toContain(state.axes.y.name);
		// One circle per province with both values (ECharts draws scatter symbols as paths).
		expect(state.cells.length).toBeGreaterThan(50);
		expect((graphic.markup.match(/<path d="M[^"]*A/g) ?? []).length).toBeGreaterThanOrEqual(state.cells.length);
		expect(exportable.table.rows).toHaveLength(state.cells.length);
	});
});
