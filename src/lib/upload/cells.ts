/**
 * Console results as a table: DuckDB values (BigInt, dates, lists, structs, blobs, Arrow
 * vectors from the browser) made into text to show and plain values to export.
 */
import type { TableData } from '$lib/core/table';

export type PlainCell = string | number | null;

/** A value fit for CSV and Parquet: numbers stay numbers, everything else becomes text. */
export function plainCell(value: unknown): PlainCell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
	if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
	if (typeof value === 'string') return value;
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (value instanceof Date)
		return Number.isNaN(value.getTime()) ? null : value.toISOString().replace('T00:00:00.000Z', '');
	if (value instanceof Uint8Array)
		return `\\x${[...value.subarray(0, 64)].map((b) => b.toString(16).padStart(2, '0')).join('')}${value.length > 64 ? '…' : ''}`;
	return stringify(value);
}

function stringify(value: unknown, depth = 0): string {
	if (depth > 4) return '…';
	if (value === null || value === undefined) return 'NULL';
	if (typeof value === 'bigint') return value.toString();
	if (typeof value === 'string') return depth === 0 ? value : JSON.stringify(value);
	if (typeof value !== 'object') return String(value);
	if (value instanceof Date) return value.toISOString();
	const v = value as { toArray?: () => unknown; toJSON?: () => unknown };
	if (typeof v.toArray === 'function' && !Array.isArray(value))
		return stringify(Array.from(v.toArray() as ArrayLike<unknown>), depth);
	if (Array.isArray(value))
		return `[${value
			.slice(0, 50)
			.map((x) => stringify(x, depth + 1))
			.join(', ')}${value.length > 50 ? ', …' : ''}]`;
	if (ArrayBuffer.isView(value)) return stringify(Array.from(value as unknown as ArrayLike<unknown>), depth);
	const obj = typeof v.toJSON === 'function' ? v.toJSON() : value;
	if (obj === null || typeof obj !== 'object') return stringify(obj, depth + 1);
	return `{${Object.entries(obj as Record<string, unknown>)
		.map(([k, x]) => `${k}: ${stringify(x, depth + 1)}`)
		.join(', ')}}`;
}

/** The text a cell shows: NULL as "NULL", numbers unformatted (researchers want the digits). */
export function displayCell(value: unknown): string {
	const plain = plainCell(value);
	return plain === null ? 'NULL' : String(plain);
}

const NUMERIC_TYPE =
	/^(Int|Uint|Float|Decimal|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|REAL|DECIMAL)/i;

/** A console result as the TableData that DataTable shows and the CSV and Parquet exports write. */
export function resultTable(
	columns: readonly { name: string; type: string }[],
	rows: readonly Record<string, unknown>[],
	limit = Infinity
): TableData {
	const cols = columns.map((c, i) => ({ key: `c${i}`, label: c.name, numeric: NUMERIC_TYPE.test(c.type) }));
	return {
		columns: cols,
		rows: rows.slice(0, limit).map((row, r) => {
			const cells: Record<string, string> = {};
			const raw: Record<string, PlainCell> = {};
			columns.forEach((c, i) => {
				cells[`c${i}`] = displayCell(row[c.name]);
				raw[`c${i}`] = plainCell(row[c.name]);
			});
			return { key: String(r), cells, raw };
		})
	};
}
