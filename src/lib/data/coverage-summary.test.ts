/**
 * The coverage summary against the SQL on the raw tables (CoverageQueries), in real DuckDB: the
 * build's file at the bundled size, the same SQL run here on the raw tables, and a generated size
 * with the edge cases (no rows for a filter, a district with only partners, one with only cancelled
 * projects, projects without years, issue areas or a position, a partner with several networks).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb, CORE_TABLES } from './atlas-db';
import type { TableName } from './contract';
import { FILTERS, generatedProjectsSql } from './coverage-filters.test-support';
import { NO_COVERAGE_FILTER, type CoverageFilter, type ProvinceCoverage } from './coverage-queries';
import { COVERAGE_INDEX, CoverageFiles, coverageDataOfFiles, type CoverageFilesIndex } from './coverage-files';
import type { CoverageAnswers } from './coverage-index';
import {
	COVERAGE_POINTS_INDEX,
	ENCODED_SUMMARY_SQL,
	RAW_POINTS_LEVEL,
	SUMMARY_DICTIONARY_SQL,
	type PointFile
} from './coverage-summary';
import { parquetColumns } from './coded-columns';
import { NodeConnector } from './node-connector';

const DATA = join(process.cwd(), 'static/data');
const fetchFile = async (file: string) => new Uint8Array(readFileSync(join(DATA, file)));

/** Budgets are sums of doubles, added in another order than DuckDB's: equal to the cent. */
const cents = (rows: ProvinceCoverage[]) => rows.map((r) => ({ ...r, budget: Math.round(r.budget * 100) }));

/** The summary's answers are the SQL's for every filter, province and district. */
async function expectSqlAnswers(
	summaryDb: { coverageAnswers(): Promise<CoverageAnswers> },
	sqlDb: AtlasDb,
	filters: CoverageFilter[]
): Promise<void> {
	const answers = await summaryDb.coverageAnswers();
	// Bangkok, Khon Kaen, Chiang Mai, Chiang Rai, Narathiwat: every district is in the other answers.
	const provinces = ['10', '40', '50', '57', '96'];
	for (const f of filters) {
		const label = JSON.stringify(f);
		expect(cents(await answers.byProvince(f)), label).toEqual(cents(await sqlDb.coverage.byProvince(f)));
		expect(await answers.uncoveredDistricts(f), label).toEqual(await sqlDb.coverage.uncoveredDistricts(f));
		for (const code of provinces)
			expect(await answers.byDistrict(f, code), `${label} ${code}`).toEqual(await sqlDb.coverage.byDistrict(f, code));
	}
}

const sum = (rows: ProvinceCoverage[], key: 'partners' | 'projects') => rows.reduce((n, r) => n + r[key], 0);

let raw: AtlasDb;
let files: AtlasDb;
/** The engines under them, for the tests' own looks at the tables. */
let rawConn: NodeConnector;
let filesConn: NodeConnector;
/** Files the page-like database fetched. */
const fetched: string[] = [];

beforeAll(async () => {
	if (!existsSync(join(DATA, COVERAGE_INDEX))) throw new Error('run `npm run data` first (npm test does it for you)');
	rawConn = await NodeConnector.open();
	raw = await AtlasDb.open(rawConn, fetchFile);
	// As the coverage page opens it: no partners or projects, the build's summary and point files.
	const tables: TableName[] = [...CORE_TABLES, 'districts'];
	filesConn = await NodeConnector.open();
	files = await AtlasDb.open(
		filesConn,
		(file) => {
			fetched.push(file);
			return fetchFile(file);
		},
		tables
	);
});

afterAll(async () => {
	await raw?.close();
	await files?.close();
});

describe('the coverage summary at the bundled size', () => {
	it("is the build's encoded file, row for row the same as the SQL computes and encodes it from the raw tables", async () => {
		await raw.coverageSummary();
		await files.coverageSummary();
		const index = JSON.parse(new TextDecoder().decode(await fetchFile(COVERAGE_INDEX))) as CoverageFilesIndex;
		// Sums of doubles depend on the order DuckDB adds them in: equal to the cent, and to a millimetre.
		const rows = (
			table: string
		) => `SELECT * REPLACE (round(budget, 2) AS budget, round(sum_x, 9) AS sum_x, round(sum_y, 9) AS sum_y)
			FROM ${table} ORDER BY ALL`;
		const computed = await rawConn.query(rows(`(${ENCODED_SUMMARY_SQL})`));
		const built = await rawConn.query(
			rows(`read_parquet([${index.summary.map((f) => `'${join(DATA, f)}'`).join(', ')}])`)
		);
		expect(computed.length).toBeGreaterThan(1000);
		expect(built).toEqual(computed);
		// Its codes mean what they meant in DuckDB: the same dictionary and places.
		const dictionary: Record<string, string[]> = { category: [], issue: [], network: [] };
		for (const w of await rawConn.query(SUMMARY_DICTIONARY_SQL)) dictionary[String(w.dimension)].push(String(w.v));
		expect(index.dictionary).toEqual(dictionary);
		const places = await raw.coveragePlaces();
		expect(index.provinces).toEqual(places.provinces);
		expect(index.districts).toEqual(places.districts);
		expect(fetched).toEqual(expect.arrayContaining(index.summary));
		expect(fetched.filter((f) => f.endsWith('partners.parquet') || f.endsWith('projects.parquet'))).toEqual([]);
	});

	it('answers every filter from the files alone, without DuckDB, as the SQL on the raw tables does', async () => {
		const read: string[] = [];
		const alone = new CoverageFiles(
			(file) => (read.push(file), fetchFile(file)),
			async (file, text) => (read.push(file), parquetColumns(await fetchFile(file), file, text))
		);
		const data = coverageDataOfFiles(alone);
		await expectSqlAnswers(data, raw, FILTERS);
		// Zoomed out, the map's groups come from the files too: each district's located points, at their mean
		// Web Mercator position (the summary's sums are single precision: within 1e-7 of the world, metres).
		const groups = (await data.coverageAnswers()).placed(FILTERS[1]);
		expect(groups.weight!.length).toBeGreaterThan(300);
		await raw.coverageSummary();
		const located = await rawConn.query(
			`SELECT CAST(count(*) AS INTEGER) AS n, avg(lon / 360 + 0.5) AS x,
				avg(least(1, greatest(0, 0.5 - 0.25 * ln((1 + sin(radians(lat))) / (1 - sin(radians(lat)))) / pi()))) AS y
			 FROM coverage_points
			 WHERE lon IS NOT NULL AND lat IS NOT NULL AND district_code IN (SELECT district_code FROM districts)
			   AND (kind = 0 OR category <> 'cancelled') AND list_contains(string_split(coalesce(issue_area_ids, ''), ';'), 'road_safety')
			 GROUP BY district_code ORDER BY district_code`
		);
		expect(Array.from(groups.weight!)).toEqual(located.map((r) => r.n));
		located.forEach((r, i) => {
			expect(Math.abs(groups.x[i] - Number(r.x))).toBeLessThan(1e-7);
			expect(Math.abs(groups.y[i] - Number(r.y))).toBeLessThan(1e-7);
		});
		// The index and the summary, nothing else: no raw table, no points.
		expect(read).toEqual([
			COVERAGE_INDEX,
			...(JSON.parse(new TextDecoder().decode(await fetchFile(COVERAGE_INDEX))) as CoverageFilesIndex).summary
		]);
	});

	it('answers every filter as the SQL on the raw tables does, from the file and computed here', async () => {
		await expectSqlAnswers(files, raw, FILTERS);
		await expectSqlAnswers(raw, raw, FILTERS);
	});

	it("fetches a province's points only when it is opened or the map is zoomed in, and then has every one of them", async () => {
		const answers = await files.coverageAnswers();
		const country = [97, 5, 106, 21] as const;
		const pointFiles = () => fetched.filter((f) => f.startsWith('coverage-points/'));
		// Zoomed out: groups from the summary, one per district, counting every located point.
		const groups = await answers.positioned(NO_COVERAGE_FILTER, { level: 5, bounds: country, province: null });
		expect(pointFiles()).toEqual([]);
		const [{ n: located }] = await rawConn.query(
			`SELECT CAST(count(*) AS INTEGER) AS n FROM coverage_points
			 WHERE lon IS NOT NULL AND lat IS NOT NULL AND (kind = 0 OR category <> 'cancelled')`
		);
		expect(Array.from(groups.weight!).reduce((a, b) => a + b, 0)).toBe(located);
		// A province opened: its file, and only its.
		await answers.positioned(NO_COVERAGE_FILTER, { level: 5, bounds: country, province: '40' });
		expect(pointFiles()).toEqual(['coverage-points/40.parquet']);
		// Zoomed in around Khon Kaen: the provinces the view reaches.
		const near = await answers.positioned(NO_COVERAGE_FILTER, {
			level: RAW_POINTS_LEVEL,
			bounds: [102.5, 16.2, 102.9, 16.6],
			province: null
		});
		expect(near.weight).toBeUndefined();
		const index = JSON.parse(new TextDecoder().decode(await fetchFile(COVERAGE_POINTS_INDEX))).files as PointFile[];
		expect(pointFiles().length).toBeGreaterThan(0);
		expect(pointFiles().length).toBeLessThan(index.length / 4);
		// Every point of the provinces fetched, as the raw tables have them.
		const codes = pointFiles().map((f) => index.find((i) => i.file === f)!.province_code);
		const [{ n }] = await rawConn.query(
			`SELECT CAST(count(*) AS INTEGER) AS n FROM coverage_points WHERE list_contains(string_split(?, ','), province_code)`,
			[codes.join(',')]
		);
		// In memory, decoded from the files: the window asks for no more, and gets what was read.
		const loaded = await files.coveragePoints({ level: 5, bounds: country, province: null });
		expect(loaded.size).toBe(n);
		// DuckDB holds none of them.
		const [{ n: tables }] = await filesConn.query(
			`SELECT CAST(count(*) AS INTEGER) AS n FROM duckdb_tables() WHERE table_name = 'coverage_points'`
		);
		expect(tables).toBe(0);
		// All of them: the same points, named the same, as the index over the raw tables.
		const all = await files.coverageIndex();
		const rawIndex = await raw.coverageIndex();
		expect(all.points(FILTERS[1])).toEqual(rawIndex.points(FILTERS[1]));
		expect(all.pointName('project', '60-ข-087')).toBe(rawIndex.pointName('project', '60-ข-087'));
		expect(all.pointName('project', '60-ข-087')).toMatch(/\S/);
	});
});

describe('the coverage summary at a generated size, with edge cases', () => {
	let generated: AtlasDb;
	let genConn: NodeConnector;

	beforeAll(async () => {
		genConn = await NodeConnector.open();
		generated = await AtlasDb.open(genConn, fetchFile);
		const q = (sql: string) => genConn.query(sql);
		// Three times the bundled rows, each copy changed a little, and the edge cases.
		await q(`CREATE TABLE __user_partners AS
			SELECT * REPLACE (
				partner_id || '-' || k AS partner_id,
				CASE WHEN k = 1 AND hash(partner_id) % 5 = 0 THEN network_ids || ';' || 'isan_partner_network' ELSE network_ids END AS network_ids,
				CAST(year_joined + k AS SMALLINT) AS year_joined)
			FROM partners, range(3) t(k)`);
		await q(generatedProjectsSql());
		await generated.adoptTable('partners', '__user_partners', 'generated-partners.parquet');
		await generated.adoptTable('projects', '__user_projects', 'generated-projects.parquet');
	});

	afterAll(() => generated?.close());

	it('has the edge cases it is meant to have', async () => {
		const counts = async (f: CoverageFilter, district: string) =>
			(await generated.coverage.byDistrict(f, district.slice(0, 2))).find((d) => d.district_code === district)!;
		expect(await counts(NO_COVERAGE_FILTER, '5001')).toMatchObject({ projects: 0 });
		expect((await counts(NO_COVERAGE_FILTER, '5001')).partners).toBeGreaterThan(0);
		expect((await counts(NO_COVERAGE_FILTER, '4001')).projects).toBe(0);
		expect((await counts({ ...NO_COVERAGE_FILTER, status: 'cancelled' }, '4001')).projects).toBeGreaterThan(0);
		const [{ n }] = await genConn.query(`SELECT CAST(count(*) AS INTEGER) AS n FROM projects`);
		expect(n).toBeGreaterThan(4000);
	});

	it('answers every filter as the SQL on the raw tables does', async () => {
		const edge: CoverageFilter[] = [
			...FILTERS,
			{ ...NO_COVERAGE_FILTER, year: 2018, status: 'cancelled' },
			{ ...NO_COVERAGE_FILTER, network: 'isan_partner_network', types: ['ngo'], year: 2022 },
			// No rows for this filter at all.
			{ ...NO_COVERAGE_FILTER, issue: 'tobacco', year: 1990, status: 'planned' }
		];
		await expectSqlAnswers(generated, generated, edge);
		const answers = await generated.coverageAnswers();
		const none = await answers.byProvince(edge.at(-1)!);
		expect(sum(none, 'partners') + sum(none, 'projects')).toBe(0);
		expect(none.every((r) => r.covered_districts === 0 && r.budget === 0)).toBe(true);
	});

	it("is computed again from the user's tables, not taken from the build's file", async () => {
		const answers = await generated.coverageAnswers();
		const [{ n }] = await genConn.query(
			`SELECT CAST(count(*) AS INTEGER) AS n FROM projects WHERE status <> 'cancelled'`
		);
		expect(sum(await answers.byProvince(NO_COVERAGE_FILTER), 'projects')).toBe(n);
	});
});
