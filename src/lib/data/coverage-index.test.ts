/** The in-memory coverage answers against the SQL ones, on the bundled partners and projects in real DuckDB. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb } from './atlas-db';
import { groupForMap } from '$lib/map/point-groups';
import type { CoverageIndex, PositionedPoints } from './coverage-index';
import {
	MAP_POINT_LIMIT,
	NO_COVERAGE_FILTER,
	type CoverageFilter,
	type CoverageQueries,
	type ProvinceCoverage
} from './coverage-queries';
import { mercatorX, mercatorY } from '$lib/core/geometry';
import { NodeConnector } from './node-connector';
import { FILTERS } from './coverage-filters.test-support';

const DATA = join(process.cwd(), 'static/data');
const fetchFile = async (file: string) => new Uint8Array(readFileSync(join(DATA, file)));

let db: AtlasDb;
/** The engine under db, for the tests' own tables and look at them. */
let conn: NodeConnector;
let index: CoverageIndex;

beforeAll(async () => {
	if (!existsSync(join(DATA, 'manifest.json'))) throw new Error('run `npm run data` first (npm test does it for you)');
	conn = await NodeConnector.open();
	db = await AtlasDb.open(conn, fetchFile);
	index = (await db.coverageIndex())!;
});

afterAll(() => db?.close());

/** The SQL's sample of points (CoverageQueries.points), positioned for the map to group. */
async function sqlPositioned(queries: CoverageQueries, f: CoverageFilter): Promise<PositionedPoints> {
	const points = await queries.points(f);
	return {
		x: Float64Array.from(points, (p) => mercatorX(p.lon)),
		y: Float64Array.from(points, (p) => mercatorY(p.lat)),
		rows: Int32Array.from(points.keys()),
		pointOf: (i: number) => points[i],
		capped: points.length >= MAP_POINT_LIMIT
	};
}

/** Budgets are sums of doubles, added in another order than DuckDB's: equal to the cent. */
const cents = (rows: ProvinceCoverage[]) => rows.map((r) => ({ ...r, budget: Math.round(r.budget * 100) }));

describe('the coverage index answers as SQL does', () => {
	it('holds every prepared partner and project', async () => {
		const [{ n }] = await conn.query(
			`SELECT CAST((SELECT count(*) FROM coverage_partners) + (SELECT count(*) FROM coverage_projects) AS INTEGER) AS n`
		);
		expect(index.size).toBe(n);
		expect(index.size).toBeGreaterThan(3500);
	});

	it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))('%s', async (_, f) => {
		const byProvince = await db.coverage.byProvince(f);
		expect(cents(index.byProvince(f))).toEqual(cents(byProvince));
		expect(index.uncoveredDistricts(f)).toEqual(await db.coverage.uncoveredDistricts(f));
		// The same points in the same sample order, and with a smaller limit the same first ones.
		expect(index.points(f)).toEqual(await db.coverage.points(f));
		expect(index.points(f, 50)).toEqual(await db.coverage.points(f, 50));
		for (const province of ['10', '40', '96'])
			expect(index.byDistrict(f, province)).toEqual(await db.coverage.byDistrict(f, province));
	});

	it('groups every located point under a filter, as the SQL sample grouped the same way does', async () => {
		const thailand = [97, 5, 106, 21] as const;
		for (const f of FILTERS.slice(0, 9)) {
			const [{ n }] = await conn.query(
				`SELECT CAST(count(*) AS INTEGER) AS n FROM (${'SELECT lat, lon FROM coverage_partners UNION ALL SELECT lat, lon FROM coverage_projects'})
				 WHERE lat IS NOT NULL AND lon IS NOT NULL`
			);
			const located = index.points(f, Number.MAX_SAFE_INTEGER).length;
			expect(located).toBeLessThanOrEqual(Number(n));
			for (const level of [4, 6, 8, 10]) {
				const groups = groupForMap(index.positioned(f), { level, bounds: thailand }, MAP_POINT_LIMIT);
				expect(groups.cells.reduce((m, c) => m + c.count, 0) + groups.points.length).toBe(located);
				// The bundled data is below the sample size: SQL's points are all of them, in the same order.
				expect(groups).toEqual(
					groupForMap(await sqlPositioned(db.coverage, f), { level, bounds: thailand }, MAP_POINT_LIMIT)
				);
			}
		}
	});

	it('finds something for the filters that should match, and nothing for values no row has', async () => {
		const found = (f: CoverageFilter) =>
			index.byProvince(f).reduce((n, r) => ({ partners: n.partners + r.partners, projects: n.projects + r.projects }), {
				partners: 0,
				projects: 0
			});
		for (const f of FILTERS.slice(0, 9)) expect(found(f).partners + found(f).projects).toBeGreaterThan(0);
		for (const f of FILTERS.slice(9, 11).concat(FILTERS.slice(13, 14)))
			expect(found(f)).toEqual({ partners: 0, projects: 0 });
		const [{ n: cancelled }] = await conn.query(`SELECT count(*) AS n FROM projects WHERE status = 'cancelled'`);
		expect(Number(cancelled)).toBeGreaterThan(0);
		expect(found(FILTERS[14])).toEqual({ partners: found(NO_COVERAGE_FILTER).partners, projects: Number(cancelled) });
		// A status is a project's, a type a partner's: each leaves the other kind alone.
		expect(found(FILTERS[11])).toEqual({ partners: found(NO_COVERAGE_FILTER).partners, projects: 0 });
		expect(found(FILTERS[12])).toEqual({ partners: 0, projects: found(NO_COVERAGE_FILTER).projects });
	});

	it("is built again from a user's partners table, and from the bundled one after a reset", async () => {
		const before = index.byProvince(NO_COVERAGE_FILTER);
		await conn.query(`CREATE TABLE __user_partners AS SELECT * FROM partners WHERE province_code <> '10'`);
		await db.adoptTable('partners', '__user_partners', 'my-partners.parquet');
		const user = (await db.coverageIndex())!;
		expect(user).not.toBe(index);
		expect(user.byProvince(NO_COVERAGE_FILTER).find((r) => r.province_code === '10')?.partners).toBe(0);
		expect(cents(user.byProvince(NO_COVERAGE_FILTER))).toEqual(cents(await db.coverage.byProvince(NO_COVERAGE_FILTER)));
		await db.restoreBundled(['partners']);
		index = (await db.coverageIndex())!;
		expect(index.byProvince(NO_COVERAGE_FILTER)).toEqual(before);
	});

	it('is built again when the districts change, which decide what a covered district is', async () => {
		await conn.query(`CREATE TABLE __user_districts AS SELECT * FROM districts WHERE province_code <> '40'`);
		await db.adoptTable('districts', '__user_districts', 'my-districts.parquet');
		const user = (await db.coverageIndex())!;
		expect(user.byDistrict(NO_COVERAGE_FILTER, '40')).toEqual([]);
		expect(user.uncoveredDistricts(NO_COVERAGE_FILTER)).toEqual(
			await db.coverage.uncoveredDistricts(NO_COVERAGE_FILTER)
		);
		await db.restoreBundled(['districts']);
		index = (await db.coverageIndex())!;
		expect(index.byDistrict(NO_COVERAGE_FILTER, '40').length).toBeGreaterThan(10);
	});

	it('holds any number of networks and issue areas: 40 networks answer as SQL does', async () => {
		await conn.query(
			`CREATE TABLE __many_networks AS
			 SELECT * REPLACE (CASE WHEN row_number() OVER () <= 40 THEN 'net_' || row_number() OVER () || ';' || coalesce(network_ids, '') ELSE network_ids END AS network_ids)
			 FROM partners`
		);
		await db.adoptTable('partners', '__many_networks', 'many-networks.parquet');
		const many = (await db.coverageIndex())!;
		for (const f of [
			{ ...NO_COVERAGE_FILTER, network: 'net_7' },
			{ ...NO_COVERAGE_FILTER, network: 'net_40', year: 2024 },
			FILTERS[5]
		]) {
			expect(many.points(f)).toEqual(await db.coverage.points(f));
			expect(cents(many.byProvince(f))).toEqual(cents(await db.coverage.byProvince(f)));
		}
		expect(many.byProvince({ ...NO_COVERAGE_FILTER, network: 'net_7' }).reduce((n, r) => n + r.partners, 0)).toBe(1);
		await db.restoreBundled(['partners']);
		index = (await db.coverageIndex())!;
	});

	it("names each point as the raw tables do (a partner's Thai name, a project's Thai title)", async () => {
		const rows = await conn.query(
			`SELECT 'partner' AS kind, partner_id AS id, name_th AS name FROM partners WHERE active
			 UNION ALL SELECT 'project', project_code, title_th FROM projects`
		);
		expect(rows.length).toBeGreaterThan(3500);
		for (const r of rows.filter((_, i) => i % 37 === 0))
			expect(index.pointName(r.kind as 'partner' | 'project', String(r.id))).toBe(r.name);
		expect(index.pointName('project', 'no-such-project')).toBeNull();
	});
});
