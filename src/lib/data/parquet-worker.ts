/**
 * Decodes Parquet off the page's main thread: bytes in, an Arrow IPC stream out (transferred, not
 * copied), ready for DuckDB-WASM's insertArrowFromIPCStream. See parquet-decoder.ts.
 */
import { tableToIPC } from 'apache-arrow';
import { parquetToArrow, ParquetDecodeError } from './parquet-to-arrow';
import type { DecodeReply, DecodeRequest } from './parquet-decoder';

/** The worker's global scope (the project's types are the page's, not a worker's). */
const scope = self as unknown as {
	onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
	postMessage(message: DecodeReply, transfer?: Transferable[]): void;
};

scope.onmessage = async ({ data: { id, bytes, file } }: MessageEvent<DecodeRequest>) => {
	let reply: DecodeReply;
	try {
		const ipc = tableToIPC(await parquetToArrow(bytes, file), 'stream');
		reply = { id, ipc };
		scope.postMessage(reply, [ipc.buffer]);
		return;
	} catch (e) {
		reply =
			e instanceof ParquetDecodeError
				? { id, error: e.detail, decode: e.reason }
				: { id, error: e instanceof Error ? e.message : String(e), decode: false };
	}
	scope.postMessage(reply);
};
