/**
 * Parquet → Arrow IPC in a worker of its own, so a large file (the ×500 benchmark, a user's
 * 100 MB export) does not hold the page up while it decodes. The file comes back one row group at a
 * time, each asked for when the previous one is taken in (parquet-worker.ts), so a million rows are
 * never all in JavaScript at once. One worker per page, started on first use.
 */
import { ParquetDecodeError, type DecodeFailure, type OmittedColumn } from './parquet-to-arrow';

export type DecodeRequest =
	| { type: 'start'; id: number; bytes: Uint8Array; file: string }
	| { type: 'next'; id: number }
	| { type: 'stop'; id: number };

export type DecodeReply =
	| { id: number; ipc: Uint8Array; rowsDone: number; rowsTotal: number; omitted: OmittedColumn[] }
	| { id: number; end: true }
	/** `decode`: why the file is not readable (a ParquetDecodeError's detail and reason); false: the worker failed. */
	| { id: number; error: string; decode: DecodeFailure | false };

/** Takes one batch of Arrow IPC (rows decoded so far, of the file's rows). */
export type OnBatch = (ipc: Uint8Array, rowsDone: number, rowsTotal: number) => Promise<void>;

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { file: string; reply: (r: DecodeReply) => void; fail: (e: Error) => void }>();

function decoder(): Worker {
	if (worker) return worker;
	worker = new Worker(new URL('./parquet-worker.ts', import.meta.url), { type: 'module' });
	worker.onmessage = ({ data }: MessageEvent<DecodeReply>) => waiting.get(data.id)?.reply(data);
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
 * Decodes a Parquet file's bytes (copied, not taken) and hands each row group's Arrow IPC stream to
 * `onBatch`, waiting for it before the next is decoded. Rejects with a ParquetDecodeError for a file
 * the reader refuses, or with `onBatch`'s own error (the worker then stops). Resolves with the
 * columns the reader left out (a type it does not know), named so the page can say so.
 */
export function decodeParquetBatches(bytes: Uint8Array, file: string, onBatch: OnBatch): Promise<OmittedColumn[]> {
	return new Promise((resolve, reject) => {
		const id = nextId++;
		let omitted: OmittedColumn[] = [];
		const done = (e?: Error) => {
			waiting.delete(id);
			if (e) reject(e);
			else resolve(omitted);
		};
		waiting.set(id, {
			file,
			fail: done,
			reply: (data) => {
				if ('end' in data) return done();
				if ('error' in data)
					return done(data.decode ? new ParquetDecodeError(file, data.error, data.decode) : new Error(data.error));
				omitted = data.omitted;
				onBatch(data.ipc, data.rowsDone, data.rowsTotal).then(
					() => decoder().postMessage({ type: 'next', id } satisfies DecodeRequest),
					(e: unknown) => {
						decoder().postMessage({ type: 'stop', id } satisfies DecodeRequest);
						done(e instanceof Error ? e : new Error(String(e)));
					}
				);
			}
		});
		decoder().postMessage({ type: 'start', id, bytes, file } satisfies DecodeRequest);
	});
}
