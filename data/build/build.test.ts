/** The real build on the real sources, read back with real DuckDB. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLES } from '../../src/lib/data/contract.ts';
import { buildData, OUTPUT_DIRS, OUTPUT_FILES, ZONES_FILE, type Manifest } from './build.ts';
import { COVERAGE_POINTS_DIR } from '../../src/lib/data/coverage-summary.ts';
import { parseCsv } from './csv.ts';
import type { DistrictCollection } from './districts.ts';
import type { ProvinceCollection } from './geo.ts';
import { INDICATORS, SOURCES as SOURCE_ROWS } from './reference.ts';
import { DEFAULT_PARTNERS, DEFAULT_PROJECTS, NETWORK_SAMPLE_SEED } from './network-sample.ts';
import { SAMPLE_INDICATORS, SAMPLE_YEARS } from './sample.ts';
import type { ZoneCollection } from './zones.ts';

const SOURCES = path.resolve(import.meta.dirname, '../sources');
const ROAD_FILE = 'road_deaths_3base/road_deaths_rtddi_3base_2011_2024.csv';
const DENGUE_FILE = 'dengue/dengue_cases_province_annual.csv';
const HISTORY_FILE = 'population_history/population_dopa_2003_2021.csv';

const QUOTED = ['networks/', 'dengue/dengue_cases_province_annual', 'targets/'];
const sourceRows = async (file: string) => {
	const quoted = QUOTED.some((q) => file.startsWith(q));
	const { table, errors } = parseCsv(await readFile(path.join(SOURCES, file), 'utf8'), file, { quoted });
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
		expect((await readdir(path.join(tmp, 'a'))).sort()).toEqual([...OUTPUT_FILES, ...OUTPUT_DIRS].sort());
	});

	it('writes every table with the contract columns, types and order', async () => {
		for (const name of TABLE_NAMES) {
			const columns = await query(`DESCRIBE SELECT * FROM ${parquet(name)}`);
			expect(
				columns.map((c) => [c.column_name, c.column_type]),
				name
			).toEqual(TABLES[name].columns.map((c) => [c.name, c.type]));
			const compression = await query(`SELECT DISTINCT compression FROM parquet_metadata(${parquet(name)})`);
			expect(compression).toEqual([{ compression: 'SNAPPY' }]);
		}
	});

	it('keeps every source row', async () => {
		const counts = Object.fromEntries(
			await Promise.all(
				TABLE_NAMES.map(async (n) => [n, Number((await query(`SELECT count(*) AS n FROM ${parquet(n)}`))[0].n)])
			)
		);
		const provinces = (await sourceRows('provinces.csv')).length;
		// Real rows (a count and a rate per province row of the road-death and dengue files), then the
		// sample indicators: every province × sample year.
		const road = await sourceRows(ROAD_FILE);
		const roadProvinces = road.filter((r) => r.province_code !== '').length;
		const dengue = (await sourceRows(DENGUE_FILE)).length;
		const realValues = (roadProvinces + dengue) * 2;
		const sampleValues = SAMPLE_INDICATORS.length * provinces * SAMPLE_YEARS.length;
		expect(counts).toEqual({
			provinces,
			population: (await sourceRows('population.csv')).length + (await sourceRows(HISTORY_FILE)).length,
			issue_areas: 8,
			sources: SOURCE_ROWS.length + 3,
			indicator_catalogue: INDICATORS.length + SAMPLE_INDICATORS.length,
			indicator_values: realValues + sampleValues,
			// The "province unknown" road deaths, for both road indicators.
			unallocated_values: (road.length - roadProvinces) * 2,
			indicator_months: (await sourceRows('dengue/dengue_cases_province_monthly.csv')).length,
			targets: (await sourceRows('targets/national_targets.csv')).length,
			districts: 928,
			networks: (await sourceRows('networks/networks.csv')).length,
			network_provinces: (await sourceRows('networks/network_provinces.csv')).length,
			network_events: (await sourceRows('networks/network_events.csv')).length,
			// The real record(s), then the generated sample.
			partners: DEFAULT_PARTNERS,
			projects: (await sourceRows('networks/projects.csv')).length + DEFAULT_PROJECTS,
			instalments: (await sourceRows('networks/instalments.csv')).length + manifest.network_sample.instalments,
			quality_issues: Object.values(manifest.quality).reduce((a, b) => a + b, 0)
		});
		// 77 provinces; population 76 × 2003–2010 + 77 × 2011–2025; road deaths 77 × 2011–2024, dengue 76 × 2003–2010 + 77 × 2011–2022.
		expect([counts.provinces, counts.population, roadProvinces, dengue, sampleValues]).toEqual([
			77,
			76 * 8 + 77 * 15,
			77 * 14,
			76 * 8 + 77 * 12,
			6 * 77 * 8
		]);
		expect([
			counts.sources,
			counts.indicator_catalogue,
			counts.unallocated_values,
			counts.indicator_months,
			counts.targets
		]).toEqual([10, 10, 8, 18_384, 7]);
		expect([counts.networks, counts.network_provinces, counts.network_events, counts.projects]).toEqual([
			5, 66, 6, 1501
		]);
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

	it('keeps the death totals per year of the 3-base file: provinces, plus "province unknown" on no province', async () => {
		const road = await sourceRows(ROAD_FILE);
		const perYear = (rows: typeof road) => {
			const out: Record<string, number> = {};
			for (const r of rows) out[r.year] = (out[r.year] ?? 0) + Number(r.deaths);
			return out;
		};
		// The file's national totals (its README; 2012–2016 and 2023 equal the published 3-base totals).
		expect(perYear(road)).toEqual({
			2011: 21_996,
			2012: 21_603,
			2013: 21_221,
			2014: 20_790,
			2015: 19_960,
			2016: 21_745,
			2017: 21_607,
			2018: 19_931,
			2019: 19_904,
			2020: 17_831,
			2021: 16_957,
			2022: 17_379,
			2023: 17_498,
			2024: 17_477
		});
		const provinces = await query(
			`SELECT year, sum(value)::DOUBLE AS deaths FROM ${parquet('indicator_values')} WHERE indicator_id = 'road_deaths' GROUP BY year ORDER BY year`
		);
		expect(Object.fromEntries(provinces.map((r) => [String(r.year), r.deaths]))).toEqual(
			perYear(road.filter((r) => r.province_code !== ''))
		);
		const unknown = await query(`SELECT indicator_id, year, count FROM ${parquet('unallocated_values')} ORDER BY ALL`);
		expect(unknown.map((r) => [r.indicator_id, r.year, r.count])).toEqual(
			['road_death_rate', 'road_deaths'].flatMap((id) => [
				[id, 2014, 3],
				[id, 2015, 1],
				[id, 2018, 1],
				[id, 2023, 1]
			])
		);
	});

	it('keeps the dengue totals per year of the dengue file, and the months sum to the years', async () => {
		const perYear: Record<string, number> = {};
		for (const r of await sourceRows(DENGUE_FILE)) perYear[r.year] = (perYear[r.year] ?? 0) + Number(r.value);
		// The national sums in dengue/README.md.
		expect(perYear).toEqual({
			2003: 17_492,
			2004: 11_181,
			2005: 15_070,
			2006: 17_062,
			2007: 25_446,
			2008: 36_645,
			2009: 25_194,
			2010: 53_149,
			2011: 29_759,
			2012: 25_316,
			2013: 87_502,
			2014: 23_170,
			2015: 86_653,
			2016: 38_466,
			2017: 31_843,
			2018: 55_076,
			2019: 87_866,
			2020: 50_911,
			2021: 7_778,
			2022: 34_605
		});
		const rows = await query(
			`SELECT year, sum(value)::DOUBLE AS cases FROM ${parquet('indicator_values')} WHERE indicator_id = 'dengue_cases' GROUP BY year ORDER BY year`
		);
		expect(Object.fromEntries(rows.map((r) => [String(r.year), r.cases]))).toEqual(perYear);
		const months = await query(
			`SELECT year, sum(value)::DOUBLE AS cases, count(DISTINCT month) AS months FROM ${parquet('indicator_months')} GROUP BY year ORDER BY year`
		);
		expect(Object.fromEntries(months.map((r) => [String(r.year), r.cases]))).toEqual(perYear);
		expect(months.every((m) => Number(m.months) === 12)).toBe(true);
	});

	it('has no Bueng Kan (38) value before 2011: missing, not 0; Nong Khai (43) carries its area until then', async () => {
		const rows = await query(
			`SELECT indicator_id, min(year) AS first FROM ${parquet('indicator_values')} WHERE province_code = '38' AND indicator_id LIKE 'dengue%' GROUP BY ALL ORDER BY ALL`
		);
		expect(rows).toEqual([
			{ indicator_id: 'dengue_cases', first: 2011 },
			{ indicator_id: 'dengue_rate', first: 2011 }
		]);
		const population = await query(
			`SELECT min(year) AS first FROM ${parquet('population')} WHERE province_code = '38'`
		);
		expect(population[0].first).toBe(2011);
		const nongKhai = await query(
			`SELECT count(*) AS n FROM ${parquet('indicator_values')} WHERE province_code = '43' AND indicator_id = 'dengue_cases' AND year < 2011`
		);
		expect(Number(nongKhai[0].n)).toBe(8);
		const [p] = await query(
			`SELECT established_year, split_from FROM ${parquet('provinces')} WHERE province_code = '38'`
		);
		expect(p).toEqual({ established_year: 2011, split_from: '43' });
	});

	it('flags the sample indicators, and only them, as sample data', async () => {
		const rows = await query(
			`SELECT indicator_id, is_sample, source_id, headline FROM ${parquet('indicator_catalogue')} ORDER BY indicator_id`
		);
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

	it('computes every rate as count × 100 000 ÷ the registered population of the same province and year', async () => {
		const population = new Map([
			...(await sourceRows('population.csv')).map((r) => [`${r.code}/${r.year}`, Number(r.total)] as const),
			...(await sourceRows(HISTORY_FILE)).map((r) => [`${r.province_code}/${r.year}`, Number(r.total)] as const)
		]);
		const counts = new Map<string, number>([
			...(await sourceRows(ROAD_FILE))
				.filter((r) => r.province_code !== '')
				.map((r) => [`road_death_rate/${r.province_code}/${r.year}`, Number(r.deaths)] as const),
			...(await sourceRows(DENGUE_FILE)).map(
				(r) => [`dengue_rate/${r.province_code}/${r.year}`, Number(r.value)] as const
			)
		]);
		const rows = await query(
			`SELECT * FROM ${parquet('indicator_values')} WHERE indicator_id IN ('road_death_rate', 'dengue_rate')`
		);
		expect(rows).toHaveLength(counts.size);
		for (const r of rows) {
			const count = counts.get(`${r.indicator_id}/${r.province_code}/${r.year}`);
			const denominator = population.get(`${r.province_code}/${r.year}`);
			expect([r.numerator, r.denominator]).toEqual([count, denominator]);
			expect(r.value).toBe((count! * 100_000) / denominator!);
		}
		const counted = await query(
			`SELECT count(*) AS n FROM ${parquet('indicator_values')} WHERE indicator_id IN ('road_deaths', 'dengue_cases') AND (denominator IS NOT NULL OR value <> numerator)`
		);
		expect(Number(counted[0].n)).toBe(0);
	});

	it('carries the national targets with their source and confidence, linked only to real indicators', async () => {
		const rows = await query(
			`SELECT target_id, indicator_id, comparator, value, year, kind, confidence FROM ${parquet('targets')} WHERE indicator_id IS NOT NULL ORDER BY year`
		);
		expect(rows).toEqual([
			{
				target_id: 'road_death_rate_fy2017',
				indicator_id: 'road_death_rate',
				comparator: '<=',
				value: 18,
				year: 2017,
				kind: 'annual',
				confidence: 'high'
			},
			{
				target_id: 'road_death_rate_fy2018',
				indicator_id: 'road_death_rate',
				comparator: '<=',
				value: 16,
				year: 2018,
				kind: 'annual',
				confidence: 'high'
			},
			{
				target_id: 'road_death_rate_2027',
				indicator_id: 'road_death_rate',
				comparator: '<=',
				value: 12,
				year: 2027,
				kind: 'by',
				confidence: 'medium'
			}
		]);
		const all = await query(`SELECT source_url, quote_th, document FROM ${parquet('targets')}`);
		expect(all).toHaveLength(7);
		for (const t of all) expect(String(t.source_url) && String(t.quote_th) && String(t.document)).toBeTruthy();
	});

	it('keeps the population totals of both population files', async () => {
		const csv = [...(await sourceRows('population.csv')), ...(await sourceRows(HISTORY_FILE))];
		const sum = (f: string) => csv.reduce((n, r) => n + Number(r[f]), 0);
		const [row] = await query(
			`SELECT sum(total)::DOUBLE AS total, sum(male)::DOUBLE AS male, sum(female)::DOUBLE AS female, sum(households)::DOUBLE AS households FROM ${parquet('population')}`
		);
		expect(row).toEqual({
			total: sum('total'),
			male: sum('male'),
			female: sum('female'),
			households: sum('households')
		});
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

	it('writes the districts: 928 rows and a slim GeoJSON under 400 kB', async () => {
		const rows = await query(`SELECT * FROM ${parquet('districts')}`);
		expect(rows).toHaveLength(928);
		expect(rows.find((r) => r.district_code === '4001')).toEqual({
			district_code: '4001',
			province_code: '40',
			name_th: 'เมืองขอนแก่น',
			name_en: 'Mueang Khon Kaen'
		});
		const text = await readFile(path.join(tmp, 'a', 'districts.geojson'), 'utf8');
		expect(text.length).toBeLessThan(400_000);
		const geo = JSON.parse(text) as DistrictCollection;
		expect(geo.features.map((f) => f.properties.district_code)).toEqual(rows.map((r) => r.district_code));
		for (const f of geo.features) {
			expect(f.id).toBe(Number(f.properties.district_code));
			expect(Object.keys(f.properties)).toEqual(['district_code', 'province_code', 'name_th', 'name_en']);
		}
	});

	it('writes the real networks, their provinces and events, with a citation on every row', async () => {
		const networks = await query(`SELECT * FROM ${parquet('networks')}`);
		expect(networks.map((n) => n.network_id)).toEqual([
			'area_strengthening_alliance',
			'isan_health_assemblies',
			'isan_partner_network',
			'south_provincial_funds',
			'upper_south_zone11'
		]);
		expect(networks.every((n) => n.is_sample === false && String(n.source_file).endsWith('.txt'))).toBe(true);
		const roles = await query(
			`SELECT network_id, role, string_agg(province_code, ',' ORDER BY province_code) AS codes FROM ${parquet('network_provinces')} GROUP BY ALL ORDER BY ALL`
		);
		const byRole = Object.fromEntries(roles.map((r) => [`${r.network_id}/${r.role}`, String(r.codes).split(',')]));
		expect(byRole['isan_partner_network/member']).toHaveLength(20);
		expect(byRole['isan_partner_network/target']).toEqual(['32', '33', '35', '37', '38', '44', '48']);
		expect(byRole['upper_south_zone11/working_group']).toEqual(['80', '81', '84', '85', '86']);
		expect(byRole['upper_south_zone11/member']).toEqual(['80', '81', '82', '83', '84', '85', '86']);
		expect(byRole['south_provincial_funds/pilot']).toEqual(['83', '84']);
		expect(byRole['area_strengthening_alliance/pilot']).toEqual(['23', '40', '57', '60', '93']);
		expect(byRole['isan_health_assemblies/member']).toEqual(byRole['isan_partner_network/member']);
		const [{ n }] = await query(`SELECT count(*) AS n FROM ${parquet('network_provinces')} WHERE citation = ''`);
		expect(Number(n)).toBe(0);
		const events = await query(
			`SELECT event_id, event_date, end_date, province_code, participants FROM ${parquet('network_events')}`
		);
		expect(events).toEqual([
			{
				event_id: 'asa_khon_kaen_2025',
				event_date: '2025-05-02',
				end_date: null,
				province_code: '40',
				participants: 200
			},
			{
				event_id: 'isan_assemblies_workshop_2024',
				event_date: '2024-05-08',
				end_date: '2024-05-09',
				province_code: '40',
				participants: 60
			},
			{ event_id: 'isan_lower_forum', event_date: null, end_date: null, province_code: '33', participants: null },
			{
				event_id: 'isan_regional_forum_2016',
				event_date: '2016-06-23',
				end_date: '2016-06-25',
				province_code: '40',
				participants: 500
			},
			{ event_id: 'isan_upper_forum', event_date: null, end_date: null, province_code: '40', participants: null },
			{
				event_id: 'south_funds_review_2023',
				event_date: '2023-10-14',
				end_date: null,
				province_code: '83',
				participants: null
			}
		]);
	});

	it('keeps the real project record 60-ข-087 as published: 1,000,000 THB budget, instalments summing to 0.00', async () => {
		const [project] = await query(`SELECT * FROM ${parquet('projects')} WHERE NOT is_sample`);
		expect(project).toMatchObject({
			project_code: '60-ข-087',
			programme_th: 'แผนงานโซนใต้บน',
			title_th: 'โครงการสนับสนุนการปฏิรูประบบสร้างเสริมสุขภาพ เขต 11 สุราษฎร์ธานี',
			organisation_th: 'สถาบันนโยบายสาธารณะ มหาวิทยาลัยสงขลานครินทร์ (สนส. ม.อ.)',
			partner_id: null,
			network_id: 'upper_south_zone11',
			start_date: '2017-12-01',
			end_date: '2018-12-31',
			budget: 1_000_000,
			province_code: '84',
			district_code: null,
			lat: null,
			lon: null,
			issue_area_ids: null,
			is_sample: false
		});
		const instalments = await query(`SELECT * FROM ${parquet('instalments')} WHERE project_code = '60-ข-087'`);
		expect(instalments).toEqual([
			{
				project_code: '60-ข-087',
				instalment_no: 1,
				period_start: '2018-01-01',
				period_end: '2018-12-31',
				report_start: '2018-01-01',
				report_end: '2018-12-31',
				amount: 0,
				paid: null
			},
			{
				project_code: '60-ข-087',
				instalment_no: 2,
				period_start: '2019-01-01',
				period_end: '2019-02-28',
				report_start: null,
				report_end: null,
				amount: 0,
				paid: null
			}
		]);
		const issues = await query(
			`SELECT rule, row_key, field, message_en, message_th FROM ${parquet('quality_issues')} WHERE project_code = '60-ข-087'`
		);
		expect(issues).toEqual([
			{
				rule: 'instalment_outside_period',
				row_key: '60-ข-087/2',
				field: 'period_start,period_end',
				message_en: 'Instalment 2 (2019-01-01 – 2019-02-28) is outside the project period 2017-12-01 – 2018-12-31',
				message_th: 'งวดที่ 2 (1 ม.ค. 2562 – 28 ก.พ. 2562) อยู่นอกระยะเวลาโครงการ 1 ธ.ค. 2560 – 31 ธ.ค. 2561'
			},
			{
				rule: 'instalment_sum_mismatch',
				row_key: '60-ข-087',
				field: 'budget',
				message_en: 'Instalments sum to 0.00 THB against a budget of 1,000,000.00 THB',
				message_th: 'รวมงบประมาณของทุกงวด (0.00 บาท) ไม่เท่ากับงบประมาณโครงการ (1,000,000.00 บาท)'
			}
		]);
	});

	it('flags every partner and every other project as sample data, and reports their deliberate defects', async () => {
		const [p] = await query(`SELECT count(*) FILTER (WHERE NOT is_sample) AS real FROM ${parquet('partners')}`);
		expect(Number(p.real)).toBe(0);
		const byRule = await query(
			`SELECT rule, count(*) AS n FROM ${parquet('quality_issues')} WHERE is_sample GROUP BY rule ORDER BY rule`
		);
		// Exact counts follow from DEFECT_RATES (network-sample.test.ts checks the rows themselves).
		expect(Object.fromEntries(byRule.map((r) => [r.rule, Number(r.n)]))).toEqual({
			instalment_outside_period: 15,
			instalment_sum_mismatch: 15,
			point_outside_district: 15 + 8,
			province_district_mismatch: 6 + 3,
			unknown_partner: 3
		});
		expect(manifest.quality).toEqual({
			instalment_sum_mismatch: 16,
			instalment_outside_period: 16,
			point_outside_district: 23,
			unknown_partner: 3,
			province_district_mismatch: 9
		});
	});

	it('keeps static/data small: the whole default output under 3 MB', async () => {
		const sizes = await Promise.all(OUTPUT_FILES.map(async (f) => (await readFile(path.join(tmp, 'a', f))).length));
		expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(1_500_000);
	});

	it('writes a manifest with source hashes and file sizes', async () => {
		const onDisk = JSON.parse(await readFile(path.join(tmp, 'a/manifest.json'), 'utf8')) as Manifest;
		expect(onDisk).toEqual(manifest);
		expect(Object.keys(onDisk.generated_from)).toEqual([
			'provinces.csv',
			'population.csv',
			HISTORY_FILE,
			ROAD_FILE,
			DENGUE_FILE,
			'dengue/dengue_cases_province_monthly.csv',
			'targets/national_targets.csv',
			'geo/th_adm1.geojson',
			'geo/th_adm2.geojson',
			'networks/networks.csv',
			'networks/network_provinces.csv',
			'networks/network_events.csv',
			'networks/projects.csv',
			'networks/instalments.csv'
		]);
		for (const h of Object.values(onDisk.generated_from)) expect(h).toMatch(/^[0-9a-f]{64}$/);
		for (const n of TABLE_NAMES)
			expect(onDisk.tables[n].bytes).toBe((await readFile(path.join(tmp, 'a', TABLES[n].file))).length);
		expect(Object.keys(onDisk.geometry)).toEqual(['provinces.geojson', 'zones.geojson', 'districts.geojson']);
		expect(Object.values(onDisk.geometry).map((g) => g.features)).toEqual([77, 13, 928]);
		expect(onDisk.network_sample).toEqual({
			seed: NETWORK_SAMPLE_SEED,
			partners: DEFAULT_PARTNERS,
			projects: DEFAULT_PROJECTS,
			instalments: expect.any(Number)
		});
		for (const [file, { bytes }] of Object.entries(onDisk.geometry))
			expect(bytes).toBe((await readFile(path.join(tmp, 'a', file))).length);
	});

	it('gives identical bytes when run again', async () => {
		await buildData({ sourcesDir: SOURCES, outDir: path.join(tmp, 'b') });
		const points = (await readdir(path.join(tmp, 'a', COVERAGE_POINTS_DIR))).map((f) => `${COVERAGE_POINTS_DIR}/${f}`);
		expect(points.length).toBeGreaterThan(70);
		for (const file of [...OUTPUT_FILES, ...points]) {
			const [a, b] = await Promise.all([readFile(path.join(tmp, 'a', file)), readFile(path.join(tmp, 'b', file))]);
			expect(a.equals(b), file).toBe(true);
		}
	});
});
