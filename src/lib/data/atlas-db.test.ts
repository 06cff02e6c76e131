/** The query module against the real Parquet exports, with real DuckDB in Node. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb, ContractError, NATION } from './atlas-db';
import { TABLES } from './contract';
import { NodeConnector } from './node-connector';
import { sourceRows } from './sources.test-support';

const DATA = join(process.cwd(), 'static/data');
const fetchFile = async (file: string) => new Uint8Array(readFileSync(join(DATA, file)));

/** The 3-base road-death file: [code ('' = province unknown), name, year, deaths, …]. */
const ROAD = 'road_deaths_3base/road_deaths_rtddi_3base_2011_2024.csv';
/** The dengue file: [code, iso, name th, name en, source name, year, cases, …] (the quoted unit comes later). */
const DENGUE = 'dengue/dengue_cases_province_annual.csv';
const POPULATION = [
	...sourceRows('population.csv').map((r) => [r[0], r[1], r[5]]),
	...sourceRows('population_history/population_dopa_2003_2021.csv').map((r) => [r[0], r[2], r[5]])
];
const populationOf = new Map(POPULATION.map(([code, year, total]) => [`${code}/${year}`, Number(total)]));
const sumOf = (rows: string[][], column: number) => rows.reduce((n, r) => n + Number(r[column]), 0);
const roadYears = Array.from({ length: 14 }, (_, i) => 2011 + i);
const dengueYears = Array.from({ length: 20 }, (_, i) => 2003 + i);

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

	it('knows the real indicators and their years', async () => {
		const ids = (await db.indicators()).map((i) => i.indicator_id);
		expect(ids).toEqual(expect.arrayContaining(['road_deaths', 'road_death_rate', 'dengue_cases', 'dengue_rate']));
		expect(await db.years('road_death_rate')).toEqual(roadYears);
		expect(await db.years('dengue_rate')).toEqual(dengueYears);
		expect(await db.years('no_such_indicator')).toEqual([]);
	});

	it('gives national road deaths per year equal to the 3-base file\'s totals, "province unknown" included', async () => {
		const source = sourceRows(ROAD);
		for (const year of roadYears) {
			const rows = source.filter((r) => Number(r[2]) === year);
			const values = await db.indicatorValues('road_deaths', year);
			expect(values).toHaveLength(77);
			// The provinces add up to the file's province rows; the nation is the file's total.
			expect(values.reduce((n, v) => n + (v.value ?? 0), 0)).toBe(
				sumOf(
					rows.filter((r) => r[0] !== ''),
					3
				)
			);
			const [nation] = (await db.aggregates('road_deaths', year)).filter((a) => a.scope === 'nation');
			expect(nation.value, String(year)).toBe(sumOf(rows, 3));
		}
		expect((await db.aggregates('road_deaths', 2023)).find((a) => a.scope === 'nation')?.value).toBe(17_498);
	});

	it("gives national dengue cases per year equal to the dengue file's totals", async () => {
		const source = sourceRows(DENGUE);
		for (const year of dengueYears) {
			const [nation] = (await db.aggregates('dengue_cases', year)).filter((a) => a.scope === 'nation');
			expect(nation.value, String(year)).toBe(
				sumOf(
					source.filter((r) => Number(r[5]) === year),
					6
				)
			);
			expect(nation.provinces).toBe(year < 2011 ? 76 : 77);
			// Bueng Kan did not exist before 2011: the nation was whole with 76 provinces.
			expect([nation.provinces_total, nation.population_share]).toEqual([year < 2011 ? 76 : 77, 1]);
		}
	});

	it('has Bueng Kan (38) missing before 2011, not 0, in every real series', async () => {
		for (const indicator of ['dengue_cases', 'dengue_rate']) {
			for (const year of [2003, 2010]) {
				const values = await db.indicatorValues(indicator, year);
				expect(values).toHaveLength(77);
				expect(values.find((v) => v.province_code === '38')).toEqual({
					province_code: '38',
					value: null,
					numerator: null,
					denominator: null
				});
				expect(values.filter((v) => v.value === null)).toHaveLength(1);
			}
			expect((await db.indicatorValues(indicator, 2011)).find((v) => v.province_code === '38')?.value).toBeGreaterThan(
				0
			);
		}
		expect((await db.trend('dengue_rate', { scope: 'province', id: '38' }))[0].year).toBe(2011);
	});

	it('computes every rate as count × 100 000 ÷ the registered population of the same province and year', async () => {
		const cases = [
			...sourceRows(ROAD)
				.filter((r) => r[0] !== '')
				.map((r) => ['road_death_rate', r[0], r[2], r[3]]),
			...sourceRows(DENGUE).map((r) => ['dengue_rate', r[0], r[5], r[6]])
		];
		let checked = 0;
		for (const indicator of ['road_death_rate', 'dengue_rate'])
			for (const year of indicator === 'road_death_rate' ? roadYears : dengueYears) {
				const expected = new Map(
					cases.filter((c) => c[0] === indicator && Number(c[2]) === year).map((c) => [c[1], Number(c[3])])
				);
				for (const v of await db.indicatorValues(indicator, year)) {
					if (!expected.has(v.province_code)) {
						expect(v.value).toBeNull();
						continue;
					}
					const denominator = populationOf.get(`${v.province_code}/${year}`)!;
					expect(v.numerator).toBe(expected.get(v.province_code));
					expect(v.denominator).toBe(denominator);
					expect(v.value).toBeCloseTo((expected.get(v.province_code)! * 100_000) / denominator, 9);
					checked++;
				}
			}
		expect(checked).toBe(77 * 14 + 76 * 8 + 77 * 12);
	});

	it('answers a year without data with a null for every province', async () => {
		const values = await db.indicatorValues('road_death_rate', 2009);
		expect(values).toHaveLength(77);
		expect(values.every((v) => v.value === null)).toBe(true);
	});

	it('lists the national targets, the road-death ones linked to the rate', async () => {
		const targets = await db.targets();
		expect(targets).toHaveLength(7);
		const road = targets.filter((t) => t.indicator_id === 'road_death_rate');
		expect(road.map((t) => [t.year, t.kind, t.value, t.confidence, t.set_by_en])).toEqual([
			[2017, 'annual', 18, 'high', 'MOPH KPI 019'],
			[2018, 'annual', 16, 'high', 'MOPH KPI 018'],
			[2027, 'by', 12, 'medium', 'Government target']
		]);
		for (const t of road) expect(t.source_url).toMatch(/^https?:\/\//);
	});

	it('sums the monthly dengue counts to the yearly ones, for a province and the nation', async () => {
		const kk = await db.monthly('dengue_cases', { scope: 'province', id: '40' });
		expect(kk).toHaveLength(20 * 12);
		const kk2019 = kk.filter((m) => m.year === 2019).reduce((n, m) => n + m.value!, 0);
		expect(kk2019).toBe((await db.indicatorValues('dengue_cases', 2019)).find((v) => v.province_code === '40')?.value);
		const nation = await db.monthly('dengue_cases', NATION);
		expect(nation.filter((m) => m.year === 2019).reduce((n, m) => n + m.value!, 0)).toBe(87_866);
		const zone = await db.monthly('dengue_cases', { scope: 'zone', id: '7' });
		expect(zone).toHaveLength(240);
		expect(await db.monthly('road_deaths', NATION)).toEqual([]);
		expect(await db.monthlyIndicators()).toEqual(['dengue_cases']);
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

describe('a database opened with fewer tables (the coverage pages)', () => {
	it('loads a table asked for later together with the tables it needs: the aggregates are the same as with every table', async () => {
		const few = await AtlasDb.open(await NodeConnector.open(), fetchFile, ['provinces', 'districts']);
		try {
			const tables = async () => new Set((await few.schema()).map((c) => c.table_name));
			expect(await tables()).not.toContain('indicator_values');
			// The catalogue's questions load their own table.
			expect(await few.issueAreas()).toEqual(await db.issueAreas());
			await few.ensureTables(['indicator_values']);
			expect(await tables()).toContain('unallocated_values');
			// The national road deaths count the deaths with province unknown (unallocated_values).
			for (const year of [2011, 2023])
				expect(await few.aggregates('road_deaths', year)).toEqual(await db.aggregates('road_deaths', year));
		} finally {
			await few.close();
		}
	});
});

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

describe('AtlasDb.adoptTable', () => {
	let conn: NodeConnector;
	let own: AtlasDb;
	beforeAll(async () => {
		conn = await NodeConnector.open();
		own = await AtlasDb.open(conn, fetchFile, ['provinces']);
	});
	afterAll(() => own?.close());
	/** DuckDB's id of a table: kept by a rename, new for a copy. */
	const oid = async (table: string) =>
		(await conn.query(`SELECT table_oid FROM duckdb_tables() WHERE table_name = ?`, [table]))[0]?.table_oid;
	const columns = TABLES.provinces.columns.map((c) => c.name);

	it("takes a table already in the contract's shape as it is, without a copy, and copies one in another shape", async () => {
		await conn.query(`CREATE TABLE __asis AS SELECT * FROM provinces ORDER BY province_code DESC`);
		const staged = await oid('__asis');
		await own.adoptTable('provinces', '__asis', 'mine.parquet');
		expect(await oid('provinces')).toBe(staged);
		expect(await oid('__asis')).toBeUndefined();
		expect(await own.provinces()).toHaveLength(77);

		await conn.query(`CREATE TABLE __reversed AS SELECT ${[...columns].reverse().join(', ')} FROM provinces`);
		const reversed = await oid('__reversed');
		await own.adoptTable('provinces', '__reversed', 'mine.parquet');
		expect(await oid('provinces')).not.toBe(reversed);
		const described = await conn.query(
			`SELECT column_name FROM information_schema.columns WHERE table_name = 'provinces' ORDER BY ordinal_position`
		);
		expect(described.map((r) => r.column_name)).toEqual(columns);
		expect(await own.provinces()).toHaveLength(77);
	});

	it("keeps the loaded table when a table in the contract's shape breaks the contract", async () => {
		const before = await oid('provinces');
		await conn.query(
			`CREATE TABLE __repeated AS SELECT * FROM provinces UNION ALL SELECT * FROM provinces WHERE province_code = '40'`
		);
		const error = await own.adoptTable('provinces', '__repeated', 'dup.parquet').catch((e) => e);
		expect(error).toBeInstanceOf(ContractError);
		expect(await oid('provinces')).toBe(before);
		expect(await oid('__repeated')).toBeUndefined();
		expect(await own.provinces()).toHaveLength(77);
	});
});

describe('pre-aggregated zone, region and national values', () => {
	const deaths = sourceRows(ROAD).filter((r) => r[0] !== '');
	const zoneOf = new Map(sourceRows('provinces.csv').map((r) => [r[0], Number(r[7])]));

	it('sums counts; the deaths with province unknown are in the nation only', async () => {
		const aggregates = await db.aggregates('road_deaths', 2014);
		const nation = aggregates.find((a) => a.scope === 'nation')!;
		expect(nation.value).toBe(
			sumOf(
				deaths.filter((r) => r[2] === '2014'),
				3
			) + 3
		);
		expect(nation.provinces).toBe(77);
		const zone10 = aggregates.find((a) => a.scope === 'zone' && a.scope_id === '10')!;
		expect(zone10.value).toBe(
			sumOf(
				deaths.filter((r) => r[2] === '2014' && zoneOf.get(r[0]) === 10),
				3
			)
		);
		expect(zone10.provinces).toBe(5);
		expect(aggregates.filter((a) => a.scope === 'zone')).toHaveLength(13);
		const zones = aggregates.filter((a) => a.scope === 'zone').reduce((n, a) => n + a.value!, 0);
		expect(zones).toBe(nation.value! - 3);
		expect(
			aggregates
				.filter((a) => a.scope === 'region')
				.map((a) => a.scope_id)
				.sort()
		).toEqual(['central', 'east', 'north', 'northeast', 'south', 'west']);
	});

	it('combines rates as total deaths (province unknown included) over total population, not as a mean of rates', async () => {
		const rows = deaths.filter((r) => r[2] === '2023');
		const population = rows.reduce((n, r) => n + populationOf.get(`${r[0]}/2023`)!, 0);
		const expected = ((sumOf(rows, 3) + 1) * 1e5) / population;
		const [nation] = (await db.aggregates('road_death_rate', 2023)).filter((a) => a.scope === 'nation');
		expect(nation.value).toBeCloseTo(expected, 9);
		const meanOfRates = (await db.indicatorValues('road_death_rate', 2023)).reduce((n, v) => n + v.value!, 0) / 77;
		expect(Math.abs(nation.value! - meanOfRates)).toBeGreaterThan(0.1);
	});

	it('gives trends for a province, a zone and the nation', async () => {
		expect((await db.trend('road_death_rate', { scope: 'province', id: '40' })).map((p) => p.year)).toEqual(roadYears);
		const zone = await db.trend('road_death_rate', { scope: 'zone', id: '7' });
		expect(zone.map((p) => p.year)).toEqual(roadYears);
		expect(zone.every((p) => p.value! > 0)).toBe(true);
		const nation = await db.trend('road_deaths', NATION);
		expect(nation.map((p) => p.value)).toEqual(
			roadYears.map((y) =>
				sumOf(
					sourceRows(ROAD).filter((r) => Number(r[2]) === y),
					3
				)
			)
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
			(await db.trend('road_death_rate', NATION)).map(({ year, value }) => ({
				indicator_id: 'road_death_rate',
				year,
				value
			}))
		);
	});
});

describe('province profile', () => {
	it("ranks a province within its zone and the country, worst first, with its zone's and the nation's values", async () => {
		const profile = await db.provinceProfile('40');
		const rate = profile.find((r) => r.indicator_id === 'road_death_rate')!;
		expect(rate.year).toBe(2024);
		expect(profile.find((r) => r.indicator_id === 'dengue_rate')?.year).toBe(2022);
		const all = (await db.indicatorValues('road_death_rate', 2024)).filter((v) => v.value !== null);
		const worse = all.filter((v) => v.value! > rate.value).length;
		expect(rate.rank_nation).toBe(worse + 1);
		expect(rate.rank_nation_best).toBe(all.filter((v) => v.value! < rate.value).length + 1);
		expect(rate.provinces_nation).toBe(all.length);
		const zone = (await db.provinces()).filter((p) => p.health_zone === 7).map((p) => p.province_code);
		expect(rate.provinces_zone).toBe(zone.length);
		expect(rate.rank_zone).toBe(all.filter((v) => zone.includes(v.province_code) && v.value! > rate.value).length + 1);
		const aggregates = await db.aggregates('road_death_rate', 2024);
		expect(rate.zone_value).toBe(aggregates.find((a) => a.scope === 'zone' && a.scope_id === '7')!.value);
		expect(rate.nation_value).toBe(aggregates.find((a) => a.scope === 'nation')!.value);
	});

	it('gives every indicator its trend for the province, zone and nation', async () => {
		const rows = await db.provinceTrends('40', 7);
		const rate = rows.filter((r) => r.indicator_id === 'road_death_rate');
		expect(rate.map((r) => r.scope).sort()).toEqual(
			['nation', 'province', 'zone'].flatMap((s) => roadYears.map(() => s))
		);
	});
});
