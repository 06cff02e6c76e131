/** Reads a workbook off the page's main thread: bytes in, one CSV table per sheet out. See workbook.ts. */
import { workbookTables, WorkbookError } from './workbook';
import type { WorkbookReply, WorkbookRequest } from './workbook-reader';

const scope = self as unknown as {
	onmessage: ((event: MessageEvent<WorkbookRequest>) => void) | null;
	postMessage(message: WorkbookReply, transfer?: Transferable[]): void;
};

scope.onmessage = ({ data: { id, bytes, file } }: MessageEvent<WorkbookRequest>) => {
	try {
		const sheets = workbookTables(bytes, file);
		scope.postMessage(
			{ id, sheets },
			sheets.map((s) => s.csv.buffer as ArrayBuffer)
		);
	} catch (e) {
		scope.postMessage({
			id,
			error: e instanceof WorkbookError ? e.detail : e instanceof Error ? e.message : String(e)
		});
	}
};
