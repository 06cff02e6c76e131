/**
 * Decoded columns (coded-columns.ts) back into rows, as a query answers them: for lists the page shows
 * whole (a network's partners and projects). No Arrow here: the page loads it before any decoder.
 */
import type { CodedColumns } from './coded-columns';

/** How a column is read back into rows: a text, a number, or a boolean (stored as 0 or 1). */
export type ColumnKind = 'text' | 'number' | 'boolean';

/** The texts of `kinds`, to ask a reader to code them. */
export const textColumns = (kinds: Record<string, ColumnKind>): ReadonlySet<string> =>
	new Set(Object.keys(kinds).filter((name) => kinds[name] === 'text'));

/**
 * Decoded columns as row objects with the columns of `kinds` (no value: null), as a query would answer them.
 * A file with no rows may have no columns at all; a file with rows must have every column of `kinds`.
 */
export function rowsOfColumns<T>(columns: CodedColumns, kinds: Record<string, ColumnKind>, file: string): T[] {
	const names = Object.keys(kinds);
	const first = Object.values(columns)[0];
	const length = first === undefined ? 0 : !(first instanceof Float64Array) ? first.codes.length : first.length;
	if (length === 0) return [];
	const read = names.map((name): ((row: number) => unknown) => {
		const column = columns[name];
		if (column === undefined) throw new Error(`${file}: column "${name}" is missing`);
		if (kinds[name] === 'text') {
			if (column instanceof Float64Array) throw new Error(`${file}: column "${name}" is not text`);
			return (row) => (column.codes[row] < 0 ? null : column.dictionary[column.codes[row]]);
		}
		if (!(column instanceof Float64Array)) throw new Error(`${file}: column "${name}" is not numbers`);
		return kinds[name] === 'boolean'
			? (row) => (Number.isNaN(column[row]) ? null : column[row] !== 0)
			: (row) => (Number.isNaN(column[row]) ? null : column[row]);
	});
	const rows: T[] = new Array(length);
	for (let row = 0; row < length; row++) {
		const out: Record<string, unknown> = {};
		for (let c = 0; c < names.length; c++) out[names[c]] = read[c](row);
		rows[row] = out as T;
	}
	return rows;
}
