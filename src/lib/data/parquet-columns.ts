/**
 * A Parquet file's columns for an in-memory index that needs no DuckDB (the coverage summary): decoded
 * in the decoder's worker (parquet-decoder.ts) and coded here from each row group's Arrow, a
 * dictionary-encoded text keeping its codes. The browser's counterpart of coded-columns.ts's parquetColumns.
 */
import { tableFromIPC } from 'apache-arrow';
import { codedColumnsOfTable, concatCoded, type CodedColumns } from './coded-columns';
import { decodeParquetBatches, warmDecoder } from './parquet-decoder';

export { warmDecoder };

export async function decodeParquetColumns(
	bytes: Uint8Array,
	file: string,
	text: ReadonlySet<string>
): Promise<CodedColumns> {
	const parts: CodedColumns[] = [];
	await decodeParquetBatches(bytes, file, async (ipc) => {
		parts.push(codedColumnsOfTable(tableFromIPC(ipc), text));
	});
	return concatCoded(parts);
}
