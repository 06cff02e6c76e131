/** Sorting a table's rows by one column: numbers as numbers (formatted text with separators), text by locale. */
import type { TableColumn, TableRow } from '$lib/core/table';

export interface SortState {
	key: string;
	descending: boolean;
}

const asNumber = (text: string | undefined): number => {
	const n = Number((text ?? '').replace(/[,\s\u00a0]/g, '').replace('−', '-'));
	return Number.isFinite(n) ? n : Number.NEGATIVE_INFINITY;
};

export function sortRows(rows: readonly TableRow[], columns: readonly TableColumn[], sort: SortState | null): TableRow[] {
	if (!sort) return [...rows];
	const column = columns.find((c) => c.key === sort.key);
	if (!column) return [...rows];
	const direction = sort.descending ? -1 : 1;
	const compare = column.numeric
		? (a: TableRow, b: TableRow) => asNumber(a.cells[sort.key]) - asNumber(b.cells[sort.key])
		: (a: TableRow, b: TableRow) => (a.cells[sort.key] ?? '').localeCompare(b.cells[sort.key] ?? '', 'th');
	return rows
		.map((row, index) => ({ row, index }))
		.sort((a, b) => direction * compare(a.row, b.row) || a.index - b.index)
		.map(({ row }) => row);
}

/** Clicking a header: sort by it ascending, then descending, then back to the original order. */
export function nextSort(current: SortState | null, key: string): SortState | null {
	if (current?.key !== key) return { key, descending: false };
	return current.descending ? null : { key, descending: true };
}
