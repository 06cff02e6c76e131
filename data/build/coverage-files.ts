/**
 * The coverage page's summary and its points by province (src/lib/data/coverage-summary.ts), from the
 * written partners and projects: the same SQL the browser runs on a user's own tables, here in
 * native DuckDB. The page counts from the summary and fetches a province's points only where single
 * points show, so it never loads a million raw rows (issue 19).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CoverageQueries } from '../../src/lib/data/coverage-queries.ts';
import {
	COVERAGE_POINTS_DIR,
	COVERAGE_POINTS_SQL,
	COVERAGE_SUMMARY_SQL,
	NO_PROVINCE,
	type PointFile
} from '../../src/lib/data/coverage-summary.ts';

const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

export interface CoverageFiles {
	summaryRows: number;
	points: PointFile[];
}

/**
 * Reads partners, projects and districts from `dir` (their Parquet files, named as in `files`) and
 * writes the summary to `summaryFile` and each province's points to `dir/coverage-points/<code>.parquet`.
 */
export async function writeCoverageFiles(
	dir: string,
	files: { partners: string; projects: string; districts: string; provinces: string },
	summaryFile: string
): Promise<CoverageFiles> {
	// One thread keeps the output identical from run to run.
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const connection = await instance.connect();
	const run = async <T>(sql: string, params: (string | number | boolean | null)[] = []): Promise<T[]> =>
		(await connection.runAndReadAll(sql, params)).getRowObjectsJS() as T[];
	try {
		for (const [table, file] of Object.entries(files))
			await run(`CREATE TABLE ${table} AS SELECT * FROM read_parquet(${literal(path.join(dir, file))})`);
		await new CoverageQueries(run).prepare();
		await run(COVERAGE_POINTS_SQL);
		await run(COVERAGE_SUMMARY_SQL);
		await run(`COPY coverage_summary TO ${literal(summaryFile)} (FORMAT parquet, COMPRESSION snappy)`);
		const [{ n }] = await run<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM coverage_summary`);

		await mkdir(path.join(dir, COVERAGE_POINTS_DIR), { recursive: true });
		const groups = await run<{
			province_code: string | null;
			rows: number;
			w: number | null;
			s: number | null;
			e: number | null;
			n: number | null;
		}>(
			`SELECT province_code, CAST(count(*) AS INTEGER) AS rows,
				min(lon) FILTER (WHERE lat IS NOT NULL) AS w, min(lat) FILTER (WHERE lon IS NOT NULL) AS s,
				max(lon) FILTER (WHERE lat IS NOT NULL) AS e, max(lat) FILTER (WHERE lon IS NOT NULL) AS n
			 FROM coverage_points GROUP BY province_code ORDER BY province_code NULLS LAST`
		);
		const points: PointFile[] = [];
		for (const g of groups) {
			const code = g.province_code ?? NO_PROVINCE;
			const file = `${COVERAGE_POINTS_DIR}/${code.replace(/[^\w-]/g, '_')}.parquet`;
			await run(
				`COPY (SELECT * FROM coverage_points
					WHERE ${g.province_code === null ? 'province_code IS NULL' : `province_code = ${literal(g.province_code)}`}
					ORDER BY kind, id)
				 TO ${literal(path.join(dir, file))} (FORMAT parquet, COMPRESSION snappy)`
			);
			points.push({
				province_code: code,
				file,
				rows: g.rows,
				bounds: g.w === null ? null : [g.w, g.s!, g.e!, g.n!]
			});
		}
		return { summaryRows: n, points };
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}
