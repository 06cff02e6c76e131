/** The shape DataTable renders; every chart has a pure helper that turns its input into one. */
export interface TableColumn {
	key: string;
	label: string;
	numeric?: boolean;
	/** Kept on one line (a rank in words: Thai breaks between words with no space, "แย่ / เป็น / อันดับ"). */
	nowrap?: boolean;
}

export interface TableRow {
	key: string;
	cells: Record<string, string>;
	/** The same cells as plain values (numbers unformatted, null when missing), for CSV and Parquet exports. */
	raw?: Record<string, string | number | null>;
}

export interface TableData {
	columns: TableColumn[];
	rows: TableRow[];
}

/** What a table shows for a missing value. */
export const MISSING = '–';
