/** The query module against the real Parquet exports, with real DuckDB in Node. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb, ContractError, NATION } from './atlas-db';
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

/** The bundled provinces file rewritten by `select`, which reads it as the table `provinces`: Parquet bytes. */
async function provincesFile(select: string): Promise<Uint8Array> {
	const scratch = await NodeConnector.open();
	const out = `/tmp/phakhi-provinces-${process.pid}.parquet`;
	try {
		await scratch.query(`CREATE TABLE provinces AS SELECT * FROM read_parquet(?)`, [join(DATA, TABLES.provinces.file)]);
		await scratch.query(`COPY (${select}) TO '${out}' (FORMAT parquet)`);
		return new Uint8Array(readFileSync(out));
	} finally {
		await scratch.close();
	}
}

describe('AtlasDb.loadTable holds files to the contract', () => {
	it('rejects a file without a required column, keeping the loaded table', async () => {
		const bad = await provincesFile(`SELECT province_code, name_th FROM provinces`);
		const error = await db.loadTable('provinces', bad, 'my-provinces.parquet').catch((e) => e);
		expect(error).toBeInstanceOf(ContractError);
		expect(error.message).toContain('my-provinces.parquet');
		expect(error.message).toContain('missing required column "name_en"');
		expect(await db.provinces()).toHaveLength(77);
	});

	it('rejects empty required values, naming each column and how many rows', async () => {
		const bad = await provincesFile(
			`SELECT * REPLACE (
				CASE WHEN province_code IN ('10', '11') THEN NULL ELSE name_en END AS name_en,
				CASE WHEN province_code = '50' THEN NULL ELSE name_th END AS name_th)
			 FROM provinces`
		);
		const error = await db.loadTable('provinces', bad, 'my-provinces.parquet').catch((e) => e);
		expect(error).toBeInstanceOf(ContractError);
		expect(error.message).toContain('required column "name_en" is empty in 2 rows');
		expect(error.message).toContain('required column "name_th" is empty in 1 rows');
		expect(error.message).not.toContain('"province_code" is empty');
		expect((await db.provinces()).filter((p) => p.name_en)).toHaveLength(77);
	});

	it('fills a missing optional column with NULL and keeps extra columns', async () => {
		await db.loadTable(
			'provinces',
			await provincesFile(`SELECT * EXCLUDE (area_km2), 'x' AS extra FROM provinces`),
			'opt.parquet'
		);
		const provinces = await db.provinces();
		expect(provinces).toHaveLength(77);
		expect(provinces.every((p) => p.area_km2 === null)).toBe(true);
		expect((provinces[0] as unknown as Record<string, unknown>).extra).toBe('x');
		await db.loadTable('provinces', await fetchFile(TABLES.provinces.file), TABLES.provinces.file);
	});

	it('rejects duplicate keys', async () => {
		const dup = await provincesFile(
			`SELECT * FROM provinces UNION ALL SELECT * FROM provinces WHERE province_code = '40'`
		);
		const error = await db.loadTable('provinces', dup, 'dup.parquet').catch((e) => e);
		expect(error.message).toMatch(/dup\.parquet: duplicate key \(province_code\): 40/);
	});
});

describe('pre-aggregated zone, region and national values', () => {
	const deaths = csvRows('road_deaths.csv');
	const zoneOf = new Map(csvRows('provinces.csv').map((r) => [r[0], Number(r[7])]));

	it('sums counts', async () => {
		const aggregates = await db.aggregates('road_deaths', 2023);
		const nation = aggregates.find((a) => a.scope === 'nation')!;
		expect(nation.value).toBe(deaths.filter((r) => r[1] === '2023').reduce((n, r) => n + Number(r[2]), 0));
		expect(nation.provinces).toBe(77);
		const zone10 = aggregates.find((a) => a.scope === 'zone' && a.scope_id === '10')!;
		const expected = deaths
			.filter((r) => r[1] === '2023' && zoneOf.get(r[0]) === 10)
			.reduce((n, r) => n + Number(r[2]), 0);
		expect(zone10.value).toBe(expected);
		expect(zone10.provinces).toBe(5);
		expect(aggregates.filter((a) => a.scope === 'zone')).toHaveLength(13);
		expect(
			aggregates
				.filter((a) => a.scope === 'region')
				.map((a) => a.scope_id)
				.sort()
		).toEqual(['central', 'east', 'north', 'northeast', 'south', 'west']);
	});

	it('combines rates as total deaths over total population, not as a mean of rates', async () => {
		const rows = deaths.filter((r) => r[1] === '2022');
		const expected = (rows.reduce((n, r) => n + Number(r[2]), 0) * 1e5) / rows.reduce((n, r) => n + Number(r[3]), 0);
		const [nation] = (await db.aggregates('road_death_rate', 2022)).filter((a) => a.scope === 'nation');
		expect(nation.value).toBeCloseTo(expected, 9);
		const meanOfRates = rows.reduce((n, r) => n + Number(r[4]), 0) / rows.length;
		expect(Math.abs(nation.value! - meanOfRates)).toBeGreaterThan(0.1);
	});

	it('gives trends for a province, a zone and the nation', async () => {
		expect((await db.trend('road_death_rate', { scope: 'province', id: '40' })).map((p) => p.year)).toEqual([
			2022, 2023
		]);
		const zone = await db.trend('road_death_rate', { scope: 'zone', id: '7' });
		expect(zone.map((p) => p.year)).toEqual([2022, 2023]);
		expect(zone.every((p) => p.value! > 0)).toBe(true);
		const nation = await db.trend('road_deaths', NATION);
		expect(nation.map((p) => p.value)).toEqual(
			[2022, 2023].map((y) => deaths.filter((r) => Number(r[1]) === y).reduce((n, r) => n + Number(r[2]), 0))
		);
		expect(await db.trend('road_death_rate', { scope: 'zone', id: '99' })).toEqual([]);
	});

	it('gives the headline indicators of every issue area in one answer', async () => {
		const headlines = (await db.indicators()).filter((i) => i.headline).map((i) => i.indicator_id);
		expect(headlines).toContain('road_death_rate');
		const rows = await db.headlineTrends({ scope: 'province', id: '40' });
		expect(new Set(rows.map((r) => r.indicator_id))).toEqual(new Set(headlines));
		const nation = await db.headlineTrends(NATION);
		expect(nation.filter((r) => r.indicator_id === 'road_death_rate')).toEqual(
			(await db.trend('road_death_rate', NATION)).map((p) => ({ indicator_id: 'road_death_rate', ...p }))
		);
	});
});

describe('province profile', () => {
	it("ranks a province within its zone and the country, worst first, with its zone's and the nation's values", async () => {
		const profile = await db.provinceProfile('40');
		const rate = profile.find((r) => r.indicator_id === 'road_death_rate')!;
		expect(rate.year).toBe(2023);
		const all = (await db.indicatorValues('road_death_rate', 2023)).filter((v) => v.value !== null);
		const worse = all.filter((v) => v.value! > rate.value).length;
		expect(rate.rank_nation).toBe(worse + 1);
		expect(rate.provinces_nation).toBe(all.length);
		const zone = (await db.provinces()).filter((p) => p.health_zone === 7).map((p) => p.province_code);
		expect(rate.provinces_zone).toBe(zone.length);
		expect(rate.rank_zone).toBe(all.filter((v) => zone.includes(v.province_code) && v.value! > rate.value).length + 1);
		const aggregates = await db.aggregates('road_death_rate', 2023);
		expect(rate.zone_value).toBe(aggregates.find((a) => a.scope === 'zone' && a.scope_id === '7')!.value);
		expect(rate.nation_value).toBe(aggregates.find((a) => a.scope === 'nation')!.value);
	});

	it('gives every indicator its trend for the province, zone and nation', async () => {
		const rows = await db.provinceTrends('40', 7);
		const rate = rows.filter((r) => r.indicator_id === 'road_death_rate');
		expect(rate.map((r) => r.scope).sort()).toEqual(['nation', 'nation', 'province', 'province', 'zone', 'zone']);
	});
});
