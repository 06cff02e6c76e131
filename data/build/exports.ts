/**
 * An organisation's exports folder (`npm run data -- --exports <folder>`), read with the Your data page's
 * own code: every file is staged, recognised, mapped, resolved (province names, Buddhist-era dates,
 * amounts, Thai statuses, partner types and issue areas) and checked by src/lib/upload/pipeline.ts in
 * DuckDB (Node here, WASM on the page), so the build and the page cannot disagree about a file.
 *
 * Unlike the page, which refuses a file until the user fixes it, the build leaves out the rows that
 * cannot be used and lists each one (file, sheet, row, field, in Thai and English) in the report; a file
 * that cannot be used at all (unreadable, broken, no recognisable table, a required column missing) is
 * named in the report and changes nothing. `--strict` turns any problem into a failed build.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { NodeConnector } from '$lib/data/node-connector';
import { UploadQueries } from '$lib/data/upload-queries';
import { TABLES, type IssueAreaRow, type TableName } from '$lib/data/contract';
import { detectTable } from '$lib/upload/detect';
import { MAPPING_FILE, MappingFileError, parseMappingFile, planFor, type MappingEntry } from '$lib/upload/mapping-file';
import { suggestMapping } from '$lib/upload/mapping';
import { problemText } from '$lib/upload/messages';
import {
	discardStaged,
	FileRejected,
	prepareTable,
	rowProblems,
	stageFile,
	type FileFormat,
	type Problem,
	type StagedFile
} from '$lib/upload/pipeline';
import type { DistrictName, ProvinceName } from '$lib/upload/thai';
import { isWorkbook, workbookTables, WorkbookError } from '$lib/upload/workbook';
import { translate, type Lang, type MessageKey } from '$lib/i18n';
import type { ExportsReport, Place, ReportFile } from '$lib/upload/exports-report';

export type { ExportsReport, Place, ReportFile, ReportProblem } from '$lib/upload/exports-report';
export { placeText } from '$lib/upload/exports-report';

/**
 * Tables an exports folder may supply: each replaces the bundled (and sample) table of its kind;
 * indicator values replace those of the indicators they name (export-values.ts).
 */
export const EXPORT_TABLES = [
	'partners',
	'projects',
	'instalments',
	'indicator_values'
] as const satisfies readonly TableName[];
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** The deployment's own settings, beside the exports (see site-config.ts). */
export const SITE_CONFIG_FILE = 'config.json';
/** Files of the folder that are not data. */
const NOT_DATA = new Set([MAPPING_FILE, SITE_CONFIG_FILE]);
const isNotData = (name: string) => name.startsWith('.') || NOT_DATA.has(name) || /\.(md|txt)$/i.test(name);

/** A usable row, with where it came from (for problems found later, e.g. an unknown district). */
export interface ExportRow {
	row: Record<string, unknown>;
	place: Place;
}

export interface ExportsResult {
	tables: Partial<Record<ExportTable, ExportRow[]>>;
	report: ExportsReport;
	/** sha256-able bytes of every file read, by name (for the manifest). */
	files: Record<string, Buffer>;
}

export interface ExportsReference {
	provinces: readonly ProvinceName[];
	/** District names are read within their row's province, as on the Your data page. */
	districts: readonly DistrictName[];
	issueAreas: readonly IssueAreaRow[];
}

/** The report's sentence for a problem, in one language. */
function sentence(lang: Lang, problem: Problem, unit: Place['unit']): string {
	return problemText(lang, problem, unit === 'line' ? 1 : 0);
}

/** Both languages of a message of the catalogue. */
export const bilingual = (key: MessageKey, vars: Record<string, string | number> = {}) => ({
	message_th: translate('th', key, vars),
	message_en: translate('en', key, vars)
});

/**
 * A row of the exports the contract cannot take as it is, found after reading (a key an earlier file
 * used, a code nobody knows): left out and listed, like the rows the pipeline found.
 */
export function leaveOut(
	report: ExportsReport,
	r: ExportRow,
	field: string,
	value: string | null,
	code: string,
	message: { message_th: string; message_en: string }
): void {
	report.problems.push({ ...r.place, field, header: null, value, code, outcome: 'row_left_out', ...message });
	const file = report.files.find((f) => f.file === r.place.file && f.sheet === r.place.sheet);
	if (file) {
		file.used--;
		file.left_out++;
	}
}

/** Row-level problems leave the row out; anything else stops the file. */
const ROW_LEVEL: ReadonlySet<Problem['code']> = new Set([
	'bad_values',
	'empty_required',
	'unknown_province',
	'unknown_district',
	'unknown_code',
	'duplicate_key'
]);

interface Unit {
	name: string;
	file: string;
	sheet: string | null;
	bytes: Uint8Array;
	format: ReportFile['format'];
	/** A sheet's Excel row for each CSV line (header first); null for a file. */
	excelRows: number[] | null;
}

/**
 * Reads every data file of `folder` (and mapping.json when there is one). Never throws for a bad data
 * file (it is reported); throws MappingFileError for a broken mapping.json, which must not be half applied.
 */
export async function readExports(folder: string, reference: ExportsReference): Promise<ExportsResult> {
	const names = (await readdir(folder)).sort();
	const files: Record<string, Buffer> = {};
	let mappings: MappingEntry[] = [];
	if (names.includes(MAPPING_FILE)) {
		const bytes = await readFile(path.join(folder, MAPPING_FILE));
		files[MAPPING_FILE] = bytes;
		mappings = parseMappingFile(bytes.toString('utf8'));
	}
	const report: ExportsReport = { folder: path.basename(path.resolve(folder)), files: [], problems: [], tables: {} };
	const tables: ExportsResult['tables'] = {};
	const fileProblem = (place: Omit<Place, 'unit' | 'row'>, problem: Problem, format: ReportFile['format'] = null) => {
		report.problems.push({
			...place,
			unit: null,
			row: null,
			field: null,
			header: null,
			value: null,
			code: problem.code,
			outcome: 'file_not_used',
			message_th: sentence('th', problem, null),
			message_en: sentence('en', problem, null)
		});
		if (!report.files.some((f) => f.file === place.file && f.sheet === place.sheet))
			report.files.push({
				...place,
				format,
				encoding: null,
				table: null,
				rows: 0,
				used: 0,
				left_out: 0,
				status: 'not_used'
			});
	};

	// Files, and the sheets of workbooks, as units the pipeline reads.
	const units: Unit[] = [];
	for (const name of names) {
		if (name.startsWith('.') || name === MAPPING_FILE) continue;
		const full = path.join(folder, name);
		if (!(await stat(full)).isFile()) continue;
		const bytes = await readFile(full);
		files[name] = bytes;
		if (isNotData(name)) continue;
		const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		if (isWorkbook(name, data) || /\.(xlsx|xlsm)$/i.test(name)) {
			try {
				for (const sheet of workbookTables(data, name))
					units.push({
						name: sheet.name,
						file: name,
						sheet: sheet.sheet,
						bytes: sheet.csv,
						format: 'xlsx',
						excelRows: sheet.excelRows
					});
			} catch (e) {
				const detail = e instanceof WorkbookError ? e.detail : String(e);
				fileProblem({ file: name, sheet: null }, { code: 'bad_workbook', detail }, 'xlsx');
			}
		} else units.push({ name, file: name, sheet: null, bytes: data, format: null, excelRows: null });
	}

	const uploads = new UploadQueries(await NodeConnector.open());
	try {
		for (const unit of units) {
			const where = { file: unit.file, sheet: unit.sheet };
			let staged: StagedFile;
			try {
				staged = await stageFile(uploads, unit.name, unit.bytes, undefined, unit.excelRows ?? undefined);
			} catch (e) {
				const problems: Problem[] =
					e instanceof FileRejected ? e.problems : [{ code: 'unreadable', detail: String(e) }];
				for (const p of problems) fileProblem(where, p, unit.format);
				continue;
			}
			const summary: ReportFile = {
				...where,
				format: unit.format ?? staged.format,
				encoding: unit.format === 'xlsx' ? null : staged.encoding,
				table: null,
				rows: staged.rows,
				used: 0,
				left_out: 0,
				status: 'not_used'
			};
			report.files.push(summary);
			try {
				const plan = planFor(mappings, unit.name, staged.headers);
				const table = plan?.table ?? detectTable(staged.headers)[0]?.table ?? null;
				if (!table) {
					fileProblem(where, { code: 'no_table', headers: staged.headers });
					continue;
				}
				summary.table = table;
				if (!(EXPORT_TABLES as readonly string[]).includes(table)) {
					report.problems.push({
						...where,
						unit: null,
						row: null,
						field: null,
						header: null,
						value: null,
						code: 'table_not_built',
						outcome: 'file_not_used',
						...bilingual('report_table_not_built', { table, tables: EXPORT_TABLES.join(', ') })
					});
					continue;
				}
				const mapping = plan?.mapping ?? suggestMapping(table, staged.headers);
				const prepared = await prepareTable(uploads, staged, table, mapping, {
					provinces: reference.provinces,
					districts: reference.districts,
					issueAreas: reference.issueAreas,
					provinceFixes: plan?.provinceFixes ?? {},
					codeFixes: plan?.codeFixes ?? {}
				});
				// A sheet's rows are staged with their Excel numbers; a text file's rows become lines (header = line 1).
				const unitOf: Place['unit'] = staged.lineOffset > 0 ? 'line' : 'row';
				const toPlace = (row: number) => row + staged.lineOffset;
				const fatal = prepared.problems.filter((p) => !ROW_LEVEL.has(p.code));
				if (fatal.length > 0) {
					for (const p of fatal) fileProblem(where, p);
					continue;
				}
				const bad = new Set<number>();
				for (const r of await rowProblems(uploads, prepared)) {
					bad.add(r.row);
					const problem = r.problem;
					report.problems.push({
						...where,
						unit: unitOf,
						row: toPlace(r.row),
						field: r.column,
						header: r.header,
						value: r.value,
						code: r.problem.code,
						outcome: 'row_left_out',
						message_th: sentence('th', problem, unitOf),
						message_en: sentence('en', problem, unitOf)
					});
				}
				const columns = TABLES[table].columns.map((c) => c.name);
				const rows = await uploads.keptRows(prepared.norm, columns, bad);
				const list = (tables[table as ExportTable] ??= []);
				for (const { __row, ...row } of rows) {
					const r = Number(__row);
					list.push({
						row,
						place: { ...where, unit: unitOf, row: toPlace(r) }
					});
				}
				summary.used = rows.length;
				summary.left_out = bad.size;
				summary.status = 'used';
			} finally {
				await discardStaged(uploads, staged);
			}
		}
	} finally {
		await uploads.close();
	}
	for (const [table, rows] of Object.entries(tables)) report.tables[table as ExportTable] = rows.length;
	return { tables, report, files };
}

export { MappingFileError };
