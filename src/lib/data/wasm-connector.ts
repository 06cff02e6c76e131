/** DuckDB-WASM in a web worker, with every file served from the app's own origin. */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import * as arrow from 'apache-arrow';
import { columnsOfTable, rowsOfTable } from './arrow-rows';
import {
	ident,
	type Columns,
	type Connector,
	type IsolatedResult,
	type OnRows,
	type Row,
	type SqlParam
} from './connector';
import { decodeParquetBatches } from './parquet-decoder';
import type { OmittedColumn } from './parquet-to-arrow';

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

/**
 * DuckDB's memory limit in the browser. wasm memory is 32-bit: DuckDB's heap cannot pass 4 GB, and
 * near it an allocation traps instead of failing. 3 GB leaves room for DuckDB's own bookkeeping,
 * so a statement that needs more fails with "could not allocate" / "out of memory", which the
 * Your data page names (and the loaded data stays as it was).
 */
export const DEFAULT_MEMORY_LIMIT_MB = 3072;

export class WasmConnector implements Connector {
	private constructor(
		private readonly db: duckdb.AsyncDuckDB,
		private readonly conn: duckdb.AsyncDuckDBConnection,
		private readonly worker: Worker
	) {}

	/**
	 * `memoryLimitMb`: DuckDB's memory limit (DEFAULT_MEMORY_LIMIT_MB unless lower: a test may lower it,
	 * never raise it). Past it DuckDB refuses the statement with an error the page can name
	 * (isOutOfMemory), instead of the tab running out of wasm memory.
	 */
	static async open(memoryLimitMb = DEFAULT_MEMORY_LIMIT_MB): Promise<WasmConnector> {
		const bundle = await duckdb.selectBundle(BUNDLES);
		const worker = new Worker(bundle.mainWorker!, { type: 'classic' });
		const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
		await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
		// Extensions would be fetched from the internet; this app never does that.
		await db.open({ query: { castBigIntToDouble: false } });
		const conn = await db.connect();
		await conn.query(`SET autoinstall_known_extensions = false`);
		await conn.query(`SET autoload_known_extensions = false`);
		const limit = Math.max(16, Math.min(DEFAULT_MEMORY_LIMIT_MB, Math.floor(memoryLimitMb) || DEFAULT_MEMORY_LIMIT_MB));
		await conn.query(`SET memory_limit = '${limit}MB'`);
		return new WasmConnector(db, conn, worker);
	}

	async loadParquet(
		table: string,
		bytes: Uint8Array,
		file: string,
		onProgress?: OnRows,
		take = false
	): Promise<OmittedColumn[]> {
		// Decoded in a worker of its own, a slice of rows at a time; each slice's IPC bytes go on to DuckDB's
		// worker without being read here, and the slice after next is decoded once DuckDB has this one.
		// Every slice goes in inside one transaction, on a connection of the file's own (so nothing else the
		// page asks meanwhile runs inside it or can abort it): committed slice by slice, DuckDB-WASM
		// spends ≈ 1.4 s each time a row group it has committed fills up (a million rows in 32 768-row
		// slices: 10.9 s of inserts against 1.2 s in one transaction; issue 19, session 15). A failure
		// rolls it all back: the table is then as it was before, or absent.
		const conn = await this.db.connect();
		try {
			await conn.query('BEGIN TRANSACTION');
			await conn.query(`DROP TABLE IF EXISTS ${ident(table)}`);
			let create = true;
			const omitted = await decodeParquetBatches(
				bytes,
				file,
				async (ipc, done, total) => {
					await conn.insertArrowFromIPCStream(ipc, { name: table, create });
					create = false;
					onProgress?.(done, total);
				},
				take
			);
			await conn.query('COMMIT');
			return omitted;
		} catch (e) {
			await conn.query('ROLLBACK').catch(() => undefined);
			throw e;
		} finally {
			await conn.close().catch(() => undefined);
		}
	}

	async query(sql: string, params: readonly SqlParam[] = []): Promise<Row[]> {
		return rowsOfTable(await this.arrow(sql, params));
	}

	async queryColumns(sql: string, params: readonly SqlParam[] = []): Promise<Columns> {
		return columnsOfTable(await this.arrow(sql, params));
	}

	private async arrow(sql: string, params: readonly SqlParam[]): Promise<arrow.Table> {
		if (params.length === 0) return this.conn.query(sql);
		const statement = await this.conn.prepare(sql);
		try {
			return await statement.query(...params);
		} finally {
			await statement.close();
		}
	}

	async registerFile(name: string, bytes: Uint8Array): Promise<string> {
		// As a Blob, which DuckDB's worker reads a part at a time as it needs it (a CSV of 100 MB is then never
		// a whole copy in DuckDB's heap, nor in the worker's).
		await this.db.registerFileHandle(
			name,
			new Blob([bytes as Uint8Array<ArrayBuffer>]),
			duckdb.DuckDBDataProtocol.BROWSER_FILEREADER,
			true
		);
		return name;
	}

	async dropFile(name: string): Promise<void> {
		await this.db.dropFile(name);
	}

	async loadArrowIpc(table: string, bytes: Uint8Array): Promise<void> {
		const data = arrow.tableFromIPC(bytes);
		await this.conn.query(`DROP TABLE IF EXISTS ${ident(table)}`);
		await this.conn.insertArrowTable(data, { name: table, create: true });
	}

	private isolated: duckdb.AsyncDuckDBConnection | null = null;

	async queryIsolated(sql: string): Promise<IsolatedResult> {
		this.isolated ??= await this.db.connect();
		const conn = this.isolated;
		await conn.query('BEGIN TRANSACTION');
		try {
			const result = await conn.query(sql);
			return {
				columns: result.schema.fields.map((f) => ({ name: f.name, type: String(f.type) })),
				rows: rowsOfTable(result)
			};
		} finally {
			await conn.query('ROLLBACK');
		}
	}

	async close(): Promise<void> {
		await this.isolated?.close();
		await this.conn.close();
		await this.db.terminate();
		this.worker.terminate();
	}
}
