/**
 * DuckDB in Node (@duckdb/node-api), for tests and scripts. It reads Parquet
 * natively, which is exactly what the browser cannot do offline.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ident, plainRow, plainValue, type Columns, type Connector, type IsolatedResult, type OnRows, type Row, type SqlParam } from './connector';
import type { OmittedColumn } from './parquet-to-arrow';

export class NodeConnector implements Connector {
	private readonly scratch = mkdtempSync(join(tmpdir(), 'phakhi-'));

	private constructor(
		private readonly instance: DuckDBInstance,
		private readonly conn: DuckDBConnection
	) {}

	static async open(): Promise<NodeConnector> {
		const instance = await DuckDBInstance.create(':memory:');
		return new NodeConnector(instance, await instance.connect());
	}

	async loadParquet(table: string, bytes: Uint8Array, file: string, onProgress?: OnRows): Promise<OmittedColumn[]> {
		const path = join(this.scratch, file.replace(/[^\w.-]/g, '_'));
		writeFileSync(path, bytes);
		await this.conn.run(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM read_parquet($1)`, [path]);
		if (onProgress) {
			const [{ n }] = await this.query(`SELECT count(*) AS n FROM ${ident(table)}`);
			onProgress(Number(n), Number(n));
		}
		return [];
	}

	async query(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
		const reader = await this.conn.runAndReadAll(sql, params as SqlParam[]);
		return reader.getRowObjectsJS().map((r) => plainRow(r as Row));
	}

	async queryColumns(sql: string, params: readonly SqlParam[] = []): Promise<Columns> {
		const reader = await this.conn.runAndReadAll(sql, params as SqlParam[]);
		const columns: Columns = {};
		for (const [name, values] of Object.entries(reader.getColumnsObjectJS())) columns[name] = values.map(plainValue);
		return columns;
	}

	async registerFile(name: string, bytes: Uint8Array): Promise<string> {
		const path = join(this.scratch, name.replace(/[^\w.-]/g, '_'));
		writeFileSync(path, bytes);
		return path;
	}

	async dropFile(name: string): Promise<void> {
		rmSync(join(this.scratch, name.replace(/[^\w.-]/g, '_')), { force: true });
	}

	private isolated: DuckDBConnection | null = null;

	async queryIsolated(sql: string): Promise<IsolatedResult> {
		this.isolated ??= await this.instance.connect();
		const conn = this.isolated;
		await conn.run('BEGIN TRANSACTION');
		try {
			const reader = await conn.runAndReadAll(sql);
			const names = reader.columnNames();
			const types = reader.columnTypes();
			return {
				columns: names.map((name, i) => ({ name, type: String(types[i]) })),
				rows: reader.getRowObjectsJS().map((r) => plainRow(r as Row))
			};
		} finally {
			await conn.run('ROLLBACK');
		}
	}

	async close(): Promise<void> {
		this.isolated?.closeSync();
		this.conn.closeSync();
		this.instance.closeSync();
		rmSync(this.scratch, { recursive: true, force: true });
	}
}
