/** The in-memory cubes answer exactly what the per-view queries answer, on the real exports in DuckDB. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb } from '$lib/data/atlas-db';
import { NodeConnector } from '$lib/data/node-connector';
import { buildCubes, buildHeadlines, explorerDataFromCube, type HeadlineCube, type IndicatorCube } from './cube';
import { loadExplorerData, type ExplorerRequest } from '$lib/data/explorer-data';

let db: AtlasDb;
let codes: string[];
let cubes: Map<string, IndicatorCube>;
let headlines: HeadlineCube;
let indicatorIds: string[];

beforeAll(async () => {
	const dir = join(process.cwd(), 'static/data');
	db = await AtlasDb.open(await NodeConnector.open(), async (f) => new Uint8Array(readFileSync(join(dir, f))));
	codes = (await db.provinces()).map((p) => p.province_code);
	indicatorIds = (await db.indicators()).map((i) => i.indicator_id);
	cubes = buildCubes(codes, await db.indicatorCubeRows(indicatorIds));
	headlines = buildHeadlines(await db.headlineRows());
});

afterAll(() => db?.close());

describe('indicator cubes', () => {
	it('holds one cube per indicator asked for, with the years the database lists', async () => {
		expect([...cubes.keys()].sort()).toEqual([...indicatorIds].sort());
		for (const id of indicatorIds) expect(cubes.get(id)!.years).toEqual(await db.years(id));
	});

	it('answers every indicator, year, zone and province exactly as the queries do', async () => {
		const requests: ExplorerRequest[] = [];
		for (const indicator of indicatorIds) {
			const years = cubes.get(indicator)!.years;
			// The first and last year with data, and a year without any.
			for (const year of [years[0], years.at(-1)!, 1990]) {
				requests.push({ indicator, year, zone: null, province: null });
				requests.push({ indicator, year, zone: 7, province: null });
				requests.push({ indicator, year, zone: 13, province: '10' });
				requests.push({ indicator, year, zone: 7, province: '40' });
			}
		}
		for (const request of requests) {
			const expected = await loadExplorerData(db, request);
			expect(
				explorerDataFromCube(cubes.get(request.indicator)!, headlines, codes, request),
				JSON.stringify(request)
			).toEqual(expected);
		}
	});

	it('gives every province a row in a year, a missing value as null', async () => {
		const cube = cubes.get('road_death_rate')!;
		const values = cube.valuesByYear.get(cube.years.at(-1)!)!;
		expect(values.map((v) => v.province_code)).toEqual([...codes].sort());
		const empty = explorerDataFromCube(cube, headlines, codes, {
			indicator: 'road_death_rate',
			year: 1990,
			zone: null,
			province: null
		});
		expect(empty.values).toHaveLength(77);
		expect(empty.values.every((v) => v.value === null)).toBe(true);
		expect(empty.aggregates).toEqual([]);
	});

	it('fetches only the indicators asked for', async () => {
		const some = buildCubes(codes, await db.indicatorCubeRows(['road_deaths', 'road_death_rate']));
		expect([...some.keys()].sort()).toEqual(['road_death_rate', 'road_deaths']);
		expect(buildCubes(codes, await db.indicatorCubeRows(['no_such_indicator'])).size).toBe(0);
	});
});
