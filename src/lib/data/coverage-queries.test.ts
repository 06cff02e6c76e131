/** The coverage questions against the bundled partners and projects, in real DuckDB, checked by plainer SQL. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb } from './atlas-db';
import { NO_COVERAGE_FILTER, type CoverageFilter } from './coverage-queries';
import { NodeConnector } from './node-connector';

const DATA = join(process.cwd(), 'static/data');
const fetchFile = async (file: string) => new Uint8Array(readFileSync(join(DATA, file)));

let db: AtlasDb;
/** The engine under db, for the tests' own tables and look at them. */
let conn: NodeConnector;

beforeAll(async () => {
	if (!existsSync(join(DATA, 'manifest.json'))) throw new Error('run `npm run data` first (npm test does it for you)');
	conn = await NodeConnector.open();
	db = await AtlasDb.open(conn, fetchFile);
});

afterAll(() => db?.close());

const rows = async <T>(sql: string, params: (string | number | null)[]) => (await conn.query(sql, params)) as T[];

/** Partners, projects and budget per province, straight from the loaded tables. */
async function expected(
	f: CoverageFilter
): Promise<Map<string, { partners: number; projects: number; budget: number }>> {
	const partners = await rows<{ province_code: string; n: number }>(
		`SELECT province_code, CAST(count(*) AS INTEGER) AS n FROM partners
		 WHERE active
		   AND (CAST($1 AS VARCHAR) IS NULL OR ';' || issue_area_ids || ';' LIKE '%;' || $1 || ';%')
		   AND (len($2::VARCHAR[]) = 0 OR list_contains($2::VARCHAR[], partner_type))
		   AND (CAST($3 AS VARCHAR) IS NULL OR ';' || network_ids || ';' LIKE '%;' || $3 || ';%')
		   AND (CAST($4 AS INTEGER) IS NULL OR year_joined <= $4)
		 GROUP BY province_code`,
		[f.issue, `[${f.types.map((t) => `'${t}'`).join(',')}]`, f.network, f.year]
	);
	const projects = await rows<{ province_code: string; n: number; budget: number }>(
		`SELECT province_code, CAST(count(*) AS INTEGER) AS n, CAST(sum(budget) AS DOUBLE) AS budget FROM projects
		 WHERE status <> 'cancelled'
		   AND (CAST($1 AS VARCHAR) IS NULL OR ';' || issue_area_ids || ';' LIKE '%;' || $1 || ';%')
		   AND (CAST($2 AS INTEGER) IS NULL OR (CAST(start_date AS DATE) < make_date($2 + 1, 1, 1) AND CAST(end_date AS DATE) >= make_date($2, 1, 1)))
		   AND (CAST($3 AS VARCHAR) IS NULL OR status = $3)
		   AND (CAST($4 AS VARCHAR) IS NULL OR network_id = $4)
		 GROUP BY province_code`,
		[f.issue, f.year, f.status, f.network]
	);
	const out = new Map<string, { partners: number; projects: number; budget: number }>();
	const at = (code: string) => out.get(code) ?? out.set(code, { partners: 0, projects: 0, budget: 0 }).get(code)!;
	for (const r of partners) at(r.province_code).partners = r.n;
	for (const r of projects) Object.assign(at(r.province_code), { projects: r.n, budget: r.budget });
	return out;
}

async function answered(f: CoverageFilter) {
	const rows = await db.coverage.byProvince(f);
	return new Map(
		rows
			.filter((r) => r.partners + r.projects > 0)
			.map((r) => [r.province_code, { partners: r.partners, projects: r.projects, budget: r.budget }])
	);
}

const FILTERS: CoverageFilter[] = [
	NO_COVERAGE_FILTER,
	{ ...NO_COVERAGE_FILTER, issue: 'road_safety' },
	{ ...NO_COVERAGE_FILTER, year: 2020 },
	{ ...NO_COVERAGE_FILTER, issue: 'tobacco', year: 2023, status: 'active' },
	{ ...NO_COVERAGE_FILTER, network: 'isan_partner_network' },
	{ ...NO_COVERAGE_FILTER, types: ['ngo', 'academic'], year: 2019 }
];

describe('coverage by province', () => {
	it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))('%s', async (_, f) => {
		const want = await expected(f);
		expect([...want.values()].some((v) => v.partners + v.projects > 0)).toBe(true);
		expect(await answered(f)).toEqual(want);
		const points = await db.coverage.points(f);
		const total = [...want.values()].reduce((n, v) => n + v.partners + v.projects, 0);
		// Every counted partner and project with a position is a point (the bundled data has far fewer than the cap).
		expect(points.length).toBeLessThanOrEqual(total);
		expect(points.length).toBeGreaterThan(total * 0.9);
	});

	it('draws an even, repeatable sample of both partners and projects beyond the limit', async () => {
		const all = await db.coverage.points(NO_COVERAGE_FILTER);
		const sample = await db.coverage.points(NO_COVERAGE_FILTER, 300);
		expect(sample).toHaveLength(300);
		expect(await db.coverage.points(NO_COVERAGE_FILTER, 300)).toEqual(sample);
		const share = (points: { kind: string }[]) => points.filter((p) => p.kind === 'project').length / points.length;
		expect(share(sample)).toBeGreaterThan(share(all) - 0.1);
		expect(share(sample)).toBeLessThan(share(all) + 0.1);
		// Spread over the country: one-degree cells holding a point.
		const cells = new Set(sample.map((p) => `${Math.floor(p.lon)}:${Math.floor(p.lat)}`));
		expect(cells.size).toBeGreaterThan(30);
	});

	it("follows a user's partners table, and the bundled one again after a reset", async () => {
		const before = await answered(NO_COVERAGE_FILTER);
		await conn.query(`CREATE TABLE __user_partners AS SELECT * FROM partners WHERE province_code <> '10'`);
		await db.adoptTable('partners', '__user_partners', 'my-partners.parquet');
		const after = await answered(NO_COVERAGE_FILTER);
		expect(after.get('10')?.partners ?? 0).toBe(0);
		expect(after.get('50')).toEqual(before.get('50'));
		await db.restoreBundled(['partners']);
		expect(await answered(NO_COVERAGE_FILTER)).toEqual(before);
	});
});
