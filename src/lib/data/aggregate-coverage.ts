/** The aggregate-coverage rule (src/lib/core/aggregate-coverage.ts) in SQL, for the query module. */
import { MIN_COVERAGE_SHARE } from '$lib/core/aggregate-coverage';

/** The same rule in SQL, for the query module (the arguments are SQL expressions, never user input). */
export function coveredEnoughSql(populationShare: string, provinces: string, provincesTotal: string): string {
	return `coalesce(${populationShare}, ${provinces} / nullif(${provincesTotal}, 0), 0) >= ${MIN_COVERAGE_SHARE - 1e-12}`;
}
