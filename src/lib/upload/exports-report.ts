/**
 * The validation report of a site built from an organisation's exports (data/build/exports.ts writes it
 * beside the data as report.json and report.md; the /data/report page shows it): what each file became and
 * every problem with its file, sheet, row and field, in Thai and English.
 */
import type { TableName } from '$lib/data/contract';
import type { FileFormat } from './pipeline';

export const REPORT_FILE = 'report.json';
export const REPORT_MARKDOWN_FILE = 'report.md';

/** Where a problem is: file, sheet (workbooks), row (the sheet's row as Excel shows it, the line of a CSV, the row of a Parquet file). */
export interface Place {
	file: string;
	sheet: string | null;
	/** 'line' for a text file (the header is line 1), 'row' for a sheet or a Parquet file; null for the file as a whole. */
	unit: 'line' | 'row' | null;
	row: number | null;
}

/** One problem of the report, in both languages. */
export interface ReportProblem extends Place {
	/** The contract column (or columns), null for the file as a whole. */
	field: string | null;
	/** The file's own header for that field. */
	header: string | null;
	/** The value as written. */
	value: string | null;
	code: string;
	/** What the build did: left the row out, or did not use the file. */
	outcome: 'row_left_out' | 'file_not_used';
	message_th: string;
	message_en: string;
}

/** What became of one file (or sheet). */
export interface ReportFile {
	file: string;
	sheet: string | null;
	format: FileFormat | 'xlsx' | null;
	encoding: string | null;
	table: TableName | null;
	rows: number;
	used: number;
	left_out: number;
	status: 'used' | 'not_used';
}

export interface ExportsReport {
	folder: string;
	files: ReportFile[];
	problems: ReportProblem[];
	/** Rows per table the exports supplied (after rows left out). */
	tables: Partial<Record<TableName, number>>;
}

/** "projects.xlsx › โครงการ row 7" / "partners.csv line 4" / "broken.parquet": where a problem is, as plain text. */
export function placeText(p: Place): string {
	let s = p.sheet ? `${p.file} › ${p.sheet}` : p.file;
	if (p.row !== null) s += ` ${p.unit ?? 'row'} ${p.row}`;
	return s;
}
