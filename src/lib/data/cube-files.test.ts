/**
 * The build's cube files (data/build/cube-files.ts) read without DuckDB give exactly what DuckDB
 * computes for the explorer, for every bundled indicator and every place: the page may answer from
 * either (issue 21).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCubes, buildHeadlines } from '$lib/explorer/cube';
import { AtlasDb, CORE_TABLES, type Target } from './atlas-db';
import { parquetColumns } from './coded-columns';
import { cubePlaces, CubeFiles } from './cube-files';
import { NodeConnector } from './node-connector';

const dir = join(process.cwd(), 'static/data');
const fetchFile = async (f: string) => new Uint8Array(readFileSync(join(dir, f)));
let db: AtlasDb;
let files: CubeFiles;
let ids: string[];
let places: Target[];

beforeAll(async () => {
	db = await AtlasDb.open(await NodeConnector.open(), fetchFile, [...CORE_TABLES, 'indicator_months']);
	files = new CubeFiles(fetchFile, async (file, text) => parquetColumns(await fetchFile(file), file, text));
	ids = (await db.indicators()).map((i) => i.indicator_id);
	places = await cubePlaces(db);
});

afterAll(() => db?.close());

describe('the cube files', () => {
	it("hold every bundled indicator's values and aggregates as DuckDB computes them", async () => {
		expect(ids.length).toBeGreaterThan(5);
		const codes = (await db.provinces()).map((p) => p.province_code);
		for (const id of ids) {
			const computed = await db.indicatorCubeRows([id]);
			expect(computed.values.length, id).toBeGreaterThan(0);
			expect(await files.indicatorCubeRows([id]), id).toEqual(computed);
			expect(buildCubes(codes, await files.indicatorCubeRows([id])), id).toEqual(buildCubes(codes, computed));
		}
		// Several at once, in DuckDB's order, and an unknown one has no rows.
		const some = [ids[2], ids[0], 'no_such_indicator'];
		expect(await files.indicatorCubeRows(some)).toEqual(await db.indicatorCubeRows(some));
	});

	it('hold the headline indicators of every place', async () => {
		const computed = await db.headlineRows();
		expect(new Set(computed.map((r) => r.scope))).toEqual(new Set(['province', 'zone', 'region', 'nation']));
		expect(await files.headlineRows()).toEqual(computed);
		expect(buildHeadlines(await files.headlineRows())).toEqual(buildHeadlines(computed));
	});

	it('hold the monthly counts of every place', async () => {
		const monthly = await db.monthlyIndicators();
		expect(monthly.length).toBeGreaterThan(0);
		expect(await files.monthlyIndicators()).toEqual(monthly);
		expect(places.filter((p) => p.scope === 'region').length).toBe(6);
		for (const id of monthly)
			for (const place of places) expect(await files.monthly(id, place), `${id} ${place.scope}:${place.id}`).toEqual(await db.monthly(id, place));
		expect(await files.monthly(ids.find((id) => !monthly.includes(id))!, places[0])).toEqual([]);
	});
});
