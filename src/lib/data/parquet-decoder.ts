/**
 * Parquet → Arrow IPC in a worker of its own, so a large file (the ×500 benchmark, a user's
 * 100 MB export) does not hold the page up while it decodes. The file comes back a slice of rows at a
 * time (READ_SLICE_ROWS, whatever its row groups), the next decoded while the page takes this one in and
 * never more than one ahead (parquet-worker.ts), so a million rows are never all in JavaScript at once. One worker per page,
 * started on first use.
 */
import { isWholeBuffer } from '$lib/core/bytes';
import { ParquetDecodeError, type DecodeFailure, type OmittedColumn } from './parquet-to-arrow';
import { WASM_DECODER_FROM_ROWS } from './parquet-wasm-batches';

export type DecodeRequest =
	| { type: 'start'; id: number; bytes: Uint8Array; file: string }
	| { type: 'next'; id: number }
	| { type: 'stop'; id: number }
	/** Start now what a file about to come will need: the worker, and parquet-wasm if `wasm` (a large file). */
	| { type: 'warm'; wasm: boolean };

export type DecodeReply =
	| { id: number; ipc: Uint8Array; rowsDone: number; rowsTotal: number; omitted: OmittedColumn[] }
	/** `release`: the worker read with parquet-wasm or read a large file, whose memory only ending the worker gives back. */
	| { id: number; end: true; release?: boolean }
	/** `decode`: why the file is not readable (a ParquetDecodeError's detail and reason); false: the worker failed. */
	| { id: number; error: string; decode: DecodeFailure | false };

/** Takes one batch of Arrow IPC (rows decoded so far, of the file's rows). */
export type OnBatch = (ipc: Uint8Array, rowsDone: number, rowsTotal: number) => Promise<void>;

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { file: string; reply: (r: DecodeReply) => void; fail: (e: Error) => void }>();
/** The worker holds parquet-wasm's memory (a WebAssembly memory never shrinks) or a large file's heap: end it once nothing waits. */
let release = false;

function releaseWhenIdle(): void {
	if (!release || waiting.size > 0 || !worker) return;
	release = false;
	worker.terminate();
	worker = null;
}

function decoder(): Worker {
	if (worker) return worker;
	worker = new Worker(new URL('./parquet-worker.ts', import.meta.url), { type: 'module' });
	worker.onmessage = ({ data }: MessageEvent<DecodeReply>) => {
		if ('end' in data && data.release) release = true;
		waiting.get(data.id)?.reply(data);
	};
	worker.onerror = (event) => {
		// The worker itself could not run (its script failed to load): fail everything asked of it.
		const message = `the Parquet decoder could not start (${event.message || 'worker error'})`;
		for (const { file, fail } of waiting.values()) fail(new ParquetDecodeError(file, message));
		waiting.clear();
		worker?.terminate();
		worker = null;
	};
	return worker;
}

/**
 * Gets the decoder ready for a file that is still being fetched: its worker started, and for a file of
 * `rows` rows that parquet-wasm will read, parquet-wasm fetched and compiled, so neither waits for the
 * bytes (the coverage summary at a national size: issue 19).
 */
export function warmDecoder(rows: number): void {
	decoder().postMessage({ type: 'warm', wasm: rows >= WASM_DECODER_FROM_ROWS } satisfies DecodeRequest);
}

/**
 * Decodes a Parquet file's bytes (copied, or with `handOver` taken) and hands each slice's Arrow IPC stream to
 * `onBatch`, one at a time and in order. The worker decodes the next slice while `onBatch` takes
 * this one in (DuckDB's worker and the decoder's run side by side), and never more than one ahead, so
 * at most two slices are out of the file at once. Rejects with a ParquetDecodeError for a file the
 * reader refuses, or with `onBatch`'s own error (the worker then stops). Resolves with the columns the
 * reader left out (a type it does not know), named so the page can say so.
 */
export function decodeParquetBatches(
	bytes: Uint8Array,
	file: string,
	onBatch: OnBatch,
	handOver = false
): Promise<OmittedColumn[]> {
	return new Promise((resolve, reject) => {
		const id = nextId++;
		let omitted: OmittedColumn[] = [];
		/** A slice decoded and waiting for `onBatch` to finish the one before. */
		let waitingBatch: Extract<DecodeReply, { ipc: Uint8Array }> | null = null;
		let taking = false;
		let decoding = true;
		let ended = false;
		let failed = false;
		const done = (e?: Error) => {
			if (failed) return;
			waiting.delete(id);
			releaseWhenIdle();
			if (e) {
				failed = true;
				reject(e);
			} else resolve(omitted);
		};
		const askNext = () => {
			decoding = true;
			decoder().postMessage({ type: 'next', id } satisfies DecodeRequest);
		};
		const take = (batch: Extract<DecodeReply, { ipc: Uint8Array }>) => {
			taking = true;
			if (!decoding && !ended) askNext();
			onBatch(batch.ipc, batch.rowsDone, batch.rowsTotal).then(
				() => {
					taking = false;
					if (failed) return;
					const next = waitingBatch;
					waitingBatch = null;
					if (next) take(next);
					else if (ended) done();
				},
				(e: unknown) => {
					if (!ended) decoder().postMessage({ type: 'stop', id } satisfies DecodeRequest);
					done(e instanceof Error ? e : new Error(String(e)));
				}
			);
		};
		waiting.set(id, {
			file,
			fail: done,
			reply: (data) => {
				decoding = false;
				if ('end' in data) {
					ended = true;
					if (!taking) done();
					return;
				}
				if ('error' in data)
					return done(data.decode ? new ParquetDecodeError(file, data.error, data.decode) : new Error(data.error));
				omitted = data.omitted;
				if (taking) waitingBatch = data;
				else take(data);
			}
		});
		// Handed over (and the bytes are their whole buffer): the worker gets the buffer itself, not a copy (a
		// 100 MB file: 0.12 GB less at the tab's peak), and the caller's view of it is emptied.
		const transfer = handOver && isWholeBuffer(bytes);
		decoder().postMessage(
			{ type: 'start', id, bytes, file } satisfies DecodeRequest,
			transfer ? [bytes.buffer as ArrayBuffer] : []
		);
	});
}
