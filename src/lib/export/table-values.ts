/** The typed values behind a table: what CSV and Parquet exports write. */
import { MISSING, type TableColumn, type TableData, type TableRow } from '$lib/core/table';

export type CellValue = string | number | null;

/** A cell's plain value: the row's `raw` value when it has one, else the text shown ("–" = missing). */
export function cellValue(row: TableRow, column: TableColumn): CellValue {
	if (row.raw && column.key in row.raw) {
		const v = row.raw[column.key];
		return typeof v === 'number' && !Number.isFinite(v) ? null : v;
	}
	const text = row.cells[column.key];
	return text === undefined || text === MISSING ? null : text;
}

export type ColumnKind = 'integer' | 'double' | 'text';

/** Numbers only (or missing): integers when every value is a whole number that fits 32 bits, else doubles. */
export function columnKind(table: TableData, column: TableColumn): ColumnKind {
	const values = table.rows.map((r) => cellValue(r, column)).filter((v) => v !== null);
	if (values.length === 0) return column.numeric ? 'double' : 'text';
	if (!values.every((v) => typeof v === 'number')) return 'text';
	return (values as number[]).every((v) => Number.isInteger(v) && Math.abs(v) < 2 ** 31) ? 'integer' : 'double';
}

/** Column labels made unique ("Thailand", "Thailand (2)"): files need distinct column names. */
export function uniqueLabels(columns: readonly TableColumn[]): string[] {
	const seen = new Map<string, number>();
	return columns.map((c) => {
		const label = c.label.trim() || c.key;
		const n = (seen.get(label) ?? 0) + 1;
		seen.set(label, n);
		return n === 1 ? label : `${label} (${n})`;
	});
}
