/**
 * The upload feature's questions to DuckDB, as typed methods: a user's file staged as a raw table,
 * read into a contract table's shape, checked, and handed to AtlasDb.adoptTable. The upload pipeline
 * (src/lib/upload/pipeline.ts) decides what to read and how (mapping, Thai province names, BE dates,
 * coded values, in JavaScript); this module is the only place that turns that into SQL. Identifiers are
 * quoted with ident(); every value — a user's cell, a constant the user typed, a list of known codes,
 * a file path — is a bound parameter. Staging tables are named "__user_…" (the console never lists
 * tables starting with "__").
 */
import { MISSING_TEXT, THAI_DIGITS } from '$lib/core/written-values';
import { duplicateKeys, type DuplicateKeys } from './contract-checks';
import { ident, isOutOfMemory, listValues, type Connector, type OnRows, type Row, type SqlParam } from './connector';
import { isNumericType, type ColumnSpec, type ColumnType } from './contract';
import type { OmittedColumn } from './parquet-to-arrow';

export type { OnRows, Row, SqlParam, DuplicateKeys };
export { isOutOfMemory };
export { parquetRowCount } from './parquet-footer';

/** How many offending rows and values a check names. */
export const FIRST = 5;

/** A staged file as SQL sees it: its raw table (`__row` and the file's columns) and each column's DuckDB type. */
export interface StagedTable {
	raw: string;
	types: Readonly<Record<string, string>>;
	/**
	 * The table the raw view reads (the file as read; null for a workbook sheet, whose raw table, renumbered,
	 * is its own): the checks range over its row ids, which DuckDB filters as it scans.
	 */
	load?: string | null;
}

/** A raw value and what the JavaScript reader made of it (null: unreadable); `changed` when it differs from the text. */
export type LookupEntry = readonly [raw: string, out: string | number | boolean | null, changed: boolean];

/** A raw value within another column's raw value (a district within its row's province), and what it became. */
export type PairEntry = readonly [raw: string, within: string | null, out: string | null, changed: boolean];

/** Where one contract column's values come from. */
export type ColumnRead =
	/** Not in the file: NULL. */
	| { column: ColumnSpec; from: 'null' }
	/** One value for every row (typed by the user), bound. */
	| { column: ColumnSpec; from: 'constant'; value: SqlParam }
	/** A file column's text, trimmed, blank as NULL. */
	| { column: ColumnSpec; from: 'text'; header: string }
	/** A number: a numeric file column cast, or text read as an amount ("1,000.50", "(200)", Thai digits, "฿"). */
	| { column: ColumnSpec; from: 'number'; header: string }
	/** A BOOLEAN file column as it is. */
	| { column: ColumnSpec; from: 'boolean'; header: string }
	/** Each distinct text read in JavaScript (provinces, years, dates, booleans, codes), joined back; `out` typed as `type`. */
	| { column: ColumnSpec; from: 'lookup'; header: string; type: ColumnType; entries: readonly LookupEntry[] }
	/** Each distinct pair of texts (the column's, and `within`'s in the same row) read in JavaScript, joined back. */
	| { column: ColumnSpec; from: 'pairLookup'; header: string; within: string; entries: readonly PairEntry[] };

/** Blank and unreadable cells of a column that was read from the file. */
export interface CellCheck {
	blank: number;
	blankRows: number[];
	unreadable: number;
	unreadableRows: number[];
	/** Distinct unreadable texts (first few). */
	unreadableValues: string[];
}

/** normalise()'s view: its name, the flag of each column read by lookup (changed by the reading), and what finalTable needs. */
export interface NormalisedView {
	name: string;
	changed: readonly (readonly [column: string, flag: string])[];
	/**
	 * Per column read from a file column of its own type: the index of its read and the flag saying the reading
	 * left the row's cell as the file has it. checkRows counts them; a column whose every cell is kept is not
	 * rewritten at the load.
	 */
	kept: readonly (readonly [read: number, flag: string])[];
	/** The first row's POSITION (0: a row id; 1: a workbook's `__row`). */
	start: number;
	/** The file's own table the view reads (the one finalTable rewrites in place), and how each column is read. */
	table: string;
	reads: readonly ColumnRead[];
	extras: readonly string[];
}

/** A contract column read from the file, as checkRows counts it (`read`: its index in normalise()'s reads). */
export interface CheckedCells {
	read: number;
	column: string;
	header: string;
	readable: boolean;
}

/** What checkRows found in its one pass over the view. */
export interface RowChecks {
	rows: number;
	/** Per column read by lookup, how many rows the reading changed (only those with some). */
	converted: Map<string, number>;
	/** Per column checked, in the order asked. */
	cells: CellCheck[];
	/** The contract columns whose file column the reading left as it is in every row (finalTable leaves them as they are). */
	kept: string[];
}

/** checkRows reads the view this many rows at a time, so the progress bar moves while it checks. */
export const CHECK_BATCH_ROWS = 100_000;

/** A text nobody could read, how often, and its first rows. */
export interface UnreadValue {
	value: string;
	count: number;
	rows: number[];
}

/** A row whose cell is blank or could not be read. */
export interface RowCell {
	row: number;
	value: string | null;
	blank: boolean;
}

/** A row that repeats the key of an earlier row (`first`). */
export interface RepeatedKey {
	row: number;
	first: number;
	key: Row;
}

/** SQL for our own constant texts (never a user's value): quoted here once. */
const constantText = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The characters isMissingText folds as spaces (core/province-names.ts SPACES: JavaScript's \\s and the zero-width ones), for RE2. */
const SPACE_CHAR =
	'[\\t\\n\\x{0B}\\f\\r \\x{00A0}\\x{1680}\\x{2000}-\\x{200D}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]';

/**
 * A whole cell that is missing text: spaces, at most one of MISSING_TEXT (none has a space inside), spaces;
 * matched ignoring case. One anchored match, which gives up at the first character that cannot be part
 * of one, instead of rewriting every cell (folding spaces, trimming, lower case) to compare it: on a
 * million long titles, a scan instead of seconds.
 */
const MISSING_PATTERN = `${SPACE_CHAR}*(?:${MISSING_TEXT.filter((t) => t !== '')
	.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
	.join('|')})?${SPACE_CHAR}*`;

/** SQL: true when the VARCHAR expression is NULL or missing text (isMissingText's twin). */
export function isMissingSql(expr: string): string {
	return `(${expr} IS NULL OR regexp_full_match(${expr}, ${constantText(MISSING_PATTERN)}, 'i'))`;
}

/**
 * parseAmount's rules in SQL (upload/thai.ts), for columns too long to read value by value in
 * JavaScript. `expr` is a VARCHAR expression; the result is DOUBLE or NULL. A plain number ("134000",
 * "-42.5"), which every rule leaves as it is, is cast straight away: one anchored match instead of
 * trimming, translating and two rewrites (3.3-3.9 s a million cells in DuckDB-WASM, against 0.2 s).
 */
export function amountSql(expr: string): string {
	const digits = `translate(trim(${expr}), ${constantText(THAI_DIGITS)}, '0123456789')`;
	const unparen = `regexp_replace(${digits}, '^\\((.*)\\)$', '\\1')`;
	const cleaned = `regexp_replace(${unparen}, '(บาท|฿|THB|%|,|[\\s\\x{00A0}\\x{2007}\\x{202F}])', '', 'gi')`;
	return `(CASE WHEN regexp_full_match(${expr}, '[+-]?[0-9]+(\\.[0-9]+)?') THEN TRY_CAST(${expr} AS DOUBLE) WHEN ${isMissingSql(expr)} THEN NULL WHEN regexp_full_match(${cleaned}, '[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?') THEN (CASE WHEN regexp_full_match(${digits}, '\\(.*\\)') THEN -1 ELSE 1 END) * TRY_CAST(${cleaned} AS DOUBLE) ELSE NULL END)`;
}

/**
 * A staged column's values as text over the raw table `r` (`at`: how its columns are named). A list (Parquet's shape for a multi-valued
 * field: a pyarrow, Polars or Spark export of issue areas) becomes the contract's semicolon-separated
 * list, in its own order, empty elements left out.
 */
function textOf(staged: StagedTable, header: string, at = 'r.'): string {
	const column = `${at}${ident(header)}`;
	return (staged.types[header] ?? '').endsWith('[]') ? `array_to_string(${column}, ';')` : `CAST(${column} AS VARCHAR)`;
}

/**
 * SQL over the raw table `r`: the cell of `header` is blank (isMissingSql of its text). A number, date,
 * time or boolean column is blank only where NULL: its text is never a missing text.
 */
function blankSql(staged: StagedTable, header: string): string {
	const type = staged.types[header] ?? '';
	if (
		isNumericType(type) ||
		type === 'BOOLEAN' ||
		type === 'DATE' ||
		type.startsWith('TIMESTAMP') ||
		type.startsWith('TIME ')
	)
		return `(r.${ident(header)} IS NULL)`;
	return isMissingSql(textOf(staged, header));
}

/**
 * SQL: reading the text column `x` (NULLIF(trim(x), '')) surely leaves its cell as it is: NULL, or its first
 * and last characters are printable ASCII or between U+00C0 and U+167F (Latin letters, Thai, …), which DuckDB's
 * trim() never takes off (upload-queries.test.ts, on every codepoint). Decided from the two ends alone, so a
 * long Thai title is neither trimmed nor copied to be compared (trimming every cell cost seconds a million
 * rows). False for any other cell, even one trim would leave as it is: the column is then rewritten at the
 * load instead of left as it is, the same values either way.
 */
export function textKeptSql(expr: string): string {
	const x = `(${expr})`;
	const first = `((${x} >= '!' AND ${x} < chr(127)) OR (${x} >= chr(192) AND ${x} < chr(5760)))`;
	const last = `unicode(${x}[-1])`;
	return `(${x} IS NULL OR (${first} AND ${last} BETWEEN 33 AND 5759 AND ${last} NOT BETWEEN 127 AND 191))`;
}

/** The flag columns normalise() adds to the normalised table, and its position column (left out of the table adopted). */
const FLAG_COLUMN = /^__(blank|changed|kept)_\d+$|^__pos$/;
/** normalise()'s column that checkRows ranges over: the row id of the file's table, or a workbook's `__row`. */
const POSITION = '__pos';
/**
 * The one-row table of a normalised view's constants, the prefix of its helpers (lookup tables; the ENUM types
 * and variables finalTable reads them with), and their names.
 */
const constantsOf = (norm: string) => `${norm}_const`;
const helpersOf = (norm: string) => `${norm}_`;
const mapOf = (norm: string, i: number) => `${norm}_map_${i}`;
const enumOf = (norm: string, i: number) => `${norm}_enum_${i}`;
const variableOf = (norm: string, i: number) => `${norm}_var_${i}`;
const blankFlag = (i: number) => `__blank_${i}`;
const changedFlag = (i: number) => `__changed_${i}`;
const keptFlag = (i: number) => `__kept_${i}`;
/** The type a lookup's values are stored as before the cast to the column's type. */
const lookupType = (read: ColumnRead & { from: 'lookup' | 'pairLookup' }) =>
	read.from === 'pairLookup' ? 'VARCHAR' : read.type;
/** SQL: one text for a pair of a district and its province's text (NULL-safe, unambiguous: the first part's length leads). */
const pairKeySql = (v: string, w: string) =>
	`concat(length(${v}), ':', ${v}, CASE WHEN ${w} IS NULL THEN '' ELSE '|' || ${w} END)`;

/**
 * How many of the loaded table's first columns (`sources`: the file column each is read from, null for none) can
 * stay where they are in the file's own table: the longest run from the first whose file columns come in the
 * same order, each once. Columns cannot be moved, so finalTable adds every later one at the end.
 */
function inPlaceRun(fileColumns: readonly string[], sources: readonly (string | null)[]): number {
	const taken = new Set<string>();
	let after = -1;
	for (const source of sources) {
		const at = source === null ? -1 : fileColumns.indexOf(source);
		if (at <= after || taken.has(source!)) break;
		taken.add(source!);
		after = at;
	}
	return taken.size;
}

/** Separates values in one bound parameter (values never contain it: it is a control character). */
const SEPARATOR = '\u001f';

const numbers = (value: unknown) => listValues(value).map(Number);
const strings = (value: unknown) => listValues(value).map((v) => String(v));

/** renumber() inserts this many runs of a sheet's row numbers per statement (each list a parameter of a few kB). */
const RUNS_PER_INSERT = 2000;

/**
 * A workbook sheet's row numbers (`rowNumbers[0]` the header's, `rowNumbers[i]` data row i's) as runs of
 * consecutive numbers: `[first data row, its number]` for each run. Row i of a run starting at row f with
 * number m is number m + i - f. A number that is not an integer counts as 0, as a row the sheet did not number.
 */
export function sheetRuns(rowNumbers: readonly number[]): [row: number, number: number][] {
	const runs: [number, number][] = [];
	let previous = NaN;
	for (let row = 1; row < rowNumbers.length; row++) {
		const number = Math.trunc(Number(rowNumbers[row])) || 0;
		if (number !== previous + 1) runs.push([row, number]);
		previous = number;
	}
	return runs;
}

/** The table a staged file is read into (its raw view reads it). */
export const loadTableOf = (id: string) => `__user_load_${id}`;

/** A loaded file's rows numbered (1-based) as `__row`, and, with `position`, its row ids as POSITION. */
const numberedRows = (load: string, position = false) =>
	`SELECT CAST(rowid + 1 AS INTEGER) AS __row, ${position ? `rowid AS ${POSITION}, ` : ''}* FROM ${ident(load)}`;

/** Drops a table or a view by name, whichever it is, if it exists; never throws. */
export async function dropRelation(conn: Connector, name: string): Promise<void> {
	const [kind] = await conn
		.query(`SELECT table_type FROM information_schema.tables WHERE table_name = ?`, [name])
		.catch(() => [] as Row[]);
	if (!kind) return;
	const what = kind.table_type === 'VIEW' ? 'VIEW' : 'TABLE';
	await conn.query(`DROP ${what} IF EXISTS ${ident(name)}`).catch(() => undefined);
}

export class UploadQueries {
	constructor(private readonly conn: Connector) {}

	// --- step 1: the file as a raw staging table ---------------------------------------------

	/**
	 * A CSV file (UTF-8 bytes), every column as text, read by DuckDB into `__user_load_<id>`, and `raw` a view
	 * of it numbering the rows (`__row`, 1-based data row), as for a Parquet file: no second copy.
	 */
	async stageCsv(raw: string, id: string, utf8: Uint8Array): Promise<void> {
		if (!this.conn.registerFile) throw new Error('this engine cannot read CSV files');
		const name = `__user_${id}.csv`;
		const load = loadTableOf(id);
		const path = await this.conn.registerFile(name, utf8);
		try {
			await this.conn.query(
				`CREATE OR REPLACE TABLE ${ident(load)} AS
				 SELECT * FROM read_csv(?, header = true, all_varchar = true, null_padding = true, sample_size = -1)`,
				[path]
			);
			await this.conn.query(`CREATE OR REPLACE VIEW ${ident(raw)} AS ${numberedRows(load)}`);
		} finally {
			await this.conn.dropFile?.(name);
		}
	}

	/**
	 * A Parquet file (`format` "parquet") or Arrow IPC file (`"arrow"`) as `raw`, with `__row`: the file
	 * goes into `__user_load_<id>` and `raw` is a view of it numbering the rows (no second copy of a
	 * million rows). `onProgress` hears the rows taken in. Resolves with the columns left out (a type
	 * the reader does not know), or null when this engine cannot read the format.
	 */
	async stageColumnar(
		raw: string,
		id: string,
		format: 'parquet' | 'arrow',
		bytes: Uint8Array,
		file: string,
		onProgress?: OnRows,
		take = false
	): Promise<OmittedColumn[] | null> {
		const load = loadTableOf(id);
		try {
			let omitted: OmittedColumn[] = [];
			if (format === 'parquet') omitted = await this.conn.loadParquet(load, bytes, file, onProgress, take);
			else if (this.conn.loadArrowIpc) await this.conn.loadArrowIpc(load, bytes, file);
			else return null;
			await this.conn.query(`CREATE OR REPLACE VIEW ${ident(raw)} AS ${numberedRows(load)}`);
			return omitted;
		} catch (e) {
			await this.drop([load]);
			throw e;
		}
	}

	/**
	 * Renumbers `raw`'s rows: data row i becomes `rowNumbers[i + 1]` (a workbook sheet's own row numbers, header
	 * first). `raw` becomes a table of its own; the file's table `load` it read is dropped.
	 */
	async renumber(raw: string, load: string, rowNumbers: readonly number[]): Promise<void> {
		const numbered = `${raw}_numbered`;
		const runs = `${raw}_runs`;
		// The sheet's numbers as runs of consecutive rows (a run per blank row left out), inserted a few thousand
		// at a time: one list of every number as a parameter was split again for each row (quadratic: 18 s for
		// 20 000 rows) and a sheet of 170 000 rows crashed DuckDB-WASM ("memory access out of bounds").
		await this.conn.query(`CREATE OR REPLACE TABLE ${ident(runs)} (first_row INTEGER, first_number INTEGER)`);
		const all = sheetRuns(rowNumbers);
		const list = `CAST(string_split(?, ',') AS INTEGER[])`;
		for (let i = 0; i < all.length; i += RUNS_PER_INSERT) {
			const part = all.slice(i, i + RUNS_PER_INSERT);
			await this.conn.query(`INSERT INTO ${ident(runs)} SELECT unnest(${list}), unnest(${list})`, [
				part.map(([row]) => row).join(','),
				part.map(([, number]) => number).join(',')
			]);
		}
		await this.conn.query(
			`CREATE OR REPLACE TABLE ${ident(numbered)} AS
			 SELECT CAST(u.first_number + r.__row - u.first_row AS INTEGER) AS __row, r.* EXCLUDE (__row)
			 FROM ${ident(raw)} r ASOF JOIN ${ident(runs)} u ON r.__row >= u.first_row ORDER BY 1`
		);
		await this.drop([raw, load, runs]);
		await this.conn.query(`ALTER TABLE ${ident(numbered)} RENAME TO ${ident(raw)}`);
	}

	/** A table's columns (without `__row`) and their DuckDB types, in order. */
	async columns(table: string): Promise<{ name: string; type: string }[]> {
		const described = await this.conn.query(
			`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position`,
			[table]
		);
		return described
			.filter((r) => r.column_name !== '__row')
			.map((r) => ({ name: String(r.column_name), type: String(r.data_type) }));
	}

	async count(table: string): Promise<number> {
		const [{ n }] = await this.conn.query(`SELECT count(*) AS n FROM ${ident(table)}`);
		return Number(n);
	}

	/** The first rows of a staged table, without `__row`. */
	preview(raw: string, limit = 5): Promise<Row[]> {
		return this.conn.query(`SELECT * EXCLUDE (__row) FROM ${ident(raw)} ORDER BY __row LIMIT ?`, [limit]);
	}

	/** Drops tables and views that may or may not exist (a normalised view with its helpers); never throws. */
	async drop(names: readonly string[]): Promise<void> {
		for (const name of names) {
			await dropRelation(this.conn, name);
			// A normalised view's lookup and constant tables go with it.
			if (name.startsWith('__user_norm_')) {
				const helpers = await this.conn
					.query(`SELECT table_name FROM information_schema.tables WHERE starts_with(table_name, ?)`, [helpersOf(name)])
					.catch(() => [] as Row[]);
				for (const h of helpers) await dropRelation(this.conn, String(h.table_name));
				// finalTable's ENUM types and variables.
				const types = await this.conn
					.query(`SELECT type_name FROM duckdb_types() WHERE starts_with(type_name, ?)`, [helpersOf(name)])
					.catch(() => [] as Row[]);
				for (const t of types)
					await this.conn.query(`DROP TYPE IF EXISTS ${ident(String(t.type_name))}`).catch(() => undefined);
				const variables = await this.conn
					.query(`SELECT name FROM duckdb_variables() WHERE starts_with(name, ?)`, [helpersOf(name)])
					.catch(() => [] as Row[]);
				for (const v of variables)
					await this.conn.query(`RESET VARIABLE ${ident(String(v.name))}`).catch(() => undefined);
			}
		}
	}

	// --- step 2: read into the contract's shape, and checked ---------------------------------

	/** The distinct non-NULL texts of a staged column (for reading value by value in JavaScript). */
	/** The distinct pairs of a column's text and another column's text in the same row (the column not NULL). */
	async distinctTextPairs(staged: StagedTable, header: string, within: string): Promise<[string, string | null][]> {
		const rows = await this.conn.query(
			`SELECT DISTINCT ${textOf(staged, header)} AS v, ${textOf(staged, within)} AS w
			 FROM ${ident(staged.raw)} r WHERE r.${ident(header)} IS NOT NULL`
		);
		return rows.map((r) => [String(r.v), r.w === null || r.w === undefined ? null : String(r.w)]);
	}

	async distinctTexts(staged: StagedTable, header: string): Promise<string[]> {
		const rows = await this.conn.query(
			`SELECT DISTINCT ${textOf(staged, header)} AS v FROM ${ident(staged.raw)} r WHERE r.${ident(header)} IS NOT NULL`
		);
		return rows.map((r) => String(r.v));
	}

	/**
	 * Creates `norm`, a view over the file's table (`__row`, the contract columns as `reads` says, then the
	 * `extras` file columns as they are, then a flag per column read from the file: its cell blank, and where
	 * read by lookup, changed by the reading; and, for a column read from a file column of its own type,
	 * whether the reading left the cell as the file has it). No row is written and none is read: checkRows
	 * scans it once, and finalTable makes the loaded table of the file's own, rewriting in place only the
	 * columns the reading changes. A lookup column's blank cells are those its distinct values left out
	 * (missing texts), so its texts are matched against the missing pattern once per distinct value, not once
	 * per row.
	 */
	async normalise(
		norm: string,
		staged: StagedTable,
		reads: readonly ColumnRead[],
		extras: readonly string[]
	): Promise<NormalisedView> {
		// The file's own table, when there is one, is read directly so checkRows' row ranges are filtered by row
		// id while it is scanned (a filter on the raw view's `__row`, computed, would be tried on every row).
		const selects = ['r.__row', staged.load ? `r.${POSITION}` : `r.__row AS ${POSITION}`];
		const flags: string[] = [];
		const joins: string[] = [];
		const constants: string[] = [];
		const params: SqlParam[] = [];
		const changed: [column: string, flag: string][] = [];
		const kept: [read: number, flag: string][] = [];
		const extraColumns = extras.filter((h) => !FLAG_COLUMN.test(h));
		const sourceOf = (read: ColumnRead) => ('header' in read ? read.header : null);
		const staying = inPlaceRun(Object.keys(staged.types), [...reads.map(sourceOf), ...extraColumns]);
		for (const [i, read] of reads.entries()) {
			const { column } = read;
			const name = ident(column.name);
			let expr: string;
			if (read.from === 'constant') {
				constants.push(`CAST(? AS ${column.type}) AS c${i}`);
				params.push(read.value);
				expr = `k.c${i}`;
			} else if (read.from === 'lookup' || read.from === 'pairLookup') {
				const map = mapOf(norm, i);
				const within = read.from === 'pairLookup' ? read.within : null;
				const entries: readonly (readonly SqlParam[])[] = read.entries;
				await this.conn.query(
					`CREATE OR REPLACE TABLE ${ident(map)} (v VARCHAR, ${within === null ? '' : 'w VARCHAR, '}out ${lookupType(read)}, changed BOOLEAN)`
				);
				const slots = `(${entries[0]?.map(() => '?').join(', ')})`;
				for (let start = 0; start < entries.length; start += 500) {
					const batch = entries.slice(start, start + 500);
					await this.conn.query(`INSERT INTO ${ident(map)} VALUES ${batch.map(() => slots).join(', ')}`, batch.flat());
				}
				const alias = `m${i}`;
				joins.push(
					`LEFT JOIN ${ident(map)} ${alias} ON ${alias}.v = ${textOf(staged, read.header)}` +
						(within === null ? '' : ` AND ${alias}.w IS NOT DISTINCT FROM ${textOf(staged, within)}`)
				);
				expr = `CAST(${alias}.out AS ${column.type})`;
				// Every distinct text but the missing ones has an entry: no entry is a blank cell.
				flags.push(`(r.${ident(read.header)} IS NULL OR ${alias}.v IS NULL) AS ${blankFlag(i)}`);
				flags.push(`coalesce(${alias}.changed, false) AS ${changedFlag(i)}`);
				changed.push([column.name, changedFlag(i)]);
			} else expr = this.readSql(staged, read, 'r.');
			if ('header' in read && read.from !== 'lookup' && read.from !== 'pairLookup')
				flags.push(`${blankSql(staged, read.header)} AS ${blankFlag(i)}`);
			selects.push(`${expr} AS ${name}`);
			// A file column of the contract column's type that can stay where it is (inPlaceRun) is left as it is
			// when the reading changes none of its cells.
			if (
				'header' in read &&
				i < staying &&
				(staged.types[read.header] ?? '').toUpperCase() === column.type.toUpperCase()
			) {
				const file = `r.${ident(read.header)}`;
				flags.push(
					`${read.from === 'text' ? textKeptSql(file) : `(${expr}) IS NOT DISTINCT FROM ${file}`} AS ${keptFlag(i)}`
				);
				kept.push([i, keptFlag(i)]);
			}
		}
		for (const h of extraColumns) selects.push(`r.${ident(h)}`);
		let from = staged.load ? `(${numberedRows(staged.load, true)}) r` : `${ident(staged.raw)} r`;
		if (constants.length > 0) {
			await this.conn.query(
				`CREATE OR REPLACE TABLE ${ident(constantsOf(norm))} AS SELECT ${constants.join(', ')}`,
				params
			);
			from += ` CROSS JOIN ${ident(constantsOf(norm))} k`;
		}
		await this.conn.query(
			`CREATE OR REPLACE VIEW ${ident(norm)} AS SELECT ${[...selects, ...flags].join(', ')} FROM ${from} ${joins.join(' ')}`
		);
		return {
			name: norm,
			changed,
			kept,
			start: staged.load ? 0 : 1,
			table: staged.load ?? staged.raw,
			reads,
			extras: extraColumns
		};
	}

	/**
	 * SQL of a column read without a lookup or a constant (NULL, text, a number, a boolean), over the file's
	 * columns named with `at` ("r." in the view, "" in an ALTER TABLE of the file's own table).
	 */
	private readSql(staged: StagedTable, read: ColumnRead, at: string): string {
		const { column } = read;
		switch (read.from) {
			case 'text':
				return `NULLIF(trim(${textOf(staged, read.header, at)}), '')`;
			case 'number':
				return `CAST(${this.numberSql(staged, read.header, column.type, at)} AS ${column.type})`;
			case 'boolean':
				return `${at}${ident(read.header)}`;
			default:
				return `CAST(NULL AS ${column.type})`;
		}
	}

	/** A number from a file column: cast when numeric, read as an amount when text; whole numbers only for integer types. */
	private numberSql(staged: StagedTable, header: string, type: ColumnType, at: string): string {
		const parsed = isNumericType(staged.types[header] ?? '')
			? `CAST(${at}${ident(header)} AS DOUBLE)`
			: amountSql(textOf(staged, header, at));
		return type === 'DOUBLE'
			? parsed
			: `CASE WHEN ${parsed} = round(${parsed}) THEN TRY_CAST(${parsed} AS ${type}) END`;
	}

	/**
	 * Everything the checks ask of every row, in one pass over normalise()'s view, a range of
	 * CHECK_BATCH_ROWS rows at a time so `onRows` hears how far it is: per column read by lookup, the rows the
	 * reading changed; per column of `columns` (`read`: its index in normalise()'s reads, which numbered its
	 * flags), its blank cells (missing text in the file) and unreadable ones (text in the file, NULL in the
	 * view; `readable` false for a text column: nothing can be unreadable), with the first rows of each; and
	 * per column read from a file column of its type, whether the reading left every cell as the file has it
	 * (finalTable then leaves that column as it is; asked only until a range finds a cell changed). The
	 * unreadable texts themselves are looked up in the file only for a column that has some.
	 */
	async checkRows(
		view: NormalisedView,
		staged: StagedTable,
		columns: readonly CheckedCells[],
		onRows?: OnRows
	): Promise<RowChecks> {
		const norm = view.name;
		const unreadable = (c: CheckedCells) => `(NOT ${blankFlag(c.read)} AND ${ident(c.column)} IS NULL)`;
		const parts = [
			'count(*) AS n',
			...view.changed.map(([, flag], i) => `count_if(${flag}) AS c${i}`),
			...columns.flatMap((c, i) => [
				`count_if(${blankFlag(c.read)}) AS b${i}`,
				`min(__row, ${FIRST}) FILTER (WHERE ${blankFlag(c.read)}) AS br${i}`,
				...(c.readable
					? [`count_if(${unreadable(c)}) AS u${i}`, `min(__row, ${FIRST}) FILTER (WHERE ${unreadable(c)}) AS ur${i}`]
					: [])
			])
		];
		const total = await this.count(staged.raw);
		const sums = new Map<string, number>();
		const firsts = new Map<string, number[]>();
		const sum = (key: string) => sums.get(key) ?? 0;
		onRows?.(0, total);
		// Ranges of positions (a workbook's rows keep the sheet's numbers: the first range is open below and the
		// last above, so every row is in exactly one; the last takes the rows beyond a whole range). DuckDB
		// filters the file's table by them as it scans it.
		const batches = Math.max(1, Math.floor(total / CHECK_BATCH_ROWS));
		for (let b = 0; b < batches; b++) {
			const range = [
				...(b > 0 ? [`${POSITION} >= ${view.start + b * CHECK_BATCH_ROWS}`] : []),
				...(b < batches - 1 ? [`${POSITION} < ${view.start + (b + 1) * CHECK_BATCH_ROWS}`] : [])
			];
			// A column's kept cells are counted until one range finds a cell the reading changed.
			const keeping = view.kept.flatMap(([, flag], j) => (sum(`k${j}`) > 0 ? [] : [`count_if(NOT ${flag}) AS k${j}`]));
			const [counts] = await this.conn.query(
				`SELECT ${[...parts, ...keeping].join(', ')} FROM ${ident(norm)}${range.length > 0 ? ` WHERE ${range.join(' AND ')}` : ''}`
			);
			for (const [key, value] of Object.entries(counts)) {
				if (/^(br|ur)\d+$/.test(key)) firsts.set(key, [...(firsts.get(key) ?? []), ...numbers(value)]);
				else sums.set(key, (sums.get(key) ?? 0) + Number(value ?? 0));
			}
			onRows?.(b < batches - 1 ? (b + 1) * CHECK_BATCH_ROWS : total, total);
		}
		const first = (key: string) => (firsts.get(key) ?? []).sort((a, b) => a - b).slice(0, FIRST);
		const converted = new Map<string, number>();
		for (const [i, [column]] of view.changed.entries()) if (sum(`c${i}`) > 0) converted.set(column, sum(`c${i}`));
		const cells: CellCheck[] = [];
		for (const [i, c] of columns.entries()) {
			const check: CellCheck = {
				blank: sum(`b${i}`),
				blankRows: first(`br${i}`),
				unreadable: c.readable ? sum(`u${i}`) : 0,
				unreadableRows: c.readable ? first(`ur${i}`) : [],
				unreadableValues: []
			};
			if (check.unreadable > 0) {
				const [vals] = await this.conn.query(
					`SELECT list(DISTINCT ${textOf(staged, c.header)})[1:${FIRST}] AS vals
					 FROM ${ident(norm)} n JOIN ${ident(staged.raw)} r USING (__row) WHERE NOT n.${blankFlag(c.read)} AND n.${ident(c.column)} IS NULL`
				);
				check.unreadableValues = strings(vals.vals);
			}
			cells.push(check);
		}
		const kept = view.kept.flatMap(([read], j) => (sum(`k${j}`) === 0 ? [view.reads[read].column.name] : []));
		return { rows: sum('n'), converted, cells, kept };
	}

	/** The texts of `column` nobody could read, each with its count and first rows, in order of first row (at most `limit`). */
	async unreadValues(
		norm: string,
		staged: StagedTable,
		column: string,
		header: string,
		limit = 200
	): Promise<UnreadValue[]> {
		const raw = textOf(staged, header);
		const rows = await this.conn.query(
			`SELECT ${raw} AS value, count(*) AS n, list(__row ORDER BY __row)[1:${FIRST}] AS rows
			 FROM ${ident(norm)} n JOIN ${ident(staged.raw)} r USING (__row)
			 WHERE NOT ${blankSql(staged, header)} AND n.${ident(column)} IS NULL
			 GROUP BY ALL ORDER BY min(__row) LIMIT ?`,
			[limit]
		);
		return rows.map((v) => ({ value: String(v.value), count: Number(v.n), rows: numbers(v.rows) }));
	}

	/** Rows of `norm` repeating a key (the contract's key check, with the rows that name them). */
	duplicateKeys(norm: string, key: readonly string[]): Promise<DuplicateKeys> {
		return duplicateKeys((sql, params) => this.conn.query(sql, params), norm, key, '__row');
	}

	/** Values of `column` not in `allowed` (e.g. issue areas the atlas does not know), with their first rows. */
	async valuesOutside(
		norm: string,
		column: string,
		allowed: readonly string[]
	): Promise<{ count: number; rows: number[]; values: string[] }> {
		const col = ident(column);
		const [r] = await this.conn.query(
			`SELECT count(*) AS n, list(__row ORDER BY __row)[1:${FIRST}] AS rows, list(DISTINCT ${col})[1:${FIRST}] AS vals
			 FROM ${ident(norm)} WHERE ${col} IS NOT NULL AND NOT list_contains(string_split(?, '${SEPARATOR}'), ${col})`,
			[allowed.join(SEPARATOR)]
		);
		return { count: Number(r.n), rows: numbers(r.rows), values: strings(r.vals) };
	}

	/** The distinct non-NULL values of a column of `norm`, sorted (at most `limit`). */
	async distinctValues(norm: string, column: string, limit = 1000): Promise<string[]> {
		const col = ident(column);
		const rows = await this.conn.query(
			`SELECT DISTINCT ${col} AS v FROM ${ident(norm)} WHERE ${col} IS NOT NULL ORDER BY 1 LIMIT ?`,
			[limit]
		);
		return rows.map((r) => String(r.v));
	}

	/** Every row of `column` that is blank in the file or NULL in `norm` (rowProblems' list, row by row). */
	async rowCells(norm: string, staged: StagedTable, column: string, header: string): Promise<RowCell[]> {
		const raw = textOf(staged, header);
		const rows = await this.conn.query(
			`SELECT __row AS row, ${raw} AS value, ${blankSql(staged, header)} AS blank
			 FROM ${ident(norm)} n JOIN ${ident(staged.raw)} r USING (__row)
			 WHERE ${blankSql(staged, header)} OR n.${ident(column)} IS NULL ORDER BY __row`
		);
		return rows.map((r) => ({
			row: Number(r.row),
			value: r.value === null || r.value === undefined ? null : String(r.value),
			blank: Boolean(r.blank)
		}));
	}

	/** Every row of `norm` repeating the key of an earlier row (the first stays), rows with a NULL key part left out. */
	async repeatedKeys(norm: string, key: readonly string[]): Promise<RepeatedKey[]> {
		const cols = key.map((k) => `n.${ident(k)}`).join(', ');
		const rows = await this.conn.query(
			`SELECT * FROM (
			   SELECT __row, min(__row) OVER (PARTITION BY ${cols}) AS __first, ${cols} FROM ${ident(norm)} n
			   WHERE ${key.map((k) => `n.${ident(k)} IS NOT NULL`).join(' AND ')})
			 WHERE __row <> __first ORDER BY __row`
		);
		return rows.map(({ __row, __first, ...rest }) => ({ row: Number(__row), first: Number(__first), key: rest }));
	}

	/** The rows of `norm` (`__row` and `columns`) except `leftOut`, in row order: what the data build keeps. */
	keptRows(norm: string, columns: readonly string[], leftOut: Iterable<number>): Promise<Row[]> {
		return this.conn.query(
			`SELECT __row, ${columns.map(ident).join(', ')} FROM ${ident(norm)}
			 WHERE NOT list_contains(CAST(string_split(?, ',') AS INTEGER[]), __row) ORDER BY __row`,
			[[0, ...leftOut].join(',')]
		);
	}

	// --- step 3: the table AtlasDb adopts ----------------------------------------------------

	/**
	 * The file's own table (`view.table`) becomes `final`: the contract's columns in order, then the extras, the
	 * values normalise()'s view reads, without a second copy of the rows. Only what the reading changes is
	 * written, one column at a time and in place (`ALTER TABLE … ALTER COLUMN … SET DATA TYPE … USING`: DuckDB
	 * writes the new column and shares the others); a column the file lacks is added; a file column the table
	 * does not keep is dropped; a column whose every cell the reading kept (checkRows' `kept`) is only renamed,
	 * so a file already in the contract's shape is taken as it is. A lookup is read without a join (an ALTER has
	 * none): its distinct texts become an ENUM and its values a list in a variable, indexed by each cell's place
	 * in the ENUM. Columns cannot be moved: from the first contract column the file lacks or has out of order,
	 * every column is added at the end and written there. Called once the checks passed; if a statement fails,
	 * the file's tables are dropped (half rewritten, they cannot be mapped again; the loaded tables are
	 * untouched) and the error thrown. `norm` and its helpers are dropped either way.
	 */
	async finalTable(final: string, view: NormalisedView, staged: StagedTable, kept: readonly string[]): Promise<void> {
		const table = view.table;
		await this.conn.query(`DROP TABLE IF EXISTS ${ident(final)}`);
		const described = await this.conn.query(
			`SELECT c.column_name, c.data_type FROM information_schema.columns c JOIN information_schema.tables t USING (table_name)
			 WHERE table_name = ? AND t.table_type = 'BASE TABLE' ORDER BY c.ordinal_position`,
			[table]
		);
		const fileColumns = described.map((c) => String(c.column_name));
		const fileTypes = new Map(described.map((c) => [String(c.column_name), String(c.data_type)]));
		const targets: { name: string; type: string; source: string | null; read: ColumnRead | null; i: number }[] = [
			...view.reads.map((read, i) => ({
				name: read.column.name,
				type: read.column.type,
				source: 'header' in read ? read.header : null,
				read,
				i
			})),
			...view.extras.map((h) => ({ name: h, type: fileTypes.get(h) ?? '', source: h, read: null, i: -1 }))
		];
		if (fileColumns.length === 0) {
			// Not a table of the file's own (never, as files are staged): written once, from the view.
			const columns = targets.map((t) => ident(t.name)).join(', ');
			await this.conn.query(`CREATE TABLE ${ident(final)} AS SELECT ${columns} FROM ${ident(view.name)}`);
			await this.drop([view.name]);
			return;
		}
		const staying = inPlaceRun(
			fileColumns,
			targets.map((t) => t.source)
		);
		// Each file column that stays, and the loaded table's column it becomes.
		const inPlace = new Map(targets.slice(0, staying).map((t, k) => [t.source!, k]));
		const temp = (k: number) => `__final_${k}`;
		const alter = (column: string, type: string, expr: string) =>
			this.conn.query(
				`ALTER TABLE ${ident(table)} ALTER COLUMN ${ident(column)} SET DATA TYPE ${type} USING (${expr})`
			);
		try {
			// Nothing may read the table while its columns change.
			await dropRelation(this.conn, view.name);
			if (staged.raw !== table) await dropRelation(this.conn, staged.raw);
			// First the columns added at the end (they may read any file column as the file has it), then the columns
			// rewritten in place, a district before the province it is read within.
			for (const [k, t] of targets.entries()) {
				if (k < inPlace.size) continue;
				await this.conn.query(`ALTER TABLE ${ident(table)} ADD COLUMN ${ident(temp(k))} ${t.type}`);
				const expr = t.read ? await this.valueSql(view.name, staged, t.read, t.i) : ident(t.source!);
				if (expr !== null) await alter(temp(k), t.type, expr);
			}
			const rewritten = targets
				.slice(0, inPlace.size)
				.filter((t) => t.read !== null && !kept.includes(t.name))
				.sort((a, b) => Number(b.read?.from === 'pairLookup') - Number(a.read?.from === 'pairLookup'));
			for (const t of rewritten) {
				const expr = await this.valueSql(view.name, staged, t.read!, t.i);
				await alter(t.source!, t.type, expr ?? `CAST(NULL AS ${t.type})`);
			}
			for (const c of fileColumns)
				if (!inPlace.has(c)) await this.conn.query(`ALTER TABLE ${ident(table)} DROP COLUMN ${ident(c)}`);
			// Renamed through names of their own, so no name is taken twice on the way.
			const moved = [...inPlace].filter(([c, k]) => c !== targets[k].name);
			const renames = [
				...moved.map(([c, k]) => [c, temp(k)]),
				...moved.map(([, k]) => [temp(k), targets[k].name]),
				...targets.flatMap((t, k) => (k < inPlace.size ? [] : [[temp(k), t.name]]))
			];
			for (const [from, to] of renames)
				await this.conn.query(`ALTER TABLE ${ident(table)} RENAME COLUMN ${ident(from)} TO ${ident(to)}`);
			await this.conn.query(`ALTER TABLE ${ident(table)} RENAME TO ${ident(final)}`);
		} catch (e) {
			await this.drop([staged.raw, table]);
			throw e;
		} finally {
			await this.drop([view.name]);
		}
	}

	/**
	 * SQL of a column's values over the file's own table (its columns by name) for finalTable's ALTER, as
	 * normalise()'s view reads them: a lookup through an ENUM of its texts and a variable listing their values
	 * in the ENUM's order, a constant through a variable (both made here, dropped with the view's helpers).
	 * Null for a column of NULLs.
	 */
	private async valueSql(norm: string, staged: StagedTable, read: ColumnRead, i: number): Promise<string | null> {
		const variable = variableOf(norm, i);
		const value = `getvariable(${constantText(variable)})`;
		switch (read.from) {
			case 'null':
				return null;
			case 'constant':
				await this.conn.query(`SET VARIABLE ${ident(variable)} = (SELECT c${i} FROM ${ident(constantsOf(norm))})`);
				return `CAST(${value} AS ${read.column.type})`;
			case 'lookup':
			case 'pairLookup': {
				if (read.entries.length === 0) return null;
				const map = ident(mapOf(norm, i));
				const type = ident(enumOf(norm, i));
				const key = (v: string, w: string | null) => (w === null ? v : pairKeySql(v, w));
				const entry = key('v', read.from === 'pairLookup' ? 'w' : null);
				await this.conn.query(`DROP TYPE IF EXISTS ${type}`);
				await this.conn.query(`CREATE TYPE ${type} AS ENUM (SELECT ${entry} FROM ${map})`);
				await this.conn.query(
					`SET VARIABLE ${ident(variable)} = (SELECT list(out ORDER BY enum_code(CAST(${entry} AS ${type}))) FROM ${map})`
				);
				const cell = key(
					textOf(staged, read.header, ''),
					read.from === 'pairLookup' ? textOf(staged, read.within, '') : null
				);
				return `CAST(${value}[enum_code(TRY_CAST(${cell} AS ${type})) + 1] AS ${read.column.type})`;
			}
			default:
				return this.readSql(staged, read, '');
		}
	}

	async close(): Promise<void> {
		await this.conn.close();
	}
}
