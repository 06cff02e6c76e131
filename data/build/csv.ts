import type { BuildError } from './errors.ts';

/**
 * A tiny parser for the comma-separated source files. It keeps the 1-based
 * line number of every row so errors can point at it. By default fields may
 * not be quoted; with `{ quoted: true }` a field may be wrapped in double
 * quotes (RFC 4180: a comma inside, "" for a quote; no line breaks inside).
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

export interface CsvOptions {
	/** Allow double-quoted fields (used by the text-heavy network tables). */
	quoted?: boolean;
}

/** Splits one line into fields, honouring RFC 4180 quotes; null when the quotes are malformed. */
export function splitQuoted(line: string): string[] | null {
	const cells: string[] = [];
	let i = 0;
	for (;;) {
		if (line[i] === '"') {
			let cell = '';
			i++;
			for (;;) {
				if (i >= line.length) return null; // unterminated
				if (line[i] === '"') {
					if (line[i + 1] === '"') {
						cell += '"';
						i += 2;
						continue;
					}
					i++;
					break;
				}
				cell += line[i++];
			}
			cells.push(cell);
			if (i === line.length) return cells;
			if (line[i] !== ',') return null; // text after the closing quote
			i++;
		} else {
			const end = line.indexOf(',', i);
			const cell = end < 0 ? line.slice(i) : line.slice(i, end);
			if (cell.includes('"')) return null; // a quote inside an unquoted field
			cells.push(cell);
			if (end < 0) return cells;
			i = end + 1;
		}
	}
}

export function parseCsv(text: string, file: string, options: CsvOptions = {}): CsvResult {
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
		let cells: string[];
		if (options.quoted) {
			const split = splitQuoted(text);
			if (split === null) {
				errors.push({ file, line, message: 'malformed quotes' });
				return;
			}
			cells = split;
		} else if (text.includes('"')) {
			errors.push({ file, line, message: 'quoted fields are not supported' });
			return;
		} else cells = text.split(',');
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
