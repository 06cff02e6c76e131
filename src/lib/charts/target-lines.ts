/**
 * The national target as the charts draw it: a line across the ranking's bars in the year shown,
 * and a series on the trend with the target that applied each year. The explorer and the printed
 * briefs draw them the same way (targets.ts picks the target).
 */
import type { TargetRow } from '$lib/core/domain';
import { targetFor } from '$lib/core/targets';
import { translate, type Lang } from '$lib/i18n';
import type { RankingReference } from './ranking';
import type { TrendSeries } from './trend';
import { TARGET_COLOUR } from './theme';

/** The target's line on the ranking, or none when no target applies. */
export function targetReferences(lang: Lang, target: TargetRow | null): RankingReference[] {
	return target && target.value !== null
		? [{ label: translate(lang, 'chart_target'), value: target.value, colour: TARGET_COLOUR }]
		: [];
}

/**
 * The national target that applied each year (none before the first): a line to judge the others
 * by. Years without a target are gaps; a series with no value at all is left out by `hasValues`.
 */
export function targetSeries(
	lang: Lang,
	targets: readonly TargetRow[],
	indicatorId: string,
	years: readonly number[]
): TrendSeries {
	return {
		key: 'target',
		label: translate(lang, 'chart_target'),
		kind: 'target',
		points: years.map((year) => ({ year, value: targetFor(targets, indicatorId, year)?.value ?? null }))
	};
}
