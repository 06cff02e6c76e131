/** A large user file's reader (parquet-wasm, a row group at a time) against the JavaScript reader, in DuckDB-WASM. */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as parquetWasm from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWasm, type WasmConnection } from './duckdb-wasm-node.test-support';
import { parquetFileMetadata } from './parquet-to-arrow';
import { ipcBatches, WASM_DECODER_FROM_ROWS, type DecodedBatch } from './parquet-wasm-batches';

const CODEC_FILES = join(process.cwd(), 'tests/parquet-files');
const scratch = mkdtempSync(join(tmpdir(), 'phakhi-pw-'));
let wasm: WasmConnection;

beforeAll(async () => {
	wasm = await openWasm();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function parquetOf(sql: string, options = ''): Promise<Uint8Array> {
	const path = join(scratch, `f${Math.random().toString(36).slice(2)}.parquet`);
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	await conn.run(`COPY (${sql}) TO '${path}' (FORMAT parquet${options})`);
	conn.closeSync();
	instance.closeSync();
	return new Uint8Array(readFileSync(path));
}

/** Reads `bytes` as the decoder's worker does (large files from `fromRows` rows) into `table`; the batches' readers and progress. */
async function load(bytes: Uint8Array, table: string, fromRows: number, sliceRows?: number) {
	const seen: Omit<DecodedBatch, 'ipc'>[] = [];
	wasm.query(`DROP TABLE IF EXISTS ${table}`);
	let create = true;
	for await (const { ipc, ...rest } of ipcBatches(bytes, table, async () => parquetWasm, fromRows, sliceRows)) {
		wasm.insertArrowFromIPCStream(ipc, { name: table, create });
		create = false;
		seen.push(rest);
	}
	return seen;
}

const rows = (sql: string) =>
	wasm
		.query(sql)
		.toArray()
		.map((r) =>
			Object.fromEntries(Object.entries(r.toJSON()).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))
		);
const types = (table: string) => rows(`SELECT column_name, column_type FROM (DESCRIBE ${table})`);
/** Rows of `a` not in `b`, and of `b` not in `a` (0 and 0: the same rows). */
const differences = (a: string, b: string) =>
	rows(
		`SELECT (SELECT count(*) FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b})) AS only_a,
		        (SELECT count(*) FROM (SELECT * FROM ${b} EXCEPT ALL SELECT * FROM ${a})) AS only_b`
	)[0];

describe('ipcBatches', () => {
	it.each(['uncompressed', 'snappy', 'gzip', 'zstd', 'lz4_raw', 'brotli'])(
		'reads a large %s-compressed file with parquet-wasm into the table the JavaScript reader gives',
		async (codec) => {
			const bytes = new Uint8Array(readFileSync(join(CODEC_FILES, `codec-${codec}.parquet`)));
			const large = await load(bytes, 'large', 0);
			expect(large.map((b) => b.reader)).toEqual(['parquet-wasm']);
			const small = await load(bytes, 'small', WASM_DECODER_FROM_ROWS);
			expect(small.map((b) => b.reader)).toEqual(['javascript']);
			expect(types('large')).toEqual(types('small'));
			expect(rows(`SELECT count(*) AS n FROM large`)[0].n).toBe(300);
			expect(differences('large', 'small')).toEqual({ only_a: 0, only_b: 0 });
		}
	);

	it('goes a row group at a time, saying how far it is', async () => {
		const bytes = await parquetOf(
			`SELECT 'P' || i AS code, i AS n, i % 2 = 0 AS even FROM range(5000) t(i)`,
			', ROW_GROUP_SIZE 2048'
		);
		const seen = await load(bytes, 'grouped', 0);
		expect(seen.length).toBeGreaterThan(1);
		expect(seen.every((b) => b.reader === 'parquet-wasm' && b.rowsTotal === 5000)).toBe(true);
		expect(seen.map((b) => b.rowsDone)).toEqual([...seen.map((b) => b.rowsDone)].sort((a, b) => a - b));
		expect(seen.at(-1)!.rowsDone).toBe(5000);
		expect(rows(`SELECT count(DISTINCT code) AS n FROM grouped`)[0].n).toBe(5000);
	});

	it('reads one large row group in slices of at most sliceRows rows, both readers giving the rows of the whole group', async () => {
		// One row group of 5 000 rows (as pyarrow and Polars write a file), text, numbers, dates and NULLs.
		const bytes = await parquetOf(
			`SELECT 'P' || i AS code, i AS n, i % 3 = 0 AS third, DATE '2024-01-01' + CAST(i % 400 AS INTEGER) AS day,
			        CASE WHEN i % 7 = 0 THEN NULL ELSE 'จังหวัด ' || (i % 77) END AS province
			 FROM range(5000) t(i)`,
			', ROW_GROUP_SIZE 100000'
		);
		expect(parquetFileMetadata(bytes, 'one-group.parquet').row_groups.length).toBe(1);
		const whole = await load(bytes, 'whole', 0, 100_000);
		expect(whole.map((b) => b.rowsDone)).toEqual([5000]);
		for (const fromRows of [0, WASM_DECODER_FROM_ROWS]) {
			const table = fromRows ? 'sliced_js' : 'sliced_wasm';
			const seen = await load(bytes, table, fromRows, 1200);
			expect(seen.map((b) => b.reader)).toEqual(Array(5).fill(fromRows ? 'javascript' : 'parquet-wasm'));
			expect(seen.map((b) => [b.rowsDone, b.rowsTotal])).toEqual([1200, 2400, 3600, 4800, 5000].map((n) => [n, 5000]));
			expect(types(table)).toEqual(types('whole'));
			expect(rows(`SELECT count(*) AS n, count(DISTINCT code) AS codes FROM ${table}`)[0]).toEqual({
				n: 5000,
				codes: 5000
			});
			expect(differences(table, 'whole')).toEqual({ only_a: 0, only_b: 0 });
		}
	});

	it('leaves timestamps, decimals and lists to the JavaScript reader, which the conformance corpus checks', async () => {
		for (const column of [`TIMESTAMP '2024-01-01' AS t`, `1.5::DECIMAL(9, 2) AS d`, `[1, 2] AS l`]) {
			const bytes = await parquetOf(`SELECT 'x' AS a, ${column} FROM range(10)`);
			expect((await load(bytes, 'other', 0)).map((b) => `${column}: ${b.reader}`)).toEqual([`${column}: javascript`]);
		}
	});
});
