/** Sentences about the domain's objects, in Thai or English: a target and a gap to it, a boundary note. */
import type { BoundaryNote } from '$lib/core/boundary';
import type { TargetRow } from '$lib/core/domain';
import { gapToTarget, meetsTarget } from '$lib/core/targets';
import { formatYear, localized, translate, type Lang } from './index';

/** "Target at most 12 (Government target, by 2027)" in Thai or English, "medium confidence: …" appended when it is. */
export function targetLabel(lang: Lang, target: TargetRow, format: (v: number) => string): string {
	const period = translate(lang, target.kind === 'by' ? 'target_by' : 'target_fiscal', { year: formatYear(lang, target.year) });
	const label = translate(lang, 'target_label', {
		// In words: ≤ and ≥ are not in the app's font.
		comparator: translate(lang, target.comparator === '>=' ? 'target_at_least' : 'target_at_most'),
		value: format(target.value!),
		setBy: lang === 'th' ? target.set_by_th : target.set_by_en,
		period
	});
	return target.confidence === 'medium'
		? `${label} · ${translate(lang, 'target_medium', { note: target.confidence_note ?? '' })}`
		: label;
}

/** "Misses the target by +8.5" / "Meets the target (margin −2.0)". */
export function gapText(lang: Lang, target: TargetRow, value: number, format: (v: number) => string): string {
	const gap = gapToTarget(target, value);
	return translate(lang, meetsTarget(target, value) ? 'target_gap_meets' : 'target_gap_misses', { gap: signed(gap, format) });
}

/** A gap with its sign: "+8.5", "−2.0", "0.0". */
export function signed(gap: number, format: (v: number) => string): string {
	const text = format(Math.abs(gap));
	return gap > 0 && text !== format(0) ? `+${text}` : gap < 0 && text !== format(0) ? `−${text}` : text;
}

/** A target as a footnote: what it is, where it is stated, and that it is national. */
export function targetNote(lang: Lang, target: TargetRow, format: (v: number) => string): string {
	return `${targetLabel(lang, target, format)}: ${target.document}; ${target.source_url}. ${translate(lang, 'target_national')}`;
}

/** "Bueng Kan was part of Nong Khai until 2010" and the like. */
export function boundaryNoteText(lang: Lang, note: BoundaryNote): string {
	return translate(lang, note.kind === 'parent' ? 'boundary_parent' : 'boundary_child', {
		parent: localized(note.parent, 'name', lang),
		child: localized(note.child, 'name', lang),
		year: formatYear(lang, note.year),
		before: formatYear(lang, note.year - 1)
	});
}
