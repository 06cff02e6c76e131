/**
 * Which contract table a file is, from its column names alone: every table is scored by the
 * share of its required columns the headers supply (after aliases) and the share of headers it
 * uses; the best candidates come first.
 */
import { TABLES, TABLE_NAMES, type TableName } from '$lib/data/contract';
import { suggestMapping, unusedHeaders, type Mapping } from './mapping';

export interface Candidate {
	table: TableName;
	/** 0–1; 1 = every required column found and every header used. */
	score: number;
	matchedRequired: string[];
	missingRequired: string[];
	matchedOptional: string[];
	mapping: Mapping;
}

/** Tables a user may load: every contract table but the derived quality report. */
export const USER_TABLES: readonly TableName[] = TABLE_NAMES.filter((t) => t !== 'quality_issues');

export function detectTable(headers: readonly string[], tables: readonly TableName[] = USER_TABLES): Candidate[] {
	const clean = headers.filter((h) => typeof h === 'string' && h.trim() !== '');
	if (clean.length === 0) return [];
	const candidates: Candidate[] = [];
	for (const table of tables) {
		const spec = TABLES[table];
		const mapping = suggestMapping(table, clean);
		const fromColumn = (name: string) => mapping[name]?.kind === 'column';
		const required = spec.columns.filter((c) => c.required && c.name !== 'is_sample');
		const matchedRequired = required.filter((c) => fromColumn(c.name)).map((c) => c.name);
		const missingRequired = required.filter((c) => !fromColumn(c.name)).map((c) => c.name);
		const matchedOptional = spec.columns.filter((c) => !c.required && fromColumn(c.name)).map((c) => c.name);
		if (matchedRequired.length === 0) continue;
		const used = clean.length - unusedHeaders(clean, mapping).length;
		const score = 0.7 * (matchedRequired.length / Math.max(1, required.length)) + 0.3 * (used / clean.length);
		candidates.push({ table, score, matchedRequired, missingRequired, matchedOptional, mapping });
	}
	return candidates.sort((a, b) => b.score - a.score || a.missingRequired.length - b.missingRequired.length);
}
