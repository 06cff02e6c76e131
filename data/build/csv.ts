import type { BuildError } from './errors.ts';

/**
 * A tiny parser for the unquoted, comma-separated source files. It keeps the
 * 1-based line number of every row so errors can point at it.
 */

export interface CsvRow {
	/** 1-based line number in the file; the header is line 1. */
	line: number;
	values: Readonly<Record<string, string>>;
}

export interface CsvTable {
	file: string;
	header: readonly string[];
	rows: readonly CsvRow[];
}

export interface CsvResult {
	table: CsvTable;
	errors: BuildError[];
}

export function parseCsv(text: string, file: string): CsvResult {
	const errors: BuildError[] = [];
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	const header = lines[0].split(',').map((h) => h.trim());
	if (lines[0].trim() === '') {
		errors.push({ file, line: 1, message: 'empty header' });
		return { table: { file, header: [], rows: [] }, errors };
	}
	const seen = new Set<string>();
	for (const h of header) {
		if (h === '') errors.push({ file, line: 1, message: 'empty column name in header' });
		else if (seen.has(h)) errors.push({ file, line: 1, field: h, message: 'column appears twice in header' });
		seen.add(h);
	}

	const rows: CsvRow[] = [];
	lines.slice(1).forEach((text, i) => {
		const line = i + 2;
		if (text.trim() === '') return;
		if (text.includes('"')) {
			errors.push({ file, line, message: 'quoted fields are not supported' });
			return;
		}
		const cells = text.split(',');
		if (cells.length !== header.length) {
			errors.push({ file, line, message: `expected ${header.length} fields, found ${cells.length}` });
			return;
		}
		const values: Record<string, string> = {};
		header.forEach((h, j) => (values[h] = cells[j].trim()));
		rows.push({ line, values });
	});
	return { table: { file, header, rows }, errors };
}
