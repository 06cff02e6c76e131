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

const SPACE_CLASS = '[\\s\\x{00A0}\\x{2007}\\x{202F}\\x{200B}]+';

/** SQL for our own constant texts (never a user's value): quoted here once. */
const constantText = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** SQL: true when the VARCHAR expression is NULL or missing text (isMissingText's twin). */
export function isMissingSql(expr: string): string {
	const list = MISSING_TEXT.map(constantText).join(', ');
	return `(${expr} IS NULL OR lower(trim(regexp_replace(${expr}, '${SPACE_CLASS}', ' ', 'g'))) IN (${list}))`;
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

/** Separates values in one bound parameter (values never contain it: it is a control character). */
const SEPARATOR = '\u001f';

const numbers = (value: unknown) => listValues(value).map(Number);
const strings = (value: unknown) => listValues(value).map((v) => String(v));

/** The table a staged Parquet or Arrow file is loaded into (its raw view reads it). */
export const loadTableOf = (id: string) => `__user_load_${id}`;

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
			await this.conn.query(
				`CREATE OR REPLACE VIEW ${ident(raw)} AS SELECT CAST(rowid + 1 AS INTEGER) AS __row, * FROM ${ident(load)}`
			);
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
		for (const name of names) await dropRelation(this.conn, name);
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
	 * Creates `norm` (`__row`, the contract columns as `reads` says, then the `extras` file columns as they
	 * are), ordered by row. Returns, per column read by lookup, how many rows the reading changed.
	 */
	async normalise(
		norm: string,
		staged: StagedTable,
		reads: readonly ColumnRead[],
		extras: readonly string[]
	): Promise<Map<string, number>> {
		const selects = ['r.__row'];
		const joins: string[] = [];
		const params: SqlParam[] = [];
		const maps: string[] = [];
		const converted = new Map<string, number>();
		try {
			for (const [i, read] of reads.entries()) {
				const { column } = read;
				const name = ident(column.name);
				switch (read.from) {
					case 'null':
						selects.push(`CAST(NULL AS ${column.type}) AS ${name}`);
						break;
					case 'constant':
						selects.push(`CAST(? AS ${column.type}) AS ${name}`);
						params.push(read.value);
						break;
					case 'text':
						selects.push(`NULLIF(trim(${textOf(staged, read.header)}), '') AS ${name}`);
						break;
					case 'number':
						selects.push(`CAST(${this.numberSql(staged, read.header, column.type)} AS ${column.type}) AS ${name}`);
						break;
					case 'boolean':
						selects.push(`r.${ident(read.header)} AS ${name}`);
						break;
					case 'lookup':
					case 'pairLookup': {
						const map = `${norm}_map_${i}`;
						maps.push(map);
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
						const join =
							`LEFT JOIN ${ident(map)} ${alias} ON ${alias}.v = ${textOf(staged, read.header)}` +
							(within === null ? '' : ` AND ${alias}.w IS NOT DISTINCT FROM ${textOf(staged, within)}`);
						joins.push(join);
						selects.push(`CAST(${alias}.out AS ${column.type}) AS ${name}`);
						const [{ n }] = await this.conn.query(
							`SELECT count(*) AS n FROM ${ident(staged.raw)} r ${join} WHERE ${alias}.changed`
						);
						if (Number(n) > 0) converted.set(column.name, Number(n));
					}
				}
			}
			for (const h of extras) selects.push(`r.${ident(h)}`);
			await this.conn.query(
				`CREATE OR REPLACE TABLE ${ident(norm)} AS SELECT ${selects.join(', ')}
				 FROM ${ident(staged.raw)} r ${joins.join(' ')} ORDER BY r.__row`,
				params
			);
		} finally {
			await this.drop(maps);
		}
		return converted;
	}

	/** A number from a file column: cast when numeric, read as an amount when text; whole numbers only for integer types. */
	private numberSql(staged: StagedTable, header: string, type: ColumnType): string {
		const parsed = isNumericType(staged.types[header] ?? '')
			? `CAST(r.${ident(header)} AS DOUBLE)`
			: amountSql(textOf(staged, header));
		return type === 'DOUBLE' ? parsed : `CASE WHEN ${parsed} = round(${parsed}) THEN TRY_CAST(${parsed} AS ${type}) END`;
	}

	/**
	 * Blank cells (missing text in the file) and unreadable ones (text in the file, NULL in `norm`) of
	 * `column`, read from `header`; `readable` false for a text column (nothing can be unreadable).
	 */
	async cellCheck(norm: string, staged: StagedTable, column: string, header: string, readable: boolean): Promise<CellCheck> {
		const raw = textOf(staged, header);
		const joined = `FROM ${ident(norm)} n JOIN ${ident(staged.raw)} r USING (__row)`;
		const [blank] = await this.conn.query(
			`SELECT count(*) AS n, list(__row ORDER BY __row)[1:${FIRST}] AS rows ${joined} WHERE ${isMissingSql(raw)}`
		);
		const out: CellCheck = {
			blank: Number(blank.n),
			blankRows: numbers(blank.rows),
			unreadable: 0,
			unreadableRows: [],
			unreadableValues: []
		};
		if (!readable) return out;
		const [bad] = await this.conn.query(
			`SELECT count(*) AS n, list(__row ORDER BY __row)[1:${FIRST}] AS rows, list(DISTINCT ${raw})[1:${FIRST}] AS vals
			 ${joined} WHERE NOT ${isMissingSql(raw)} AND n.${ident(column)} IS NULL`
		);
		out.unreadable = Number(bad.n);
		out.unreadableRows = numbers(bad.rows);
		out.unreadableValues = strings(bad.vals);
		return out;
	}

	/** The texts of `column` nobody could read, each with its count and first rows, in order of first row (at most `limit`). */
	async unreadValues(norm: string, staged: StagedTable, column: string, header: string, limit = 200): Promise<UnreadValue[]> {
		const raw = textOf(staged, header);
		const rows = await this.conn.query(
			`SELECT ${raw} AS value, count(*) AS n, list(__row ORDER BY __row)[1:${FIRST}] AS rows
			 FROM ${ident(norm)} n JOIN ${ident(staged.raw)} r USING (__row)
			 WHERE NOT ${isMissingSql(raw)} AND n.${ident(column)} IS NULL
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
			`SELECT __row AS row, ${raw} AS value, ${isMissingSql(raw)} AS blank
			 FROM ${ident(norm)} n JOIN ${ident(staged.raw)} r USING (__row)
			 WHERE ${isMissingSql(raw)} OR n.${ident(column)} IS NULL ORDER BY __row`
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

	/** `final` from `norm`: its rows without `__row` (a view: adoptTable makes the one copy, ordered by the table's key). */
	async finalTable(final: string, norm: string): Promise<void> {
		await this.conn.query(`CREATE OR REPLACE VIEW ${ident(final)} AS SELECT * EXCLUDE (__row) FROM ${ident(norm)}`);
	}

	async close(): Promise<void> {
		await this.conn.close();
	}
}
