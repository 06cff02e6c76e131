/**
 * Which national target judges an indicator's value in a year, and by how much a value meets or
 * misses it. Pure: the explorer, the map classification, profiles and briefs all use these; their wording is
 * in src/lib/i18n/domain.ts.
 */
import type { TargetRow } from './domain';

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
