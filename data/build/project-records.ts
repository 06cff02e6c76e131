/**
 * The projects and their instalments in parts of consecutive project codes, with an index of the
 * codes each part runs from and to, so a project's record reads one small part instead of the whole
 * tables (src/lib/data/project-records.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
	PROJECT_RECORDS_DIR,
	PROJECT_RECORDS_INDEX,
	projectsPerPart,
	type RecordPart
} from '../../src/lib/data/project-records.ts';
import { openBuildDuckDb } from './build-duckdb.ts';

const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Reads `dir`'s projects and instalments files and writes their parts and the index into `dir`. */
export async function writeProjectRecords(
	dir: string,
	files: { projects: string; instalments: string }
): Promise<RecordPart[]> {
	const db = await openBuildDuckDb();
	const { connection } = db;
	const run = async <T>(sql: string): Promise<T[]> => (await connection.runAndReadAll(sql)).getRowObjectsJS() as T[];
	try {
		await run(`CREATE TABLE projects AS SELECT * FROM read_parquet(${literal(path.join(dir, files.projects))})`);
		await run(`CREATE TABLE instalments AS SELECT * FROM read_parquet(${literal(path.join(dir, files.instalments))})`);
		const [{ n }] = await run<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM projects`);
		const size = projectsPerPart(n);
		const ranges = await run<{ first: string; last: string; rows: number }>(
			`SELECT min(project_code) AS first, max(project_code) AS last, CAST(count(*) AS INTEGER) AS rows
			 FROM (SELECT project_code, (row_number() OVER (ORDER BY project_code) - 1) // ${size} AS part FROM projects)
			 GROUP BY part ORDER BY part`
		);
		await mkdir(path.join(dir, PROJECT_RECORDS_DIR), { recursive: true });
		const parts: RecordPart[] = [];
		for (const [i, r] of ranges.entries()) {
			const stem = `${PROJECT_RECORDS_DIR}/${String(i).padStart(3, '0')}`;
			const part = { ...r, projects: `${stem}-projects.parquet`, instalments: `${stem}-instalments.parquet` };
			const within = `project_code BETWEEN ${literal(r.first)} AND ${literal(r.last)}`;
			await run(
				`COPY (SELECT * FROM projects WHERE ${within} ORDER BY project_code)
				 TO ${literal(path.join(dir, part.projects))} (FORMAT parquet, COMPRESSION snappy)`
			);
			await run(
				`COPY (SELECT * FROM instalments WHERE ${within} ORDER BY project_code, instalment_no)
				 TO ${literal(path.join(dir, part.instalments))} (FORMAT parquet, COMPRESSION snappy)`
			);
			parts.push(part);
		}
		await writeFile(path.join(dir, PROJECT_RECORDS_INDEX), JSON.stringify({ parts }) + '\n');
		return parts;
	} finally {
		await db.close();
	}
}
