/**
 * Conformance on the Apache Parquet project's own test corpus (parquet-testing, in
 * ../shared/parquet-testing beside the repository): every file goes through the decoder the
 * browser's worker runs (parquetToArrow → Arrow IPC) into DuckDB-WASM — the browser's engine, run
 * here in Node — and, separately, through DuckDB's native reader (`read_parquet`, the data build's
 * path). Row counts and a checksum of every column's values must agree; the browser must read at
 * least every file DuckDB reads. The report lists each file either side refuses, with the reason.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARQUET_TESTING, PARQUET_TESTING_ABSENT, parquetTestingPresent } from '../../../tests/support/parquet-testing';
import { openWasm, type WasmConnection } from './duckdb-wasm-node.test-support';
import * as parquetWasm from 'parquet-wasm';
import {
	omittedColumns,
	ParquetDecodeError,
	parquetFileMetadata,
	parquetToArrow,
	type DecodeFailure
} from './parquet-to-arrow';
import { ipcBatches, wasmReadable } from './parquet-wasm-batches';

const CORPUS = PARQUET_TESTING;
const present = parquetTestingPresent;
if (!present) console.warn(`parquet conformance: skipped, ${PARQUET_TESTING_ABSENT}`);

const files = (sub: 'data' | 'bad_data') =>
	present
		? readdirSync(join(CORPUS, sub))
				.filter((f) => f.endsWith('.parquet'))
				.sort()
		: [];

/**
 * Rows where the browser deliberately differs from DuckDB's native reader, and why. They are left
 * out of the checksums and checked on their own.
 */
const KNOWN_DIFFERENCES: Record<string, { rows: number[]; why: string; browser: 'null' }> = {
	'int96_from_spark.parquet': {
		rows: [5],
		why: 'its 6th timestamp (Spark wrote a day about 294 000 years BCE) lies beyond what a TIMESTAMP holds (±290 000 years): DuckDB wraps it around to 226414 BC, the browser leaves it empty (NULL)',
		browser: 'null'
	}
};

type Reader = 'javascript' | 'parquet-wasm';

/** True when parquet-wasm would read the corpus file were it large (its footer readable, every column plain). */
function wasmTakes(file: string): boolean {
	try {
		return wasmReadable(parquetFileMetadata(new Uint8Array(readFileSync(join(CORPUS, 'data', file)))), 0);
	} catch {
		return false;
	}
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * One checksum per column: the md5 of the rows' md5s, in row order, of each value as text. The
 * browser's value is first cast to the type DuckDB's own reader gives the column (so a timestamp
 * in nanoseconds and one in microseconds compare by value).
 */
const checksumSql = (value: string, order: string, from: string) =>
	`SELECT md5(string_agg(md5(coalesce(${value}, '∅')), '' ORDER BY ${order})) AS sum FROM ${from}`;

/** How a value of a native column compares: as text, geometry as its WKB. */
function asText(column: string, nativeType: string, side: 'native' | 'browser'): string {
	if (nativeType.startsWith('GEOMETRY')) return side === 'native' ? `hex(ST_AsWKB(${q(column)}))` : `hex(${q(column)})`;
	if (side === 'native') return `CAST(${q(column)} AS VARCHAR)`;
	return `CAST(CAST(${q(column)} AS ${nativeType}) AS VARCHAR)`;
}

interface Outcome {
	rows?: number;
	error?: string;
	reason?: DecodeFailure;
}

describe.skipIf(!present)('the Apache parquet-testing corpus', () => {
	let native: DuckDBConnection;
	let nativeDb: DuckDBInstance;
	let wasm: WasmConnection;
	const report: string[] = [];
	const outcome = { native: 0, browser: 0 };

	beforeAll(async () => {
		nativeDb = await DuckDBInstance.create(':memory:');
		native = await nativeDb.connect();
		await native.run(`SET TimeZone = 'UTC'`);
		wasm = await openWasm();
	}, 60_000);

	afterAll(() => {
		native?.closeSync();
		nativeDb?.closeSync();
		if (report.length > 0) console.log(`parquet conformance:\n  ${report.join('\n  ')}`);
		console.log(
			`parquet conformance: DuckDB's native reader reads ${outcome.native}, the browser's reader ${outcome.browser} of ${files('data').length} files in data/`
		);
	});

	/** `values`: read every value (a count alone may skip the data pages), else only count the rows. */
	async function readNative(
		path: string,
		values = true
	): Promise<Outcome & { columns: { name: string; type: string }[] }> {
		try {
			const described = await native.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet($1)`, [path]);
			const columns = described
				.getRowObjectsJS()
				.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
			const counted = await native.runAndReadAll(`SELECT count(*) AS n FROM read_parquet($1)`, [path]);
			if (values)
				for (const { name, type } of columns)
					await native.runAndReadAll(
						checksumSql(asText(name, type, 'native'), 'file_row_number', `read_parquet($1, file_row_number = true)`),
						[path]
					);
			return { rows: Number(counted.getRowObjectsJS()[0].n), columns };
		} catch (e) {
			return { error: (e as Error).message.split('\n')[0], columns: [] };
		}
	}

	/** `reader`: the JavaScript reader (every file), or parquet-wasm (a large file of plain columns, parquet-wasm-batches.ts). */
	async function readBrowser(
		path: string,
		table: string,
		reader: Reader = 'javascript'
	): Promise<Outcome & { omitted: string[] }> {
		try {
			const bytes = new Uint8Array(readFileSync(path));
			const file = path.split('/').at(-1) ?? path;
			wasm.query(`DROP TABLE IF EXISTS ${table}`);
			if (reader === 'parquet-wasm') {
				// As the decoder's worker reads a large file: parquet-wasm, or the JavaScript reader where it cannot.
				let create = true;
				for await (const { ipc } of ipcBatches(bytes, file, async () => parquetWasm, 0)) {
					wasm.insertArrowFromIPCStream(ipc, { name: table, create });
					create = false;
				}
				const [{ n }] = wasm
					.query(`SELECT count(*) AS n FROM ${table}`)
					.toArray()
					.map((r) => r.toJSON());
				return { rows: Number(n), omitted: [] };
			}
			const decoded = await parquetToArrow(bytes, file);
			wasm.insertArrowFromIPCStream(tableToIPC(decoded, 'stream'), { name: table, create: true });
			const [{ n }] = wasm
				.query(`SELECT count(*) AS n FROM ${table}`)
				.toArray()
				.map((r) => r.toJSON());
			return { rows: Number(n), omitted: omittedColumns(decoded).map((o) => `${o.column} (${o.type})`) };
		} catch (e) {
			const reason = e instanceof ParquetDecodeError ? e.reason : undefined;
			return { error: (e as Error).message.split('\n')[0], reason, omitted: [] };
		}
	}

	it.each(files('data'))('data/%s: the browser reads what DuckDB reads, with the same values', (file) =>
		conforms(file, 'javascript')
	);

	// The files parquet-wasm would read were they large (a user's national export takes that path).
	it.each(files('data').filter(wasmTakes))('data/%s: parquet-wasm reads it as DuckDB does', (file) =>
		conforms(file, 'parquet-wasm')
	);

	async function conforms(file: string, reader: Reader): Promise<void> {
		const path = join(CORPUS, 'data', file);
		const ours = await readBrowser(path, 't', reader);
		// A file refused as too large for a browser is not unpacked by DuckDB here either (2 GB).
		const duck = await readNative(path, ours.reason !== 'too_large');
		if (reader === 'javascript') {
			if (duck.error === undefined) outcome.native++;
			if (ours.error === undefined) outcome.browser++;
		}
		if (ours.error !== undefined) report.push(`${file}: ${reader} refuses it (${ours.reason}): ${ours.error}`);
		if (duck.error !== undefined) report.push(`${file}: DuckDB refuses it: ${duck.error}`);
		if (ours.omitted.length > 0) report.push(`${file}: columns left out: ${ours.omitted.join(', ')}`);
		if (duck.error !== undefined || ours.error !== undefined) {
			// A file DuckDB reads, the browser reads too, unless it unpacks to more than a browser holds.
			if (duck.error === undefined && ours.reason !== 'too_large')
				expect(ours.error, `${file}: DuckDB reads it`).toBeUndefined();
			return;
		}
		expect(ours.rows, `${file}: rows`).toBe(duck.rows);
		const known = KNOWN_DIFFERENCES[file];
		if (known) report.push(`${file}: rows ${known.rows.map((r) => r + 1).join(', ')} differ on purpose: ${known.why}`);
		const skip = (column: string) => (known ? `${column} NOT IN (${known.rows.join(', ')})` : 'true');
		const differ: string[] = [];
		for (const { name, type } of duck.columns) {
			if (ours.omitted.some((o) => o.startsWith(`${name} (`))) continue;
			const expected = await native.runAndReadAll(
				checksumSql(
					asText(name, type, 'native'),
					'file_row_number',
					`read_parquet($1, file_row_number = true) WHERE ${skip('file_row_number')}`
				),
				[path]
			);
			let actual: unknown;
			try {
				actual = wasm
					.query(checksumSql(asText(name, type, 'browser'), 'rowid', `t WHERE ${skip('rowid')}`))
					.toArray()[0]
					.toJSON().sum;
			} catch (e) {
				actual = `error: ${(e as Error).message.split('\n')[0]}`;
			}
			if (actual !== expected.getRowObjectsJS()[0].sum)
				differ.push(`${name} (${type}): ${String(actual).slice(0, 160)}`);
			if (known)
				for (const row of known.rows)
					expect(
						wasm
							.query(`SELECT ${q(name)} IS NULL AS empty FROM t WHERE rowid = ${row}`)
							.toArray()[0]
							.toJSON().empty
					).toBe(true);
		}
		expect(differ, `${file}: columns whose values differ`).toEqual([]);
	}

	// The malformed files: refused with a reason the page can put in plain words, never an internal
	// error; a file DuckDB reads as it is, and whose data is sound, is read with the same values.
	it.each(files('bad_data'))('bad_data/%s: refused with a reason, or read as DuckDB reads it', async (file) => {
		const path = join(CORPUS, 'bad_data', file);
		const ours = await readBrowser(path, 'b');
		if (ours.error !== undefined) {
			report.push(`bad_data/${file}: refused (${ours.reason}): ${ours.error}`);
			expect(ours.reason, `${file}: ${ours.error}`).toMatch(/^(not_parquet|damaged|too_large|no_columns)$/);
			return;
		}
		const duck = await readNative(path);
		report.push(`bad_data/${file}: read, ${ours.rows} rows (DuckDB: ${duck.error ?? `${duck.rows} rows`})`);
		expect(duck.error, `${file}: the browser reads it, DuckDB does not`).toBeUndefined();
		expect(ours.rows).toBe(duck.rows);
		for (const { name, type } of duck.columns) {
			const expected = await native.runAndReadAll(
				checksumSql(asText(name, type, 'native'), 'file_row_number', `read_parquet($1, file_row_number = true)`),
				[path]
			);
			const actual = wasm
				.query(checksumSql(asText(name, type, 'browser'), 'rowid', 'b'))
				.toArray()[0]
				.toJSON().sum;
			expect(actual, `${file}: ${name}`).toBe(expected.getRowObjectsJS()[0].sum);
		}
	});

	it('reads at least as many files as DuckDB does', () => {
		expect(outcome.browser).toBeGreaterThanOrEqual(outcome.native);
	});
});
