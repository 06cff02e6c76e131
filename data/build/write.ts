import { type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { openBuildDuckDb, type BuildDuckDb } from './build-duckdb.ts';
import type { ColumnSpec, TableSpec } from '../../src/lib/data/contract.ts';

/** Writes contract tables to Parquet through DuckDB. */

/** A contract row: one property per contract column. (Contract row types are interfaces, so no index signature.) */
export type Row = object;

/** What a written table needs of its spec: a contract table's, or a file derived from them (the explorer's cubes). */
export type WrittenSpec = Pick<TableSpec, 'key' | 'columns'> & { name: string };

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
// COPY takes its target as a literal, not a parameter; this quotes our own output path, never data.
const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

function append(appender: DuckDBAppender, column: ColumnSpec, value: unknown, rowIndex: number): void {
	if (value === null) return appender.appendNull();
	const bad = (): Error =>
		new Error(`table row ${rowIndex + 1}, column "${column.name}": ${JSON.stringify(value)} is not a ${column.type}`);
	switch (column.type) {
		case 'VARCHAR':
			if (typeof value !== 'string') throw bad();
			return appender.appendVarchar(value);
		case 'BOOLEAN':
			if (typeof value !== 'boolean') throw bad();
			return appender.appendBoolean(value);
		case 'DOUBLE':
			if (typeof value !== 'number' || !Number.isFinite(value)) throw bad();
			return appender.appendDouble(value);
		case 'SMALLINT':
		case 'INTEGER': {
			const max = column.type === 'SMALLINT' ? 0x7fff : 0x7fffffff;
			if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > max) throw bad();
			return column.type === 'SMALLINT' ? appender.appendSmallInt(value) : appender.appendInteger(value);
		}
	}
}

/** Rows of one table being appended; see ParquetWriter.begin. */
export class TableSink {
	rows = 0;
	private readonly names: readonly string[];

	constructor(
		readonly spec: WrittenSpec,
		private readonly appender: DuckDBAppender
	) {
		this.names = spec.columns.map((c) => c.name);
	}

	/** Appends one row; it must have exactly the contract's columns. */
	append(row: Row): void {
		const i = this.rows;
		const keys = Object.keys(row);
		if (keys.length !== this.names.length || !this.names.every((n) => n in row))
			throw new Error(`${this.spec.name} row ${i + 1} has columns ${keys.join(', ')}; the contract wants ${this.names.join(', ')}`);
		for (const column of this.spec.columns) append(this.appender, column, (row as Record<string, unknown>)[column.name], i);
		this.appender.endRow();
		this.rows++;
	}

	/** @internal */
	close(): void {
		this.appender.flushSync();
		this.appender.closeSync();
	}
}

export class ParquetWriter {
	private readonly connection: DuckDBConnection;

	private constructor(private readonly db: BuildDuckDb) {
		this.connection = db.connection;
	}

	static async open(): Promise<ParquetWriter> {
		return new ParquetWriter(await openBuildDuckDb());
	}

	/**
	 * Creates the table with the contract's types and returns a sink to append
	 * rows to, one at a time (several sinks may be open at once), so that large
	 * generated tables never have to be held in memory.
	 */
	async begin(spec: WrittenSpec): Promise<TableSink> {
		const columns = spec.columns.map((c) => `${ident(c.name)} ${c.type}${c.required ? ' NOT NULL' : ''}`);
		await this.connection.run(`CREATE OR REPLACE TABLE ${ident(spec.name)} (${columns.join(', ')})`);
		return new TableSink(spec, await this.connection.createAppender(spec.name));
	}

	/** Closes the sink and copies its table, sorted by key, to `file`. Returns the number of rows. */
	async finish(sink: TableSink, file: string): Promise<number> {
		sink.close();
		const { spec } = sink;
		const order = spec.key.map(ident).join(', ');
		await this.connection.run(
			`COPY (SELECT * FROM ${ident(spec.name)} ORDER BY ${order}) TO ${literal(file)} (FORMAT parquet, COMPRESSION snappy)`
		);
		await this.connection.run(`DROP TABLE ${ident(spec.name)}`);
		return sink.rows;
	}

	/** Creates the table with the contract's types, appends the rows and copies it, sorted by key, to `file`. */
	async write(spec: WrittenSpec, rows: Iterable<Row>, file: string): Promise<number> {
		const sink = await this.begin(spec);
		try {
			for (const row of rows) sink.append(row);
		} catch (e) {
			try {
				sink.close();
			} catch {
				// The appender may hold a half-written row; the table is dropped anyway.
			}
			await this.connection.run(`DROP TABLE ${ident(spec.name)}`);
			throw e;
		}
		return this.finish(sink, file);
	}

	close(): Promise<void> {
		return this.db.close();
	}
}
