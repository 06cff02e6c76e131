/**
 * The rule that decides what the explorer draws: the exact answer for the request, from DuckDB's cubes
 * or the build's snapshot, or nothing (placeholders). Against the real exports in DuckDB (Node).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb, type HeadlineRow, type IndicatorAggregateRow, type IndicatorValueRow } from '$lib/data/atlas-db';
import { NodeConnector } from '$lib/data/node-connector';
import { takeSnapshot, type Snapshot } from '$lib/data/snapshot';
import { answerSources, answerYears, explorerAnswer, snapshotSource, type CubeSource } from './answer';
import { buildCubes, buildHeadlines } from './cube';
import { loadExplorerData, type ExplorerRequest } from '$lib/data/explorer-data';

const DEFAULT = 'road_death_rate';
let db: AtlasDb;
let snapshot: Snapshot;
let built: CubeSource;
let codes: string[];
let zoneOf: Map<string, number>;
let years: number[];

/** What the page's CubeStore holds once DuckDB has answered: every target's headlines (or none yet). */
function liveSource(
	rows: { values: IndicatorValueRow[]; aggregates: IndicatorAggregateRow[] },
	headlineRows: HeadlineRow[] | null
): CubeSource {
	const cubes = buildCubes(codes, rows);
	return {
		get: (id) => cubes.get(id) ?? null,
		headlines: headlineRows && buildHeadlines(headlineRows),
		provinceCodes: codes
	};
}

beforeAll(async () => {
	const dir = join(process.cwd(), 'static/data');
	db = await AtlasDb.open(await NodeConnector.open(), async (f) => new Uint8Array(readFileSync(join(dir, f))));
	// Through JSON, as the prerendered page carries it.
	snapshot = JSON.parse(JSON.stringify(await takeSnapshot(db, [DEFAULT])));
	built = snapshotSource(snapshot);
	const provinces = await db.provinces();
	codes = provinces.map((p) => p.province_code);
	zoneOf = new Map(provinces.map((p) => [p.province_code, p.health_zone]));
	years = await db.years(DEFAULT);
});

afterAll(() => db?.close());

const request = (indicator: string, year: number, zone: number | null, province: string | null): ExplorerRequest => ({
	indicator,
	year,
	zone,
	province
});

describe('the snapshot as an answer', () => {
	it('answers every national view of its indicator exactly as the database does, issue areas too', async () => {
		expect(years.length).toBeGreaterThan(1);
		for (const year of years) {
			const asked = request(DEFAULT, year, null, null);
			expect(explorerAnswer(asked, [built]), String(year)).toEqual(await loadExplorerData(db, asked));
		}
	});

	it('answers every zone and province view of its indicator exactly, but not their issue areas', async () => {
		// Every zone and every sixth province, in the first and the last year.
		const asked = [years[0], years.at(-1)!].flatMap((year) => [
			...Array.from({ length: 13 }, (_, i) => request(DEFAULT, year, i + 1, null)),
			...codes.filter((_, i) => i % 6 === 0).map((code) => request(DEFAULT, year, zoneOf.get(code)!, code))
		]);
		for (const r of asked) {
			const answer = explorerAnswer(r, [built]);
			const { headlines, ...rest } = await loadExplorerData(db, r);
			expect(headlines.focus.length, 'the database has them').toBeGreaterThan(0);
			expect(answer, JSON.stringify(r)).toEqual({ ...rest, headlines: null });
		}
	});

	it('answers nothing for an indicator it does not hold, or without a request', async () => {
		const other = (await db.indicators()).find((i) => i.indicator_id !== DEFAULT)!.indicator_id;
		expect(explorerAnswer(request(other, 2023, null, null), [built])).toBeNull();
		expect(answerYears([built], other)).toBeNull();
		expect(explorerAnswer(null, [built])).toBeNull();
		expect(answerYears([built], DEFAULT)).toEqual(years);
	});
});

describe('which source answers', () => {
	it('never the snapshot while the user’s files may have changed its numbers', async () => {
		const asked = request(DEFAULT, years.at(-1)!, null, null);
		expect(answerSources(null, built, true)).toEqual([]);
		expect(explorerAnswer(asked, answerSources(null, built, true))).toBeNull();
		expect(answerYears(answerSources(null, built, true), DEFAULT)).toBeNull();
		expect(explorerAnswer(asked, answerSources(null, built, false))).toEqual(await loadExplorerData(db, asked));
	});

	it('the database first, once it holds the indicator: a user’s changed value shows, not the build’s', async () => {
		const rows = await db.indicatorCubeRows([DEFAULT]);
		const year = years.at(-1)!;
		const changed = {
			...rows,
			values: rows.values.map((v) => (v.province_code === '40' && v.year === year ? { ...v, value: 99.5 } : v))
		};
		const live = liveSource(changed, await db.headlineRows());
		for (const userData of [false, true]) {
			const answer = explorerAnswer(request(DEFAULT, year, 7, '40'), answerSources(live, built, userData))!;
			expect(answer.values.find((v) => v.province_code === '40')!.value).toBe(99.5);
			expect(answer.headlines).not.toBeNull();
		}
	});

	it('while the database has not fetched an indicator: the snapshot’s answer, or none with the user’s files', async () => {
		const live = liveSource({ values: [], aggregates: [] }, await db.headlineRows());
		const asked = request(DEFAULT, years[0], 3, null);
		expect(explorerAnswer(asked, answerSources(live, built, false))).toEqual(await loadExplorerData(db, asked));
		expect(explorerAnswer(asked, answerSources(live, built, true))).toBeNull();
	});

	it('issue areas from wherever they are held for the focus, never from another focus', async () => {
		const rows = await db.indicatorCubeRows([DEFAULT]);
		const noHeadlinesYet = liveSource(rows, null);
		const nation = request(DEFAULT, years[0], null, null);
		const zone = request(DEFAULT, years[0], 5, null);
		// The database's cube is in, its headlines not yet: the nation's come from the snapshot…
		expect(explorerAnswer(nation, answerSources(noHeadlinesYet, built, false))).toEqual(
			await loadExplorerData(db, nation)
		);
		// …a zone's are not known anywhere yet,
		expect(explorerAnswer(zone, answerSources(noHeadlinesYet, built, false))!.headlines).toBeNull();
		// and with the user's files not even the nation's.
		expect(explorerAnswer(nation, answerSources(noHeadlinesYet, built, true))!.headlines).toBeNull();
		const complete = liveSource(rows, await db.headlineRows());
		expect(explorerAnswer(zone, answerSources(complete, built, true))).toEqual(await loadExplorerData(db, zone));
	});
});
