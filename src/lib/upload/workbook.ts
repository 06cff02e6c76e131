/**
 * Excel workbooks (.xlsx), the format Thai agencies send: every sheet with rows becomes a table of
 * its own, named "file › sheet", written as UTF-8 CSV text so it goes through the same checked path
 * as any CSV (headers recognised, Thai names, Buddhist-era dates and amounts read). Date cells become
 * ISO dates; numbers keep their digits; text stays as written. Read with @e965/xlsx (the maintained
 * SheetJS build, not the registry's frozen `xlsx` 0.18.5); in the browser this runs in a worker
 * (workbook-worker.ts).
 */
import { read, utils, type WorkSheet } from '@e965/xlsx';

export interface SheetTable {
	/** "file › sheet" */
	name: string;
	sheet: string;
	/** The sheet as UTF-8 CSV, header row first. */
	csv: Uint8Array;
	rows: number;
	/** The sheet's row number (as Excel shows it) of each CSV line, header first: blank rows are left out of the CSV. */
	excelRows: number[];
}

export class WorkbookError extends Error {
	constructor(
		readonly file: string,
		readonly detail: string
	) {
		super(`${file}: ${detail}`);
		this.name = 'WorkbookError';
	}
}

/** The name a sheet's table goes by in messages and in the kept files. */
export const sheetTableName = (file: string, sheet: string) => `${file} › ${sheet}`;

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date)
		return Number.isNaN(value.getTime())
			? ''
			: `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
	return String(value);
}

const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** The sheet's rows that hold something, with each one's row number in the sheet (as Excel shows it). */
function sheetRows(sheet: WorkSheet): { cells: string[]; excelRow: number }[] {
	const first = sheet['!ref'] ? utils.decode_range(sheet['!ref']).s.r + 1 : 1;
	const rows = utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
	return rows
		.map((r, i) => ({ cells: r.map(cellText), excelRow: first + i }))
		.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

/** Is this a workbook (a zip that says .xlsx), by its first bytes and name? */
export function isWorkbook(name: string, bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && /\.(xlsx|xlsm)$/i.test(name);
}

/** The sheets of a workbook that hold rows, as CSV tables; throws WorkbookError when the file cannot be read. */
export function workbookTables(bytes: Uint8Array, file: string): SheetTable[] {
	// SheetJS reads anything it is given (plain text as a one-cell sheet): an .xlsx is a zip archive, or nothing.
	if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04))
		throw new WorkbookError(file, 'not a zip archive, as every .xlsx file is');
	let book;
	try {
		book = read(bytes, { type: 'array', cellDates: true, dense: true });
	} catch (e) {
		throw new WorkbookError(file, e instanceof Error ? e.message : String(e));
	}
	if (!book.SheetNames || book.SheetNames.length === 0) throw new WorkbookError(file, 'no sheets');
	const encoder = new TextEncoder();
	const out: SheetTable[] = [];
	for (const sheet of book.SheetNames) {
		const rows = sheetRows(book.Sheets[sheet]);
		if (rows.length === 0) continue;
		// Not Math.max(...rows): spreading a sheet of more than about 120 000 rows overflows the call stack.
		const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
		const text = rows
			.map((r) => Array.from({ length: width }, (_, i) => csvField(r.cells[i] ?? '')).join(','))
			.join('\n');
		out.push({
			name: sheetTableName(file, sheet),
			sheet,
			csv: encoder.encode(text + '\n'),
			rows: rows.length - 1,
			excelRows: rows.map((r) => r.excelRow)
		});
	}
	if (out.length === 0) throw new WorkbookError(file, 'every sheet is empty');
	return out;
}
