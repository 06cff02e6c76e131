/**
 * For tests only: DuckDB-WASM, the browser's engine, run in Node through its blocking API, as the page
 * opens it (extensions never downloaded). The Parquet decoders' tests insert their Arrow IPC into it.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Connector } from './connector';

const require = createRequire(import.meta.url);
/** The part of duckdb-node-blocking.cjs used here (its own types are not exported by the package). */
interface Wasm {
	createDuckDB(
		bundles: Record<'mvp' | 'eh', { mainModule: string; mainWorker: string }>,
		logger: unknown,
		runtime: unknown
	): Promise<{ instantiate(): Promise<unknown>; open(config: object): void; connect(): unknown }>;
	VoidLogger: new () => unknown;
	NODE_RUNTIME: unknown;
}
export interface WasmConnection {
	query(sql: string): { toArray(): { toJSON(): Record<string, unknown> }[] };
	prepare(sql: string): { query(...params: unknown[]): { toArray(): { toJSON(): Record<string, unknown> }[] }; close(): void };
	insertArrowFromIPCStream(buffer: Uint8Array, options: { name: string; create: boolean }): void;
}

export async function openWasm(): Promise<WasmConnection> {
	const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as Wasm;
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
	const db = await duckdb.createDuckDB(
		{
			mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
			eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate();
	db.open({});
	const conn = db.connect() as unknown as WasmConnection;
	// As in the browser: never download an extension.
	conn.query(`SET autoinstall_known_extensions = false`);
	conn.query(`SET autoload_known_extensions = false`);
	return conn;
}

/**
 * The blocking connection as the upload queries' Connector, for the statements that need only `query` (with
 * bound parameters, as the page's WasmConnector binds them: a prepared statement).
 */
export function wasmQueryConnector(conn: WasmConnection): Pick<Connector, 'query'> {
	return {
		async query(sql, params = []) {
			if (params.length === 0) return conn.query(sql).toArray().map((r) => r.toJSON());
			const statement = conn.prepare(sql);
			try {
				return statement.query(...params).toArray().map((r) => r.toJSON());
			} finally {
				statement.close();
			}
		}
	};
}
