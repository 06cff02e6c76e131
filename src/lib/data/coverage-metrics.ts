/** Coverage measures from per-province counts: plain arithmetic, tested on hand-made rows. */
import type { ProvinceCoverage } from '$lib/data/coverage-queries';
import type { CoverageMeasure } from '$lib/core/choices';

export function coverageValue(row: ProvinceCoverage, measure: CoverageMeasure): number | null {
	switch (measure) {
		case 'district_share':
			return row.districts > 0 ? (100 * row.covered_districts) / row.districts : null;
		case 'partners_per_100k':
			return row.population > 0 ? (100_000 * row.partners) / row.population : null;
		case 'budget_per_capita':
			return row.population > 0 ? row.budget / row.population : null;
	}
}

export const MEASURE_DECIMALS: Record<CoverageMeasure, number> = {
	district_share: 0,
	partners_per_100k: 1,
	budget_per_capita: 2
};

export interface CoverageTotals {
	partners: number;
	projects: number;
	budget: number;
	districts: number;
	coveredDistricts: number;
}

export function coverageTotals(rows: readonly ProvinceCoverage[]): CoverageTotals {
	return rows.reduce(
		(t, r) => ({
			partners: t.partners + r.partners,
			projects: t.projects + r.projects,
			budget: t.budget + r.budget,
			districts: t.districts + r.districts,
			coveredDistricts: t.coveredDistricts + r.covered_districts
		}),
		{ partners: 0, projects: 0, budget: 0, districts: 0, coveredDistricts: 0 }
	);
}
