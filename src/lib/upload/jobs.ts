/** A file the user dropped, on its way through the upload steps (the state the page shows). */
import type { TableName } from '$lib/data/contract';
import type { TextEncodingName } from './encoding';
import { USER_TABLES, type Candidate } from './detect';
import { suggestMapping, unmappedRequired, type ColumnSource, type Mapping } from './mapping';
import {
	MERGE_COLUMNS,
	type IndicatorMeta,
	type Note,
	type Prepared,
	type Problem,
	type Progress,
	type StagedFile
} from './pipeline';

export type Phase = 'reading' | 'checking' | 'mapping' | 'loaded' | 'rejected';

export interface Job {
	/** Staging id, and the kept file's id once loaded. */
	id: string;
	name: string;
	size: number;
	phase: Phase;
	/** The file's bytes, kept until the file is stored; null once they were handed to the decoder (`source`). */
	bytes: Uint8Array | null;
	/** The file as picked, read again to keep it when its bytes were handed to the decoder instead of copied. */
	source: { arrayBuffer(): Promise<ArrayBuffer> } | null;
	staged: StagedFile | null;
	candidates: Candidate[];
	table: TableName | null;
	mapping: Mapping;
	fixes: Record<string, string>;
	/** Coded values the user placed: column → value as written → code. */
	codeFixes: Record<string, Record<string, string>>;
	indicators: IndicatorMeta[];
	prepared: Prepared | null;
	problems: Problem[];
	notes: Note[];
	/** A mapping remembered for this shape was used. */
	remembered: boolean;
	/** Kept in IndexedDB. */
	kept: boolean;
	rows: number;
	encoding: TextEncodingName | null;
	lineOffset: number;
	/** A sheet of a workbook: the row Excel shows for each line (kept with the file). */
	rowNumbers: number[] | null;
	/** What the user must still do before loading (e.g. choose an issue area), as message keys. */
	missingDetails: string[];
	/** How far the work on the file is (reading, checking, loading); null when nothing runs. */
	progress: Progress | null;
}

export function newJob(id: string, name: string, size: number): Job {
	return {
		id,
		name,
		size,
		phase: 'reading',
		bytes: null,
		source: null,
		staged: null,
		candidates: [],
		table: null,
		mapping: {},
		fixes: {},
		codeFixes: {},
		indicators: [],
		prepared: null,
		problems: [],
		notes: [],
		remembered: false,
		kept: false,
		rows: 0,
		encoding: null,
		lineOffset: 0,
		rowNumbers: null,
		missingDetails: [],
		progress: null
	};
}

/** Indicators still lacking what the catalogue needs: an issue area and a name. */
export function incompleteIndicators(indicators: readonly IndicatorMeta[], issueAreas: readonly string[]): string[] {
	return indicators.filter((m) => indicatorGaps(m, issueAreas).length > 0).map((m) => m.indicator_id);
}

/** What an indicator's details still lack: an issue area the atlas knows, a Thai and an English name. */
function indicatorGaps(m: IndicatorMeta, issueAreas: readonly string[]): ('why_issue_area' | 'why_names')[] {
	const gaps: ('why_issue_area' | 'why_names')[] = [];
	if (!issueAreas.includes(m.issue_area_id)) gaps.push('why_issue_area');
	if (m.name_th.trim() === '' || m.name_en.trim() === '') gaps.push('why_names');
	return gaps;
}

/** A reason "Check and load" cannot act, as a message key and its values. */
export interface LoadBlocker {
	key: 'why_missing_columns' | 'why_issue_area' | 'why_names' | 'why_problems';
	vars: Record<string, string | number>;
}

/**
 * Everything that stops a file from loading now, in the order the user meets it on the page:
 * required columns without a source, indicators without an issue area or a name, and the problems
 * the last check found (a missing column counts once, as the first reason).
 */
export function loadBlockers(
	job: Pick<Job, 'table' | 'mapping' | 'indicators' | 'problems'>,
	issueAreas: readonly string[]
): LoadBlocker[] {
	if (!job.table) return [];
	const out: LoadBlocker[] = [];
	const columns = unmappedRequired(job.table, job.mapping);
	if (columns.length > 0) out.push({ key: 'why_missing_columns', vars: { list: columns.join(', ') } });
	if (job.table === 'indicator_values')
		for (const m of job.indicators)
			for (const key of indicatorGaps(m, issueAreas)) out.push({ key, vars: { id: m.indicator_id } });
	const problems = job.problems.filter((p) => p.code !== 'missing_column').length;
	if (problems > 0) out.push({ key: 'why_problems', vars: { count: problems } });
	return out;
}

// --- the mapping step's edits (MappingStep.svelte lays them out) ---------------------------------

/** A mapping source as the column's select holds it: "" none, "::constant", or "h:" + the header. */
export function sourceValue(s: ColumnSource | undefined): string {
	return !s || s.kind === 'none' ? '' : s.kind === 'constant' ? '::constant' : `h:${s.header}`;
}

/** Sets a contract column's source from its select's value (see sourceValue). */
export function setSource(job: Job, column: string, value: string): void {
	job.mapping[column] =
		value === ''
			? { kind: 'none' }
			: value === '::constant'
				? { kind: 'constant', value: '' }
				: { kind: 'column', header: value.slice(2) };
}

/** The tables a file may be read as: the detected candidates first, then the rest. */
export function tableChoices(job: Pick<Job, 'candidates'>): TableName[] {
	return [
		...job.candidates.map((c) => c.table),
		...USER_TABLES.filter((t) => !job.candidates.some((c) => c.table === t))
	];
}

/** Reads the file as another table: the candidate's mapping, else a suggested one; indicator details start again. */
export function setTable(job: Job, table: TableName): void {
	job.table = table;
	job.mapping =
		job.candidates.find((c) => c.table === table)?.mapping ?? suggestMapping(table, job.staged?.headers ?? []);
	job.indicators = [];
}

/** Up to three distinct sample values of a header, from the preview rows. */
export function samplesOf(job: Pick<Job, 'staged'>, header: string): string {
	return [
		...new Set(
			(job.staged?.preview ?? [])
				.map((r) => r[header])
				.filter((v) => v !== null && v !== undefined)
				.map(String)
		)
	]
		.slice(0, 3)
		.join(' · ');
}

/** The user's code for a coded value nobody could place. */
export function setCodeFix(job: Job, column: string, value: string, code: string): void {
	job.codeFixes = { ...job.codeFixes, [column]: { ...job.codeFixes[column], [value]: code } };
}

/** How loading the file changes its table: values merge by indicator, some tables by key, the rest are replaced. */
export function loadMode(table: TableName | null): 'merge' | 'upsert' | 'replace' | null {
	return !table ? null : table === 'indicator_values' ? 'merge' : MERGE_COLUMNS[table] ? 'upsert' : 'replace';
}
