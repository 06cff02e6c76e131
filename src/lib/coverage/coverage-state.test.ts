/**
 * The coverage page's state without a browser: the build's first view and the real exports in DuckDB
 * (Node), a view state standing in for the URL, the questions asked as the page's effects ask them.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb } from '$lib/data/atlas-db';
import type { NetworkRow } from '$lib/data/contract';
import { NodeConnector } from '$lib/data/node-connector';
import { takeSnapshot } from '$lib/data/snapshot';
import { DEFAULT_VIEW, type ViewState } from '$lib/filters/url-state';
import { COVERAGE_TABLES, coverageFirstView, type CoverageResult } from './coverage-filter';
import { parquetColumns } from '$lib/data/coded-columns';
import { CoverageFiles } from '$lib/data/coverage-files';
import { CoverageSource } from './coverage-source.svelte';
import { opened, readDataFile, testSource } from './coverage-source.test-support';
import { createCoverageState } from './coverage-state.svelte';

const dir = join(process.cwd(), 'static/data');
const readFile = async (f: string) => new Uint8Array(readFileSync(join(dir, f)));
let db: AtlasDb;
let first: CoverageResult;
let firstView: Parameters<typeof createCoverageState>[0];

beforeAll(async () => {
	db = await AtlasDb.open(await NodeConnector.open(), readFile);
	await db.ensureTables(COVERAGE_TABLES);
	first = await coverageFirstView(db);
	const snapshot = JSON.parse(JSON.stringify(await takeSnapshot(db, [])));
	firstView = { snapshot, outline: { width: 10, height: 10, paths: [], zones: [] }, first };
});

afterAll(() => db?.close());

/** The districts of a province with no active partner and no project that is not cancelled, straight from the exports. */
async function uncoveredIn(province: string): Promise<string[]> {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	try {
		const reader = await connection.runAndReadAll(
			`SELECT district_code FROM read_parquet($1) WHERE province_code = $4
			   AND district_code NOT IN (SELECT district_code FROM read_parquet($2) WHERE active AND district_code IS NOT NULL)
			   AND district_code NOT IN (SELECT district_code FROM read_parquet($3) WHERE status <> 'cancelled' AND district_code IS NOT NULL)
			 ORDER BY district_code`,
			[join(dir, 'districts.parquet'), join(dir, 'partners.parquet'), join(dir, 'projects.parquet'), province]
		);
		return reader.getRowObjectsJS().map((r) => String(r.district_code));
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

function coverage(patch: Partial<ViewState> = {}, kept = false) {
	const view = { current: { ...DEFAULT_VIEW, ...patch } };
	const src = testSource(db, kept);
	const state = createCoverageState(firstView, () => view.current, {
		source: src,
		noUserFilesKept: () => !kept,
		fetchFile: readFile
	});
	return { state, view, src };
}

describe('coverage state', () => {
	it("shows the build's first view before the database opens, and counts what it covers", () => {
		const { state } = coverage();
		expect(state.result).toBe(first);
		expect(state.totals.partners).toBeGreaterThan(0);
		expect(state.ranking.length).toBeGreaterThan(0);
		// The least covered province first.
		const values = state.ranking.map((r) => r.value);
		expect(values).toEqual([...values].sort((a, b) => a - b));
		expect(state.uncoveredCount).not.toBe('…');
	});

	it("shows none of the build's numbers in a browser that keeps the user's files", () => {
		const { state } = coverage({}, true);
		expect(state.result).toBeNull();
		expect(state.uncoveredCount).toBe('…');
	});

	it("answers a new filter from memory at once, and never with the build's answer for another filter", async () => {
		const { state, view } = coverage({ types: ['ngo'] });
		// The build's answer is for another filter: not shown for this one, placeholders until the summary is in.
		expect(state.result).toBeNull();
		await opened(state);
		const some = state.totals.partners;
		view.current = { ...view.current, types: [] };
		expect(state.result?.key).toBe(state.filterKey);
		const all = state.totals.partners;
		expect(some).toBeLessThan(all);
		view.current = { ...view.current, types: ['ngo'] };
		// In the same update, nothing asked or awaited: the views change in place.
		expect(state.result?.key).toBe(state.filterKey);
		expect(state.totals.partners).toBeGreaterThan(0);
		expect(state.totals.partners).toBeLessThan(all);
		// A zone narrows the rows in view, not the question asked.
		view.current = { ...view.current, zone: 10 };
		expect(state.result?.key).toBe(state.filterKey);
		expect(state.rows.every((r) => state.inZone.has(r.province_code))).toBe(true);
	});

	it("answers from the build's files without DuckDB; a project's record opens it, once", async () => {
		const { state, view, src } = coverage({ project: '60-ข-087' });
		await opened(state);
		// Every filter, the map's groups and the quality report: from the files alone.
		view.current = { ...view.current, year: 2020, issue: 'tobacco' };
		expect(state.result?.key).toBe(state.filterKey);
		expect(state.quality?.length).toBeGreaterThan(0);
		expect(src.opened).toBe(0);
		await state.askRecord();
		expect(src.opened).toBe(1);
		expect(state.record?.project?.project_code).toBe('60-ข-087');
		expect(state.record?.instalments.length).toBeGreaterThan(0);
		expect(state.record?.issues.map((i) => i.rule)).toContain('instalment_sum_mismatch');
		view.current = { ...view.current, project: null };
		await state.askRecord();
		expect(state.record).toBeNull();
		view.current = { ...view.current, project: '60-ข-087' };
		await state.askRecord();
		expect(src.opened).toBe(1);
	});

	it('answers the filters while the data-quality report is still being read, and counts it once it is in', async () => {
		let release = () => {};
		const held = new Promise<void>((r) => (release = r));
		/** The files decoded, in the order they were asked for and done. */
		const decoding: string[] = [];
		const source = new CoverageSource({
			files: () =>
				new CoverageFiles(readDataFile, async (file, text) => {
					decoding.push(`ask ${file}`);
					if (file.includes('quality')) await held;
					const columns = await parquetColumns(await readDataFile(file), file, text);
					decoding.push(`done ${file}`);
					return columns;
				}),
			database: async () => db
		});
		const view = { current: { ...DEFAULT_VIEW, year: 2020 } };
		const state = createCoverageState(firstView, () => view.current, {
			source,
			noUserFilesKept: () => true,
			fetchFile: readFile
		});
		state.open();
		for (let i = 0; i < 200 && !state.result; i++) await new Promise((r) => setTimeout(r, 10));
		expect(state.result?.key).toBe(state.filterKey);
		expect(state.qualityCount).toBe('…');
		// The report is not decoded beside the summary (one decoder's worker for both): only once it is in.
		expect(decoding).toEqual([
			'ask coverage/summary.parquet',
			'done coverage/summary.parquet',
			'ask coverage/quality.parquet'
		]);
		release();
		await opened(state);
		expect(state.quality?.length).toBeGreaterThan(0);
		expect(state.qualityCount).not.toBe('…');
	});

	it("draws the selected province's districts, covered or not, from the app's districts file", async () => {
		const { state } = coverage({ province: '40' });
		await opened(state);
		await state.askDistricts();
		expect(state.districts?.features.features.length).toBeGreaterThan(10);
		expect(state.districts?.features.features.every((f) => f.properties?.province_code === '40')).toBe(true);
		expect(state.districtTable.rows.length).toBe(state.districts?.colours.size);
	});

	it('groups the map points for the zoom level in view', async () => {
		const { state } = coverage();
		await opened(state);
		expect(state.points.features).toHaveLength(0);
		state.viewChanged({ zoom: 5, bounds: [97, 5, 106, 21] });
		await state.askPoints();
		const counted = state.points.features.reduce((n, f) => n + ((f.properties?.point_count as number) ?? 1), 0);
		expect(counted).toBeGreaterThan(0);
		expect(state.pointsCapped).toBe(false);
	});

	it('scopes the totals, the uncovered districts and their export to the province chosen, and names it', async () => {
		const expected = await uncoveredIn('34');
		expect(expected.length).toBeGreaterThan(0);
		const { state, view } = coverage({ lang: 'en', province: '34' });
		await opened(state);
		expect(state.selectedProvince).toBe('34');
		const ubon = state.result!.rows.find((r) => r.province_code === '34')!;
		expect(state.totals.districts).toBe(ubon.districts);
		expect(state.totals.partners).toBe(ubon.partners);
		expect(state.uncoveredTable.rows.map((r) => r.key).sort()).toEqual(expected);
		const exported = state.uncoveredExportRecords();
		expect(exported.rows.map((r) => r.cells.district_code).sort()).toEqual(expected);
		expect(new Set(exported.rows.map((r) => r.cells.province_code))).toEqual(new Set(['34']));
		expect(exported.rows[0].cells.filter).toBe('Ubon Ratchathani');
		expect(state.exportBase('uncovered-districts', 'x', state.uncoveredTable).filename).toContain('province-34');

		// Without it, the whole country again.
		view.current = { ...view.current, province: null };
		expect(state.uncoveredTable.rows.length).toBeGreaterThan(expected.length);
		expect(state.totals.districts).toBeGreaterThan(ubon.districts);
	});

	it('keeps the zone filter to its own provinces, and ignores a province outside it', async () => {
		const { state } = coverage({ zone: 10, province: '40' });
		await opened(state);
		// Khon Kaen is in zone 7: not chosen while zone 10 is.
		expect(state.selectedProvince).toBeNull();
		const zone10 = new Set(state.provinces.filter((p) => p.health_zone === 10).map((p) => p.province_code));
		expect(state.provinceChoices.map((c) => c.value).sort()).toEqual([...zone10].sort());
		expect(state.result!.uncovered.filter((d) => !zone10.has(d.province_code)).length).toBeGreaterThan(0);
		const shown = new Set(state.uncoveredTable.rows.map((r) => r.key));
		expect(
			state.result!.uncovered.filter((d) => shown.has(d.district_code)).every((d) => zone10.has(d.province_code))
		).toBe(true);
		expect(state.uncoveredExportRecords().rows.every((r) => zone10.has(r.cells.province_code))).toBe(true);
		expect(state.totals.districts).toBe(
			state.result!.rows.filter((r) => zone10.has(r.province_code)).reduce((n, r) => n + r.districts, 0)
		);
	});

	it('keeps the zone and province filters consistent when either is chosen', () => {
		const { state, view } = coverage({ zone: 7 });
		// A province outside the zone moves the zone to its own.
		expect(state.provincePatch('34')).toEqual({ zone: 10, province: '34' });
		expect(state.provincePatch('40')).toEqual({ zone: 7, province: '40' });
		view.current = { ...view.current, zone: 10, province: '34' };
		// Chosen again: none.
		expect(state.provincePatch('34')).toEqual({ zone: 10, province: null });
		// A zone that does not hold it drops it; its own zone, or none, keeps it.
		expect(state.zonePatch(7)).toEqual({ zone: 7, province: null });
		expect(state.zonePatch(10)).toEqual({ zone: 10, province: '34' });
		expect(state.zonePatch(null)).toEqual({ zone: null, province: '34' });
	});
});
