/**
 * The contract's row checks, written once: a required column left empty and a key repeated. AtlasDb
 * holds every file to them before adopting it (a bundled file, a user's table); the upload pipeline
 * asks the same questions of a user's file before that, to name the rows (`rowColumn`, "__row").
 */
import { ident, listValues, type Row, type SqlParam } from './connector';

type Rows = (sql: string, params?: SqlParam[]) => Promise<Row[]>;

/** How many rows to name per check. */
const EXAMPLES = 5;

/**
 * The row checks a caller has already made on exactly the rows it hands to AtlasDb.adoptTable (the upload
 * pipeline, on the checked view the table is made from), said explicitly: adoptTable does not scan for
 * them again. Nothing is skipped unless its flag is true.
 */
export interface RowChecksDone {
	/** No required column is empty in any row. */
	requiredFilled: boolean;
	/** No key repeats. */
	keyUnique: boolean;
}

/** Nothing checked yet: adoptTable makes every check. */
export const NO_ROW_CHECKS: RowChecksDone = { requiredFilled: false, keyUnique: false };

export interface EmptyRequired {
	column: string;
	count: number;
}

/** Required columns with NULLs in `table`, in one scan (a million projects: one pass, not one per column). */
export async function emptyRequired(rows: Rows, table: string, required: readonly string[]): Promise<EmptyRequired[]> {
	if (required.length === 0) return [];
	const [empty] = await rows(
		`SELECT ${required.map((c, i) => `count(*) FILTER (WHERE ${ident(c)} IS NULL) AS n${i}`).join(', ')} FROM ${ident(table)}`
	);
	return required.map((column, i) => ({ column, count: Number(empty[`n${i}`]) })).filter((e) => e.count > 0);
}

export interface DuplicateKeys {
	/** How many distinct keys are repeated. */
	count: number;
	/** The first few, with their values and (with a row column) the rows holding them. */
	examples: { key: Row; rows: number[] }[];
}

/** Keys repeated in `table`; with `rowColumn`, in order of first row and with the rows that hold them. */
export async function duplicateKeys(
	rows: Rows,
	table: string,
	key: readonly string[],
	rowColumn?: string
): Promise<DuplicateKeys> {
	const cols = key.map(ident).join(', ');
	const withRows = rowColumn
		? `, list(${ident(rowColumn)} ORDER BY ${ident(rowColumn)})[1:${EXAMPLES}] AS __rows, min(${ident(rowColumn)}) AS __first`
		: '';
	const found = await rows(
		`WITH d AS (SELECT ${cols}, count(*) AS __n${withRows} FROM ${ident(table)} GROUP BY ALL HAVING count(*) > 1)
		 SELECT *, count(*) OVER () AS __total FROM d ${rowColumn ? 'ORDER BY __first' : ''} LIMIT ${EXAMPLES}`
	);
	return {
		count: found.length > 0 ? Number(found[0].__total) : 0,
		examples: found.map((d) => ({
			key: Object.fromEntries(key.map((k) => [k, d[k]])),
			rows: rowColumn ? listValues(d.__rows).map(Number) : []
		}))
	};
}
