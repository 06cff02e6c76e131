/**
 * The seam between the query module and a DuckDB engine. The browser uses
 * DuckDB-WASM in a worker; tests use DuckDB in Node. A deployment that serves
 * the Parquet extension itself could add a connector that reads Parquet natively.
 */
import type { OmittedColumn } from './parquet-to-arrow';

export type SqlParam = string | number | boolean | null;

export type Row = Record<string, unknown>;

/** Progress of work on rows: how many are done, of how many. */
export type OnRows = (done: number, total: number) => void;

/** A result column by column: numbers may come as a typed array. */
export type Columns = Record<string, ArrayLike<unknown>>;

export interface Connector {
	/**
	 * Create (or replace) `table` from the bytes of a Parquet file called `file`; `onProgress` hears the
	 * rows taken in so far, of the file's rows (in the browser after each row group). Resolves with the
	 * file's columns left out of the table because the engine cannot read their type (none in Node). With
	 * `take`, the engine may take the bytes instead of copying them (the caller does not read them after).
	 */
	loadParquet(table: string, bytes: Uint8Array, file: string, onProgress?: OnRows, take?: boolean): Promise<OmittedColumn[]>;
	/** Run one statement with bound parameters (`?` placeholders); never splice values into `sql`. */
	query(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
	/** The same, as one array of values per column: for results too long to be worth a row object each. */
	queryColumns(sql: string, params?: readonly SqlParam[]): Promise<Columns>;
	close(): Promise<void>;
	/** Make bytes readable by SQL (`read_csv(name)`): a registered buffer in the browser, a file in Node. Returns the name to use. */
	registerFile?(name: string, bytes: Uint8Array): Promise<string>;
	dropFile?(name: string): Promise<void>;
	/** Create (or replace) `table` from an Arrow IPC file or stream. */
	loadArrowIpc?(table: string, bytes: Uint8Array, file: string): Promise<void>;
	/**
	 * Run one statement on a connection of its own, inside a transaction that is always rolled
	 * back: whatever it might change does not stay (the SQL console's engine-side guard).
	 */
	queryIsolated?(sql: string): Promise<IsolatedResult>;
}

export interface IsolatedResult {
	columns: { name: string; type: string }[];
	rows: Row[];
}

/** BIGINT arrives as BigInt from both engines; the app works in plain numbers. */
export function plainValue(v: unknown): unknown {
	if (typeof v === 'bigint') return Number(v);
	return v;
}

export function plainRow(row: Row): Row {
	const out: Row = {};
	for (const key of Object.keys(row)) out[key] = plainValue(row[key]);
	return out;
}

/** A list value as an array: DuckDB lists arrive as arrays (Node) or Arrow vectors (browser). */
export function listValues(value: unknown): unknown[] {
	if (Array.isArray(value)) return value.map(plainValue);
	if (value && typeof value === 'object' && 'toArray' in value && typeof value.toArray === 'function')
		return Array.from(value.toArray() as ArrayLike<unknown>, plainValue);
	if (value && typeof value === 'object' && Symbol.iterator in value) return [...(value as Iterable<unknown>)].map(plainValue);
	return [];
}

/**
 * True for an error that says the engine or the tab ran out of memory: DuckDB's "could not allocate
 * block …" / "Out of Memory Error", or the browser's own failed allocations while decoding.
 */
export function isOutOfMemory(e: unknown): boolean {
	const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
	return /could not allocate|out of memory|failed to allocate|allocation failed|invalid (typed )?array length|memory access out of bounds/i.test(
		text
	);
}

/** Quote an identifier (table or column name) for SQL. Values are always bound, never quoted. */
export function ident(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}
