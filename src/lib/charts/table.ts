/** The shape DataTable renders; every chart has a pure helper that turns its input into one. */
export interface TableColumn {
	key: string;
	label: string;
	numeric?: boolean;
}

export interface TableRow {
	key: string;
	cells: Record<string, string>;
}

export interface TableData {
	columns: TableColumn[];
	rows: TableRow[];
}

/** What a table shows for a missing value. */
export const MISSING = '–';
