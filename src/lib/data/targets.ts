/**
 * Which national target judges an indicator's value in a year, and by how much a value meets or
 * misses it. Pure: the explorer, the map classification, profiles and briefs all use these.
 */
import { formatYear, translate, type Lang } from '$lib/i18n';
import type { TargetRow } from './contract';

/**
 * The target for an indicator in a year: the annual target of that year if there is one, else the
 * nearest "by" target at or after the year (a goal to reach by then); null when none applies.
 * Relative targets (no value) never apply: there is nothing to compare a value with.
 */
export function targetFor(targets: readonly TargetRow[], indicatorId: string, year: number): TargetRow | null {
	const usable = targets.filter((t) => t.indicator_id === indicatorId && t.value !== null && t.comparator !== null);
	const annual = usable.find((t) => t.kind === 'annual' && t.year === year);
	if (annual) return annual;
	const by = usable.filter((t) => t.kind === 'by' && t.year >= year).sort((a, b) => a.year - b.year);
	return by[0] ?? null;
}

/** Whether a value meets the target (at most / at least its value). */
export function meetsTarget(target: TargetRow, value: number): boolean {
	return target.comparator === '>=' ? value >= target.value! : value <= target.value!;
}

/**
 * How far a value is from the target, in the indicator's unit: positive = by how much it misses,
 * negative or 0 = by how much it meets it (for "at most", value − target; for "at least", target − value).
 */
export function gapToTarget(target: TargetRow, value: number): number {
	return target.comparator === '>=' ? target.value! - value : value - target.value!;
}

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

/** The targets that judge some indicator-years, each once, in the order first met. */
export function targetsJudging(
	targets: readonly TargetRow[],
	shown: readonly { indicator_id: string; year: number }[]
): TargetRow[] {
	const out = new Map<string, TargetRow>();
	for (const { indicator_id, year } of shown) {
		const target = targetFor(targets, indicator_id, year);
		if (target && !out.has(target.target_id)) out.set(target.target_id, target);
	}
	return [...out.values()];
}

/** A target as a footnote: what it is, where it is stated, and that it is national. */
export function targetNote(lang: Lang, target: TargetRow, format: (v: number) => string): string {
	return `${targetLabel(lang, target, format)}: ${target.document}; ${target.source_url}. ${translate(lang, 'target_national')}`;
}
