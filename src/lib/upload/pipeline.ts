/**
 * A user's file on its way into the atlas, in three steps, all inside DuckDB in the browser:
 *
 * 1. stageFile: the bytes become a raw staging table (Parquet decoded in JS, Arrow IPC, or CSV
 *    re-encoded to UTF-8 and read by DuckDB's own reader, every column as text), with row numbers.
 * 2. prepareTable: the mapping picks a source for each contract column; values are read the Thai
 *    way (province names → codes, BE years, Thai dates, amounts with separators), and the result
 *    is checked: missing columns, unreadable values, empty required cells, duplicate and unknown
 *    keys — each problem with its column, count and first rows.
 * 3. commitTable: a clean table is adopted by AtlasDb (the same contract check as bundled files),
 *    replacing the table or merging the indicators it holds. Nothing before this step touches
 *    the tables the views read, so a bad file leaves everything as it was.
 */
import { ContractError, type AtlasDb } from '$lib/data/atlas-db';
import type { RowChecksDone } from '$lib/data/contract-checks';
import {
	TABLES,
	type ColumnSpec,
	type ColumnType,
	type IndicatorRow,
	type IssueAreaRow,
	type SourceRow,
	type TableName
} from '$lib/data/contract';
import {
	FIRST,
	isOutOfMemory,
	loadTableOf,
	parquetRowCount,
	type ColumnRead,
	type LookupEntry,
	type NormalisedView,
	type PairEntry,
	type Row,
	type SqlParam,
	type UploadQueries
} from '$lib/data/upload-queries';
import { ParquetDecodeError, type DecodeFailure, type OmittedColumn } from '$lib/data/parquet-to-arrow';
import { CODED_COLUMNS, createCodeResolver, type CodeField } from './codes';
import { EncodingError, toUtf8, type TextEncodingName } from './encoding';
import { unusedHeaders, valueKind, type Mapping, type ValueKind } from './mapping';
import {
	createDistrictResolver,
	createProvinceResolver,
	isMissingText,
	parseAmount,
	parseBoolean,
	parseThaiDate,
	parseYear,
	type DistrictName,
	type ProvinceName
} from './thai';

/** Files larger than this are refused before they are read (DuckDB-WASM and the tab have 4 GB at most). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/**
 * A Parquet file with more rows than this is refused in the browser before it is decoded: a million
 * projects load in a few seconds within a laptop's memory; a national five-million-row export would
 * not, and is better split (by year or health zone). The data build (Node) has no such limit.
 */
export const MAX_BROWSER_ROWS = 2_000_000;

/** Where a file is on its way in: its rows read, its columns checked, the table loaded. */
export interface Progress {
	stage: 'reading' | 'checking' | 'loading';
	/** Rows read (reading), rows read into the table's shape and checked (checking), steps done (loading). */
	done: number;
	total: number;
}
export type OnProgress = (p: Progress) => void;

export type FileFormat = 'parquet' | 'csv' | 'arrow';

export type Problem =
	| { code: 'empty_file' }
	| { code: 'too_large'; size: number; limit: number }
	/** A file with more rows than the browser takes (told before anything is decoded). */
	| { code: 'too_many_rows'; file: string; rows: number; limit: number }
	/** DuckDB or the tab ran out of memory working on the file: its own words in `detail`. */
	| { code: 'out_of_memory'; file: string; detail: string }
	/** DuckDB failed on the file for another reason: its own words in `detail`. */
	| { code: 'engine'; file: string; detail: string }
	| { code: 'unsupported_format'; format: string }
	| { code: 'truncated_parquet' }
	| { code: 'unreadable'; detail: string }
	/** A Parquet file the decoder refused, why in the user's terms, and its own words (shown under "details"). */
	| { code: 'parquet'; file: string; reason: DecodeFailure; detail: string }
	| { code: 'bad_workbook'; detail: string }
	| { code: 'binary_text' }
	| { code: 'unknown_encoding' }
	| { code: 'no_rows' }
	| { code: 'no_table'; headers: string[] }
	| { code: 'missing_column'; column: string; type: ColumnType }
	| { code: 'bad_constant'; column: string; value: string; kind: ValueKind }
	| {
			code: 'bad_values';
			column: string;
			header: string;
			kind: ValueKind;
			count: number;
			rows: number[];
			values: string[];
	  }
	| { code: 'empty_required'; column: string; header: string; count: number; rows: number[] }
	| { code: 'duplicate_key'; columns: string[]; count: number; examples: { key: string; rows: number[] }[] }
	| { code: 'unknown_province'; column: string; header: string; count: number; values: UnresolvedValue[] }
	| { code: 'unknown_district'; column: string; header: string; count: number; values: UnresolvedValue[] }
	| {
			code: 'unknown_code';
			column: string;
			header: string;
			field: CodeField;
			count: number;
			values: UnresolvedValue[];
	  }
	| { code: 'unknown_key'; column: string; table: TableName; count: number; rows: number[]; values: string[] }
	| { code: 'contract'; detail: string };

export interface UnresolvedValue {
	value: string;
	count: number;
	rows: number[];
}

export class FileRejected extends Error {
	constructor(
		readonly file: string,
		readonly problems: Problem[]
	) {
		super(`${file}: ${problems.map((p) => p.code).join(', ')}`);
		this.name = 'FileRejected';
	}
}

export interface StagedFile {
	id: string;
	name: string;
	size: number;
	format: FileFormat;
	encoding: TextEncodingName | null;
	/** The raw staging table: `__row` (1-based data row) and the file's columns. */
	raw: string;
	/** The table the raw view reads (the file as read), or null (a workbook sheet's raw table, renumbered, is its own). */
	load: string | null;
	headers: string[];
	/** DuckDB type of each header (all VARCHAR for CSV). */
	types: Record<string, string>;
	rows: number;
	/** First rows, for the mapping step. */
	preview: Row[];
	/** Add to a row number to get the line in the file (1 for CSV: the header line), 0 when not a text file. */
	lineOffset: number;
	/** The file's columns the reader left out (a Parquet type it does not know), with their types. */
	omitted: OmittedColumn[];
}

function extensionOf(name: string): string {
	const m = /\.([A-Za-z0-9]+)$/.exec(name);
	return m ? m[1].toLowerCase() : '';
}

const startsWith = (bytes: Uint8Array, text: string) => [...text].every((c, i) => bytes[i] === c.charCodeAt(0));
const endsWith = (bytes: Uint8Array, text: string) =>
	bytes.length >= text.length && [...text].every((c, i) => bytes[bytes.length - text.length + i] === c.charCodeAt(0));

/** The format of a file, from its first bytes and its name. */
export function detectFormat(name: string, bytes: Uint8Array): FileFormat | Problem {
	if (bytes.length === 0) return { code: 'empty_file' };
	if (startsWith(bytes, 'PAR1'))
		return endsWith(bytes, 'PAR1') && bytes.length >= 12 ? 'parquet' : { code: 'truncated_parquet' };
	if (startsWith(bytes, 'ARROW1')) return 'arrow';
	const ext = extensionOf(name);
	if (ext === 'parquet') return { code: 'truncated_parquet' };
	if (ext === 'arrows' || ext === 'feather' || ext === 'ipc') return 'arrow';
	if (startsWith(bytes, 'PK\u0003\u0004')) return { code: 'unsupported_format', format: ext || 'zip' };
	if (['json', 'ndjson', 'xlsx', 'xls', 'ods', 'db', 'duckdb', 'sqlite'].includes(ext))
		return { code: 'unsupported_format', format: ext };
	return 'csv';
}

let counter = 0;
/** A fresh id for staging table names. */
export function stagingId(): string {
	counter = (counter + 1) % 1_000_000;
	return `${Date.now().toString(36)}_${counter}`;
}

function messageOf(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

/** An error of the engine (or of the tab) while working on `file`, as the user's problem: out of memory, or DuckDB's own words. */
export function engineProblem(file: string, e: unknown): Problem {
	if (e instanceof FileRejected) return e.problems[0] ?? { code: 'engine', file, detail: e.message };
	if (e instanceof ParquetDecodeError) return { code: 'parquet', file, reason: e.reason, detail: e.detail };
	const detail = messageOf(e);
	return isOutOfMemory(e) ? { code: 'out_of_memory', file, detail } : { code: 'engine', file, detail };
}

/**
 * A Parquet file with more rows than the browser takes, found from its footer alone (nothing decoded,
 * nothing in DuckDB); null for any other file.
 */
export function tooManyRows(name: string, bytes: Uint8Array, limit = MAX_BROWSER_ROWS): Problem | null {
	if (detectFormat(name, bytes) !== 'parquet') return null;
	const rows = parquetRowCount(bytes);
	return rows !== null && rows > limit ? { code: 'too_many_rows', file: name, rows, limit } : null;
}

/**
 * Step 1: the file as a raw staging table. Throws FileRejected with the reason when it cannot be read.
 * `rowNumbers`: for a sheet of a workbook (workbook.ts `excelRows`, header first), the row each line has in
 * the sheet: `__row` is then that row, so every message names rows as Excel shows them.
 */
export async function stageFile(
	q: UploadQueries,
	name: string,
	bytes: Uint8Array,
	id = stagingId(),
	rowNumbers?: readonly number[],
	onProgress?: OnProgress,
	/** A Parquet file's bytes may be handed to the decoder instead of copied: the caller does not read them after. */
	take = false
): Promise<StagedFile> {
	const size = bytes.length;
	// The limit is the chosen file's. A workbook's sheet (`rowNumbers`) comes from a workbook within it, and its
	// CSV text can be larger than the workbook (a 87 MB .xlsx of 190 000 projects: 104 MB of text).
	if (!rowNumbers && bytes.length > MAX_FILE_BYTES)
		throw new FileRejected(name, [{ code: 'too_large', size: bytes.length, limit: MAX_FILE_BYTES }]);
	const format = detectFormat(name, bytes);
	if (typeof format !== 'string') throw new FileRejected(name, [format]);
	const raw = `__user_raw_${id}`;
	const rawTables = [raw, loadTableOf(id)];
	let encoding: TextEncodingName | null = null;
	let omitted: OmittedColumn[] = [];
	try {
		if (format === 'csv') {
			let utf8;
			try {
				utf8 = toUtf8(bytes);
			} catch (e) {
				if (e instanceof EncodingError)
					throw new FileRejected(name, [{ code: e.reason === 'binary' ? 'binary_text' : 'unknown_encoding' }]);
				throw e;
			}
			encoding = utf8.encoding;
			if (new TextDecoder().decode(utf8.bytes.subarray(0, 4096)).trim() === '')
				throw new FileRejected(name, [{ code: 'empty_file' }]);
			await q.stageCsv(raw, id, utf8.bytes);
		} else {
			const left = await q.stageColumnar(
				raw,
				id,
				format,
				bytes,
				name,
				(done, total) => onProgress?.({ stage: 'reading', done, total }),
				take
			);
			if (left === null) throw new FileRejected(name, [{ code: 'unsupported_format', format: 'arrow' }]);
			omitted = left;
		}
	} catch (e) {
		await q.drop(rawTables);
		if (e instanceof FileRejected) throw e;
		if (e instanceof ParquetDecodeError)
			throw new FileRejected(name, [{ code: 'parquet', file: name, reason: e.reason, detail: e.detail }]);
		if (isOutOfMemory(e)) throw new FileRejected(name, [engineProblem(name, e)]);
		throw new FileRejected(name, [{ code: 'unreadable', detail: messageOf(e).replace(/^.*?: /, '') }]);
	}
	// A workbook sheet's rows keep the numbers Excel shows.
	if (rowNumbers) await q.renumber(raw, loadTableOf(id), rowNumbers);
	const columns = await q.columns(raw);
	const headers = columns.map((c) => c.name);
	const types = Object.fromEntries(columns.map((c) => [c.name, c.type]));
	const rows = await q.count(raw);
	if (rows === 0) {
		await q.drop(rawTables);
		throw new FileRejected(name, [{ code: 'no_rows' }]);
	}
	const preview = await q.preview(raw);
	return {
		id,
		name,
		size,
		format,
		encoding,
		raw,
		load: rowNumbers ? null : loadTableOf(id),
		headers,
		types,
		rows,
		preview,
		lineOffset: format === 'csv' && !rowNumbers ? 1 : 0,
		omitted
	};
}

// ---------------------------------------------------------------------------------------------

export interface PrepareContext {
	provinces: readonly ProvinceName[];
	/** The user's own fixes: raw province value → code. */
	provinceFixes?: Readonly<Record<string, string>>;
	/** Issue areas known now (for indicator_catalogue files, and issue-area names in lists). */
	issueAreas?: readonly IssueAreaRow[];
	/** The user's own answers for coded values nobody could place: column → value as written → code. */
	codeFixes?: Readonly<Record<string, Readonly<Record<string, string>>>>;
	/** The districts, to read district names within their row's province (without them a district is kept as written). */
	districts?: readonly DistrictName[];
}

/** Values the user resolves by hand: unknown province names and unplaceable codes. */
export const FIXABLE: ReadonlySet<Problem['code']> = new Set(['unknown_province', 'unknown_code']);

export type Note =
	| { code: 'converted'; column: string; kind: ValueKind; count: number }
	| { code: 'extra_columns'; headers: string[] }
	/** Columns of the file the reader could not read and left out, with their types as the file states them. */
	| { code: 'omitted_columns'; columns: OmittedColumn[] }
	| CellCounts;

/**
 * Blank and unreadable cells of one column that feeds the table, with their first rows: a blank cell
 * loads as NULL, so the load summary says how many there were and where, column by column.
 * (Unreadable cells also stop the load, as a `bad_values` problem.)
 */
export interface CellCounts {
	code: 'cells';
	column: string;
	header: string;
	blank: number;
	blankRows: number[];
	unreadable: number;
	unreadableRows: number[];
}

export interface Prepared {
	staged: StagedFile;
	table: TableName;
	/** The normalised table: `__row`, the contract columns, then extra columns. */
	norm: string;
	problems: Problem[];
	notes: Note[];
	/** Distinct indicator ids in the file (indicator_values only). */
	indicatorIds: string[];
	/** The columns read from the file and how (for rowProblems). */
	checked: CheckedColumn[];
	/** What the values were resolved with (for rowProblems). */
	context: PrepareContext;
	/** The view `norm` names, as commitTable's finalTable writes the loaded table from the file's own. */
	view: NormalisedView;
	/** The contract columns whose file column the reading left as it is in every row (checkRows): not rewritten at the load. */
	kept: readonly string[];
	/** The contract's row checks made here on the rows commitTable loads (valid without problems): adoptTable does not repeat them. */
	rowsChecked: RowChecksDone;
}

/** A contract column fed by a column of the file, and how its values are read. */
export interface CheckedColumn {
	column: ColumnSpec;
	header: string;
	kind: ValueKind;
}

/** Tables a user's file merges into (rows with the same `merge` columns replaced, others kept) instead of replacing. */
export const MERGE_COLUMNS: Partial<Record<TableName, readonly string[]>> = {
	indicator_values: ['indicator_id'],
	indicator_catalogue: ['indicator_id'],
	sources: ['source_id']
};

type JsKind = 'province' | 'year' | 'date' | 'boolean' | 'code';

const PARSERS: Record<Exclude<JsKind, 'code' | 'province'>, (raw: string) => unknown> = {
	year: parseYear,
	date: parseThaiDate,
	boolean: parseBoolean
};

/** The type a value read in JavaScript is stored as before the cast to the column's type (dates as ISO text). */
const LOOKUP_TYPE: Record<JsKind, ColumnType> = {
	province: 'VARCHAR',
	year: 'SMALLINT',
	date: 'VARCHAR',
	boolean: 'BOOLEAN',
	code: 'VARCHAR'
};

/** A coded cell as the table stores it: its codes joined by ";" (one for a single field), or null when any part is unplaced. */
function codedValue(resolve: (raw: string) => { codes: string[]; unknown: string[] }, raw: string): string | null {
	const m = resolve(raw);
	return m.unknown.length > 0 || m.codes.length === 0 ? null : m.codes.join(';');
}

/** A value the user typed for every row, read like a cell of its column; null when it cannot be read. */
function constantValue(
	kind: ValueKind,
	value: string,
	resolveProvince: (v: string) => string | null,
	resolveCode: (v: string) => string | null,
	resolveDistrict: (v: string) => string | null
): string | number | boolean | null {
	const v = value.trim();
	switch (kind) {
		case 'code':
			return resolveCode(v);
		case 'province':
			return resolveProvince(v);
		case 'district':
			return resolveDistrict(v);
		case 'year':
			return parseYear(v);
		case 'date':
			return parseThaiDate(v);
		case 'boolean':
			return parseBoolean(v);
		case 'number':
			return parseAmount(v);
		default:
			return v === '' ? null : v;
	}
}

/**
 * Step 2: the staged file read into a contract table's shape with `mapping`, and checked.
 * The normalised table is created even when there are problems (so the report can be complete);
 * commitTable refuses a Prepared with problems.
 */
export async function prepareTable(
	q: UploadQueries,
	staged: StagedFile,
	table: TableName,
	mapping: Mapping,
	context: PrepareContext,
	onProgress?: OnProgress
): Promise<Prepared> {
	const spec = TABLES[table];
	const resolver = createProvinceResolver(context.provinces, context.provinceFixes ?? {});
	const resolveProvinceCode = (v: string) => resolver(v)?.code ?? null;
	const codeResolvers = new Map<string, ReturnType<typeof createCodeResolver>>();
	const codeResolver = (column: string) => {
		if (!codeResolvers.has(column))
			codeResolvers.set(
				column,
				createCodeResolver(CODED_COLUMNS[column], context.issueAreas ?? [], context.codeFixes?.[column] ?? {})
			);
		return codeResolvers.get(column)!;
	};
	const resolveCode = (column: string, v: string) => codedValue(codeResolver(column), v);
	// A district is read within its row's province: the province column's value in the same row, or the constant.
	const districtResolver = context.districts ? createDistrictResolver(context.districts) : null;
	const provinceSource = mapping.province_code ?? { kind: 'none' };
	const constantProvince = provinceSource.kind === 'constant' ? resolveProvinceCode(provinceSource.value) : null;
	const resolveDistrict = (v: string, province: string | null) => districtResolver?.(v, province)?.code ?? null;
	const problems: Problem[] = [];
	const notes: Note[] = [];
	const norm = `__user_norm_${staged.id}`;
	const reads: ColumnRead[] = [];
	const checks: CheckedColumn[] = [];

	for (const column of spec.columns) {
		const kind = valueKind(column) === 'district' && !districtResolver ? 'text' : valueKind(column);
		const source = mapping[column.name] ?? { kind: 'none' };
		if (source.kind === 'none' || (source.kind === 'constant' && source.value.trim() === '')) {
			if (column.required) problems.push({ code: 'missing_column', column: column.name, type: column.type });
			reads.push({ column, from: 'null' });
			continue;
		}
		if (source.kind === 'constant') {
			const value = constantValue(
				kind,
				source.value,
				resolveProvinceCode,
				(v) => resolveCode(column.name, v),
				(v) => resolveDistrict(v, constantProvince)
			);
			if (value === null) problems.push({ code: 'bad_constant', column: column.name, value: source.value, kind });
			reads.push(value === null ? { column, from: 'null' } : { column, from: 'constant', value });
			continue;
		}
		const header = source.header;
		if (!(header in staged.types)) {
			if (column.required) problems.push({ code: 'missing_column', column: column.name, type: column.type });
			reads.push({ column, from: 'null' });
			continue;
		}
		checks.push({ column, header, kind });
		if (kind === 'text') reads.push({ column, from: 'text', header });
		else if (kind === 'number') reads.push({ column, from: 'number', header });
		else if (kind === 'boolean' && staged.types[header] === 'BOOLEAN') reads.push({ column, from: 'boolean', header });
		else if (kind === 'district') {
			const within =
				provinceSource.kind === 'column' && provinceSource.header in staged.types ? provinceSource.header : null;
			const read = (v: string, province: string | null) => {
				const match = districtResolver!(v, province);
				return [match?.code ?? null, match !== null && match.how !== 'code'] as const;
			};
			if (within === null) {
				const entries: LookupEntry[] = [];
				for (const v of await q.distinctTexts(staged, header))
					if (!isMissingText(v)) entries.push([v, ...read(v, constantProvince)]);
				reads.push({ column, from: 'lookup', header, type: 'VARCHAR', entries });
			} else {
				const entries: PairEntry[] = [];
				for (const [v, p] of await q.distinctTextPairs(staged, header, within))
					if (!isMissingText(v)) entries.push([v, p, ...read(v, p === null ? null : resolveProvinceCode(p))]);
				reads.push({ column, from: 'pairLookup', header, within, entries });
			}
		} else {
			// Value by value in JavaScript, once per distinct value, joined back.
			const jsKind = kind as JsKind;
			const parse =
				jsKind === 'province'
					? (v: string) => resolver(v)
					: jsKind === 'code'
						? (v: string) => resolveCode(column.name, v)
						: PARSERS[jsKind];
			const entries: LookupEntry[] = [];
			for (const v of await q.distinctTexts(staged, header)) {
				if (isMissingText(v)) continue;
				let out = parse(v);
				let changed: boolean;
				if (kind === 'province') {
					const match = out as ReturnType<typeof resolver>;
					out = match?.code ?? null;
					changed = match !== null && match.how !== 'code';
				} else changed = out !== null && String(out) !== v.trim();
				entries.push([v, out as LookupEntry[1], changed]);
			}
			reads.push({ column, from: 'lookup', header, type: LOOKUP_TYPE[jsKind], entries });
		}
	}

	const merged = MERGE_COLUMNS[table] !== undefined;
	const taken = new Set([...spec.columns.map((c) => c.name), '__row']);
	const extras = merged ? [] : unusedHeaders(staged.headers, mapping).filter((h) => !taken.has(h));
	// Read into the table's shape (a view: nothing written), then every row checked in one pass, a range of
	// rows at a time: the bar says how many rows are done. Values converted, unreadable values and empty
	// cells, on the raw text against what it became (flagged by normalise).
	const view = await q.normalise(norm, staged, reads, extras);
	const rowChecks = await q.checkRows(
		view,
		staged,
		checks.map(({ column, header, kind }) => ({
			read: reads.findIndex((r) => r.column.name === column.name),
			column: column.name,
			header,
			readable: kind !== 'text'
		})),
		(done, total) => onProgress?.({ stage: 'checking', done, total })
	);
	for (const check of checks) {
		const count = rowChecks.converted.get(check.column.name);
		if (count) notes.push({ code: 'converted', column: check.column.name, kind: check.kind, count });
	}
	const unused = unusedHeaders(staged.headers, mapping);
	if (unused.length > 0) notes.push({ code: 'extra_columns', headers: unused });
	if (staged.omitted.length > 0) notes.push({ code: 'omitted_columns', columns: staged.omitted });

	for (const [step, { column, header, kind }] of checks.entries()) {
		const cell = rowChecks.cells[step];
		const cells: CellCounts = {
			code: 'cells',
			column: column.name,
			header,
			blank: cell.blank,
			blankRows: cell.blankRows,
			unreadable: cell.unreadable,
			unreadableRows: cell.unreadableRows
		};
		if (cell.unreadable > 0) {
			if (kind === 'province' || kind === 'district' || kind === 'code') {
				const values = await q.unreadValues(norm, staged, column.name, header);
				if (kind === 'province' || kind === 'district')
					problems.push({
						code: kind === 'province' ? 'unknown_province' : 'unknown_district',
						column: column.name,
						header,
						count: cell.unreadable,
						values: values.slice(0, 50)
					});
				else
					problems.push({
						code: 'unknown_code',
						column: column.name,
						header,
						field: CODED_COLUMNS[column.name],
						count: cell.unreadable,
						values: unplacedParts(values, codeResolver(column.name)).slice(0, 50)
					});
			} else
				problems.push({
					code: 'bad_values',
					column: column.name,
					header,
					kind,
					count: cell.unreadable,
					rows: cell.unreadableRows,
					values: cell.unreadableValues
				});
		}
		if (column.required && cells.blank > 0)
			problems.push({
				code: 'empty_required',
				column: column.name,
				header,
				count: cells.blank,
				rows: cells.blankRows
			});
		if (cells.blank > 0 || cells.unreadable > 0) notes.push(cells);
	}

	// Duplicate keys (only when every key column has a source, else the missing column says it all).
	const keyOk = spec.key.every((k) => !problems.some((p) => p.code === 'missing_column' && p.column === k));
	if (keyOk) {
		const dupes = await q.duplicateKeys(norm, spec.key);
		if (dupes.count > 0)
			problems.push({
				code: 'duplicate_key',
				columns: [...spec.key],
				count: dupes.count,
				examples: dupes.examples.map((d) => ({ key: spec.key.map((k) => String(d.key[k])).join(' / '), rows: d.rows }))
			});
	}

	// Unknown keys the views cannot place: an indicator's issue area.
	if (table === 'indicator_catalogue' && context.issueAreas && mapping.issue_area_id?.kind !== 'none') {
		const unknown = await q.valuesOutside(
			norm,
			'issue_area_id',
			context.issueAreas.map((a) => a.issue_area_id)
		);
		if (unknown.count > 0)
			problems.push({
				code: 'unknown_key',
				column: 'issue_area_id',
				table: 'issue_areas',
				count: unknown.count,
				rows: unknown.rows,
				values: unknown.values
			});
	}

	const indicatorIds = table === 'indicator_values' ? await q.distinctValues(norm, 'indicator_id', 1000) : [];
	return {
		staged,
		table,
		norm,
		problems,
		notes,
		indicatorIds,
		checked: checks,
		context,
		view,
		kept: rowChecks.kept,
		// Without a problem, every required column is filled (read and counted, a constant, or a problem when
		// missing) and, with every key column read, no key repeats (duplicateKeys above), on these very rows.
		rowsChecked: { requiredFilled: true, keyUnique: keyOk }
	};
}

/** One row's problem: the row (1-based data row), the contract column and the file's header, as a one-row Problem. */
export interface RowProblem {
	row: number;
	column: string;
	header: string;
	value: string | null;
	problem: Problem;
}

/**
 * Every row that cannot be used as prepared, each problem on its own (prepareTable counts them and
 * names the first rows; this lists them all): unreadable values, unknown provinces, coded values
 * nobody can place, empty required cells, and rows repeating an earlier row's key. The same checks,
 * on the same normalised table, as prepareTable; the data build leaves these rows out and lists them.
 */
export async function rowProblems(q: UploadQueries, prepared: Prepared): Promise<RowProblem[]> {
	const { staged, norm, table } = prepared;
	const out: RowProblem[] = [];
	for (const { column, header, kind } of prepared.checked) {
		for (const { row, value, blank } of await q.rowCells(norm, staged, column.name, header)) {
			const one = { column: column.name, header, count: 1 };
			if (blank) {
				if (column.required)
					out.push({
						row,
						column: column.name,
						header,
						value,
						problem: { code: 'empty_required', ...one, rows: [row] }
					});
				continue;
			}
			if (kind === 'text') continue;
			const v = value ?? '';
			const problem: Problem =
				kind === 'province' || kind === 'district'
					? {
							code: kind === 'province' ? 'unknown_province' : 'unknown_district',
							...one,
							values: [{ value: v, count: 1, rows: [row] }]
						}
					: kind === 'code'
						? {
								code: 'unknown_code',
								...one,
								field: CODED_COLUMNS[column.name],
								values: unplacedParts(
									[{ value: v, count: 1, rows: [row] }],
									createCodeResolver(
										CODED_COLUMNS[column.name],
										prepared.context.issueAreas ?? [],
										prepared.context.codeFixes?.[column.name] ?? {}
									)
								)
							}
						: { code: 'bad_values', ...one, kind, rows: [row], values: [v] };
			out.push({ row, column: column.name, header, value, problem });
		}
	}
	// Rows repeating the key of an earlier row (the first stays).
	const spec = TABLES[table];
	if (spec.key.every((k) => prepared.checked.some((c) => c.column.name === k))) {
		const headers = spec.key.map((k) => prepared.checked.find((c) => c.column.name === k)!.header);
		for (const d of await q.repeatedKeys(norm, spec.key)) {
			const keyText = spec.key.map((k) => String(d.key[k])).join(' / ');
			out.push({
				row: d.row,
				column: spec.key.join(', '),
				header: headers.join(', '),
				value: keyText,
				problem: {
					code: 'duplicate_key',
					columns: [...spec.key],
					count: 1,
					examples: [{ key: keyText, rows: [d.first, d.row] }]
				}
			});
		}
	}
	return out.sort((a, b) => a.row - b.row);
}

/** The parts of coded cells nobody could place, each with the rows it is in (a list cell may hold several). */
function unplacedParts(
	cells: readonly UnresolvedValue[],
	resolve: (raw: string) => { unknown: string[] }
): UnresolvedValue[] {
	const parts = new Map<string, UnresolvedValue>();
	for (const cell of cells)
		for (const part of new Set(resolve(cell.value).unknown)) {
			const seen = parts.get(part) ?? { value: part, count: 0, rows: [] };
			seen.count += cell.count;
			seen.rows = [...seen.rows, ...cell.rows].sort((a, b) => a - b).slice(0, FIRST);
			parts.set(part, seen);
		}
	return [...parts.values()];
}

// ---------------------------------------------------------------------------------------------

/**
 * What the catalogue says about an indicator a user's file brings or replaces: the catalogue row's
 * fields a user can state (`source` is the line shown under maps and charts); a user's indicator
 * is aggregated as a population-weighted "mean" (rates) or a "sum" (counts).
 */
export type IndicatorMeta = Pick<
	IndicatorRow,
	| 'indicator_id'
	| 'issue_area_id'
	| 'name_th'
	| 'name_en'
	| 'unit_th'
	| 'unit_en'
	| 'higher_is_worse'
	| 'decimals'
	| 'source'
	| 'licence'
> & { aggregation: 'mean' | 'sum' };

/** The sources row for a user's file. */
export function userSourceId(fileId: string): string {
	return `user_${fileId}`;
}

/** Tables a committed file changes: its own, and for indicator values the catalogue and sources. */
export function tablesTouched(table: TableName): TableName[] {
	return table === 'indicator_values' ? ['indicator_values', 'indicator_catalogue', 'sources'] : [table];
}

/**
 * Step 3: adopt the prepared table. Indicator values merge by indicator (the file's indicators
 * replace the bundled values of the same indicators, new ones are added) and bring catalogue rows
 * (`indicators`, one per indicator in the file) and a sources row of their own; other tables
 * replace the bundled table. Throws FileRejected when there are problems (the staged file stays, so the
 * mapping can be changed and tried again); once the load starts the file's raw table is dropped, so a
 * failure then (the engine's, or the contract's) leaves nothing to map again; on success every staging
 * table is dropped.
 */
export async function commitTable(
	db: AtlasDb,
	prepared: Prepared,
	indicators: readonly IndicatorMeta[] = [],
	fileId = prepared.staged.id,
	onProgress?: OnProgress
): Promise<void> {
	const q = db.uploads;
	const { staged, table, norm } = prepared;
	const final = `__user_final_${staged.id}`;
	try {
		if (prepared.problems.length > 0) throw new FileRejected(staged.name, prepared.problems);
		let metas: IndicatorMeta[] = [];
		if (table === 'indicator_values') {
			const byId = new Map(indicators.map((m) => [m.indicator_id, m]));
			const missing = prepared.indicatorIds.filter((id) => !byId.has(id));
			if (missing.length > 0)
				throw new FileRejected(staged.name, [
					{
						code: 'unknown_key',
						column: 'indicator_id',
						table: 'indicator_catalogue',
						count: missing.length,
						rows: [],
						values: missing.slice(0, FIRST)
					}
				]);
			metas = prepared.indicatorIds.map((id) => byId.get(id)!);
		}
		onProgress?.({ stage: 'loading', done: 0, total: 2 });
		// The file's own table becomes the adopted one without a second copy (finalTable rewrites in place only the
		// columns the reading changes, then adoptTable takes it as it is): a million rows stay one copy.
		// A failure from here on rejects the file (it would have to be read again to be mapped again).
		await q.finalTable(final, prepared.view, staged, prepared.kept);
		await q.drop([staged.raw, loadTableOf(staged.id)]);
		const merge = MERGE_COLUMNS[table];
		try {
			await db.adoptTable(table, final, staged.name, merge ? { merge } : 'replace', prepared.rowsChecked);
		} catch (e) {
			if (!(e instanceof ContractError)) throw new FileRejected(staged.name, [engineProblem(staged.name, e)]);
			throw new FileRejected(staged.name, [{ code: 'contract', detail: messageOf(e).replace(/^.*?: /, '') }]);
		}
		onProgress?.({ stage: 'loading', done: 1, total: 2 });
		if (table === 'indicator_values') await adoptCatalogue(db, staged.name, fileId, metas);
		await q.drop([staged.raw, loadTableOf(staged.id)]);
	} finally {
		await q.drop([final, norm]);
	}
}

/** Drops a staged file's tables (when the user discards it, or after a rejection). */
export async function discardStaged(q: UploadQueries, staged: StagedFile): Promise<void> {
	await q.drop([staged.raw, loadTableOf(staged.id), `__user_norm_${staged.id}`, `__user_final_${staged.id}`]);
}

/** The sources row and the catalogue rows (`metas`) for the indicators of a user's file. */
async function adoptCatalogue(
	db: AtlasDb,
	file: string,
	fileId: string,
	metas: readonly IndicatorMeta[]
): Promise<void> {
	const sourceId = userSourceId(fileId);
	const licence = metas[0]?.licence || 'your own data';
	const source: Partial<SourceRow> = {
		source_id: sourceId,
		name_th: `ข้อมูลของคุณ: ${file}`,
		name_en: `Your data: ${file}`,
		publisher: 'ผู้ใช้ (user)',
		url: null,
		licence,
		note_th: `โหลดในเบราว์เซอร์นี้จากไฟล์ ${file} ไม่ได้ส่งออกไปที่ใด และภาคี แอตลาสไม่ได้ตรวจสอบเนื้อหา`,
		note_en: `Loaded in this browser from ${file}; not sent anywhere, and not checked by Phakhi Atlas.`
	};
	await db.adoptRows('sources', [source as Record<string, SqlParam>], file, { merge: ['source_id'] });
	const rows = metas.map((m): Partial<IndicatorRow> => ({
		indicator_id: m.indicator_id,
		issue_area_id: m.issue_area_id,
		name_th: m.name_th.trim() || m.indicator_id,
		name_en: m.name_en.trim() || m.indicator_id,
		unit_th: m.unit_th,
		unit_en: m.unit_en,
		higher_is_worse: m.higher_is_worse,
		decimals: Math.max(0, Math.min(6, Math.round(m.decimals) || 0)),
		source_id: sourceId,
		source: m.source.trim() || `Your data: ${file}`,
		licence: m.licence.trim() || licence,
		is_sample: false,
		measure: m.aggregation === 'sum' ? 'count' : null,
		aggregation: m.aggregation,
		headline: false
	}));
	await db.adoptRows('indicator_catalogue', rows as Record<string, SqlParam>[], file, { merge: ['indicator_id'] });
}
