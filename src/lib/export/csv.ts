/**
 * CSV of a view's table (RFC 4180): a UTF-8 byte-order mark so Excel reads Thai as UTF-8,
 * one header row with the column labels in the page language, CRLF line ends, fields quoted
 * when they hold a comma, a quote, a line break or surrounding spaces. Numbers are written
 * unformatted (full precision, "." as the decimal point, no thousands separators); missing values are empty.
 */
import type { TableData } from '$lib/core/table';
import { cellValue, uniqueLabels, type CellValue } from './table-values';

export const BOM = '\uFEFF';

export function csvField(value: CellValue): string {
	if (value === null) return '';
	const text = typeof value === 'number' ? String(value) : value;
	return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: TableData): string {
	const lines = [
		uniqueLabels(table.columns).map(csvField).join(','),
		...table.rows.map((row) => table.columns.map((c) => csvField(cellValue(row, c))).join(','))
	];
	return BOM + lines.join('\r\n') + '\r\n';
}
