/**
 * The map's single points read from the build's files of points without DuckDB (CoverageFiles.points,
 * CoverageIndex.fromColumns) against the SQL on the raw tables (CoverageQueries.points: the same points,
 * in the same sample order, and the same counts), at the bundled size (the build's own files) and at a
 * generated size written by the build's writeCoverageFiles, with the edge cases: more networks than a
 * 32-bit mask holds, points without a province, position, issue area or network, a district whose
 * projects are all cancelled, projects that end before they start. Provinces read one window at a time
 * are in the SQL's order too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCoverageFiles, writeCoverageIndex } from '../../../data/build/coverage-files';
import { groupForMap } from '$lib/map/point-groups';
import { AtlasDb } from './atlas-db';
import { parquetColumns } from './coded-columns';
import { TABLES } from './contract';
import { COVERAGE_INDEX, CoverageFiles, coverageDataOfFiles } from './coverage-files';
import { FILTERS, generatedProjectsSql } from './coverage-filters.test-support';
import type { CoverageIndex } from './coverage-index';
import {
	MAP_POINT_LIMIT,
	NO_COVERAGE_FILTER,
	type CoverageFilter,
	type MapPoint,
	type ProvinceCoverage
} from './coverage-queries';
import { RAW_POINTS_LEVEL, type PointWindow } from './coverage-summary';
import { NodeConnector } from './node-connector';

const DATA = join(process.cwd(), 'static/data');
const fileIn = (dir: string) => async (file: string) => new Uint8Array(readFileSync(join(dir, file)));

/** Budgets are sums of doubles, added in another order than DuckDB's: equal to the cent. */
const cents = (rows: ProvinceCoverage[]) => rows.map((r) => ({ ...r, budget: Math.round(r.budget * 100) }));

const EVERYWHERE: PointWindow = { level: RAW_POINTS_LEVEL, bounds: [-180, -90, 180, 90], province: null };

/** The build's files in `dir`, read as the page reads them, and what they read. */
function filesIn(dir: string) {
	const read: string[] = [];
	const fetchFile = fileIn(dir);
	const files = new CoverageFiles(
		(file) => (read.push(file), fetchFile(file)),
		async (file, text) => (read.push(file), parquetColumns(await fetchFile(file), file, text))
	);
	return { files, read };
}

/** Every point of the provinces read equals the SQL's, in its order, and the counts of them all equal SQL's. */
async function expectSqlPoints(index: CoverageIndex, sql: AtlasDb, filters: CoverageFilter[]): Promise<void> {
	for (const f of filters) {
		const label = JSON.stringify(f);
		const points = await sql.coverage.points(f);
		expect(points.length, label).toBeLessThan(MAP_POINT_LIMIT);
		expect(index.points(f), label).toEqual(points);
		// The sample's first points: the same ones.
		expect(index.points(f, 50), label).toEqual(await sql.coverage.points(f, 50));
		expect(cents(index.byProvince(f)), label).toEqual(cents(await sql.coverage.byProvince(f)));
		expect(index.uncoveredDistricts(f), label).toEqual(await sql.coverage.uncoveredDistricts(f));
	}
}

/** The SQL's points (in its order) of the points in `provinces` (kind and id). */
async function sqlPointsIn(
	sql: AtlasDb,
	conn: NodeConnector,
	f: CoverageFilter,
	provinces: string[]
): Promise<MapPoint[]> {
	await sql.coverageSummary();
	const inside = new Set(
		(
			await conn.query(
				`SELECT CASE WHEN kind = 0 THEN 'partner' ELSE 'project' END || ' ' || id AS k FROM coverage_points
				 WHERE list_contains(string_split(?, ','), coalesce(province_code, 'none'))`,
				[provinces.join(',')]
			)
		).map((r) => String(r.k))
	);
	return (await sql.coverage.points(f)).filter((p) => inside.has(`${p.kind} ${p.id}`));
}

describe("the map's points from the build's files, at the bundled size", () => {
	let raw: AtlasDb;
	let rawConn: NodeConnector;

	beforeAll(async () => {
		if (!existsSync(join(DATA, COVERAGE_INDEX))) throw new Error('run `npm run data` first (npm test does it for you)');
		rawConn = await NodeConnector.open();
		raw = await AtlasDb.open(rawConn, fileIn(DATA));
	});
	afterAll(() => raw?.close());

	it('are every point, in the SQL sample order, with the SQL counts, for every filter', async () => {
		const { files, read } = filesIn(DATA);
		const index = await files.points(EVERYWHERE);
		expect(index.size).toBeGreaterThan(3500);
		await expectSqlPoints(index, raw, FILTERS);
		// The files of points and their list, and nothing of the raw tables.
		expect(read.filter((f) => !f.startsWith('coverage-points/'))).toEqual(['coverage-points.json', COVERAGE_INDEX]);
		expect(read.filter((f) => f.startsWith('coverage-points/')).length).toBeGreaterThan(70);
	});

	it('read province by province, are the SQL points of those provinces in its order', async () => {
		const { files, read } = filesIn(DATA);
		// Khon Kaen opened, then the map zoomed in around Chiang Mai.
		await files.points({ level: 5, bounds: [97, 5, 106, 21], province: '40' });
		expect(read.filter((f) => f.startsWith('coverage-points/'))).toEqual(['coverage-points/40.parquet']);
		const index = await files.points({ level: RAW_POINTS_LEVEL, bounds: [98.9, 18.7, 99.1, 18.9], province: null });
		const provinces = read.filter((f) => f.startsWith('coverage-points/')).map((f) => f.slice(16, -8));
		expect(provinces).toContain('50');
		expect(provinces.length).toBeLessThan(10);
		for (const f of FILTERS.slice(0, 9)) {
			const expected = await sqlPointsIn(raw, rawConn, f, provinces);
			expect(index.points(f, Number.MAX_SAFE_INTEGER), JSON.stringify(f)).toEqual(expected);
			expect(expected.length).toBeGreaterThan(0);
		}
	});

	it('are what the page draws zoomed in, and name each point as the raw tables do', async () => {
		const { files, read } = filesIn(DATA);
		const answers = await coverageDataOfFiles(files).coverageAnswers();
		const window: PointWindow = { level: 8, bounds: [102.5, 16.2, 103.2, 16.8], province: null };
		const request = { level: window.level, bounds: window.bounds };
		const positioned = await answers.positioned(FILTERS[1], window);
		const provinces = read.filter((f) => f.startsWith('coverage-points/')).map((f) => f.slice(16, -8));
		const expected = await sqlPointsIn(raw, rawConn, FILTERS[1], provinces);
		const groups = groupForMap(positioned, request, MAP_POINT_LIMIT);
		expect(groups.points.length + groups.cells.reduce((n, c) => n + c.count, 0)).toBeGreaterThan(0);
		expect(Array.from(positioned.rows, (i) => positioned.pointOf(i))).toEqual(expected);
		// Names from the points in memory, equal to the raw tables'.
		const [project] = expected.filter((p) => p.kind === 'project');
		const [{ title }] = await rawConn.query(`SELECT title_th AS title FROM projects WHERE project_code = ?`, [
			project.id
		]);
		expect(await answers.pointName('project', project.id)).toBe(title);
		expect(await answers.pointName('partner', 'no-such-partner')).toBeNull();
	});
});

describe("the map's points from the build's files, at a generated size with edge cases", () => {
	let generated: AtlasDb;
	let genConn: NodeConnector;
	let dir: string;

	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'phakhi-points-'));
		genConn = await NodeConnector.open();
		generated = await AtlasDb.open(genConn, fileIn(DATA));
		const q = (sql: string) => genConn.query(sql);
		// Three times the bundled rows, each copy changed a little, and the edge cases.
		await q(`CREATE TABLE __user_partners AS
			SELECT * REPLACE (
				partner_id || '-' || k AS partner_id,
				-- 40 networks: more than a 32-bit mask holds.
				CASE WHEN k = 1 AND hash(partner_id) % 3 = 0 THEN concat_ws(';', network_ids, 'net_' || (hash(partner_id) % 40))
					WHEN k = 2 AND hash(partner_id) % 9 = 0 THEN NULL ELSE network_ids END AS network_ids,
				CAST(year_joined + k AS SMALLINT) AS year_joined)
			FROM partners, range(3) t(k)`);
		await q(
			generatedProjectsSql(`
				CASE WHEN k = 0 AND hash(project_code) % 6 = 0 THEN NULL ELSE network_id END AS network_id,
				-- Points in a province the provinces table does not know: counted nowhere, drawn from a file of their own.
				CASE WHEN k = 1 AND hash(project_code) % 19 = 0 THEN '99' ELSE province_code END AS province_code,`)
		);
		await generated.adoptTable('partners', '__user_partners', 'generated-partners.parquet');
		await generated.adoptTable('projects', '__user_projects', 'generated-projects.parquet');
		// The build's coverage files, written from these tables as `npm run data` writes them.
		for (const table of ['partners', 'projects', 'districts', 'provinces', 'networks', 'quality_issues'] as const)
			await q(`COPY ${table} TO '${join(dir, TABLES[table].file)}' (FORMAT parquet)`);
		for (const table of ['network_provinces', 'network_events'] as const)
			await q(`COPY ${table} TO '${join(dir, TABLES[table].file)}' (FORMAT parquet)`);
		await writeCoverageIndex(dir, await writeCoverageFiles(dir));
	});

	afterAll(async () => {
		await generated?.close();
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	it('has the edge cases it is meant to have', async () => {
		const [row] = await genConn.query(
			`SELECT CAST(count(*) FILTER (WHERE province_code = '99') AS INTEGER) AS no_province,
				CAST(count(*) FILTER (WHERE network_id IS NULL) AS INTEGER) AS no_network,
				CAST(count(DISTINCT network_id) AS INTEGER) AS networks
			 FROM projects`
		);
		expect(row.no_province).toBeGreaterThan(0);
		expect(row.no_network).toBeGreaterThan(0);
		const [{ n }] = await genConn.query(
			`SELECT CAST(count(DISTINCT v) AS INTEGER) AS n FROM (SELECT unnest(string_split(network_ids, ';')) AS v FROM partners)`
		);
		expect(n).toBeGreaterThan(32);
		expect(existsSync(join(dir, 'coverage-points/99.parquet'))).toBe(true);
	});

	it('are every point, in the SQL sample order, with the SQL counts, for every filter', async () => {
		const { files } = filesIn(dir);
		const index = await files.points(EVERYWHERE);
		const [{ n }] = await genConn.query(
			`SELECT CAST((SELECT count(*) FROM coverage_partners) + (SELECT count(*) FROM coverage_projects) AS INTEGER) AS n`
		);
		expect(index.size).toBe(n);
		await expectSqlPoints(index, generated, [
			...FILTERS,
			{ ...NO_COVERAGE_FILTER, network: 'net_7' },
			{ ...NO_COVERAGE_FILTER, network: 'net_39', types: ['ngo'] },
			{ ...NO_COVERAGE_FILTER, year: 2018, status: 'cancelled' },
			{ ...NO_COVERAGE_FILTER, network: 'isan_partner_network', types: ['ngo'], year: 2022 },
			// No rows for this filter at all.
			{ ...NO_COVERAGE_FILTER, issue: 'tobacco', year: 1990, status: 'planned' }
		]);
	});

	it('read province by province, are the SQL points of those provinces in its order', async () => {
		const { files, read } = filesIn(dir);
		await files.points({ level: 4, bounds: [97, 5, 106, 21], province: '99' });
		await files.points({ level: 5, bounds: [97, 5, 106, 21], province: '40' });
		const index = await files.points({ level: RAW_POINTS_LEVEL, bounds: [98.9, 18.7, 99.1, 18.9], province: null });
		const provinces = read.filter((f) => f.startsWith('coverage-points/')).map((f) => f.slice(16, -8));
		expect(provinces.slice(0, 2)).toEqual(['99', '40']);
		for (const f of [...FILTERS.slice(0, 9), { ...NO_COVERAGE_FILTER, network: 'net_7' }]) {
			const expected = await sqlPointsIn(generated, genConn, f, provinces);
			expect(index.points(f, Number.MAX_SAFE_INTEGER), JSON.stringify(f)).toEqual(expected);
		}
	});
});
