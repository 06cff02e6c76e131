/** Filters the coverage answers are checked with against the SQL (coverage-index.test.ts, coverage-summary.test.ts). */
import { NO_COVERAGE_FILTER, type CoverageFilter } from './coverage-queries';

export const FILTERS: CoverageFilter[] = [
	NO_COVERAGE_FILTER,
	{ ...NO_COVERAGE_FILTER, issue: 'road_safety' },
	{ ...NO_COVERAGE_FILTER, issue: 'tobacco', year: 2023, status: 'active' },
	{ ...NO_COVERAGE_FILTER, year: 2016 },
	{ ...NO_COVERAGE_FILTER, year: 2020, status: 'completed' },
	{ ...NO_COVERAGE_FILTER, network: 'isan_partner_network' },
	{ ...NO_COVERAGE_FILTER, network: 'isan_partner_network', issue: 'alcohol_drugs', year: 2021 },
	{ ...NO_COVERAGE_FILTER, types: ['ngo', 'academic'], year: 2019 },
	{ ...NO_COVERAGE_FILTER, types: ['health_assembly'], issue: 'food' },
	// Values no row has: nothing matches, as in SQL.
	{ ...NO_COVERAGE_FILTER, issue: 'no_such_issue' },
	{ ...NO_COVERAGE_FILTER, network: 'no_such_network' },
	{ ...NO_COVERAGE_FILTER, status: 'no_such_status' },
	{ ...NO_COVERAGE_FILTER, types: ['no_such_type'] },
	{ ...NO_COVERAGE_FILTER, year: 1900 },
	// Cancelled projects are left out unless asked for; asked for, they are the projects counted.
	{ ...NO_COVERAGE_FILTER, status: 'cancelled' },
	{ ...NO_COVERAGE_FILTER, status: 'cancelled', issue: 'road_safety' }
];
