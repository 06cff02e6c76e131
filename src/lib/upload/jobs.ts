/** A file the user dropped, on its way through the upload steps (the state the page shows). */
import type { TableName } from '$lib/data/contract';
import type { TextEncodingName } from './encoding';
import type { Candidate } from './detect';
import type { Mapping } from './mapping';
import type { IndicatorMeta, Note, Prepared, Problem, StagedFile } from './pipeline';

export type Phase = 'reading' | 'checking' | 'mapping' | 'loaded' | 'rejected';

export interface Job {
	/** Staging id, and the kept file's id once loaded. */
	id: string;
	name: string;
	size: number;
	phase: Phase;
	bytes: Uint8Array | null;
	staged: StagedFile | null;
	candidates: Candidate[];
	table: TableName | null;
	mapping: Mapping;
	fixes: Record<string, string>;
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
	/** What the user must still do before loading (e.g. choose an issue area), as message keys. */
	missingDetails: string[];
}

export function newJob(id: string, name: string, size: number): Job {
	return {
		id,
		name,
		size,
		phase: 'reading',
		bytes: null,
		staged: null,
		candidates: [],
		table: null,
		mapping: {},
		fixes: {},
		indicators: [],
		prepared: null,
		problems: [],
		notes: [],
		remembered: false,
		kept: false,
		rows: 0,
		encoding: null,
		lineOffset: 0,
		missingDetails: []
	};
}

/** Indicators still lacking what the catalogue needs: an issue area and a name. */
export function incompleteIndicators(indicators: readonly IndicatorMeta[], issueAreas: readonly string[]): string[] {
	return indicators
		.filter((m) => !issueAreas.includes(m.issue_area_id) || m.name_th.trim() === '' || m.name_en.trim() === '')
		.map((m) => m.indicator_id);
}
