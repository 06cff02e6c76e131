/**
 * A site's data built from an organisation's exports (tests/fixtures/exports-agency, written by
 * tests/support/exports-fixture.ts): exactly the fixture's rows and codes, the planted problems in the
 * report, no sample rows or labels for the replaced tables, --strict failing with the report's own
 * sentences, a broken file named and changing nothing, and the Your data page's own loading path giving
 * the same tables.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb } from '$lib/data/atlas-db';
import { NodeConnector } from '$lib/data/node-connector';
import { TABLES, type TableName } from '$lib/data/contract';
import { parseMappingFile } from '$lib/upload/mapping-file';
import { detectTable } from '$lib/upload/detect';
import { stageFile, discardStaged } from '$lib/upload/pipeline';
import { workbookTables } from '$lib/upload/workbook';
import { loadWithPlan } from '$lib/upload/user-data';
import { planFor } from '$lib/upload/mapping-file';
import {
	EXPECTED,
	FIXTURE_CONFIG,
	PARTNERS_CSV,
	PROJECT_SHEET,
	WORKBOOK,
	agencyProjectsWorkbook,
	fixtureMapping,
	INDICATORS_CSV,
	indicatorsCsv,
	partnersCsv
} from '../../tests/support/exports-fixture.ts';
import { buildData, MANIFEST_FILE, OUTPUT_FILES, type Manifest } from './build.ts';
import type { ExportsReport } from './exports.ts';
import { problemLine, REPORT_FILE, REPORT_MARKDOWN_FILE, StrictExportsError } from './report.ts';

const SOURCES = path.resolve(import.meta.dirname, '../sources');
const FIXTURE = path.resolve(import.meta.dirname, '../../tests/fixtures/exports-agency');

let tmp: string;
let out: string;
let manifest: Manifest;
let report: ExportsReport;
let db: AtlasDb;

/** Each database's engine, for the tests' own look at its tables. */
const engines = new Map<AtlasDb, NodeConnector>();
const engine = (d: AtlasDb) => engines.get(d)!;

const open = async (dir: string) => {
	const conn = await NodeConnector.open();
	const d = await AtlasDb.open(conn, async (file) => new Uint8Array(await readFile(path.join(dir, file))));
	engines.set(d, conn);
	return d;
};

const rowsOf = (d: AtlasDb, table: TableName) =>
	engine(d).query(`SELECT * FROM "${table}" ORDER BY ${TABLES[table].key.map((k) => `"${k}"`).join(', ')}`);

beforeAll(async () => {
	tmp = await mkdtemp(path.join(tmpdir(), 'phakhi-exports-'));
	out = path.join(tmp, 'out');
	manifest = await buildData({ sourcesDir: SOURCES, outDir: out, exportsDir: FIXTURE });
	report = JSON.parse(await readFile(path.join(out, REPORT_FILE), 'utf8'));
	db = await open(out);
}, 120_000);

afterAll(async () => {
	await db?.close();
	await rm(tmp, { recursive: true, force: true });
});

describe('the fixture folder', () => {
	it('is what tests/support/exports-fixture.ts writes', async () => {
		expect(new Uint8Array(await readFile(path.join(FIXTURE, PARTNERS_CSV)))).toEqual(partnersCsv());
		expect(new Uint8Array(await readFile(path.join(FIXTURE, INDICATORS_CSV)))).toEqual(indicatorsCsv());
		expect(await readFile(path.join(FIXTURE, 'mapping.json'), 'utf8')).toBe(fixtureMapping());
		expect(JSON.parse(await readFile(path.join(FIXTURE, 'config.json'), 'utf8'))).toEqual(FIXTURE_CONFIG);
		const committed = workbookTables(new Uint8Array(await readFile(path.join(FIXTURE, WORKBOOK))), WORKBOOK);
		expect(committed).toEqual(workbookTables(agencyProjectsWorkbook(), WORKBOOK));
		// Windows-874, as older Thai systems write: not valid UTF-8.
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(partnersCsv())).toThrow();
	});
});

describe('a build from exports', () => {
	it('holds exactly the fixture’s rows, with every Thai word resolved to its code', async () => {
		expect(manifest.exports?.tables).toEqual({
			partners: EXPECTED.partners.rows,
			projects: EXPECTED.projects.rows,
			instalments: EXPECTED.instalments.rows,
			indicator_values: EXPECTED.indicatorValues.rows.length
		});
		const partners = await rowsOf(db, 'partners');
		expect(partners).toHaveLength(EXPECTED.partners.rows);
		for (const [id, want] of Object.entries(EXPECTED.partners.codes))
			expect(partners.find((p) => p.partner_id === id)).toMatchObject(want);
		const projects = await rowsOf(db, 'projects');
		expect(projects).toHaveLength(EXPECTED.projects.rows);
		for (const [code, want] of Object.entries(EXPECTED.projects.codes))
			expect(projects.find((p) => p.project_code === code)).toMatchObject(want);
		expect(projects.reduce((s, p) => s + Number(p.budget), 0)).toBe(EXPECTED.projects.budget);
		for (const id of [...EXPECTED.partners.leftOut, ...EXPECTED.projects.leftOut])
			expect([...partners.map((p) => p.partner_id), ...projects.map((p) => p.project_code)]).not.toContain(id);
		expect(await rowsOf(db, 'instalments')).toHaveLength(EXPECTED.instalments.rows);
	});

	it('keeps no sample row or sample label for the replaced tables', async () => {
		for (const table of ['partners', 'projects'] as const) {
			const [{ n }] = await engine(db).query(`SELECT count(*) AS n FROM "${table}" WHERE is_sample`);
			expect(n).toBe(0);
		}
		const sources = (await engine(db).query('SELECT source_id FROM sources')).map((s) => s.source_id);
		expect(sources).not.toContain('phakhi_network_sample');
		expect(sources).toContain('organisation_exports');
		// The bundled real record 60-ข-087 belongs to the bundled projects table, which the exports replace.
		const [{ n }] = await engine(db).query(`SELECT count(*) AS n FROM instalments WHERE project_code = '60-ข-087'`);
		expect(n).toBe(0);
		expect(manifest.network_sample).toMatchObject({ partners: 0, projects: 0, instalments: 0 });
	});

	it('replaces the sample values of the indicator the exports give values of, and its sample label', async () => {
		const { indicator, rows } = EXPECTED.indicatorValues;
		const values = await engine(db).query(
			`SELECT province_code, year, value, numerator, denominator FROM indicator_values
			 WHERE indicator_id = ? ORDER BY province_code, year`,
			[indicator]
		);
		expect(values).toEqual(rows);
		const [row] = await engine(db).query(`SELECT * FROM indicator_catalogue WHERE indicator_id = ?`, [indicator]);
		expect(row).toMatchObject({ is_sample: false, source_id: 'organisation_exports' });
		// The deployment hides the other sample indicators; the real series stay, with their months.
		const catalogue = (await db.indicators()).map((i) => i.indicator_id);
		expect(catalogue).not.toContain('drinking_prevalence');
		expect(catalogue).toContain('dengue_cases');
		expect(await db.monthly('dengue_cases', { scope: 'province', id: '40' })).toHaveLength(20 * 12);
		expect((await db.indicators()).filter((i) => i.is_sample)).toEqual([]);
	});

	it('lists the planted problems with file, sheet, row, field and value, in Thai and English', async () => {
		expect(
			report.problems.map(({ file, sheet, unit, row, field, value, code }) => ({
				file,
				sheet,
				unit,
				row,
				field,
				value,
				code
			}))
		).toEqual(EXPECTED.problems);
		for (const p of report.problems) {
			expect(p.message_th).toMatch(/[\u0e00-\u0e7f]/);
			expect(p.message_en).toMatch(/[A-Za-z]/);
		}
		const markdown = await readFile(path.join(out, REPORT_MARKDOWN_FILE), 'utf8');
		for (const p of report.problems) {
			expect(markdown).toContain(p.message_th);
			expect(markdown).toContain(p.message_en);
		}
		expect(markdown).toContain('| partners.csv |  | partners | csv, windows-874 | 8 | 7 | 1 |');
		// The row the build left out (an indicator the site does not have) counts against its file too.
		expect(markdown).toContain('| indicators-2567.csv |  | indicator_values | csv, utf-8 | 6 | 5 | 1 |');
	});

	it('--strict fails with the same sentences and leaves the previous output as it was', async () => {
		const before = await Promise.all(OUTPUT_FILES.map((f) => readFile(path.join(out, f))));
		const error = await buildData({ sourcesDir: SOURCES, outDir: out, exportsDir: FIXTURE, strict: true }).then(
			() => null,
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(StrictExportsError);
		const message = (error as Error).message;
		for (const p of report.problems) {
			expect(message).toContain(problemLine(p, 'en'));
			expect(message).toContain(problemLine(p, 'th'));
		}
		const after = await Promise.all(OUTPUT_FILES.map((f) => readFile(path.join(out, f))));
		expect(after).toEqual(before);
		expect((await readdir(out)).filter((f) => f.startsWith('.tmp'))).toEqual([]);
	}, 120_000);

	it('names a truncated Parquet file and a corrupt workbook, and changes nothing else', async () => {
		const folder = path.join(tmp, 'broken');
		await cp(FIXTURE, folder, { recursive: true });
		const parquet = await readFile(path.join(out, 'projects.parquet'));
		await writeFile(path.join(folder, 'projects-2569.parquet'), parquet.subarray(0, parquet.length >> 1));
		const workbook = await readFile(path.join(FIXTURE, WORKBOOK));
		await writeFile(path.join(folder, 'damaged.xlsx'), workbook.subarray(0, 2000));
		const brokenOut = path.join(tmp, 'broken-out');
		const brokenManifest = await buildData({ sourcesDir: SOURCES, outDir: brokenOut, exportsDir: folder });
		const brokenReport: ExportsReport = JSON.parse(await readFile(path.join(brokenOut, REPORT_FILE), 'utf8'));
		const named = brokenReport.problems.filter((p) => p.outcome === 'file_not_used').map((p) => [p.file, p.code]);
		expect(named).toEqual(
			expect.arrayContaining([
				['damaged.xlsx', 'bad_workbook'],
				['projects-2569.parquet', 'truncated_parquet']
			])
		);
		expect(brokenManifest.exports?.tables).toEqual(manifest.exports?.tables);
		const broken = await open(brokenOut);
		try {
			for (const table of ['partners', 'projects', 'instalments'] as const)
				expect(await rowsOf(broken, table)).toEqual(await rowsOf(db, table));
		} finally {
			await broken.close();
		}
	}, 120_000);
});

describe('more formats in one folder', () => {
	it('reads Parquet and a UTF-16 TSV ("Unicode text") beside the fixture, and lists a key an earlier file (in name order) already used', async () => {
		const folder = path.join(tmp, 'formats');
		await cp(FIXTURE, folder, { recursive: true });
		// Two more projects as a Parquet export (Thai status words, a BE date as text, a list of issue areas).
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		await conn.run(`COPY (
			SELECT * FROM (VALUES
				('68-ข-101', 'แผนงานสุรา', 'งดเหล้าเข้าพรรษา', 'เครือข่ายงดเหล้า', 'อยู่ระหว่างดำเนินการ', 'จ.สงขลา', 350000.0, '1 ม.ค. 2568', '31 ธ.ค. 2568', ['เหล้า']),
				('67-ก-001', 'แผนงานซ้ำ', 'รหัสซ้ำกับไฟล์ Excel', 'องค์กรซ้ำ', 'ปิดโครงการ', 'สงขลา', 1.0, '1 ม.ค. 2568', '31 ธ.ค. 2568', ['บุหรี่'])
			) AS t("รหัสโครงการ", "แผนงาน", "ชื่อโครงการ", "องค์กรที่รับผิดชอบ", "สถานะ", "จังหวัด", "งบประมาณ", "วันเริ่มต้น", "วันสิ้นสุด", "ประเด็น")
		) TO '${path.join(folder, 'projects-2569.parquet')}' (FORMAT parquet, COMPRESSION zstd)`);
		conn.closeSync();
		instance.closeSync();
		// One more partner as Excel's "Unicode text": UTF-16LE with a byte-order mark, tab-separated.
		const tsv = [
			[
				'รหัสภาคี',
				'ชื่อองค์กร',
				'ประเภทองค์กร',
				'จังหวัด',
				'รหัสอำเภอ',
				'ละติจูด',
				'ลองจิจูด',
				'ประเด็นงาน',
				'ปีที่เข้าร่วม',
				'ยังดำเนินงาน'
			],
			['ภ-101', 'เทศบาลนครสงขลา', 'เทศบาล', 'สงขลา', '9001', '7.121', '100.568', 'อุบัติเหตุ', '2566', 'ใช่']
		]
			.map((r) => r.join('\t'))
			.join('\r\n');
		await writeFile(
			path.join(folder, 'partners-more.txt.tsv'),
			Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')])
		);

		const formatsOut = path.join(tmp, 'formats-out');
		const built = await buildData({ sourcesDir: SOURCES, outDir: formatsOut, exportsDir: folder });
		const formatsReport: ExportsReport = JSON.parse(await readFile(path.join(formatsOut, REPORT_FILE), 'utf8'));
		expect(formatsReport.files.find((f) => f.file === 'projects-2569.parquet')).toMatchObject({
			format: 'parquet',
			table: 'projects',
			rows: 2
		});
		expect(formatsReport.files.find((f) => f.file === 'partners-more.txt.tsv')).toMatchObject({
			encoding: 'utf-16le',
			table: 'partners',
			used: 1
		});
		expect(formatsReport.problems.find((p) => p.file === 'projects-2569.parquet')).toMatchObject({
			unit: 'row',
			row: 2,
			field: 'project_code',
			value: '67-ก-001',
			code: 'duplicate_key',
			outcome: 'row_left_out'
		});
		expect(built.exports?.tables).toEqual({
			partners: EXPECTED.partners.rows + 1,
			projects: EXPECTED.projects.rows + 1,
			instalments: EXPECTED.instalments.rows,
			indicator_values: EXPECTED.indicatorValues.rows.length
		});
		const more = await open(formatsOut);
		try {
			const rows = await engine(more).query(
				`SELECT project_code, status, province_code, start_date, issue_area_ids FROM projects WHERE project_code IN ('68-ข-101', '67-ก-001') ORDER BY 1`
			);
			expect(rows).toEqual([
				{
					project_code: '67-ก-001',
					status: 'active',
					province_code: '50',
					start_date: '2024-10-01',
					issue_area_ids: 'tobacco;alcohol_drugs'
				},
				{
					project_code: '68-ข-101',
					status: 'active',
					province_code: '90',
					start_date: '2025-01-01',
					issue_area_ids: 'alcohol_drugs'
				}
			]);
			const [partner] = await engine(more).query(
				`SELECT partner_type, province_code, year_joined FROM partners WHERE partner_id = 'ภ-101'`
			);
			expect(partner).toEqual({ partner_type: 'local_government', province_code: '90', year_joined: 2023 });
		} finally {
			await more.close();
		}
	}, 120_000);
});

describe('the Your data page and the build', () => {
	it('give the same tables from the same files (the page after its user placed the two values nobody could)', async () => {
		// The page's own loading path (user-data.ts loadWithPlan: stage → prepare → commit, as for a kept file),
		// on the bundled data, with the downloaded mapping.json as the remembered mapping.
		const page = await open(path.resolve('static/data'));
		try {
			const mappings = parseMappingFile(await readFile(path.join(FIXTURE, 'mapping.json'), 'utf8'));
			const files = [
				{ name: PARTNERS_CSV, bytes: partnersCsv() },
				...workbookTables(agencyProjectsWorkbook(), WORKBOOK)
					.filter((s) => s.sheet !== 'คำอธิบาย')
					.map((s) => ({ name: s.name, bytes: s.csv }))
			];
			// What the user answers on the page for the two values nobody can place (the build leaves those rows out).
			const userAnswers = { provinceFixes: { เมืองลับแล: '50' }, codeFixes: { status: { รอตรวจสอบเอกสาร: 'planned' } } };
			for (const [i, file] of files.entries()) {
				const staged = await stageFile(page.uploads, file.name, file.bytes, `probe${i}`);
				const plan = planFor(mappings, file.name, staged.headers) ?? {
					table: detectTable(staged.headers)[0].table,
					mapping: detectTable(staged.headers)[0].mapping,
					provinceFixes: {},
					codeFixes: {},
					indicators: []
				};
				await discardStaged(page.uploads, staged);
				const status = await loadWithPlan(page, `f${i}`, file.name, file.bytes, {
					...plan,
					provinceFixes: { ...plan.provinceFixes, ...userAnswers.provinceFixes },
					codeFixes: { ...plan.codeFixes, ...userAnswers.codeFixes }
				});
				expect(status.problems).toEqual([]);
				expect(status.status).toBe('loaded');
			}
			const leftOut = new Set<unknown>([...EXPECTED.partners.leftOut, ...EXPECTED.projects.leftOut]);
			for (const table of ['partners', 'projects', 'instalments'] as const) {
				const key = TABLES[table].key[0];
				const pageRows = (await rowsOf(page, table)).filter((r) => !leftOut.has(r[key]));
				expect(pageRows).toEqual(await rowsOf(db, table));
			}
			expect(PROJECT_SHEET).toBe('โครงการ');
		} finally {
			await page.close();
		}
	}, 120_000);
});
