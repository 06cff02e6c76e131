/** The real build on the real sources, read back with real DuckDB. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLES } from '../../src/lib/data/contract.ts';
import { buildData, OUTPUT_FILES, ZONES_FILE, type Manifest } from './build.ts';
import { parseCsv } from './csv.ts';
import type { ProvinceCollection } from './geo.ts';
import { INDICATORS, SOURCES as SOURCE_ROWS } from './reference.ts';
import { SAMPLE_INDICATORS, SAMPLE_YEARS } from './sample.ts';
import type { ZoneCollection } from './zones.ts';

const SOURCES = path.resolve(import.meta.dirname, '../sources');

const sourceRows = async (file: string) => {
	const { table, errors } = parseCsv(await readFile(path.join(SOURCES, file), 'utf8'), file);
	expect(errors).toEqual([]);
	return table.rows.map((r) => r.values);
};

let tmp: string;
let manifest: Manifest;
let db: DuckDBInstance;
let conn: DuckDBConnection;
const query = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
const parquet = (name: keyof typeof TABLES) => `'${path.join(tmp, 'a', TABLES[name].file)}'`;

beforeAll(async () => {
	tmp = await mkdtemp(path.join(tmpdir(), 'phakhi-build-'));
	manifest = await buildData({ sourcesDir: SOURCES, outDir: path.join(tmp, 'a') });
	db = await DuckDBInstance.create(':memory:');
	conn = await db.connect();
});

afterAll(async () => {
	conn?.closeSync();
	db?.closeSync();
	if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('buildData on the real sources', () => {
	it('writes exactly the promised files', async () => {
		expect((await readdir(path.join(tmp, 'a'))).sort()).toEqual([...OUTPUT_FILES].sort());
	});

	it('writes every table with the contract columns, types and order', async () => {
		for (const name of TABLE_NAMES) {
			const columns = await query(`DESCRIBE SELECT * FROM ${parquet(name)}`);
			expect(columns.map((c) => [c.column_name, c.column_type]), name).toEqual(TABLES[name].columns.map((c) => [c.name, c.type]));
			const compression = await query(`SELECT DISTINCT compression FROM parquet_metadata(${parquet(name)})`);
			expect(compression).toEqual([{ compression: 'SNAPPY' }]);
		}
	});

	it('keeps every source row', async () => {
		const counts = Object.fromEntries(
			await Promise.all(TABLE_NAMES.map(async (n) => [n, Number((await query(`SELECT count(*) AS n FROM ${parquet(n)}`))[0].n)]))
		);
		const provinces = (await sourceRows('provinces.csv')).length;
		// Real rows (two road indicators per road_deaths.csv row), then the sample indicators: every province × sample year.
		const realValues = (await sourceRows('road_deaths.csv')).length * 2;
		const sampleValues = SAMPLE_INDICATORS.length * provinces * SAMPLE_YEARS.length;
		expect(counts).toEqual({
			provinces,
			population: (await sourceRows('population.csv')).length,
			issue_areas: 8,
			sources: SOURCE_ROWS.length + 1,
			indicator_catalogue: INDICATORS.length + SAMPLE_INDICATORS.length,
			indicator_values: realValues + sampleValues
		});
		expect([counts.provinces, counts.population, realValues, sampleValues]).toEqual([77, 308, 308, 7 * 77 * 8]);
		expect([counts.sources, counts.indicator_catalogue]).toEqual([6, 9]);
		const [real] = await query(
			`SELECT count(*) AS n FROM ${parquet('indicator_values')} JOIN ${parquet('indicator_catalogue')} USING (indicator_id) WHERE NOT is_sample`
		);
		expect(Number(real.n)).toBe(realValues);
		for (const n of TABLE_NAMES) expect(manifest.tables[n].rows).toBe(counts[n]);
	});

	it('sorts rows by key', async () => {
		for (const name of TABLE_NAMES) {
			const key = TABLES[name].key.join(', ');
			const rows = await query(`SELECT ${key} FROM ${parquet(name)}`);
			const sorted = await query(`SELECT ${key} FROM ${parquet(name)} ORDER BY ${key}`);
			expect(rows, name).toEqual(sorted);
		}
	});

	it('keeps the death totals per year of road_deaths.csv', async () => {
		const expected: Record<string, number> = {};
		for (const r of await sourceRows('road_deaths.csv')) expected[r.year] = (expected[r.year] ?? 0) + Number(r.deaths);
		expect(expected).toEqual({ 2022: 15_015, 2023: 14_122 });

		const rows = await query(
			`SELECT year, sum(value)::DOUBLE AS deaths FROM ${parquet('indicator_values')} WHERE indicator_id = 'road_deaths' GROUP BY year ORDER BY year`
		);
		expect(Object.fromEntries(rows.map((r) => [String(r.year), r.deaths]))).toEqual(expected);
	});

	it('flags the sample indicators, and only them, as sample data', async () => {
		const rows = await query(`SELECT indicator_id, is_sample, source_id, headline FROM ${parquet('indicator_catalogue')} ORDER BY indicator_id`);
		const samples = new Set(SAMPLE_INDICATORS.map((i) => i.indicator_id));
		for (const r of rows) {
			expect(r.is_sample, String(r.indicator_id)).toBe(samples.has(String(r.indicator_id)));
			expect(r.source_id === 'phakhi_sample', String(r.indicator_id)).toBe(samples.has(String(r.indicator_id)));
		}
		const headlines = await query(
			`SELECT issue_area_id, count(*) FILTER (WHERE headline) AS n FROM ${parquet('indicator_catalogue')} GROUP BY ALL ORDER BY ALL`
		);
		expect(headlines).toHaveLength(8);
		for (const h of headlines) expect(Number(h.n), String(h.issue_area_id)).toBe(1);
		const years = await query(
			`SELECT DISTINCT year FROM ${parquet('indicator_values')} WHERE indicator_id = 'smoking_prevalence' ORDER BY year`
		);
		expect(years.map((y) => y.year)).toEqual([...SAMPLE_YEARS]);
	});

	it('computes the rate from deaths and population.csv, matching the stated rate', async () => {
		const stated = new Map((await sourceRows('road_deaths.csv')).map((r) => [`${r.code}/${r.year}`, Number(r.rate_per_100k)]));
		const rows = await query(`SELECT * FROM ${parquet('indicator_values')} WHERE indicator_id = 'road_death_rate'`);
		expect(rows).toHaveLength(stated.size);
		for (const r of rows) {
			expect(r.value).toBeCloseTo((Number(r.numerator) * 100_000) / Number(r.denominator), 9);
			expect(Math.abs(Number(r.value) - (stated.get(`${r.province_code}/${r.year}`) ?? NaN))).toBeLessThanOrEqual(0.006);
		}
		const nullDenominators = await query(
			`SELECT count(*) AS n FROM ${parquet('indicator_values')} WHERE indicator_id = 'road_deaths' AND (denominator IS NOT NULL OR value <> numerator)`
		);
		expect(Number(nullDenominators[0].n)).toBe(0);
	});

	it('keeps the population totals of population.csv', async () => {
		const csv = await sourceRows('population.csv');
		const sum = (f: string) => csv.reduce((n, r) => n + Number(r[f]), 0);
		const [row] = await query(
			`SELECT sum(total)::DOUBLE AS total, sum(male)::DOUBLE AS male, sum(female)::DOUBLE AS female, sum(households)::DOUBLE AS households FROM ${parquet('population')}`
		);
		expect(row).toEqual({ total: sum('total'), male: sum('male'), female: sum('female'), households: sum('households') });
		const [p] = await query(`SELECT sum(population)::DOUBLE AS n FROM ${parquet('provinces')}`);
		expect(p.n).toBe((await sourceRows('provinces.csv')).reduce((n, r) => n + Number(r.population), 0));
	});

	it('writes a GeoJSON with one feature per province and numeric ids', async () => {
		const geo = JSON.parse(await readFile(path.join(tmp, 'a/provinces.geojson'), 'utf8')) as ProvinceCollection;
		const codes = (await sourceRows('provinces.csv')).map((r) => r.code).sort();
		expect(geo.features).toHaveLength(77);
		expect(geo.features.map((f) => f.properties.province_code).sort()).toEqual(codes);
		for (const f of geo.features) {
			expect(f.id).toBe(Number(f.properties.province_code));
			expect(Object.keys(f.properties)).toEqual(['province_code', 'name_th', 'name_en', 'health_zone']);
			const numbers = f.geometry.coordinates.flat(Infinity) as number[];
			expect(numbers.every((x) => Math.round(x * 1e4) / 1e4 === x)).toBe(true);
		}
		expect(geo.features.find((f) => f.id === 40)?.properties).toEqual({
			province_code: '40',
			name_th: 'ขอนแก่น',
			name_en: 'Khon Kaen',
			health_zone: 7
		});
	});

	it('writes the 13 health-zone outlines', async () => {
		const zones = JSON.parse(await readFile(path.join(tmp, 'a', ZONES_FILE), 'utf8')) as ZoneCollection;
		expect(zones.features.map((f) => f.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
		expect(zones.features.flatMap((f) => f.properties.province_codes).sort()).toEqual(
			(await sourceRows('provinces.csv')).map((r) => r.code).sort()
		);
	});

	it('writes a manifest with source hashes and file sizes', async () => {
		const onDisk = JSON.parse(await readFile(path.join(tmp, 'a/manifest.json'), 'utf8')) as Manifest;
		expect(onDisk).toEqual(manifest);
		expect(Object.keys(onDisk.generated_from)).toEqual(['provinces.csv', 'population.csv', 'road_deaths.csv', 'geo/th_adm1.geojson']);
		for (const h of Object.values(onDisk.generated_from)) expect(h).toMatch(/^[0-9a-f]{64}$/);
		for (const n of TABLE_NAMES) expect(onDisk.tables[n].bytes).toBe((await readFile(path.join(tmp, 'a', TABLES[n].file))).length);
		expect(Object.keys(onDisk.geometry)).toEqual(['provinces.geojson', 'zones.geojson']);
		expect([onDisk.geometry['provinces.geojson'].features, onDisk.geometry['zones.geojson'].features]).toEqual([77, 13]);
		for (const [file, { bytes }] of Object.entries(onDisk.geometry))
			expect(bytes).toBe((await readFile(path.join(tmp, 'a', file))).length);
	});

	it('gives identical bytes when run again', async () => {
		await buildData({ sourcesDir: SOURCES, outDir: path.join(tmp, 'b') });
		for (const file of OUTPUT_FILES) {
			const [a, b] = await Promise.all([readFile(path.join(tmp, 'a', file)), readFile(path.join(tmp, 'b', file))]);
			expect(a.equals(b), file).toBe(true);
		}
	});
});
