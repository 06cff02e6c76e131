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
import type { AtlasDb } from '$lib/data/atlas-db';
import { ident, type Connector, type Row } from '$lib/data/connector';
import { TABLES, type ColumnSpec, type ColumnType, type IssueAreaRow, type TableName } from '$lib/data/contract';
import { ParquetDecodeError, type DecodeFailure } from '$lib/data/parquet-to-arrow';
import { CODED_COLUMNS, createCodeResolver, type CodeField } from './codes';
import { EncodingError, toUtf8, type TextEncodingName } from './encoding';
import { unusedHeaders, valueKind, type Mapping, type ValueKind } from './mapping';
import {
	amountSql,
	createProvinceResolver,
	isMissingSql,
	isMissingText,
	parseAmount,
	parseBoolean,
	parseThaiDate,
	parseYear,
	type ProvinceName
} from './thai';

/** Files larger than this are refused before they are read (DuckDB-WASM and the tab have 4 GB at most). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

export type FileFormat = 'parquet' | 'csv' | 'arrow';

/** How many offending rows and values a problem names. */
const FIRST = 5;

export type Problem =
	| { code: 'empty_file' }
	| { code: 'too_large'; size: number; limit: number }
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
	headers: string[];
	/** DuckDB type of each header (all VARCHAR for CSV). */
	types: Record<string, string>;
	rows: number;
	/** First rows, for the mapping step. */
	preview: Row[];
	/** Add to a row number to get the line in the file (1 for CSV: the header line), 0 when not a text file. */
	lineOffset: number;
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

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

/**
 * Step 1: the file as a raw staging table. Throws FileRejected with the reason when it cannot be read.
 * `rowNumbers`: for a sheet of a workbook (workbook.ts `excelRows`, header first), the row each line has in
 * the sheet: `__row` is then that row, so every message names rows as Excel shows them.
 */
export async function stageFile(
	conn: Connector,
	name: string,
	bytes: Uint8Array,
	id = stagingId(),
	rowNumbers?: readonly number[]
): Promise<StagedFile> {
	if (bytes.length > MAX_FILE_BYTES)
		throw new FileRejected(name, [{ code: 'too_large', size: bytes.length, limit: MAX_FILE_BYTES }]);
	const format = detectFormat(name, bytes);
	if (typeof format !== 'string') throw new FileRejected(name, [format]);
	const raw = `__user_raw_${id}`;
	const load = `__user_load_${id}`;
	let encoding: TextEncodingName | null = null;
	try {
		if (format === 'csv') {
			if (!conn.registerFile) throw new Error('this engine cannot read CSV files');
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
			const path = await conn.registerFile(`__user_${id}.csv`, utf8.bytes);
			try {
				await conn.query(
					`CREATE OR REPLACE TABLE ${ident(raw)} AS SELECT CAST(row_number() OVER () AS INTEGER) AS __row, *
					 FROM read_csv(${sqlString(path)}, header = true, all_varchar = true, null_padding = true, sample_size = -1)`
				);
			} finally {
				await conn.dropFile?.(`__user_${id}.csv`);
			}
		} else {
			if (format === 'parquet') await conn.loadParquet(load, bytes, name);
			else if (conn.loadArrowIpc) await conn.loadArrowIpc(load, bytes, name);
			else throw new FileRejected(name, [{ code: 'unsupported_format', format: 'arrow' }]);
			await conn.query(
				`CREATE OR REPLACE TABLE ${ident(raw)} AS SELECT CAST(row_number() OVER () AS INTEGER) AS __row, * FROM ${ident(load)}`
			);
		}
	} catch (e) {
		await dropTables(conn, [raw]);
		if (e instanceof FileRejected) throw e;
		if (e instanceof ParquetDecodeError)
			throw new FileRejected(name, [{ code: 'parquet', file: name, reason: e.reason, detail: e.detail }]);
		throw new FileRejected(name, [{ code: 'unreadable', detail: messageOf(e).replace(/^.*?: /, '') }]);
	} finally {
		await dropTables(conn, [load]);
	}
	if (rowNumbers) {
		// Our own integers (never data), as a list literal: data row i is sheet row rowNumbers[i].
		const list = `[${rowNumbers.map((n) => Math.trunc(Number(n)) || 0).join(', ')}]::INTEGER[]`;
		await conn.query(
			`CREATE OR REPLACE TABLE ${ident(raw)} AS SELECT list_extract(${list}, __row + 1) AS __row, * EXCLUDE (__row) FROM ${ident(raw)} ORDER BY 1`
		);
	}
	const described = await conn.query(
		`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position`,
		[raw]
	);
	const columns = described.filter((r) => r.column_name !== '__row');
	const headers = columns.map((r) => String(r.column_name));
	const types = Object.fromEntries(columns.map((r) => [String(r.column_name), String(r.data_type)]));
	const [{ n }] = await conn.query(`SELECT count(*) AS n FROM ${ident(raw)}`);
	if (Number(n) === 0) {
		await dropTables(conn, [raw]);
		throw new FileRejected(name, [{ code: 'no_rows' }]);
	}
	const preview = await conn.query(`SELECT * EXCLUDE (__row) FROM ${ident(raw)} ORDER BY __row LIMIT 5`);
	return {
		id,
		name,
		size: bytes.length,
		format,
		encoding,
		raw,
		headers,
		types,
		rows: Number(n),
		preview,
		lineOffset: format === 'csv' && !rowNumbers ? 1 : 0
	};
}

export async function dropTables(conn: Connector, tables: readonly string[]): Promise<void> {
	for (const t of tables) await conn.query(`DROP TABLE IF EXISTS ${ident(t)}`).catch(() => undefined);
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
}

/** Values the user resolves by hand: unknown province names and unplaceable codes. */
export const FIXABLE: ReadonlySet<Problem['code']> = new Set(['unknown_province', 'unknown_code']);

export type Note =
	| { code: 'converted'; column: string; kind: ValueKind; count: number }
	| { code: 'extra_columns'; headers: string[] }
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
}

/** A contract column fed by a column of the file: `raw` is its text as SQL over the staging table `r`. */
export interface CheckedColumn {
	column: ColumnSpec;
	header: string;
	kind: ValueKind;
	raw: string;
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

const SQL_TYPE: Record<JsKind, string> = {
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

/**
 * A staged column's values as text. A list (Parquet's natural shape for a multi-valued field: a
 * pyarrow, Polars or Spark export of issue areas or networks) becomes the contract's
 * semicolon-separated list, in its own order, empty elements left out.
 */
function textSql(header: string, rawType: string): string {
	const column = `r.${ident(header)}`;
	return rawType.endsWith('[]') ? `array_to_string(${column}, ';')` : `CAST(${column} AS VARCHAR)`;
}

const NUMERIC_TYPE =
	/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|REAL|DECIMAL)/;

function literal(
	column: ColumnSpec,
	kind: ValueKind,
	value: string,
	resolveProvince: (v: string) => string | null,
	resolveCode: (column: string, v: string) => string | null
): string | null {
	const v = value.trim();
	switch (kind) {
		case 'code': {
			const code = resolveCode(column.name, v);
			return code === null ? null : sqlString(code);
		}
		case 'province': {
			const code = resolveProvince(v);
			return code === null ? null : sqlString(code);
		}
		case 'year': {
			const y = parseYear(v);
			return y === null ? null : String(y);
		}
		case 'date': {
			const d = parseThaiDate(v);
			return d === null ? null : sqlString(d);
		}
		case 'boolean': {
			const b = parseBoolean(v);
			return b === null ? null : b ? 'TRUE' : 'FALSE';
		}
		case 'number': {
			const n = parseAmount(v);
			return n === null ? null : `CAST(${n} AS ${column.type})`;
		}
		default:
			return v === '' ? null : sqlString(v);
	}
}

/**
 * Step 2: the staged file read into a contract table's shape with `mapping`, and checked.
 * The normalised table is created even when there are problems (so the report can be complete);
 * commitTable refuses a Prepared with problems.
 */
export async function prepareTable(
	conn: Connector,
	staged: StagedFile,
	table: TableName,
	mapping: Mapping,
	context: PrepareContext
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
	const problems: Problem[] = [];
	const notes: Note[] = [];
	const norm = `__user_norm_${staged.id}`;
	const maps: string[] = [];
	const selects: string[] = ['r.__row'];
	const joins: string[] = [];
	const checks: (CheckedColumn & { parsed: string })[] = [];

	for (const [i, column] of spec.columns.entries()) {
		const kind = valueKind(column);
		const source = mapping[column.name] ?? { kind: 'none' };
		const name = ident(column.name);
		if (source.kind === 'none' || (source.kind === 'constant' && source.value.trim() === '')) {
			if (column.required) problems.push({ code: 'missing_column', column: column.name, type: column.type });
			selects.push(`CAST(NULL AS ${column.type}) AS ${name}`);
			continue;
		}
		if (source.kind === 'constant') {
			const lit = literal(column, kind, source.value, resolveProvinceCode, resolveCode);
			if (lit === null) {
				problems.push({ code: 'bad_constant', column: column.name, value: source.value, kind });
				selects.push(`CAST(NULL AS ${column.type}) AS ${name}`);
			} else selects.push(`CAST(${lit} AS ${column.type}) AS ${name}`);
			continue;
		}
		if (!(source.header in staged.types)) {
			if (column.required) problems.push({ code: 'missing_column', column: column.name, type: column.type });
			selects.push(`CAST(NULL AS ${column.type}) AS ${name}`);
			continue;
		}
		const rawType = staged.types[source.header];
		const rawText = textSql(source.header, rawType);
		if (kind === 'text') {
			selects.push(`NULLIF(trim(${rawText}), '') AS ${name}`);
			checks.push({ column, header: source.header, kind, raw: rawText, parsed: `NULLIF(trim(${rawText}), '')` });
		} else if (kind === 'number') {
			const parsed = NUMERIC_TYPE.test(rawType) ? `CAST(r.${ident(source.header)} AS DOUBLE)` : amountSql(rawText);
			const fits =
				column.type === 'DOUBLE'
					? parsed
					: `CASE WHEN ${parsed} = round(${parsed}) THEN TRY_CAST(${parsed} AS ${column.type}) END`;
			selects.push(`CAST(${fits} AS ${column.type}) AS ${name}`);
			checks.push({ column, header: source.header, kind, raw: rawText, parsed: fits });
		} else if (kind === 'boolean' && rawType === 'BOOLEAN') {
			selects.push(`r.${ident(source.header)} AS ${name}`);
			checks.push({ column, header: source.header, kind, raw: rawText, parsed: `r.${ident(source.header)}` });
		} else {
			// Value by value in JavaScript, once per distinct value, joined back.
			const map = `__user_map_${staged.id}_${i}`;
			maps.push(map);
			const jsKind = kind as JsKind;
			await conn.query(`CREATE OR REPLACE TABLE ${ident(map)} (v VARCHAR, out ${SQL_TYPE[jsKind]}, changed BOOLEAN)`);
			const distinct = await conn.query(
				`SELECT DISTINCT ${rawText} AS v FROM ${ident(staged.raw)} r WHERE r.${ident(source.header)} IS NOT NULL`
			);
			const parse =
				jsKind === 'province'
					? (v: string) => resolver(v)
					: jsKind === 'code'
						? (v: string) => resolveCode(column.name, v)
						: PARSERS[jsKind];
			const entries: [string, unknown, boolean][] = [];
			for (const row of distinct) {
				const v = String(row.v);
				if (isMissingText(v)) continue;
				let out = parse(v);
				let changed: boolean;
				if (kind === 'province') {
					const match = out as ReturnType<typeof resolver>;
					out = match?.code ?? null;
					changed = match !== null && match.how !== 'code';
				} else changed = out !== null && String(out) !== v.trim();
				entries.push([v, out, changed]);
			}
			for (let start = 0; start < entries.length; start += 500) {
				const batch = entries.slice(start, start + 500);
				await conn.query(
					`INSERT INTO ${ident(map)} VALUES ${batch.map(() => '(?, ?, ?)').join(', ')}`,
					batch.flatMap(([v, out, changed]) => [v, out as string | number | boolean | null, changed])
				);
			}
			const alias = `m${i}`;
			joins.push(`LEFT JOIN ${ident(map)} ${alias} ON ${alias}.v = ${rawText}`);
			selects.push(`CAST(${alias}.out AS ${column.type}) AS ${name}`);
			checks.push({ column, header: source.header, kind, raw: rawText, parsed: `${alias}.out` });
			const [{ n }] = await conn.query(
				`SELECT count(*) AS n FROM ${ident(staged.raw)} r ${joins.at(-1)} WHERE ${alias}.changed`
			);
			if (Number(n) > 0) notes.push({ code: 'converted', column: column.name, kind, count: Number(n) });
		}
	}

	const merged = MERGE_COLUMNS[table] !== undefined;
	const taken = new Set([...spec.columns.map((c) => c.name), '__row']);
	const extras = merged ? [] : unusedHeaders(staged.headers, mapping).filter((h) => !taken.has(h));
	for (const h of extras) selects.push(`r.${ident(h)}`);
	const unused = unusedHeaders(staged.headers, mapping);
	if (unused.length > 0) notes.push({ code: 'extra_columns', headers: unused });

	const from = `FROM ${ident(staged.raw)} r ${joins.join(' ')}`;
	await conn.query(`CREATE OR REPLACE TABLE ${ident(norm)} AS SELECT ${selects.join(', ')} ${from} ORDER BY r.__row`);
	await dropTables(conn, maps.splice(0));

	// Unreadable values and empty required cells, on the raw text against what it became.
	// (Compared in the normalised table joined to the raw one by row; the map tables are gone.)
	for (const check of checks) {
		const col = `n.${ident(check.column.name)}`;
		const rawCol = check.raw;
		const joined = `FROM ${ident(norm)} n JOIN ${ident(staged.raw)} r USING (__row)`;
		const blank = await conn.query(
			`SELECT count(*) AS n, list(__row ORDER BY __row)[1:${FIRST}] AS rows ${joined} WHERE ${isMissingSql(rawCol)}`
		);
		const cells: CellCounts = {
			code: 'cells',
			column: check.column.name,
			header: check.header,
			blank: Number(blank[0].n),
			blankRows: numbers(blank[0].rows),
			unreadable: 0,
			unreadableRows: []
		};
		if (check.kind !== 'text') {
			const bad = await conn.query(
				`SELECT count(*) AS n, list(__row ORDER BY __row)[1:${FIRST}] AS rows,
				        list(DISTINCT ${rawCol})[1:${FIRST}] AS vals
				 ${joined} WHERE NOT ${isMissingSql(rawCol)} AND ${col} IS NULL`
			);
			const count = Number(bad[0].n);
			cells.unreadable = count;
			cells.unreadableRows = numbers(bad[0].rows);
			if (count > 0) {
				if (check.kind === 'province' || check.kind === 'code') {
					const rows = await conn.query(
						`SELECT ${rawCol} AS value, count(*) AS n, list(__row ORDER BY __row)[1:${FIRST}] AS rows
						 ${joined} WHERE NOT ${isMissingSql(rawCol)} AND ${col} IS NULL
						 GROUP BY ALL ORDER BY min(__row) LIMIT 200`
					);
					const values = rows.map((v) => ({ value: String(v.value), count: Number(v.n), rows: numbers(v.rows) }));
					const { column, header } = check;
					if (check.kind === 'province')
						problems.push({
							code: 'unknown_province',
							column: column.name,
							header,
							count,
							values: values.slice(0, 50)
						});
					else {
						const field = CODED_COLUMNS[column.name];
						problems.push({
							code: 'unknown_code',
							column: column.name,
							header,
							field,
							count,
							values: unplacedParts(values, codeResolver(column.name)).slice(0, 50)
						});
					}
				} else
					problems.push({
						code: 'bad_values',
						column: check.column.name,
						header: check.header,
						kind: check.kind,
						count,
						rows: numbers(bad[0].rows),
						values: strings(bad[0].vals)
					});
			}
		}
		if (check.column.required && cells.blank > 0)
			problems.push({
				code: 'empty_required',
				column: check.column.name,
				header: check.header,
				count: cells.blank,
				rows: cells.blankRows
			});
		if (cells.blank > 0 || cells.unreadable > 0) notes.push(cells);
	}

	// Duplicate keys (only when every key column has a source, else the missing column says it all).
	const keyOk = spec.key.every((k) => !problems.some((p) => p.code === 'missing_column' && p.column === k));
	if (keyOk) {
		const key = spec.key.map(ident).join(', ');
		const dupes = await conn.query(
			`WITH d AS (SELECT ${key}, count(*) AS n, list(__row ORDER BY __row)[1:${FIRST}] AS rows, min(__row) AS first
			            FROM ${ident(norm)} GROUP BY ALL HAVING count(*) > 1)
			 SELECT *, count(*) OVER () AS total FROM d ORDER BY first LIMIT ${FIRST}`
		);
		if (dupes.length > 0)
			problems.push({
				code: 'duplicate_key',
				columns: [...spec.key],
				count: Number(dupes[0].total),
				examples: dupes.map((d) => ({ key: spec.key.map((k) => String(d[k])).join(' / '), rows: numbers(d.rows) }))
			});
	}

	// Unknown keys the views cannot place: an indicator's issue area.
	if (table === 'indicator_catalogue' && context.issueAreas && mapping.issue_area_id?.kind !== 'none') {
		const areaIds = context.issueAreas.map((a) => a.issue_area_id);
		const unknown = await conn.query(
			`SELECT count(*) AS n, list(__row ORDER BY __row)[1:${FIRST}] AS rows, list(DISTINCT issue_area_id)[1:${FIRST}] AS vals
			 FROM ${ident(norm)} WHERE issue_area_id IS NOT NULL AND NOT list_contains([${areaIds.map(sqlString).join(', ')}]::VARCHAR[], issue_area_id)`
		);
		if (unknown.length > 0 && Number(unknown[0].n) > 0)
			problems.push({
				code: 'unknown_key',
				column: 'issue_area_id',
				table: 'issue_areas',
				count: Number(unknown[0].n),
				rows: numbers(unknown[0].rows),
				values: strings(unknown[0].vals)
			});
	}

	let indicatorIds: string[] = [];
	if (table === 'indicator_values') {
		const ids = await conn.query(
			`SELECT DISTINCT indicator_id FROM ${ident(norm)} WHERE indicator_id IS NOT NULL ORDER BY 1 LIMIT 1000`
		);
		indicatorIds = ids.map((r) => String(r.indicator_id));
	}
	const checked = checks.map(({ column, header, kind, raw }) => ({ column, header, kind, raw }));
	return { staged, table, norm, problems, notes, indicatorIds, checked, context };
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
export async function rowProblems(conn: Connector, prepared: Prepared): Promise<RowProblem[]> {
	const { staged, norm, table } = prepared;
	const out: RowProblem[] = [];
	const joined = `FROM ${ident(norm)} n JOIN ${ident(staged.raw)} r USING (__row)`;
	for (const { column, header, kind, raw } of prepared.checked) {
		const col = `n.${ident(column.name)}`;
		const rows = await conn.query(
			`SELECT __row AS row, ${raw} AS value, ${isMissingSql(raw)} AS blank ${joined}
			 WHERE ${isMissingSql(raw)} OR ${col} IS NULL ORDER BY __row`
		);
		for (const r of rows) {
			const row = Number(r.row);
			const value = r.value === null || r.value === undefined ? null : String(r.value);
			const one = { column: column.name, header, count: 1 };
			if (r.blank) {
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
				kind === 'province'
					? { code: 'unknown_province', ...one, values: [{ value: v, count: 1, rows: [row] }] }
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
		const key = spec.key.map((k) => `n.${ident(k)}`).join(', ');
		const dupes = await conn.query(
			`SELECT * FROM (
			   SELECT __row, min(__row) OVER (PARTITION BY ${key}) AS __first, ${key} FROM ${ident(norm)} n
			   WHERE ${spec.key.map((k) => `n.${ident(k)} IS NOT NULL`).join(' AND ')})
			 WHERE __row <> __first ORDER BY __row`
		);
		const headers = spec.key.map((k) => prepared.checked.find((c) => c.column.name === k)!.header);
		for (const d of dupes) {
			const keyText = spec.key.map((k) => String(d[k])).join(' / ');
			out.push({
				row: Number(d.__row),
				column: spec.key.join(', '),
				header: headers.join(', '),
				value: keyText,
				problem: {
					code: 'duplicate_key',
					columns: [...spec.key],
					count: 1,
					examples: [{ key: keyText, rows: [Number(d.__first), Number(d.__row)] }]
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

function numbers(value: unknown): number[] {
	return toArray(value).map(Number);
}

function strings(value: unknown): string[] {
	return toArray(value).map((v) => String(v));
}

/** DuckDB lists arrive as arrays (Node) or Arrow vectors (browser). */
function toArray(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (value && typeof value === 'object' && 'toArray' in value && typeof value.toArray === 'function')
		return Array.from(value.toArray() as ArrayLike<unknown>, (v) => (typeof v === 'bigint' ? Number(v) : v));
	if (value && typeof value === 'object' && Symbol.iterator in value) return [...(value as Iterable<unknown>)];
	return [];
}

// ---------------------------------------------------------------------------------------------

/** What the catalogue says about an indicator a user's file brings or replaces. */
export interface IndicatorMeta {
	indicator_id: string;
	issue_area_id: string;
	name_th: string;
	name_en: string;
	unit_th: string;
	unit_en: string;
	higher_is_worse: boolean;
	decimals: number;
	/** The source line shown under maps and charts. */
	source: string;
	licence: string;
	/** "mean" (population-weighted, for rates) or "sum" (for counts). */
	aggregation: 'mean' | 'sum';
}

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
 * mapping can be changed and tried again); on success every staging table is dropped.
 */
export async function commitTable(
	db: AtlasDb,
	prepared: Prepared,
	indicators: readonly IndicatorMeta[] = [],
	fileId = prepared.staged.id
): Promise<void> {
	const conn = db.staging;
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
		await conn.query(
			`CREATE OR REPLACE TABLE ${ident(final)} AS SELECT * EXCLUDE (__row) FROM ${ident(norm)} ORDER BY __row`
		);
		const merge = MERGE_COLUMNS[table];
		try {
			await db.adoptTable(table, final, staged.name, merge ? { merge } : 'replace');
		} catch (e) {
			throw new FileRejected(staged.name, [{ code: 'contract', detail: messageOf(e).replace(/^.*?: /, '') }]);
		}
		if (table === 'indicator_values') await adoptCatalogue(db, staged.name, fileId, metas);
		await dropTables(conn, [staged.raw]);
	} finally {
		await dropTables(conn, [final, norm]);
	}
}

/** Drops a staged file's tables (when the user discards it, or after a rejection). */
export async function discardStaged(conn: Connector, staged: StagedFile): Promise<void> {
	await dropTables(conn, [staged.raw, `__user_norm_${staged.id}`, `__user_final_${staged.id}`]);
}

async function adoptCatalogue(
	db: AtlasDb,
	file: string,
	fileId: string,
	metas: readonly IndicatorMeta[]
): Promise<void> {
	const conn = db.staging;
	const sourceId = userSourceId(fileId);
	const licence = metas[0]?.licence || 'your own data';
	const src = `__user_src_${fileId}`;
	await conn.query(
		`CREATE OR REPLACE TABLE ${ident(src)} AS SELECT ?::VARCHAR AS source_id, ?::VARCHAR AS name_th, ?::VARCHAR AS name_en,
		   ?::VARCHAR AS publisher, NULL::VARCHAR AS url, ?::VARCHAR AS licence, ?::VARCHAR AS note_th, ?::VARCHAR AS note_en`,
		[
			sourceId,
			`ข้อมูลของคุณ: ${file}`,
			`Your data: ${file}`,
			'ผู้ใช้ (user)',
			licence,
			`โหลดในเบราว์เซอร์นี้จากไฟล์ ${file} ไม่ได้ส่งออกไปที่ใด และภาคี แอตลาสไม่ได้ตรวจสอบเนื้อหา`,
			`Loaded in this browser from ${file}; not sent anywhere, and not checked by Phakhi Atlas.`
		]
	);
	await db.adoptTable('sources', src, file, { merge: ['source_id'] });
	const cat = `__user_cat_${fileId}`;
	await conn.query(
		`CREATE OR REPLACE TABLE ${ident(cat)} (indicator_id VARCHAR, issue_area_id VARCHAR, name_th VARCHAR, name_en VARCHAR,
		   unit_th VARCHAR, unit_en VARCHAR, higher_is_worse BOOLEAN, decimals SMALLINT, source_id VARCHAR, source VARCHAR,
		   licence VARCHAR, is_sample BOOLEAN, measure VARCHAR, aggregation VARCHAR, multiplier DOUBLE, pair_id VARCHAR, headline BOOLEAN)`
	);
	for (const m of metas)
		await conn.query(
			`INSERT INTO ${ident(cat)} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, NULL, NULL, false)`,
			[
				m.indicator_id,
				m.issue_area_id,
				m.name_th.trim() || m.indicator_id,
				m.name_en.trim() || m.indicator_id,
				m.unit_th,
				m.unit_en,
				m.higher_is_worse,
				Math.max(0, Math.min(6, Math.round(m.decimals) || 0)),
				sourceId,
				m.source.trim() || `Your data: ${file}`,
				m.licence.trim() || licence,
				m.aggregation === 'sum' ? 'count' : null,
				m.aggregation
			]
		);
	await db.adoptTable('indicator_catalogue', cat, file, { merge: ['indicator_id'] });
}
