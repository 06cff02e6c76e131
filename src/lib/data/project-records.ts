/**
 * A project's record without the whole projects table (issue 19): the data build also writes the
 * projects and their instalments in parts of consecutive project codes (data/build/project-records.ts),
 * with an index of the codes each part runs from and to. The record reads the index and the one part
 * that can hold its code: at a million projects a few hundred kB instead of the 50 MB projects file
 * and the 20 MB instalments file. A code no part's range holds is looked up in the whole tables.
 */

/** The parts' folder, and the index of their ranges, in the app's data folder. */
export const PROJECT_RECORDS_DIR = 'project-records';
export const PROJECT_RECORDS_INDEX = 'project-records.json';

/** At most this many parts, and at least this many projects in each (but the last). */
export const RECORD_PARTS = 128;
export const MIN_PROJECTS_PER_PART = 64;

/** One part: the projects with codes from `first` to `last` (in the database's order), and the instalments of those codes. */
export interface RecordPart {
	first: string;
	last: string;
	projects: string;
	instalments: string;
	rows: number;
}

/** Projects per part for a table of `rows` projects. */
export function projectsPerPart(rows: number): number {
	return Math.max(MIN_PROJECTS_PER_PART, Math.ceil(rows / RECORD_PARTS));
}

/** Compares as DuckDB orders VARCHAR: by the UTF-8 bytes. */
export function compareCodes(a: string, b: string): number {
	const x = new TextEncoder().encode(a);
	const y = new TextEncoder().encode(b);
	for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
	return x.length - y.length;
}

/** The part whose range holds `code`, or null (parts in the order of their codes). */
export function partFor(parts: readonly RecordPart[], code: string): RecordPart | null {
	let lo = 0;
	let hi = parts.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (compareCodes(code, parts[mid].first) < 0) hi = mid - 1;
		else if (compareCodes(code, parts[mid].last) > 0) lo = mid + 1;
		else return parts[mid];
	}
	return null;
}
