/**
 * A project's record from one part of the build's record files (project-records.ts) equals the SQL on
 * the whole projects and instalments tables, and reads neither of their files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb } from './atlas-db';
import { TABLES } from './contract';
import { NodeConnector } from './node-connector';
import { compareCodes, partFor, PROJECT_RECORDS_INDEX, type RecordPart } from './project-records';

const dir = join(process.cwd(), 'static/data');
const readFile = async (f: string) => new Uint8Array(readFileSync(join(dir, f)));
const parts: RecordPart[] = JSON.parse(readFileSync(join(dir, PROJECT_RECORDS_INDEX), 'utf8')).parts;
let whole: AtlasDb;
let codes: string[];

beforeAll(async () => {
	whole = await AtlasDb.open(await NodeConnector.open(), readFile, ['projects', 'instalments', 'quality_issues']);
	codes = (await whole.readOnlyQuery(`SELECT project_code FROM projects ORDER BY project_code`, 1e6)).rows.map((r) =>
		String(r.project_code)
	);
});

afterAll(() => whole?.close());

describe('project records by part', () => {
	it('orders codes as DuckDB does, and every project lies in exactly one part', () => {
		expect([...codes].sort(compareCodes)).toEqual(codes);
		expect(parts.length).toBeGreaterThan(1);
		expect(parts.reduce((n, p) => n + p.rows, 0)).toBe(codes.length);
		for (const code of codes) expect(parts.filter((p) => p === partFor(parts, code))).toHaveLength(1);
		expect(partFor(parts, '00-ก-000')).toBeNull();
		expect(partFor(parts, '99-ฮ-999')).toBeNull();
	});

	it("reads one part's files, never the whole tables, and gives the tables' rows", async () => {
		const fetched: string[] = [];
		const db = await AtlasDb.open(await NodeConnector.open(), (f) => (fetched.push(f), readFile(f)), [
			'provinces',
			'districts',
			'quality_issues'
		]);
		try {
			const asked = ['60-ข-087', codes[0], codes.at(-1)!, ...parts.map((p) => p.last), parts[1].first];
			for (const code of asked) {
				const record = await db.projectRecord(code);
				expect(record.project, code).toEqual((await whole.coverage.project(code))[0]);
				expect(record.instalments, code).toEqual(await whole.coverage.instalments(code));
			}
			const seed = await db.projectRecord('60-ข-087');
			expect(seed.project?.title_th).toBeTruthy();
			expect(seed.instalments.length).toBeGreaterThan(0);
			expect(fetched).not.toContain(TABLES.projects.file);
			expect(fetched).not.toContain(TABLES.instalments.file);
			expect(fetched.filter((f) => f.endsWith('-projects.parquet')).length).toBe(asked.length + 1);
			// A code no part holds is looked up in the whole tables: no such project.
			expect(await db.projectRecord('99-ฮ-999')).toEqual({ project: null, instalments: [] });
			expect(fetched).toContain(TABLES.projects.file);
		} finally {
			await db.close();
		}
	});
});
