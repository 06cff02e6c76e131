/**
 * Provinces younger than a series (Bueng Kan, split from Nong Khai in 2011): where a province's
 * series crosses the split, the page says so. Pure; the explorer, profiles and briefs use it (its sentence: src/lib/i18n/domain.ts).
 */
import type { ProvinceRow } from './domain';

export interface BoundaryNote {
	/** parent: its figures before `year` include the child's area; child: it has none of its own before `year`. */
	kind: 'parent' | 'child';
	parent: ProvinceRow;
	child: ProvinceRow;
	year: number;
}

/** The notes for province `code` over `years` (a series' years): only where they cross the split year. */
export function boundaryNotes(provinces: readonly ProvinceRow[], code: string | null, years: readonly number[]): BoundaryNote[] {
	if (code === null || years.length === 0) return [];
	const first = Math.min(...years);
	const last = Math.max(...years);
	const notes: BoundaryNote[] = [];
	for (const child of provinces) {
		if (child.established_year === null || child.split_from === null) continue;
		const parent = provinces.find((p) => p.province_code === child.split_from);
		const year = child.established_year;
		if (!parent || !(first < year && last >= year)) continue;
		if (code === parent.province_code) notes.push({ kind: 'parent', parent, child, year });
		if (code === child.province_code) notes.push({ kind: 'child', parent, child, year });
	}
	return notes;
}

/** The provinces that did not exist yet in `year`, with the one their area was part of. */
export function notYetProvinces(provinces: readonly ProvinceRow[], year: number): BoundaryNote[] {
	return provinces.flatMap((child) => {
		if (child.established_year === null || year >= child.established_year) return [];
		const parent = provinces.find((p) => p.province_code === child.split_from);
		return parent ? [{ kind: 'child' as const, parent, child, year: child.established_year }] : [];
	});
}
