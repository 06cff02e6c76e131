/**
 * Decodes Parquet off the page's main thread, one row group at a time: bytes in, one Arrow IPC stream
 * per row group out (transferred, not copied), each sent when the page asks for the next, so a large
 * file is never decoded faster than DuckDB takes it in. See parquet-decoder.ts.
 */
import { tableToIPC } from 'apache-arrow';
import { parquetBatches, ParquetDecodeError, type ParquetBatch } from './parquet-to-arrow';
import type { DecodeReply, DecodeRequest } from './parquet-decoder';

/** The worker's global scope (the project's types are the page's, not a worker's). */
const scope = self as unknown as {
	onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
	postMessage(message: DecodeReply, transfer?: Transferable[]): void;
};

const reading = new Map<number, AsyncGenerator<ParquetBatch>>();

scope.onmessage = async ({ data }: MessageEvent<DecodeRequest>) => {
	const { id } = data;
	if (data.type === 'start') reading.set(id, parquetBatches(data.bytes, data.file));
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
			scope.postMessage({ id, end: true });
			return;
		}
		const ipc = tableToIPC(next.value.table, 'stream');
		const { rowsDone, rowsTotal, omitted } = next.value;
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
