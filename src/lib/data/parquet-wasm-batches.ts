/**
 * A large Parquet file of plain columns read by parquet-wasm (Rust's arrow-rs Parquet reader compiled to
 * WebAssembly, served by the app itself), a slice of rows at a time, as Arrow IPC for DuckDB: a million
 * projects decode in about 2 s where the JavaScript reader (parquet-to-arrow.ts, hyparquet) takes 10
 * (issue 19). Only files whose every column is one of the plain types below take this path, so the
 * table DuckDB gets has the types the JavaScript reader would give it; every other file (timestamps,
 * decimals, INT96, lists, structs, maps, the Hadoop LZ4 framing) and every small file stays with the
 * JavaScript reader, which the conformance corpus checks (parquet-conformance.test.ts checks this path
 * too, on the corpus files it takes).
 */
import { tableToIPC } from 'apache-arrow';
import type { FileMetaData, SchemaElement } from 'hyparquet';
import {
	parquetBatches,
	parquetFileMetadata,
	ParquetDecodeError,
	READ_SLICE_ROWS,
	type OmittedColumn
} from './parquet-to-arrow';

/** The part of parquet-wasm used here (its browser build in the decoder's worker, its Node build in tests). */
export interface ParquetWasm {
	ParquetFile: {
		fromFile(handle: Blob): Promise<{
			read(options: { rowGroups: number[]; offset: number; limit: number; batchSize: number }): Promise<{
				intoIPCStream(): Uint8Array;
			}>;
			free(): void;
		}>;
	};
}

/** From this many rows a file is read by parquet-wasm when it can be (below, the JavaScript reader is as fast). */
export const WASM_DECODER_FROM_ROWS = 100_000;

/** The codecs parquet-wasm reads (the older Hadoop LZ4 framing is left to the JavaScript reader). */
const WASM_CODECS = new Set(['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'BROTLI', 'ZSTD', 'LZ4_RAW']);

/** Integer annotations both readers read as the Arrow integer of that width and sign. */
const INTEGERS = new Set(['INT_8', 'INT_16', 'INT_32', 'INT_64', 'UINT_8', 'UINT_16', 'UINT_32', 'UINT_64']);

/** A top-level column both readers turn into the same Arrow type: text, booleans, integers, floats, dates. */
function plainColumn(el: SchemaElement): boolean {
	if (el.repetition_type === 'REPEATED' || el.num_children) return false;
	const logical = el.logical_type?.type;
	const converted = el.converted_type;
	switch (el.type) {
		case 'BOOLEAN':
		case 'FLOAT':
		case 'DOUBLE':
			return !converted && !logical;
		case 'INT32':
		case 'INT64':
			if (el.type === 'INT32' && converted === 'DATE') return !logical || logical === 'DATE';
			return (!converted || INTEGERS.has(converted)) && (!logical || logical === 'INTEGER');
		case 'BYTE_ARRAY':
			return el.converted_type === 'UTF8' && (!logical || logical === 'STRING');
		default:
			return false;
	}
}

/** True when parquet-wasm reads this file (footer read by hyparquet) into the Arrow types the JavaScript reader gives. */
export function wasmReadable(metadata: FileMetaData, fromRows = WASM_DECODER_FROM_ROWS): boolean {
	const [root, ...columns] = metadata.schema;
	const rows = metadata.row_groups.reduce((n, g) => n + Number(g.num_rows), 0);
	return (
		rows >= Math.max(1, fromRows) &&
		columns.length > 0 &&
		root.num_children === columns.length &&
		columns.every(plainColumn) &&
		metadata.row_groups.every((g) => g.columns.every((c) => c.meta_data && WASM_CODECS.has(c.meta_data.codec)))
	);
}

export interface IpcBatch {
	ipc: Uint8Array;
	rowsDone: number;
	rowsTotal: number;
}

/** One slice of rows as Arrow IPC for DuckDB, the columns left out, and which reader read it. */
export interface DecodedBatch extends IpcBatch {
	omitted: OmittedColumn[];
	reader: 'parquet-wasm' | 'javascript';
}

/**
 * A Parquet file as Arrow IPC, a slice of at most `sliceRows` rows at a time: by parquet-wasm when
 * wasmReadable says so (started by `wasm` only then), else, or when parquet-wasm cannot start on the file
 * (its first slice fails), by the JavaScript reader. A failure after the first slice is the file's
 * (damaged). Throws a ParquetDecodeError for a file neither reads.
 */
export async function* ipcBatches(
	bytes: Uint8Array,
	file: string,
	wasm: () => Promise<ParquetWasm>,
	fromRows = WASM_DECODER_FROM_ROWS,
	sliceRows = READ_SLICE_ROWS
): AsyncGenerator<DecodedBatch> {
	const metadata = parquetFileMetadata(bytes, file);
	if (wasmReadable(metadata, fromRows)) {
		let sent = false;
		try {
			for await (const batch of wasmBatches(await wasm(), bytes, metadata, sliceRows)) {
				sent = true;
				yield { ...batch, omitted: [], reader: 'parquet-wasm' };
			}
			return;
		} catch (e) {
			if (sent)
				throw new ParquetDecodeError(file, `could not be decoded (${e instanceof Error ? e.message : String(e)})`);
			// parquet-wasm could not start on it: the JavaScript reader reads the whole file.
		}
	}
	for await (const { table, rowsDone, rowsTotal, omitted } of parquetBatches(bytes, file, sliceRows))
		yield { ipc: tableToIPC(table, 'stream'), rowsDone, rowsTotal, omitted, reader: 'javascript' };
}

/**
 * The file's rows as Arrow IPC streams of at most `sliceRows` rows (a slice never spans row groups),
 * each decoded only when asked for. Each slice is its own read of the group (`offset`, `limit`):
 * parquet-wasm's `stream` collects a whole row group before it yields any of it, so a million-row group
 * took 1–2.9 GB of the decoder's memory; read a slice at a time it takes ≈ 0.4 GB, and skipping the rows
 * before a slice costs less than decoding them (a one-group million rows: 1.8 s against 2.7 s whole).
 */
export async function* wasmBatches(
	pw: ParquetWasm,
	bytes: Uint8Array,
	metadata: FileMetaData,
	sliceRows = READ_SLICE_ROWS
): AsyncGenerator<IpcBatch> {
	const groups = metadata.row_groups.map((g) => Number(g.num_rows));
	const rowsTotal = groups.reduce((a, b) => a + b, 0);
	const step = Math.max(1, Math.floor(sliceRows));
	// From a Blob, only each group's byte ranges are copied into the decoder's memory, not the whole file.
	const file = await pw.ParquetFile.fromFile(new Blob([bytes as Uint8Array<ArrayBuffer>]));
	try {
		let rowsDone = 0;
		for (const [g, rows] of groups.entries())
			for (let offset = 0; offset < rows; offset += step) {
				const limit = Math.min(step, rows - offset);
				// One record batch per slice: DuckDB takes few large batches fastest.
				const slice = await file.read({ rowGroups: [g], offset, limit, batchSize: limit });
				rowsDone += limit;
				yield { ipc: slice.intoIPCStream(), rowsDone, rowsTotal };
			}
	} finally {
		file.free();
	}
}
