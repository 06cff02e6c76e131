/** The query module against the real Parquet exports, with real DuckDB in Node. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb, ContractError } from './atlas-db';
import { TABLES } from './contract';
import { NodeConnector } from './node-connector';

const DATA = join(process.cwd(), 'static/data');
const fetchFile = async (file: string) => new Uint8Array(readFileSync(join(DATA, file)));

const csvRows = (file: string) =>
	readFileSync(join(process.cwd(), 'data/sources', file), 'utf8')
		.trim()
		.split(/\r?\n/)
		.slice(1)
		.map((line) => line.split(','));

let db: AtlasDb;

beforeAll(async () => {
	if (!existsSync(join(DATA, 'manifest.json'))) throw new Error('run `npm run data` first (npm test does it for you)');
	db = await AtlasDb.open(await NodeConnector.open(), fetchFile);
});

afterAll(() => db?.close());

describe('AtlasDb on the bundled exports', () => {
	it('lists the 77 provinces with their health zones', async () => {
		const provinces = await db.provinces();
		expect(provinces).toHaveLength(77);
		const khonKaen = provinces.find((p) => p.province_code === '40')!;
		expect(khonKaen).toMatchObject({ name_en: 'Khon Kaen', name_th: 'ขอนแก่น', health_zone: 7 });
		expect(new Set(provinces.map((p) => p.health_zone)).size).toBe(13);
	});

	it('knows the road-safety indicators and their years', async () => {
		const ids = (await db.indicators()).map((i) => i.indicator_id);
		expect(ids).toEqual(expect.arrayContaining(['road_deaths', 'road_death_rate']));
		expect(await db.years('road_death_rate')).toEqual([2022, 2023]);
		expect(await db.years('no_such_indicator')).toEqual([]);
	});

	it('returns deaths per province that add up to the source file', async () => {
		const source = csvRows('road_deaths.csv');
		for (const year of [2022, 2023]) {
			const expected = source.filter((r) => Number(r[1]) === year).reduce((n, r) => n + Number(r[2]), 0);
			const values = await db.indicatorValues('road_deaths', year);
			expect(values).toHaveLength(77);
			expect(values.reduce((n, v) => n + (v.value ?? 0), 0)).toBe(expected);
		}
	});

	it('computes the rate per 100 000 from deaths and population', async () => {
		const [kk] = (await db.indicatorValues('road_death_rate', 2023)).filter((v) => v.province_code === '40');
		const source = csvRows('road_deaths.csv').find((r) => r[0] === '40' && r[1] === '2023')!;
		expect(kk.numerator).toBe(Number(source[2]));
		expect(kk.denominator).toBe(Number(source[3]));
		expect(kk.value).toBeCloseTo(Number(source[4]), 2);
	});

	it('answers a year without data with a null for every province', async () => {
		const values = await db.indicatorValues('road_death_rate', 2019);
		expect(values).toHaveLength(77);
		expect(values.every((v) => v.value === null)).toBe(true);
	});

	it('binds parameters instead of splicing them', async () => {
		const values = await db.indicatorValues("road_deaths' OR '1'='1", 2023);
		expect(values.every((v) => v.value === null)).toBe(true);
	});
});

describe('AtlasDb.loadTable holds files to the contract', () => {
	it('rejects a file without a required column, keeping the loaded table', async () => {
		const scratch = await NodeConnector.open();
		await scratch.query(
			`COPY (SELECT province_code, name_th FROM read_parquet(?)) TO '/tmp/phakhi-bad.parquet' (FORMAT parquet)`,
			[join(DATA, TABLES.provinces.file)]
		);
		await scratch.close();
		const bad = new Uint8Array(readFileSync('/tmp/phakhi-bad.parquet'));
		const error = await db.loadTable('provinces', bad, 'my-provinces.parquet').catch((e) => e);
		expect(error).toBeInstanceOf(ContractError);
		expect(error.message).toContain('my-provinces.parquet');
		expect(error.message).toContain('missing required column "name_en"');
		expect(await db.provinces()).toHaveLength(77);
	});

	it('fills a missing optional column with NULL and keeps extra columns', async () => {
		const scratch = await NodeConnector.open();
		await scratch.query(
			`COPY (SELECT * EXCLUDE (area_km2), 'x' AS extra FROM read_parquet(?)) TO '/tmp/phakhi-opt.parquet' (FORMAT parquet)`,
			[join(DATA, TABLES.provinces.file)]
		);
		await scratch.close();
		await db.loadTable('provinces', new Uint8Array(readFileSync('/tmp/phakhi-opt.parquet')), 'opt.parquet');
		const provinces = await db.provinces();
		expect(provinces).toHaveLength(77);
		expect(provinces.every((p) => p.area_km2 === null)).toBe(true);
		expect((provinces[0] as unknown as Record<string, unknown>).extra).toBe('x');
		await db.loadTable('provinces', await fetchFile(TABLES.provinces.file), TABLES.provinces.file);
	});

	it('rejects duplicate keys', async () => {
		const scratch = await NodeConnector.open();
		await scratch.query(
			`COPY (SELECT * FROM read_parquet(?) UNION ALL SELECT * FROM read_parquet(?) WHERE province_code = '40') TO '/tmp/phakhi-dup.parquet' (FORMAT parquet)`,
			[join(DATA, TABLES.provinces.file), join(DATA, TABLES.provinces.file)]
		);
		await scratch.close();
		const error = await db
			.loadTable('provinces', new Uint8Array(readFileSync('/tmp/phakhi-dup.parquet')), 'dup.parquet')
			.catch((e) => e);
		expect(error.message).toMatch(/dup\.parquet: duplicate key \(province_code\): 40/);
	});
});
