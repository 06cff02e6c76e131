/** A user's files through stage → prepare → commit, against the bundled exports in real DuckDB (Node). */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryRefused, type AtlasDb } from '$lib/data/atlas-db';
import { openBundledDb, type BundledDb } from '$lib/data/bundled-db.test-support';
import { TABLES, type TableName } from '$lib/data/contract';
import { detectTable } from './detect';
import { encodeWindows874 } from './encoding';
import { suggestMapping } from './mapping';
import {
	commitTable,
	detectFormat,
	discardStaged,
	engineProblem,
	FileRejected,
	MAX_FILE_BYTES,
	prepareTable,
	rowProblems,
	stageFile,
	type Problem,
	type Progress,
	type StagedFile
} from './pipeline';
import { problemText } from './messages';
import { loadTableOf } from '$lib/data/upload-queries';
import { contextFor, defaultIndicatorMeta } from './user-data';

/** The bundled road-death years (the 3-base series). */
const ROAD_YEARS = Array.from({ length: 14 }, (_, i) => 2011 + i);

const scratch = mkdtempSync(join(tmpdir(), 'phakhi-upload-'));
/** db, with the tests' own look at the tables under it. */
let bundled: BundledDb;
let db: AtlasDb;

beforeAll(async () => {
	bundled = await openBundledDb();
	db = bundled.db;
});
afterAll(async () => {
	await db?.close();
	rmSync(scratch, { recursive: true, force: true });
});

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A DuckDB table's oid (undefined when there is no such table): a table renamed keeps it, a copy does not. */
const oid = async (table: string) =>
	(await bundled.rows(`SELECT table_oid FROM duckdb_tables() WHERE table_name = '${table}'`))[0]?.table_oid;

async function parquetOf(sql: string): Promise<Uint8Array> {
	const path = join(scratch, `f${Math.random().toString(36).slice(2)}.parquet`);
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	await conn.run(`COPY (${sql}) TO '${path}' (FORMAT parquet)`);
	conn.closeSync();
	instance.closeSync();
	return new Uint8Array(readFileSync(path));
}

/** The staged file prepared for `table` with `mapping` (by default the suggested one), against the database's places and codes. */
async function prepare(staged: StagedFile, table: TableName, mapping = suggestMapping(table, staged.headers)) {
	return prepareTable(db.uploads, staged, table, mapping, await contextFor(db));
}

/** A staged file detected as projects, mapped as suggested, checked without a problem and committed. */
async function loadProjects(staged: StagedFile): Promise<void> {
	const [best] = detectTable(staged.headers);
	expect(best.table).toBe('projects');
	const prepared = await prepare(staged, 'projects', best.mapping);
	expect(prepared.problems).toEqual([]);
	await commitTable(db, prepared);
}

async function rejection(promise: Promise<unknown>): Promise<Problem[]> {
	try {
		await promise;
	} catch (e) {
		if (e instanceof FileRejected) return e.problems;
		throw e;
	}
	throw new Error('expected a rejection');
}

const count = (sql: string) => bundled.count(sql);

/** A statement that reads rows of a staged file's tables or views ("__user_…"; the catalogue's own tables are not rows). */
const readsUserRows = (sql: string) => /\bFROM\s+"__user_/i.test(sql);
/** A statement that writes a second table of a staged file's rows. */
const writesRows = (sql: string) => /^CREATE (OR REPLACE )?TABLE "__user_\w+" AS\b/i.test(sql.trim());
/** The columns of the staged file's own table an ALTER writes, as the statements name them. */
const columnsWritten = (statements: readonly string[]) =>
	statements.flatMap((sql) => /^ALTER TABLE "__user_\w+" ALTER COLUMN "([^"]+)" SET DATA TYPE/.exec(sql)?.[1] ?? []);

describe('stageFile', () => {
	it('refuses empty, truncated, too large and unsupported files with their reason', async () => {
		expect(await rejection(stageFile(db.uploads, 'empty.csv', new Uint8Array()))).toEqual([{ code: 'empty_file' }]);
		expect(await rejection(stageFile(db.uploads, 'blank.csv', utf8('  \n\n')))).toEqual([{ code: 'empty_file' }]);
		const good = await parquetOf(`SELECT 1 AS a`);
		expect(await rejection(stageFile(db.uploads, 'cut.parquet', good.subarray(0, good.length - 20)))).toEqual([
			{ code: 'truncated_parquet' }
		]);
		expect(detectFormat('x.xlsx', utf8('PK\u0003\u0004...'))).toEqual({ code: 'unsupported_format', format: 'xlsx' });
		expect(detectFormat('x.json', utf8('[]'))).toEqual({ code: 'unsupported_format', format: 'json' });
		const big = { length: MAX_FILE_BYTES + 1 } as Uint8Array;
		expect((await rejection(stageFile(db.uploads, 'big.csv', big)))[0]).toMatchObject({ code: 'too_large' });
		// A workbook's sheet is not refused for the size of its text: the workbook itself was within the limit.
		expect((await rejection(stageFile(db.uploads, 'big.xlsx › s', big, undefined, [1, 2])))[0].code).not.toBe('too_large');
		expect(await rejection(stageFile(db.uploads, 'header.csv', utf8('a,b\n')))).toEqual([{ code: 'no_rows' }]);
		expect(await rejection(stageFile(db.uploads, 'bin.csv', new Uint8Array([1, 2, 0, 3])))).toEqual([
			{ code: 'binary_text' }
		]);
	});

	it('stages a Windows-874 CSV as UTF-8 text with row numbers', async () => {
		const text = 'จังหวัด,ปี,ค่า\nกทม.,2561,"1,000.5"\nจ.สุราษฏร์ธานี,2561,12\n';
		const staged = await stageFile(db.uploads, 'thai.csv', encodeWindows874(text));
		expect(staged.encoding).toBe('windows-874');
		expect(staged.headers).toEqual(['จังหวัด', 'ปี', 'ค่า']);
		expect(staged.rows).toBe(2);
		expect(staged.preview[0]).toEqual({ จังหวัด: 'กทม.', ปี: '2561', ค่า: '1,000.5' });
		await discardStaged(db.uploads, staged);
	});
});

describe('prepare and commit', () => {
	it('loads Thai indicator values as a new indicator, in every aggregate, with its own source line', async () => {
		const text =
			'จังหวัด,ปี พ.ศ.,ค่า\n' + 'กทม.,2566,"1,250.5"\n' + 'จ.สุราษฏร์ธานี,2566,80\n' + 'Korat,2566,70\n' + 'ขอนแก่น,2565,60\n';
		const staged = await stageFile(db.uploads, 'mine.csv', encodeWindows874(text));
		const [best] = detectTable(staged.headers);
		expect(best.table).toBe('indicator_values');
		const mapping = { ...best.mapping, indicator_id: { kind: 'constant' as const, value: 'my_smoking' } };
		const prepared = await prepare(staged, 'indicator_values', mapping);
		expect(prepared.problems).toEqual([]);
		expect(prepared.indicatorIds).toEqual(['my_smoking']);
		expect(prepared.notes).toEqual(
			expect.arrayContaining([
				{ code: 'converted', column: 'province_code', kind: 'province', count: 4 },
				{ code: 'converted', column: 'year', kind: 'year', count: 4 }
			])
		);
		const meta = {
			...defaultIndicatorMeta('my_smoking', undefined, 'mine.csv', 'tobacco'),
			name_en: 'My smoking rate'
		};
		await commitTable(db, prepared, [meta]);

		expect(await db.years('my_smoking')).toEqual([2022, 2023]);
		const values = await db.indicatorValues('my_smoking', 2023);
		expect(values.filter((v) => v.value !== null).map((v) => [v.province_code, v.value])).toEqual([
			['10', 1250.5],
			['30', 70],
			['84', 80]
		]);
		const indicator = (await db.indicators()).find((i) => i.indicator_id === 'my_smoking')!;
		expect(indicator).toMatchObject({
			name_en: 'My smoking rate',
			is_sample: false,
			source: 'ข้อมูลของคุณ / Your data: mine.csv'
		});
		expect((await db.sources()).some((s) => s.source_id === indicator.source_id)).toBe(true);
		expect((await db.aggregates('my_smoking', 2023)).find((a) => a.scope === 'nation')?.provinces).toBe(3);
		// Bundled indicators are untouched.
		expect(await db.years('road_death_rate')).toEqual(ROAD_YEARS);
		expect(await bundled.stagingLeft()).toBe(0);
	});

	it('replaces one bundled indicator’s values and keeps the others', async () => {
		const before = await count(`SELECT count(*) AS n FROM indicator_values WHERE indicator_id <> 'road_death_rate'`);
		const bytes = await parquetOf(
			`SELECT 'road_death_rate' AS indicator_id, '40' AS province_code, 2023::SMALLINT AS year, 1.5::DOUBLE AS value`
		);
		const staged = await stageFile(db.uploads, 'rdr.parquet', bytes);
		const prepared = await prepare(staged, 'indicator_values');
		expect(prepared.problems).toEqual([]);
		const existing = (await db.indicators()).find((i) => i.indicator_id === 'road_death_rate');
		await commitTable(db, prepared, [defaultIndicatorMeta('road_death_rate', existing, 'rdr.parquet')]);
		expect(await db.years('road_death_rate')).toEqual([2023]);
		// The bundled deaths with "province unknown" belonged to the replaced values: gone from its national figure.
		const unallocated = `SELECT count(*) AS n FROM unallocated_values WHERE indicator_id = 'road_death_rate'`;
		expect(await count(unallocated)).toBe(0);
		expect(await count(`SELECT count(*) AS n FROM unallocated_values WHERE indicator_id = 'road_deaths'`)).toBe(4);
		expect(await count(`SELECT count(*) AS n FROM indicator_values WHERE indicator_id <> 'road_death_rate'`)).toBe(
			before
		);
		const after = (await db.indicators()).find((i) => i.indicator_id === 'road_death_rate')!;
		expect(after.source).toBe('ข้อมูลของคุณ / Your data: rdr.parquet');
		await db.restoreBundled(['indicator_values', 'indicator_catalogue', 'sources']);
		expect(await db.years('road_death_rate')).toEqual(ROAD_YEARS);
		expect(await count(unallocated)).toBe(4);
		expect((await db.indicators()).some((i) => i.indicator_id === 'my_smoking')).toBe(false);
	});

	it('names the file’s problems with column and first rows, and changes nothing', async () => {
		const rowsBefore = await count(`SELECT count(*) AS n FROM population`);
		const text =
			'province_code,year,total\n' +
			'ขอนแก่น,2566,"1,000"\n' +
			'Atlantis,2566,5\n' +
			'ภูเก็ต,2566,lots\n' +
			'ภูเก็ต,2566,7\n' +
			'ระยอง,,9\n' +
			'Atlantis,2565,3\n';
		const staged = await stageFile(db.uploads, 'pop.csv', utf8(text));
		const prepared = await prepare(staged, 'population');
		const byCode = Object.fromEntries(prepared.problems.map((p) => [p.code, p]));
		expect(byCode.unknown_province).toEqual({
			code: 'unknown_province',
			column: 'province_code',
			header: 'province_code',
			count: 2,
			values: [{ value: 'Atlantis', count: 2, rows: [2, 6] }]
		});
		expect(byCode.bad_values).toEqual({
			code: 'bad_values',
			column: 'total',
			header: 'total',
			kind: 'number',
			count: 1,
			rows: [3],
			values: ['lots']
		});
		expect(byCode.empty_required).toMatchObject({ column: 'year', count: 1, rows: [5] });
		expect(byCode.duplicate_key).toMatchObject({
			columns: ['province_code', 'year'],
			count: 1,
			examples: [{ key: '83 / 2023', rows: [3, 4] }]
		});
		// The same cells, counted column by column for the summary.
		const cells = prepared.notes.filter((n) => n.code === 'cells');
		expect(cells).toEqual([
			{
				code: 'cells',
				column: 'province_code',
				header: 'province_code',
				blank: 0,
				blankRows: [],
				unreadable: 2,
				unreadableRows: [2, 6]
			},
			{ code: 'cells', column: 'year', header: 'year', blank: 1, blankRows: [5], unreadable: 0, unreadableRows: [] },
			{ code: 'cells', column: 'total', header: 'total', blank: 0, blankRows: [], unreadable: 1, unreadableRows: [3] }
		]);
		await expect(commitTable(db, prepared)).rejects.toThrow(FileRejected);
		expect(await count(`SELECT count(*) AS n FROM population`)).toBe(rowsBefore);

		// The user fixes the province; the rest still stops the file.
		const fixed = await prepareTable(
			db.uploads,
			staged,
			'population',
			suggestMapping('population', staged.headers),
			await contextFor(db, { Atlantis: '21' })
		);
		expect(fixed.problems.some((p) => p.code === 'unknown_province')).toBe(false);
		await discardStaged(db.uploads, staged);
	});

	it('reads district names within their row’s province, and names the district nobody can place', async () => {
		const text =
			'รหัสภาคี,ชื่อองค์กร,ประเภทองค์กร,จังหวัด,อำเภอ\n' +
			'D1,ภาคีหนึ่ง,มูลนิธิ,ขอนแก่น,อ.บ้านไผ่\n' +
			'D2,ภาคีสอง,มูลนิธิ,Khon Kaen,Mueang Khon Kaen District\n' +
			'D3,ภาคีสาม,มูลนิธิ,จ.ภูเก็ต,อ.เมือง\n' +
			'D4,ภาคีสี่,มูลนิธิ,กทม.,เขตพระนคร\n' +
			'D5,ภาคีห้า,มูลนิธิ,ภูเก็ต,8302\n' +
			// Ban Phai is in Khon Kaen, not in Phuket: a name is read within its row's province only.
			'D6,ภาคีหก,มูลนิธิ,ภูเก็ต,บ้านไผ่\n' +
			'D7,ภาคีเจ็ด,มูลนิธิ,ภูเก็ต,\n';
		const staged = await stageFile(db.uploads, 'partners.csv', utf8(text));
		const mapping = suggestMapping('partners', staged.headers);
		expect(mapping.district_code).toEqual({ kind: 'column', header: 'อำเภอ' });
		const prepared = await prepare(staged, 'partners', mapping);
		expect(prepared.problems.filter((p) => p.code === 'unknown_district')).toEqual([
			{
				code: 'unknown_district',
				column: 'district_code',
				header: 'อำเภอ',
				count: 1,
				values: [{ value: 'บ้านไผ่', count: 1, rows: [6] }]
			}
		]);
		expect(prepared.notes).toContainEqual({ code: 'converted', column: 'district_code', kind: 'district', count: 4 });
		const rows = await bundled.rows(`SELECT partner_id, district_code FROM "${prepared.norm}" ORDER BY __row`);
		expect(rows.map((r) => [r.partner_id, r.district_code])).toEqual([
			['D1', '4010'],
			['D2', '4001'],
			['D3', '8301'],
			['D4', '1001'],
			['D5', '8302'],
			['D6', null],
			['D7', null]
		]);
		// The build lists the row on its own (and leaves it out).
		const problems = await rowProblems(db.uploads, prepared);
		expect(problems.filter((p) => p.problem.code === 'unknown_district').map((p) => [p.row, p.value])).toEqual([
			[6, 'บ้านไผ่']
		]);
		const sentence = problemText(
			'en',
			prepared.problems.find((p) => p.code === 'unknown_district')!,
			1
		);
		expect(sentence).toContain('Column "อำเภอ": 1 rows name a district not recognised in the row');
		expect(sentence).toContain('"บ้านไผ่" (line');
		await discardStaged(db.uploads, staged);
	});

	it('counts the blank cells that load as no value, per column, with the first rows', async () => {
		// Seven blank values (empty, "-", "n/a", spaces) in an optional column, one in another; none in the keys.
		const lines = ['จังหวัด,ปี,ค่า,ตัวตั้ง'];
		const blanks = ['', '-', 'n/a', '  ', '', 'ไม่มีข้อมูล', ''];
		const provinces = ['10', '11', '12', '13', '14', '15', '16', '17', '18'];
		provinces.forEach((p, i) => lines.push(`${p},2566,${blanks[i] ?? String(i)},${i === 8 ? '' : i}`));
		const staged = await stageFile(db.uploads, 'blanks.csv', utf8(lines.join('\n') + '\n'));
		const mapping = {
			...suggestMapping('indicator_values', staged.headers),
			indicator_id: { kind: 'constant' as const, value: 'blanks' }
		};
		const prepared = await prepare(staged, 'indicator_values', mapping);
		expect(prepared.problems).toEqual([]);
		expect(prepared.notes.filter((n) => n.code === 'cells')).toEqual([
			{
				code: 'cells',
				column: 'value',
				header: 'ค่า',
				blank: 7,
				blankRows: [1, 2, 3, 4, 5],
				unreadable: 0,
				unreadableRows: []
			},
			{
				code: 'cells',
				column: 'numerator',
				header: 'ตัวตั้ง',
				blank: 1,
				blankRows: [9],
				unreadable: 0,
				unreadableRows: []
			}
		]);
		// And they are NULL in the table, exactly those.
		expect(await count(`SELECT count(*) AS n FROM ${prepared.norm} WHERE value IS NULL`)).toBe(7);
		await discardStaged(db.uploads, staged);
	});

	it('reports a missing required column and a bad constant', async () => {
		const staged = await stageFile(db.uploads, 'noyear.csv', utf8('จังหวัด,ค่า\nขอนแก่น,1\n'));
		const mapping = {
			...suggestMapping('indicator_values', staged.headers),
			indicator_id: { kind: 'constant' as const, value: 'x' }
		};
		const prepared = await prepare(staged, 'indicator_values', mapping);
		expect(prepared.problems).toEqual([{ code: 'missing_column', column: 'year', type: 'SMALLINT' }]);
		const bad = await prepare(staged, 'indicator_values', { ...mapping, year: { kind: 'constant', value: 'soon' } });
		expect(bad.problems).toEqual([{ code: 'bad_constant', column: 'year', value: 'soon', kind: 'year' }]);
		const good = await prepare(staged, 'indicator_values', {
			...mapping,
			year: { kind: 'constant', value: 'พ.ศ. 2566' }
		});
		expect(good.problems).toEqual([]);
		await discardStaged(db.uploads, staged);
	});

	it('reads Thai project dates and amounts into the projects table', async () => {
		const text =
			'รหัสโครงการ,ชื่อโครงการ,แผนงาน,หน่วยงาน,วันเริ่มต้น,วันสิ้นสุด,งบประมาณ (บาท),จังหวัด,สถานะ\n' +
			'67-ก-001,โครงการหนึ่ง,แผนงานหนึ่ง,สมาคมหนึ่ง,1 ม.ค. 2567,31 ธ.ค. 2567,"1,000,000.00",ภูเก็ต,active\n' +
			'67-ก-002,โครงการสอง,แผนงานหนึ่ง,สมาคมสอง,1 ก.พ. 67,30/06/2567,"250,000",สุราษฎร์ธานี,closed\n';
		await loadProjects(await stageFile(db.uploads, 'projects.csv', encodeWindows874(text)));
		const rows = await bundled.rows(
			`SELECT project_code, start_date, end_date, budget, province_code, is_sample FROM projects ORDER BY 1`
		);
		expect(rows).toEqual([
			{
				project_code: '67-ก-001',
				start_date: '2024-01-01',
				end_date: '2024-12-31',
				budget: 1_000_000,
				province_code: '83',
				is_sample: false
			},
			{
				project_code: '67-ก-002',
				start_date: '2024-02-01',
				end_date: '2024-06-30',
				budget: 250_000,
				province_code: '84',
				is_sample: false
			}
		]);
		await db.restoreBundled(['projects']);
		expect(await count(`SELECT count(*) AS n FROM projects`)).toBeGreaterThan(2);
	});

	it("tells how far it is: rows read, rows checked, the load, which rewrites a file not in the contract's shape in place", async () => {
		const rows = 200_300;
		const bytes = await parquetOf(`
			SELECT '67-ก-' || i AS project_code, 'แผนงาน' AS programme_th, 'โครงการ ' || i AS title_th,
			       'สมาคม' AS organisation_th, '2024-01-01' AS start_date, '2024-12-31' AS end_date,
			       1000.0 * i AS budget, '40' AS province_code, 'active' AS status,
			       CASE WHEN i IN (7, 99999, 100001, 100002, 150000, 200250) THEN '-' ELSE 'รายงาน ' || i END AS citation
			FROM range(1, ${rows + 1}) t(i)`);
		const seen: Progress[] = [];
		const staged = await stageFile(db.uploads, 'p.parquet', bytes, undefined, undefined, (p) => seen.push(p));
		expect(seen.at(-1)).toEqual({ stage: 'reading', done: rows, total: rows });
		const [best] = detectTable(staged.headers);
		const prepared = await prepareTable(db.uploads, staged, 'projects', best.mapping, await contextFor(db), (p) =>
			seen.push(p)
		);
		expect(prepared.problems).toEqual([]);
		// Blank cells counted over every range, named by their first rows across ranges.
		expect(prepared.notes).toContainEqual({
			code: 'cells',
			column: 'citation',
			header: 'citation',
			blank: 6,
			blankRows: [7, 99999, 100001, 100002, 150000],
			unreadable: 0,
			unreadableRows: []
		});
		// Checked in one pass, 100 000 rows at a time: the bar moves while it checks.
		expect(seen.filter((p) => p.stage === 'checking')).toEqual(
			[0, 100_000, rows].map((done) => ({ stage: 'checking', done, total: rows }))
		);
		const file = await oid(loadTableOf(staged.id));
		expect(file).toBeDefined();
		const load = await bundled.statementsOf(() => commitTable(db, prepared, [], undefined, (p) => seen.push(p)));
		// Columns missing and a DECIMAL budget: the file's own table becomes the loaded one, its columns written
		// into the contract's shape one at a time; no second table of its rows is written (the checks were made
		// in checkRows' one pass).
		expect(await oid('projects')).toBe(file);
		expect(load.filter(writesRows)).toEqual([]);
		expect(await count(`SELECT count(*) AS n FROM projects`)).toBe(rows);
		expect(await count(`SELECT count(*) AS n FROM projects WHERE budget = 1000.0 * 200300`)).toBe(1);
		expect(seen.filter((p) => p.stage === 'loading')).toEqual([
			{ stage: 'loading', done: 0, total: 2 },
			{ stage: 'loading', done: 1, total: 2 }
		]);
		expect(await count(`SELECT count(*) AS n FROM duckdb_tables() WHERE starts_with(table_name, '__user_')`)).toBe(0);
		await db.restoreBundled(['projects']);
	});

	/** A projects file with every contract column, in order and of its type; `title` and `province` are the SQL of title_th and province_code. */
	const shapedProjects = (title: string, province = `'40'`) =>
		parquetOf(`
			SELECT '67-ก-' || i AS project_code, 'แผนงาน' AS programme_th, NULL::VARCHAR AS programme_en,
			       ${title} AS title_th, NULL::VARCHAR AS title_en, 'สมาคม' AS organisation_th,
			       NULL::VARCHAR AS partner_id, NULL::VARCHAR AS network_id, '2024-01-01' AS start_date,
			       '2024-12-31' AS end_date, CAST(1000 * i AS DOUBLE) AS budget, ${province} AS province_code,
			       NULL::VARCHAR AS district_code, NULL::DOUBLE AS lat, NULL::DOUBLE AS lon,
			       'tobacco' AS issue_area_ids, 'active' AS status, NULL::VARCHAR AS citation, true AS is_sample
			FROM range(1, 1001) t(i)`);

	it("takes a file already in the contract's shape as the loaded table, not copied", async () => {
		const staged = await stageFile(db.uploads, 'p.parquet', await shapedProjects(`'โครงการ ' || i`));
		const file = await oid(loadTableOf(staged.id));
		expect(file).toBeDefined();
		const prepared = await prepare(staged, 'projects');
		expect(prepared.problems).toEqual([]);
		const load = await bundled.statementsOf(() => commitTable(db, prepared));
		// The file's own table is the table now (a million rows stay one copy), and the load read none of its
		// rows: the checks made on the view (checkRows' one pass, the duplicate keys) are not made again.
		expect(await oid('projects')).toBe(file);
		expect(load.filter(readsUserRows)).toEqual([]);
		expect(await count(`SELECT count(*) AS n FROM projects WHERE title_th = 'โครงการ 1000'`)).toBe(1);
		expect(await count(`SELECT count(*) AS n FROM duckdb_tables() WHERE starts_with(table_name, '__user_')`)).toBe(0);
		await db.restoreBundled(['projects']);
	});

	it('rewrites in place only the column whose reading changes a cell (spaces trimmed)', async () => {
		const staged = await stageFile(db.uploads, 'p.parquet', await shapedProjects(`' โครงการ ' || i || ' '`));
		const file = await oid(loadTableOf(staged.id));
		const prepared = await prepare(staged, 'projects');
		expect(prepared.problems).toEqual([]);
		expect(prepared.kept).not.toContain('title_th');
		const load = await bundled.statementsOf(() => commitTable(db, prepared));
		expect(await oid('projects')).toBe(file);
		expect(columnsWritten(load)).toEqual(['title_th']);
		expect(load.filter(writesRows)).toEqual([]);
		expect(await count(`SELECT count(*) AS n FROM projects WHERE title_th = 'โครงการ 1000'`)).toBe(1);
		await db.restoreBundled(['projects']);
	});

	it('rewrites in place only the column whose reading changes a looked-up value (a Thai province name)', async () => {
		const staged = await stageFile(
			db.uploads,
			'p.parquet',
			await shapedProjects(`'โครงการ ' || i`, `CASE WHEN i = 500 THEN 'ขอนแก่น' ELSE '40' END`)
		);
		const file = await oid(loadTableOf(staged.id));
		const prepared = await prepare(staged, 'projects');
		expect(prepared.problems).toEqual([]);
		expect(prepared.kept).not.toContain('province_code');
		expect(prepared.kept).toContain('title_th');
		const load = await bundled.statementsOf(() => commitTable(db, prepared));
		expect(await oid('projects')).toBe(file);
		expect(columnsWritten(load)).toEqual(['province_code']);
		expect(await count(`SELECT count(*) AS n FROM projects WHERE province_code = '40'`)).toBe(1000);
		await db.restoreBundled(['projects']);
	});

	/** The checked view's rows (what the load takes), in the contract's columns and then `extras`, by project. */
	const viewRows = (norm: string, extras: readonly string[] = []) =>
		bundled.rows(
			`SELECT ${[...TABLES.projects.columns.map((c) => c.name), ...extras].map((c) => `"${c}"`).join(', ')}
			 FROM ${norm} ORDER BY project_code`
		);

	it.each([
		[
			'TIMESTAMP dates and Thai province names (as pandas writes a file)',
			'p.parquet',
			async () =>
				parquetOf(`
					SELECT '67-ก-' || i AS project_code, 'แผนงาน' AS programme_th, NULL::VARCHAR AS programme_en,
					       'โครงการ ' || i AS title_th, NULL::VARCHAR AS title_en, 'สมาคม' AS organisation_th,
					       NULL::VARCHAR AS partner_id, NULL::VARCHAR AS network_id,
					       TIMESTAMP '2024-01-01' + INTERVAL (i % 40) DAY AS start_date, TIMESTAMP '2024-12-31' AS end_date,
					       CAST(1000 * i AS DOUBLE) AS budget, CASE WHEN i % 3 = 0 THEN 'ขอนแก่น' ELSE '83' END AS province_code,
					       NULL::VARCHAR AS district_code, NULL::DOUBLE AS lat, NULL::DOUBLE AS lon,
					       'tobacco' AS issue_area_ids, 'active' AS status, NULL::VARCHAR AS citation, true AS is_sample,
					       'หมายเหตุ ' || i AS note
					FROM range(1, 301) t(i)`),
			['note']
		],
		[
			'a Windows-874 CSV, Thai headers out of order, districts within provinces',
			'p.csv',
			async () =>
				encodeWindows874(
					'ชื่อโครงการ,รหัสโครงการ,แผนงาน,หน่วยงาน,วันเริ่มต้น,วันสิ้นสุด,งบประมาณ (บาท),จังหวัด,อำเภอ,สถานะ,หมายเหตุ\n' +
						Array.from(
							{ length: 300 },
							(_, i) =>
								`" โครงการ ${i} ",67-ก-${i},แผนงาน,สมาคม,${(i % 28) + 1} ม.ค. 2567,31 ธ.ค. 2567,"${i},000",` +
								`${i % 2 ? 'ภูเก็ต,ถลาง' : 'ขอนแก่น,-'},ดำเนินการ,${i % 5 ? 'ดี' : ''}`
						).join('\n')
				),
			['หมายเหตุ']
		]
	])(
		'loads %s by rewriting its own table: the same rows as the checked view, one copy',
		async (_, name, bytes, extras) => {
			const staged = await stageFile(db.uploads, name, await bytes());
			const file = await oid(loadTableOf(staged.id));
			const [best] = detectTable(staged.headers);
			const prepared = await prepare(staged, 'projects', best.mapping);
			expect(prepared.problems).toEqual([]);
			const expected = await viewRows(prepared.norm, extras);
			const load = await bundled.statementsOf(() => commitTable(db, prepared));
			expect(await oid('projects')).toBe(file);
			expect(load.filter(writesRows)).toEqual([]);
			expect(await viewRows('projects', extras)).toEqual(expected);
			const columns = await bundled.rows(
				`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'projects' ORDER BY ordinal_position`
			);
			expect(columns).toEqual([
				...TABLES.projects.columns.map((c) => ({ column_name: c.name, data_type: c.type })),
				...extras.map((e) => ({ column_name: e, data_type: 'VARCHAR' }))
			]);
			expect(await bundled.stagingLeft()).toBe(0);
			await db.restoreBundled(['projects']);
		}
	);

	it('leaves the loaded table as it was, and no staged table, when the rewrite fails half way', async () => {
		const before = await count(`SELECT count(*) AS n FROM projects`);
		const staged = await stageFile(
			db.uploads,
			'half.parquet',
			await shapedProjects(`' โครงการ ' || i || ' '`, `CASE WHEN i = 500 THEN 'ขอนแก่น' ELSE '40' END`)
		);
		const prepared = await prepare(staged, 'projects');
		expect(prepared.problems).toEqual([]);
		// The second column's rewrite fails (as running out of memory would): the first is written by then.
		const error = await bundled
			.failing(/ALTER COLUMN "province_code" SET DATA TYPE/, () => commitTable(db, prepared))
			.catch((e: unknown) => e);
		expect(engineProblem('half.parquet', error)).toMatchObject({ code: 'engine', file: 'half.parquet' });
		expect(await count(`SELECT count(*) AS n FROM projects`)).toBe(before);
		expect(await bundled.stagingLeft()).toBe(0);
	});

	it('takes a list of issue areas (a Parquet list of strings) as issue_area_ids, and keeps nested extras', async () => {
		// The shape a pyarrow, Polars or Spark export has: the multi-valued field as a list, other nested columns beside it.
		const bytes = await parquetOf(`
			SELECT '67-ก-00' || i AS project_code, 'แผนงาน' AS programme_th, 'โครงการ ' || i AS title_th,
			       'สมาคม' AS organisation_th, '2024-01-01' AS start_date, '2024-12-31' AS end_date,
			       1000.0 * i AS budget, '40' AS province_code, 'active' AS status,
			       (CASE i WHEN 1 THEN ['tobacco', 'road_safety'] WHEN 2 THEN ['alcohol', NULL]
			               WHEN 3 THEN []::VARCHAR[] ELSE NULL END) AS issue_area_ids,
			       {'name': 'คุณ ' || i, 'phone': '08' || i} AS contact,
			       MAP {'year': 2567 + i} AS extra
			FROM range(1, 5) t(i)`);
		const staged = await stageFile(db.uploads, 'projects-lists.parquet', bytes);
		expect(staged.types.issue_area_ids).toBe('VARCHAR[]');
		await loadProjects(staged);
		const rows = await bundled.rows(
			`SELECT project_code, issue_area_ids, contact.name AS contact_name, extra['year'] AS year FROM projects ORDER BY 1`
		);
		expect(rows).toEqual([
			{ project_code: '67-ก-001', issue_area_ids: 'tobacco;road_safety', contact_name: 'คุณ 1', year: 2568 },
			{ project_code: '67-ก-002', issue_area_ids: 'alcohol_drugs', contact_name: 'คุณ 2', year: 2569 },
			{ project_code: '67-ก-003', issue_area_ids: null, contact_name: 'คุณ 3', year: 2570 },
			{ project_code: '67-ก-004', issue_area_ids: null, contact_name: 'คุณ 4', year: 2571 }
		]);
		const schema = await db.schema();
		expect(schema.filter((c) => c.table_name === 'projects' && c.column_name === 'contact')[0].data_type).toMatch(
			/^STRUCT/
		);
		await db.restoreBundled(['projects']);
	});
});

describe('coded values', () => {
	it('stores Thai statuses and issue areas as codes, lists the one nobody can place, and takes the user’s answer', async () => {
		const text =
			'รหัสโครงการ,ชื่อโครงการ,แผนงาน,องค์กรที่รับผิดชอบ,สถานะ,จังหวัด,งบประมาณ (บาท),วันเริ่มต้น,วันสิ้นสุด,ประเด็น\n' +
			'67-ก-001,หนึ่ง,แผน,สมาคม,ดำเนินการ,ภูเก็ต,"1,000",1 ม.ค. 2567,31 ธ.ค. 2567,"บุหรี่, เหล้า"\n' +
			'67-ก-002,สอง,แผน,สมาคม,ปิดโครงการ,ภูเก็ต,"2,000",1 ม.ค. 2567,31 ธ.ค. 2567,มลพิษ\n' +
			'67-ก-003,สาม,แผน,สมาคม,ระงับชั่วคราว,ภูเก็ต,"3,000",1 ม.ค. 2567,31 ธ.ค. 2567,บุหรี่;ดนตรี\n';
		const staged = await stageFile(db.uploads, 'coded.csv', encodeWindows874(text));
		const [best] = detectTable(staged.headers);
		expect(best.table).toBe('projects');
		const prepared = await prepare(staged, 'projects', best.mapping);
		expect(prepared.problems).toEqual([
			{
				code: 'unknown_code',
				column: 'issue_area_ids',
				header: 'ประเด็น',
				field: 'issue_areas',
				count: 1,
				values: [{ value: 'ดนตรี', count: 1, rows: [3] }]
			},
			{
				code: 'unknown_code',
				column: 'status',
				header: 'สถานะ',
				field: 'status',
				count: 1,
				values: [{ value: 'ระงับชั่วคราว', count: 1, rows: [3] }]
			}
		]);
		// Never stored as written: the rows with unplaced values hold NULL, not the words.
		expect(await bundled.rows(`SELECT status, issue_area_ids FROM ${prepared.norm} ORDER BY __row`)).toEqual([
			{ status: 'active', issue_area_ids: 'tobacco;alcohol_drugs' },
			{ status: 'closed', issue_area_ids: 'environment' },
			{ status: null, issue_area_ids: null }
		]);
		const fixed = await prepareTable(
			db.uploads,
			staged,
			'projects',
			best.mapping,
			await contextFor(db, {}, { status: { ระงับชั่วคราว: 'cancelled' }, issue_area_ids: { ดนตรี: 'mental_health' } })
		);
		expect(fixed.problems).toEqual([]);
		expect(fixed.notes).toContainEqual({ code: 'converted', column: 'status', kind: 'code', count: 3 });
		await commitTable(db, fixed);
		expect(await bundled.rows(`SELECT project_code, status, issue_area_ids FROM projects ORDER BY 1`)).toEqual([
			{ project_code: '67-ก-001', status: 'active', issue_area_ids: 'tobacco;alcohol_drugs' },
			{ project_code: '67-ก-002', status: 'closed', issue_area_ids: 'environment' },
			{ project_code: '67-ก-003', status: 'cancelled', issue_area_ids: 'tobacco;mental_health' }
		]);
		await db.restoreBundled(['projects']);
	});
});

describe('readOnlyQuery', () => {
	it('answers read-only queries with columns, rows and a row cap', async () => {
		const r = await db.readOnlyQuery(`SELECT province_code, name_en FROM provinces ORDER BY 1`, 5);
		expect(r.columns.map((c) => c.name)).toEqual(['province_code', 'name_en']);
		expect(r.rows).toHaveLength(5);
		expect(r.truncated).toBe(true);
		const d = await db.readOnlyQuery(`DESCRIBE provinces`);
		expect(d.rows.length).toBeGreaterThan(5);
		expect(d.truncated).toBe(false);
	});

	it('refuses DROP and INSTALL and passes DuckDB’s own errors through', async () => {
		await expect(db.readOnlyQuery('DROP TABLE provinces')).rejects.toThrow(QueryRefused);
		await expect(db.readOnlyQuery('INSTALL httpfs')).rejects.toThrow(QueryRefused);
		await expect(db.readOnlyQuery('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
		expect(await count(`SELECT count(*) AS n FROM provinces`)).toBe(77);
	});

	it('lists the schema without staging tables', async () => {
		const schema = await db.schema();
		expect(
			schema.some((c) => c.table_name === 'provinces' && c.column_name === 'province_code' && c.table_rows === 77)
		).toBe(true);
		expect(schema.some((c) => c.table_name.startsWith('__'))).toBe(false);
	});
});
