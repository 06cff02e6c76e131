import { valuesForProvinces, type AtlasDb, type ProvinceValue } from '$lib/data/atlas-db';
import type { CubeFiles } from '$lib/data/cube-files';
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

/** Where the burden indicator's values come from: DuckDB, or the build's cube files (burdenOfCubes). */
export type GapBurden = Pick<AtlasDb, 'years' | 'indicatorValues'>;

/**
 * The burden from the build's cube files, read without DuckDB (issue 21): as AtlasDb.years and
 * indicatorValues answer, the latter for every one of `provinceCodes` (a missing value is null).
 */
export function burdenOfCubes(
	cubes: Pick<CubeFiles, 'indicatorCubeRows'>,
	provinceCodes: readonly string[]
): GapBurden {
	const codes = [...provinceCodes].sort();
	return {
		years: async (indicatorId) => {
			const { values } = await cubes.indicatorCubeRows([indicatorId]);
			return [...new Set(values.filter((v) => v.value !== null).map((v) => v.year))].sort((a, b) => a - b);
		},
		indicatorValues: async (indicatorId, year) => {
			const { values } = await cubes.indicatorCubeRows([indicatorId]);
			return valuesForProvinces(codes, new Map(values.filter((v) => v.year === year).map((v) => [v.province_code, v])));
		}
	};
}

export async function gapResult(
	db: GapBurden,
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
