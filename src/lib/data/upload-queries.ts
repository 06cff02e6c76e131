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
	 * The table the raw view reads when the file was loaded as one (Parquet, Arrow; null for CSV, whose raw
	 * table numbers its rows itself): the checks range over its row ids, which DuckDB filters as it scans.
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

/** normalise()'s view: its name, the flag of each column read by lookup (changed by the reading), and whether it has `__same`. */
export interface NormalisedView {
	name: string;
	changed: readonly (readonly [column: string, flag: string])[];
	/** The file is in the contract's shape: the view says of each row whether the reading left it as it is. */
	same: boolean;
	/** The first row's POSITION (0: a row id; 1: a CSV's `__row`). */
	start: number;
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
	/** The file is in the contract's shape and the reading changed no cell: its own table can be loaded as it is. */
	unchanged: boolean;
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
 * JavaScript. `expr` is a VARCHAR expression; the result is DOUBLE or NULL.
 */
export function amountSql(expr: string): string {
	const digits = `translate(trim(${expr}), ${constantText(THAI_DIGITS)}, '0123456789')`;
	const unparen = `regexp_replace(${digits}, '^\\((.*)\\)$', '\\1')`;
	const cleaned = `regexp_replace(${unparen}, '(บาท|฿|THB|%|,|[\\s\\x{00A0}\\x{2007}\\x{202F}])', '', 'gi')`;
	return `(CASE WHEN ${isMissingSql(expr)} THEN NULL WHEN regexp_full_match(${cleaned}, '[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?') THEN (CASE WHEN regexp_full_match(${digits}, '\\(.*\\)') THEN -1 ELSE 1 END) * TRY_CAST(${cleaned} AS DOUBLE) ELSE NULL END)`;
}

/**
 * A staged column's values as text over the raw table `r`. A list (Parquet's shape for a multi-valued
 * field: a pyarrow, Polars or Spark export of issue areas) becomes the contract's semicolon-separated
 * list, in its own order, empty elements left out.
 */
function textOf(staged: StagedTable, header: string): string {
	const column = `r.${ident(header)}`;
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
 * rows). False for any other cell, even one trim would leave as it is: the file is then written once instead
 * of taken as it is, the same rows either way.
 */
export function textKeptSql(expr: string): string {
	const x = `(${expr})`;
	const first = `((${x} >= '!' AND ${x} < chr(127)) OR (${x} >= chr(192) AND ${x} < chr(5760)))`;
	const last = `unicode(${x}[-1])`;
	return `(${x} IS NULL OR (${first} AND ${last} BETWEEN 33 AND 5759 AND ${last} NOT BETWEEN 127 AND 191))`;
}

/** The flag columns normalise() adds to the normalised table, and its position column (left out of the table adopted). */
const FLAG_COLUMN = /^__(blank|changed)_\d+$|^__same$|^__pos$/;
/** normalise()'s column that checkRows ranges over: the row id of the file's table, or `__row` of a CSV's. */
const POSITION = '__pos';
/** normalise()'s flag: reading left this row's cells as the file has them (only when the file is in the contract's shape). */
const SAME_FLAG = '__same';
/** The one-row table of a normalised view's constants, and the prefix of its lookup tables. */
const constantsOf = (norm: string) => `${norm}_const`;
const helpersOf = (norm: string) => `${norm}_`;
const blankFlag = (i: number) => `__blank_${i}`;
const changedFlag = (i: number) => `__changed_${i}`;

/** Separates values in one bound parameter (values never contain it: it is a control character). */
const SEPARATOR = '\u001f';

const numbers = (value: unknown) => listValues(value).map(Number);
const strings = (value: unknown) => listValues(value).map((v) => String(v));

/** The table a staged Parquet or Arrow file is loaded into (its raw view reads it). */
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

	/** A CSV file (UTF-8 bytes) as `raw`, every column as text, with `__row` (1-based data row). */
	async stageCsv(raw: string, id: string, utf8: Uint8Array): Promise<void> {
		if (!this.conn.registerFile) throw new Error('this engine cannot read CSV files');
		const name = `__user_${id}.csv`;
		const path = await this.conn.registerFile(name, utf8);
		try {
			await this.conn.query(
				`CREATE OR REPLACE TABLE ${ident(raw)} AS SELECT CAST(row_number() OVER () AS INTEGER) AS __row, *
				 FROM read_csv(?, header = true, all_varchar = true, null_padding = true, sample_size = -1)`,
				[path]
			);
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
		onProgress?: OnRows
	): Promise<OmittedColumn[] | null> {
		const load = loadTableOf(id);
		try {
			let omitted: OmittedColumn[] = [];
			if (format === 'parquet') omitted = await this.conn.loadParquet(load, bytes, file, onProgress);
			else if (this.conn.loadArrowIpc) await this.conn.loadArrowIpc(load, bytes, file);
			else return null;
			await this.conn.query(`CREATE OR REPLACE VIEW ${ident(raw)} AS ${numberedRows(load)}`);
			return omitted;
		} catch (e) {
			await this.drop([load]);
			throw e;
		}
	}

	/** Renumbers `raw`'s rows: data row i becomes `rowNumbers[i + 1]` (a workbook sheet's own row numbers, header first). */
	async renumber(raw: string, rowNumbers: readonly number[]): Promise<void> {
		const list = rowNumbers.map((n) => Math.trunc(Number(n)) || 0).join(',');
		await this.conn.query(
			`CREATE OR REPLACE TABLE ${ident(raw)} AS
			 SELECT list_extract(CAST(string_split(?, ',') AS INTEGER[]), __row + 1) AS __row, * EXCLUDE (__row)
			 FROM ${ident(raw)} ORDER BY 1`,
			[list]
		);
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

	/** Drops tables and views that may or may not exist; never throws. */
	async drop(names: readonly string[]): Promise<void> {
		for (const name of names) {
			await dropRelation(this.conn, name);
			// A normalised view's lookup and constant tables go with it.
			if (name.startsWith('__user_norm_')) {
				const helpers = await this.conn
					.query(`SELECT table_name FROM information_schema.tables WHERE starts_with(table_name, ?)`, [helpersOf(name)])
					.catch(() => [] as Row[]);
				for (const h of helpers) await dropRelation(this.conn, String(h.table_name));
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
	 * read by lookup, changed by the reading; and, when the file is in the contract's shape, whether the
	 * reading left the row as the file has it). No row is written and none is read: checkRows scans it once,
	 * and finalTable writes the loaded table once, or takes the file's own table when the reading changed
	 * nothing. A lookup column's blank cells are those its distinct values left out (missing texts), so its
	 * texts are matched against the missing pattern once per distinct value, not once per row.
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
		// The file's own table is the loaded one when every column is the contract's, in its order and
		// type, and reading leaves every cell as it is (`__same`, counted by checkRows).
		const fileColumns = Object.keys(staged.types);
		let same: string[] | null = extras.length === 0 && fileColumns.length === reads.length ? [] : null;
		const keep = (read: ColumnRead, expr: string) => {
			if (same === null) return;
			const i = reads.indexOf(read);
			if (
				!('header' in read) ||
				read.header !== read.column.name ||
				fileColumns[i] !== read.header ||
				(staged.types[read.header] ?? '').toUpperCase() !== read.column.type.toUpperCase()
			)
				same = null;
			else
				same.push(
					read.from === 'text'
						? textKeptSql(`r.${ident(read.header)}`)
						: `(${expr}) IS NOT DISTINCT FROM r.${ident(read.header)}`
				);
		};
		for (const [i, read] of reads.entries()) {
			const { column } = read;
			const name = ident(column.name);
			let expr: string;
			switch (read.from) {
				case 'null':
					expr = `CAST(NULL AS ${column.type})`;
					break;
				case 'constant':
					constants.push(`CAST(? AS ${column.type}) AS c${i}`);
					params.push(read.value);
					expr = `k.c${i}`;
					break;
				case 'text':
					expr = `NULLIF(trim(${textOf(staged, read.header)}), '')`;
					break;
				case 'number':
					expr = `CAST(${this.numberSql(staged, read.header, column.type)} AS ${column.type})`;
					break;
				case 'boolean':
					expr = `r.${ident(read.header)}`;
					break;
				case 'lookup':
				case 'pairLookup': {
					const map = `${norm}_map_${i}`;
					const within = read.from === 'pairLookup' ? read.within : null;
					const type = read.from === 'pairLookup' ? 'VARCHAR' : read.type;
					const entries: readonly (readonly SqlParam[])[] = read.entries;
					await this.conn.query(
						`CREATE OR REPLACE TABLE ${ident(map)} (v VARCHAR, ${within === null ? '' : 'w VARCHAR, '}out ${type}, changed BOOLEAN)`
					);
					const slots = `(${entries[0]?.map(() => '?').join(', ')})`;
					for (let start = 0; start < entries.length; start += 500) {
						const batch = entries.slice(start, start + 500);
						await this.conn.query(
							`INSERT INTO ${ident(map)} VALUES ${batch.map(() => slots).join(', ')}`,
							batch.flat()
						);
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
				}
			}
			if ('header' in read && read.from !== 'lookup' && read.from !== 'pairLookup')
				flags.push(`${blankSql(staged, read.header)} AS ${blankFlag(i)}`);
			selects.push(`${expr} AS ${name}`);
			keep(read, expr);
		}
		for (const h of extras) if (!FLAG_COLUMN.test(h)) selects.push(`r.${ident(h)}`);
		if (same !== null)
			flags.push(`${(same as string[]).length === 0 ? 'true' : (same as string[]).join(' AND ')} AS ${SAME_FLAG}`);
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
		return { name: norm, changed, same: same !== null, start: staged.load ? 0 : 1 };
	}

	/** A number from a file column: cast when numeric, read as an amount when text; whole numbers only for integer types. */
	private numberSql(staged: StagedTable, header: string, type: ColumnType): string {
		const parsed = isNumericType(staged.types[header] ?? '')
			? `CAST(r.${ident(header)} AS DOUBLE)`
			: amountSql(textOf(staged, header));
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
	 * whether the reading left every row as the file has it (finalTable then takes the file's own table). The
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
			...(view.same ? [`count_if(NOT ${SAME_FLAG}) AS same`] : []),
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
			const [counts] = await this.conn.query(
				`SELECT ${parts.join(', ')} FROM ${ident(norm)}${range.length > 0 ? ` WHERE ${range.join(' AND ')}` : ''}`
			);
			for (const [key, value] of Object.entries(counts)) {
				if (/^(br|ur)\d+$/.test(key)) firsts.set(key, [...(firsts.get(key) ?? []), ...numbers(value)]);
				else sums.set(key, (sums.get(key) ?? 0) + Number(value ?? 0));
			}
			onRows?.(b < batches - 1 ? (b + 1) * CHECK_BATCH_ROWS : total, total);
		}
		const sum = (key: string) => sums.get(key) ?? 0;
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
		return { rows: sum('n'), converted, cells, unchanged: view.same && sum('same') === 0 };
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
	 * `norm` becomes `final`, without `__row` and the flag columns. When checkRows found that the reading left
	 * every row as the file has it (`unchanged`, from its pass over this view: nothing is scanned again here),
	 * the file's table `load` itself is renamed: no row is copied. Otherwise the rows are written once, from
	 * the view. `norm` and its lookup tables are dropped either way; the caller drops the file's raw view and
	 * `load` after.
	 */
	async finalTable(final: string, norm: string, load: string, unchanged: boolean): Promise<void> {
		await this.conn.query(`DROP TABLE IF EXISTS ${ident(final)}`);
		const [loaded] = await this.conn.query(
			`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ? AND table_type = 'BASE TABLE'`,
			[load]
		);
		if (unchanged && Number(loaded.n) > 0) {
			await this.drop([norm]);
			await this.conn.query(`ALTER TABLE ${ident(load)} RENAME TO ${ident(final)}`);
			return;
		}
		const described = await this.conn.query(
			`SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position`,
			[norm]
		);
		const kept = described.map((c) => String(c.column_name)).filter((n) => n !== '__row' && !FLAG_COLUMN.test(n));
		await this.conn.query(`CREATE TABLE ${ident(final)} AS SELECT ${kept.map(ident).join(', ')} FROM ${ident(norm)}`);
		await this.drop([norm]);
	}

	async close(): Promise<void> {
		await this.conn.close();
	}
}
