/**
 * The explorer's state without a browser: the prerendered snapshot, the build's cube files and the
 * real exports in DuckDB (Node), a view state standing in for the URL. What the page shows follows
 * from these alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb } from '$lib/data/atlas-db';
import { parquetColumns } from '$lib/data/coded-columns';
import { CubeFiles } from '$lib/data/cube-files';
import { NodeConnector } from '$lib/data/node-connector';
import { takeSnapshot, type FirstView } from '$lib/data/snapshot';
import { DEFAULT_INDICATOR, DEFAULT_VIEW, type ViewState } from '$lib/filters/url-state';
import { createExplorerState, type ExplorerDatabase, type ExplorerState } from './explorer-state.svelte';

let db: AtlasDb;
let firstView: FirstView;
let other: string;
let latest: number;

const outline = { width: 10, height: 10, paths: [], zones: [] };
const dir = join(process.cwd(), 'static/data');
const fetchFile = async (f: string) => new Uint8Array(readFileSync(join(dir, f)));
const cubeFiles = (fetch = fetchFile) =>
	new CubeFiles(fetch, async (file, text) => parquetColumns(await fetch(file), file, text));
/** The page would fetch DuckDB: a test where it must not, fails. */
const noDuckDb = async (): Promise<AtlasDb> => {
	throw new Error('DuckDB was opened');
};

beforeAll(async () => {
	db = await AtlasDb.open(await NodeConnector.open(), fetchFile);
	// Through JSON, as the prerendered page carries it.
	firstView = { snapshot: JSON.parse(JSON.stringify(await takeSnapshot(db, [DEFAULT_INDICATOR]))), outline };
	other = (await db.indicators()).find((i) => i.indicator_id !== DEFAULT_INDICATOR && !i.is_sample)!.indicator_id;
	latest = (await db.years(DEFAULT_INDICATOR)).at(-1)!;
});

const made: ExplorerState[] = [];

afterAll(async () => {
	// The cubes fetched behind the view (the rest of its issue area) finish before the database closes.
	await Promise.all(made.map((s) => s.cubes?.idle()));
	await db?.close();
});

/** The explorer for a view that a test may change, as a URL change would. */
function explorer(patch: Partial<ViewState> = {}, database: Partial<ExplorerDatabase> = {}) {
	const view = { current: { ...DEFAULT_VIEW, ...patch } };
	const state = createExplorerState(firstView, () => view.current, {
		open: async () => db,
		files: () => cubeFiles(),
		userDataLoaded: () => false,
		noUserFilesKept: () => true,
		...database
	});
	made.push(state);
	return { state, view };
}

async function until(
	check: () => boolean,
	what: string,
	state: ExplorerState,
	poke = () => state.prefetch()
): Promise<void> {
	for (let i = 0; i < 400 && !check(); i++) {
		poke();
		await new Promise((r) => setTimeout(r, 25));
	}
	if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('explorer state', () => {
	it('answers the default view from the snapshot before the database opens', () => {
		const { state } = explorer();
		expect(state.indicator.indicator_id).toBe(DEFAULT_INDICATOR);
		expect(state.year).toBe(latest);
		expect(state.complete).toBe(true);
		expect(state.shown?.key).toContain(DEFAULT_INDICATOR);
		// Every province with a value is ranked, worst first (road deaths: higher is worse).
		const values = state.ranking.map((r) => r.value);
		expect(values.length).toBeGreaterThan(70);
		expect(values).toEqual([...values].sort((a, b) => b - a));
		expect(state.choropleth.legend.length).toBeLessThanOrEqual(DEFAULT_VIEW.classes);
		expect(state.rankingData.rows).toHaveLength(state.ranking.length);
		expect(state.exports.map).toBeTruthy();
	});

	it('follows a filter change: a zone narrows the ranking and names the zone', () => {
		const { state, view } = explorer({ lang: 'en' });
		const all = state.ranking.length;
		view.current = { ...view.current, zone: 10 };
		expect(state.scopeLabel).toBe('Health zone 10');
		expect(state.refZone).toBe(10);
		const zone10 = firstView.snapshot.provinces.filter((p) => p.health_zone === 10).map((p) => p.province_code);
		expect(state.ranking.map((r) => r.code).sort()).toEqual([...zone10].sort());
		expect(state.ranking.length).toBeLessThan(all);
		// The other provinces are dimmed on the map, not dropped from it.
		expect(state.layers.dimmed.size).toBe(firstView.snapshot.provinces.length - zone10.length);
	});

	it("shows a placeholder, never another indicator, until the build's files answer one the snapshot lacks", async () => {
		const { state } = explorer({ indicator: other, lang: 'en' }, { open: noDuckDb });
		expect(state.indicator.indicator_id).toBe(other);
		expect(state.shown).toBeNull();
		expect(state.ranking).toEqual([]);
		expect(state.pendingLabel).toMatch(/^Loading/);
		await state.start();
		await until(() => state.complete, `${other} from the cube files`, state);
		expect(state.shown?.key).toContain(other);
		expect(state.ranking.length).toBeGreaterThan(0);
		expect(state.failure).toBeNull();
	});

	it("answers a zone's and a province's views, issue areas too, from the build's files without DuckDB", async () => {
		const { state, view } = explorer({ zone: 10, lang: 'en' }, { open: noDuckDb });
		// The snapshot holds the nation's issue areas only: the zone's wait for the files.
		expect(state.complete).toBe(false);
		await state.start();
		await until(() => state.complete, 'zone 10 from the cube files', state);
		expect(state.panels.length).toBeGreaterThan(0);
		view.current = { ...view.current, province: '34', indicator: other };
		await until(() => state.complete && state.shown!.key.startsWith(other), 'a province of another indicator', state);
		expect(state.shown!.focus).toEqual({ scope: 'province', id: '34' });
		expect(state.failure).toBeNull();
	});

	it('asks DuckDB, not the build files, in a browser that keeps user files', async () => {
		const { state } = explorer(
			{ indicator: other },
			{
				noUserFilesKept: () => false,
				files: () => {
					throw new Error('the build files were read');
				}
			}
		);
		await state.start();
		await until(() => state.complete, `${other} from DuckDB`, state);
		expect(state.failure).toBeNull();
	});

	it('shows none of the build numbers while a browser that keeps user files has not opened its database', () => {
		const { state } = explorer({}, { noUserFilesKept: () => false });
		expect(state.userData).toBe(true);
		expect(state.shown).toBeNull();
		expect(state.ranking).toEqual([]);
	});

	it('reports a database that cannot open, and recovers on retry', async () => {
		let fail = true;
		const { state } = explorer(
			{},
			{
				// Kept user files that changed none of the snapshot's tables: DuckDB answers, the snapshot shows meanwhile.
				noUserFilesKept: () => false,
				open: async () => {
					if (fail) throw new Error('indicator_values.parquet: the server answered 404');
					return db;
				}
			}
		);
		await state.start();
		expect(state.failure).toContain('indicator_values.parquet');
		fail = false;
		await state.start();
		expect(state.failure).toBeNull();
		expect(state.cubes).not.toBeNull();
		// The snapshot's numbers show: the kept files did not change its tables.
		expect(state.complete).toBe(true);
	});

	it("reports a cube file that cannot be read, keeps the snapshot's numbers, and recovers on retry", async () => {
		let fail = true;
		const files = cubeFiles(async (f) => {
			if (fail && f.endsWith('.parquet')) throw new Error(`${f}: the server answered 404`);
			return fetchFile(f);
		});
		const { state } = explorer({}, { open: noDuckDb, files: () => files });
		await state.start();
		state.prefetch();
		await state.cubes!.idle();
		expect(state.failure).toContain('.parquet: the server answered 404');
		// The snapshot's numbers stay: they are the default view's own.
		expect(state.complete).toBe(true);
		fail = false;
		await state.start();
		state.prefetch();
		await state.cubes!.idle();
		expect(state.failure).toBeNull();
		expect(state.cubes!.get(DEFAULT_INDICATOR)).not.toBeNull();
	});

	it("shows dengue's season for the trend's place: the province's months, then the nation's, never the one before", async () => {
		const { state, view } = explorer({ indicator: 'dengue_rate', province: '40', lang: 'en' }, { open: noDuckDb });
		// Not known before the files say which indicators have months.
		expect(state.season).toBeNull();
		await state.start();
		const poke = () => state.askSeason();
		await until(() => state.season?.months != null, 'the months of Khon Kaen', state, poke);
		// The rate's count pair has the months; twenty years of twelve, summing to the year's count.
		expect(state.season!.indicator.indicator_id).toBe('dengue_cases');
		expect(state.season!.months).toHaveLength(20 * 12);
		const kk2019 = (await db.indicatorValues('dengue_cases', 2019)).find((v) => v.province_code === '40')!.value;
		const sum2019 = (months: { year: number; value: number | null }[]) =>
			months.filter((m) => m.year === 2019).reduce((n, m) => n + m.value!, 0);
		expect(sum2019(state.season!.months!)).toBe(kk2019);
		expect(state.season!.title).toBe('Dengue fever (DF) cases by month, 2003–2022: Khon Kaen');
		expect(state.season!.table.rows).toHaveLength(20);
		expect(state.exports.season?.title).toBe(state.season!.title);

		// No province: a placeholder at once, never Khon Kaen's months under the nation's title, then the nation's.
		view.current = { ...view.current, province: null };
		expect(state.season!.title).toContain('Thailand');
		expect(state.season!.months).toBeNull();
		expect(state.exports.season).toBeNull();
		await until(() => state.season?.months != null, "the nation's months", state, poke);
		expect(sum2019(state.season!.months!)).toBe(87_866);

		// Road deaths have no months: no season at all.
		view.current = { ...view.current, indicator: 'road_deaths' };
		poke();
		expect(state.season).toBeNull();
	});

	it('keeps the hovered province for every view to light up', () => {
		const { state } = explorer();
		state.hovered = '40';
		expect(state.layers.highlighted).toBe('40');
	});
});
