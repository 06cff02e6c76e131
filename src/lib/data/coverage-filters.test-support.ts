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

/**
 * The generated size's projects, as `__user_projects`: three times the bundled rows, each copy changed a
 * little, with the edge cases (no issue area, no position, an end before the start, a district whose
 * projects are all cancelled, one with partners only). `extra` adds columns to the REPLACE list.
 */
export const generatedProjectsSql = (extra = '') => `CREATE TABLE __user_projects AS
	SELECT * REPLACE (
		project_code || '-' || k AS project_code,
		CASE WHEN k = 2 AND hash(project_code) % 7 = 0 THEN NULL ELSE issue_area_ids END AS issue_area_ids,
		CASE WHEN k = 1 AND hash(project_code) % 11 = 0 THEN NULL ELSE lat END AS lat,${extra}
		-- Projects whose end comes before their start: counted in no year.
		CASE WHEN k = 2 AND hash(project_code) % 13 = 0 THEN '2019-01-01' ELSE start_date END AS start_date,
		CASE WHEN k = 2 AND hash(project_code) % 13 = 0 THEN '2018-01-01' ELSE end_date END AS end_date,
		-- Every project of Khon Kaen's first district cancelled.
		CASE WHEN district_code = '4001' THEN 'cancelled' ELSE status END AS status)
	FROM projects, range(3) t(k)
	-- Mueang Chiang Mai keeps its partners only.
	WHERE district_code IS DISTINCT FROM '5001'`;
