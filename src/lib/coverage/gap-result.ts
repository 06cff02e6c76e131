import type { AtlasDb, ProvinceValue } from '$lib/data/atlas-db';
import type { CoverageAnswers } from '$lib/data/coverage-index';
import type { CoverageFilter, ProvinceCoverage } from '$lib/data/coverage-queries';
import { resolveIndicator, resolveYear } from '$lib/filters/resolve';
import { parseViewState } from '$lib/filters/url-state';
import { coverageFilterKey, coverageFilterOf } from './coverage-filter';

/** What the gap page shows for a burden indicator and a filter: its values of the default year and the coverage by province. */
export interface GapResult {
	/** The indicator and the filter, as `gapKey` writes them. */
	key: string;
	year: number | null;
	burden: ProvinceValue[];
	coverage: ProvinceCoverage[];
}

export const gapKey = (indicatorId: string, filter: CoverageFilter): string =>
	`${indicatorId}:${coverageFilterKey(filter)}`;

export async function gapResult(
	db: AtlasDb,
	answers: CoverageAnswers,
	indicatorId: string,
	filter: CoverageFilter
): Promise<GapResult> {
	// The deployment's default year (config.json) when the indicator's years include it, else its latest.
	const year = resolveYear(await db.years(indicatorId), null);
	const [burden, coverage] = await Promise.all([
		year === null ? [] : db.indicatorValues(indicatorId, year),
		answers.byProvince(filter)
	]);
	return { key: gapKey(indicatorId, filter), year, burden, coverage };
}

/** The page's first view, prerendered: the result for a URL without filters. */
export async function gapFirstView(db: AtlasDb): Promise<GapResult> {
	const view = parseViewState(new URLSearchParams());
	const indicator = resolveIndicator(await db.indicators(), { ...view, issue: null });
	return gapResult(
		db,
		await db.coverageAnswers(),
		indicator.indicator_id,
		coverageFilterOf(view, indicator.issue_area_id)
	);
}
