/**
 * Parquet of a view's table, written in the browser with hyparquet-writer (pure JS; DuckDB-WASM
 * cannot write Parquet offline). Columns are named with the labels the page shows; numbers are
 * INT32 when every value is a whole number (ranks, years, counts), else DOUBLE; text is UTF-8.
 * The title, filters, sources and export date travel in the file's key-value metadata.
 */
import type { TableData } from '$lib/core/table';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { cellValue, columnKind, uniqueLabels } from './table-values';

export function toParquet(table: TableData, metadata: Record<string, string> = {}): Uint8Array {
	const names = uniqueLabels(table.columns);
	const columnData = table.columns.map((column, i) => {
		const kind = columnKind(table, column);
		const values = table.rows.map((r) => cellValue(r, column));
		if (kind === 'text')
			return { name: names[i], type: 'STRING' as const, data: values.map((v) => (v === null ? null : String(v))) };
		return { name: names[i], type: kind === 'integer' ? ('INT32' as const) : ('DOUBLE' as const), data: values };
	});
	const buffer = parquetWriteBuffer({
		columnData,
		kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
		createdBy: 'Phakhi Atlas (hyparquet-writer)'
	});
	return new Uint8Array(buffer);
}
