/** The page's side of the workbook worker: one worker, started on first use and ended when idle, requests answered by id. */
import { WorkbookError, type SheetTable } from './workbook';

export interface WorkbookRequest {
	id: number;
	bytes: Uint8Array;
	file: string;
}

export type WorkbookReply = { id: number; sheets: SheetTable[] } | { id: number; error: string };

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { file: string; resolve: (s: SheetTable[]) => void; reject: (e: Error) => void }>();

function reader(): Worker {
	if (worker) return worker;
	worker = new Worker(new URL('./workbook-worker.ts', import.meta.url), { type: 'module' });
	worker.onmessage = ({ data }: MessageEvent<WorkbookReply>) => {
		const request = waiting.get(data.id);
		if (!request) return;
		waiting.delete(data.id);
		// Ended once nothing waits: reading a large workbook grows the worker's heap by gigabytes (170 000
		// rows: ≈ 1.3 GB), which only ending it gives back at once. The next workbook starts a new one.
		if (waiting.size === 0) {
			worker?.terminate();
			worker = null;
		}
		if ('sheets' in data) request.resolve(data.sheets);
		else request.reject(new WorkbookError(request.file, data.error));
	};
	worker.onerror = (event) => {
		const message = `the workbook reader could not start (${event.message || 'worker error'})`;
		for (const { file, reject } of waiting.values()) reject(new WorkbookError(file, message));
		waiting.clear();
		worker?.terminate();
		worker = null;
	};
	return worker;
}

/** The sheets of a workbook as CSV tables, read in the worker (the bytes are copied, not taken). */
export function readWorkbook(bytes: Uint8Array, file: string): Promise<SheetTable[]> {
	return new Promise((resolve, reject) => {
		const id = nextId++;
		waiting.set(id, { file, resolve, reject });
		reader().postMessage({ id, bytes, file } satisfies WorkbookRequest);
	});
}
