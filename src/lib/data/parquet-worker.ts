/**
 * Decodes Parquet off the page's main thread, a slice of rows at a time: bytes in, one Arrow IPC stream
 * per slice out (transferred, not copied), each sent when the page asks for the next, so a large
 * file is never decoded faster than DuckDB takes it in. See parquet-decoder.ts. A large file of plain
 * columns is read by parquet-wasm (parquet-wasm-batches.ts; its WebAssembly served by the app, fetched
 * only then), everything else by the JavaScript reader (parquet-to-arrow.ts).
 */
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { ParquetDecodeError } from './parquet-to-arrow';
import { ipcBatches, WASM_DECODER_FROM_ROWS, type DecodedBatch, type ParquetWasm } from './parquet-wasm-batches';
import type { DecodeReply, DecodeRequest } from './parquet-decoder';

/** The worker's global scope (the project's types are the page's, not a worker's). */
const scope = self as unknown as {
	onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
	postMessage(message: DecodeReply, transfer?: Transferable[]): void;
};

let wasm: Promise<ParquetWasm> | null = null;
/** parquet-wasm, started once, from the app's own copy of its WebAssembly. */
function parquetWasm(): Promise<ParquetWasm> {
	if (!wasm) {
		const starting = import('parquet-wasm/esm').then(async (module) => {
			await module.default({ module_or_path: wasmUrl });
			return module;
		});
		wasm = starting;
		// A failed start may be tried again by the next file.
		starting.catch(() => {
			if (wasm === starting) wasm = null;
		});
	}
	return wasm;
}

/**
 * Set once a file was read by parquet-wasm, or a large one (WASM_DECODER_FROM_ROWS rows) by the
 * JavaScript reader: the page may end this worker to give its memory back (a WebAssembly memory never
 * shrinks, and a JavaScript heap that held a row group of a million rows stays large for a long while).
 */
let heldLarge = false;

const reading = new Map<number, AsyncGenerator<DecodedBatch>>();

scope.onmessage = async ({ data }: MessageEvent<DecodeRequest>) => {
	if (data.type === 'warm') {
		// Ready before the file comes; a failure here is met again, and reported, by the file itself.
		if (data.wasm) parquetWasm().catch(() => undefined);
		return;
	}
	const { id } = data;
	if (data.type === 'start') reading.set(id, ipcBatches(data.bytes, data.file, parquetWasm));
	const batches = reading.get(id);
	if (!batches) return;
	if (data.type === 'stop') {
		reading.delete(id);
		await batches.return(undefined);
		return;
	}
	let reply: DecodeReply;
	try {
		const next = await batches.next();
		if (next.done) {
			reading.delete(id);
			scope.postMessage({ id, end: true, release: heldLarge && reading.size === 0 });
			return;
		}
		const { ipc, rowsDone, rowsTotal, omitted, reader } = next.value;
		if (reader === 'parquet-wasm' || rowsTotal >= WASM_DECODER_FROM_ROWS) heldLarge = true;
		reply = { id, ipc, rowsDone, rowsTotal, omitted };
		scope.postMessage(reply, [ipc.buffer]);
		return;
	} catch (e) {
		reading.delete(id);
		reply =
			e instanceof ParquetDecodeError
				? { id, error: e.detail, decode: e.reason }
				: { id, error: e instanceof Error ? e.message : String(e), decode: false };
	}
	scope.postMessage(reply);
};
