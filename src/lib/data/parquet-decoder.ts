/**
 * Parquet → Arrow IPC in a worker of its own, so a large file (the ×500 benchmark, a user's
 * 100 MB export) does not hold the page up while it decodes. One worker per page, started on
 * first use; requests are answered in order.
 */
import { ParquetDecodeError, type DecodeFailure } from './parquet-to-arrow';

export interface DecodeRequest {
	id: number;
	bytes: Uint8Array;
	file: string;
}

export type DecodeReply =
	| { id: number; ipc: Uint8Array }
	/** `decode`: why the file is not readable (a ParquetDecodeError's detail and reason); false: the worker failed. */
	| { id: number; error: string; decode: DecodeFailure | false };

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { file: string; resolve: (ipc: Uint8Array) => void; reject: (e: Error) => void }>();

function decoder(): Worker {
	if (worker) return worker;
	worker = new Worker(new URL('./parquet-worker.ts', import.meta.url), { type: 'module' });
	worker.onmessage = ({ data }: MessageEvent<DecodeReply>) => {
		const request = waiting.get(data.id);
		if (!request) return;
		waiting.delete(data.id);
		if ('ipc' in data) request.resolve(data.ipc);
		else
			request.reject(
				data.decode ? new ParquetDecodeError(request.file, data.error, data.decode) : new Error(data.error)
			);
	};
	worker.onerror = (event) => {
		// The worker itself could not run (its script failed to load): fail everything asked of it.
		const message = `the Parquet decoder could not start (${event.message || 'worker error'})`;
		for (const { file, reject } of waiting.values()) reject(new ParquetDecodeError(file, message));
		waiting.clear();
		worker?.terminate();
		worker = null;
	};
	return worker;
}

/** The Arrow IPC stream of a Parquet file's bytes (which are copied, not taken). */
export function decodeParquet(bytes: Uint8Array, file: string): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		const id = nextId++;
		waiting.set(id, { file, resolve, reject });
		decoder().postMessage({ id, bytes, file } satisfies DecodeRequest);
	});
}
