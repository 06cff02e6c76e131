/**
 * Questions about the partner network: coverage by province and district,
 * points for the map, networks, project records and data-quality issues.
 * Part of the query module: it runs through AtlasDb's connection only.
 */
import type { SqlParam } from './connector';
import type {
	InstalmentRow,
	NetworkEventRow,
	NetworkProvinceRow,
	NetworkRow,
	PartnerRow,
	ProjectRow,
	QualityIssueRow
} from './contract';

export type Run = <T>(sql: string, params?: SqlParam[]) => Promise<T[]>;

export interface CoverageFilter {
	/** Issue area id; null = any. */
	issue: string | null;
	/** Partner types to count; empty = all. */
	types: readonly string[];
	/** Network id; null = any: partners in the network, projects run under it. */
	network: string | null;
	/** Partners who had joined by, and projects running in, this year; null = any. */
	year: number | null;
	/** Project status; null = any. */
	status: string | null;
}

/** Points the coverage map draws at most. */
export const MAP_POINT_LIMIT = 100_000;

export const NO_COVERAGE_FILTER: CoverageFilter = { issue: null, types: [], network: null, year: null, status: null };

export interface ProvinceCoverage {
	province_code: string;
	population: number;
	districts: number;
	covered_districts: number;
	partners: number;
	projects: number;
	budget: number;
}

/**
 * What the networks page lists of a network's partners and projects (its tables and their exports), and
 * how each column is read back from the build's Parquet file of the list (coverage-files.ts).
 */
export const NETWORK_LIST_COLUMNS = {
	partners: { partner_id: 'text', name_th: 'text', name_en: 'text', partner_type: 'text', province_code: 'text' },
	projects: { project_code: 'text', title_th: 'text', province_code: 'text', status: 'text', is_sample: 'boolean' }
} as const;
export type NetworkList = keyof typeof NETWORK_LIST_COLUMNS;
export type NetworkPartner = Pick<PartnerRow, keyof (typeof NETWORK_LIST_COLUMNS)['partners']>;
export type NetworkProject = Pick<ProjectRow, keyof (typeof NETWORK_LIST_COLUMNS)['projects']>;

const listColumns = (list: NetworkList) => Object.keys(NETWORK_LIST_COLUMNS[list]).join(', ');

/**
 * A network's partners (those whose list names it) and projects (run under it), in the order listed; `network`
 * is a placeholder (`?`) or an SQL literal: the build COPYs the same statements into a file per network.
 */
export const NETWORK_LIST_SQL: Record<NetworkList, (network: string) => string> = {
	partners: (network) =>
		`SELECT ${listColumns('partners')} FROM partners WHERE list_contains(${LIST('network_ids')}, ${network})
		 ORDER BY province_code, partner_id`,
	projects: (network) =>
		`SELECT ${listColumns('projects')} FROM projects WHERE network_id = ${network} ORDER BY start_date, project_code`
};

/**
 * The data-quality report's columns (the contract's quality_issues) and how each is read back from the
 * build's Parquet file of the whole report (coverage-files.ts), and the order it is listed in.
 */
export const QUALITY_COLUMNS = {
	table_name: 'text',
	row_key: 'text',
	rule: 'text',
	field: 'text',
	project_code: 'text',
	partner_id: 'text',
	message_en: 'text',
	message_th: 'text',
	detail: 'text',
	is_sample: 'boolean'
} as const;
export const QUALITY_SELECT = Object.keys(QUALITY_COLUMNS).join(', ');
export const QUALITY_ORDER = 'ORDER BY rule, table_name, row_key, field';

/** A point on the map: what its colour needs. Its name is asked for when it is hovered (CoverageAnswers.pointName). */
export interface MapPoint {
	id: string;
	kind: 'partner' | 'project';
	lon: number;
	lat: number;
	category: string;
	issue: string | null;
}

export interface DistrictCoverage {
	district_code: string;
	partners: number;
	projects: number;
}

export interface UncoveredDistrict {
	district_code: string;
	name_th: string;
	name_en: string;
	province_code: string;
	province_th: string;
	province_en: string;
	health_zone: number;
}

const LIST = (column: string) => `string_split(coalesce(${column}, ''), ';')`;

/**
 * The partners and projects every coverage question starts from, computed once per load of their
 * tables (CoverageQueries.prepare): active partners and every project (a cancelled one is counted
 * only when the status filter asks for cancelled projects: COUNTED_STATUS), with their lists
 * split and their years read, so a filter compares lists and integers instead of parsing a
 * million strings and dates each time.
 */
const PREPARE = [
	`CREATE OR REPLACE TABLE coverage_partners AS
	SELECT partner_id, partner_type, province_code, district_code, lon, lat, name_th, issue_area_ids, network_ids,
		${LIST('issue_area_ids')} AS issues, ${LIST('network_ids')} AS networks, year_joined
	FROM partners WHERE active`,
	`CREATE OR REPLACE TABLE coverage_projects AS
	SELECT project_code, province_code, district_code, status, network_id, budget, lon, lat, title_th, issue_area_ids,
		${LIST('issue_area_ids')} AS issues,
		year(CAST(start_date AS DATE)) AS start_year, year(CAST(end_date AS DATE)) AS end_year
	FROM projects`
];

/** A point's kind as coverage_points stores it (coverage-summary.ts). */
export const PARTNER = 0;
export const PROJECT = 1;

/** The status a project is left out by when no status is chosen: cancelled work covers nobody. */
export const UNCOUNTED_STATUS = 'cancelled';

/** The filtered partners and projects as two CTEs, `p` and `j`, with their parameters in order. */
function filtered(f: CoverageFilter): { sql: string; params: SqlParam[] } {
	const types = f.types.join(',');
	return {
		sql: `p AS (
				SELECT * FROM coverage_partners
				WHERE (CAST(? AS VARCHAR) IS NULL OR list_contains(issues, ?))
				  AND (? = '' OR list_contains(string_split(?, ','), partner_type))
				  AND (CAST(? AS VARCHAR) IS NULL OR list_contains(networks, ?))
				  AND (CAST(? AS INTEGER) IS NULL OR year_joined <= ?)
			),
			j AS (
				SELECT * FROM coverage_projects
				WHERE (CAST(? AS VARCHAR) IS NULL OR list_contains(issues, ?))
				  AND (CAST(? AS INTEGER) IS NULL OR (start_year <= ? AND end_year >= ?))
				  AND (CASE WHEN CAST(? AS VARCHAR) IS NULL THEN status <> '${UNCOUNTED_STATUS}' ELSE status = ? END)
				  AND (CAST(? AS VARCHAR) IS NULL OR network_id = ?)
			)`,
		params: [
			f.issue,
			f.issue,
			types,
			types,
			f.network,
			f.network,
			f.year,
			f.year,
			f.issue,
			f.issue,
			f.year,
			f.year,
			f.year,
			f.status,
			f.status,
			f.network,
			f.network
		]
	};
}

/**
 * The order the map samples its points in: by a hash of the id (an even sample of both kinds, the same
 * for the same filter), then kind (partner before project, as text or as PARTNER < PROJECT) and id.
 */
export const SAMPLE_ORDER = 'hash(id), kind, id';

/** Tables whose rows the coverage questions start from: prepare() again after either changes. */
export const COVERAGE_INPUTS: ReadonlySet<string> = new Set(['partners', 'projects']);

export class CoverageQueries {
	constructor(private readonly run: Run) {}

	/** Computes the prepared partners and projects (see PREPARE); needs both tables loaded. */
	async prepare(): Promise<void> {
		for (const sql of PREPARE) await this.run(sql);
	}

	/** Per province: districts with at least one active partner or running project, partners, projects, budget. */
	byProvince(f: CoverageFilter): Promise<ProvinceCoverage[]> {
		const { sql, params } = filtered(f);
		return this.run<ProvinceCoverage>(
			`WITH ${sql},
			covered AS (
				SELECT district_code FROM p WHERE district_code IS NOT NULL
				UNION SELECT district_code FROM j WHERE district_code IS NOT NULL
			),
			d AS (
				SELECT d.province_code, count(*) AS districts, count(c.district_code) AS covered_districts
				FROM districts d LEFT JOIN covered c USING (district_code) GROUP BY d.province_code
			),
			pc AS (SELECT province_code, count(*) AS partners FROM p GROUP BY province_code),
			jc AS (SELECT province_code, count(*) AS projects, sum(budget) AS budget FROM j GROUP BY province_code)
			SELECT pr.province_code, pr.population,
				CAST(coalesce(d.districts, 0) AS INTEGER) AS districts,
				CAST(coalesce(d.covered_districts, 0) AS INTEGER) AS covered_districts,
				CAST(coalesce(pc.partners, 0) AS INTEGER) AS partners,
				CAST(coalesce(jc.projects, 0) AS INTEGER) AS projects,
				CAST(coalesce(jc.budget, 0) AS DOUBLE) AS budget
			FROM provinces pr
			LEFT JOIN d USING (province_code)
			LEFT JOIN pc USING (province_code)
			LEFT JOIN jc USING (province_code)
			ORDER BY pr.province_code`,
			params
		);
	}

	/** Partners and projects in each district of one province, for the district drill-down. */
	byDistrict(f: CoverageFilter, provinceCode: string): Promise<DistrictCoverage[]> {
		const { sql, params } = filtered(f);
		return this.run<DistrictCoverage>(
			`WITH ${sql},
			pc AS (SELECT district_code, count(*) AS n FROM p GROUP BY district_code),
			jc AS (SELECT district_code, count(*) AS n FROM j GROUP BY district_code)
			SELECT d.district_code,
				CAST(coalesce(pc.n, 0) AS INTEGER) AS partners,
				CAST(coalesce(jc.n, 0) AS INTEGER) AS projects
			FROM districts d
			LEFT JOIN pc USING (district_code)
			LEFT JOIN jc USING (district_code)
			WHERE d.province_code = ?
			ORDER BY d.district_code`,
			[...params, provinceCode]
		);
	}

	/** Districts with neither an active partner nor a running project under the filter. */
	uncoveredDistricts(f: CoverageFilter): Promise<UncoveredDistrict[]> {
		const { sql, params } = filtered(f);
		return this.run<UncoveredDistrict>(
			`WITH ${sql},
			covered AS (
				SELECT district_code FROM p WHERE district_code IS NOT NULL
				UNION SELECT district_code FROM j WHERE district_code IS NOT NULL
			)
			SELECT d.district_code, d.name_th, d.name_en, d.province_code,
				pr.name_th AS province_th, pr.name_en AS province_en, pr.health_zone
			FROM districts d
			JOIN provinces pr USING (province_code)
			WHERE d.district_code NOT IN (SELECT district_code FROM covered)
			ORDER BY pr.health_zone, d.province_code, d.district_code`,
			params
		);
	}

	/**
	 * Partners and projects as points (the map clusters them). Beyond `limit`, an even sample of
	 * both kinds (by a hash of the id, so the same filter gives the same points), not the first ones.
	 */
	points(f: CoverageFilter, limit = MAP_POINT_LIMIT): Promise<MapPoint[]> {
		const { sql, params } = filtered(f);
		return this.run<MapPoint>(
			`WITH ${sql}
			SELECT * FROM (
				SELECT partner_id AS id, 'partner' AS kind, lon, lat, partner_type AS category,
					nullif(split_part(coalesce(issue_area_ids, ''), ';', 1), '') AS issue
				FROM p WHERE lat IS NOT NULL AND lon IS NOT NULL
				UNION ALL
				SELECT project_code, 'project', lon, lat, status,
					nullif(split_part(coalesce(issue_area_ids, ''), ';', 1), '')
				FROM j WHERE lat IS NOT NULL AND lon IS NOT NULL
			)
			ORDER BY ${SAMPLE_ORDER}
			LIMIT ?`,
			[...params, limit]
		);
	}

	project(code: string): Promise<ProjectRow[]> {
		return this.run<ProjectRow>(`SELECT * FROM projects WHERE project_code = ?`, [code]);
	}

	instalments(code: string): Promise<InstalmentRow[]> {
		return this.run<InstalmentRow>(`SELECT * FROM instalments WHERE project_code = ? ORDER BY instalment_no`, [code]);
	}

	/** Data-quality issues, all or those of one project. */
	qualityIssues(projectCode: string | null = null): Promise<QualityIssueRow[]> {
		return this.run<QualityIssueRow>(
			`SELECT ${QUALITY_SELECT} FROM quality_issues WHERE CAST(? AS VARCHAR) IS NULL OR project_code = ? ${QUALITY_ORDER}`,
			[projectCode, projectCode]
		);
	}

	networks(): Promise<NetworkRow[]> {
		return this.run<NetworkRow>(`SELECT * FROM networks ORDER BY network_id`);
	}

	networkProvinces(networkId: string): Promise<NetworkProvinceRow[]> {
		return this.run<NetworkProvinceRow>(
			`SELECT * FROM network_provinces WHERE network_id = ? ORDER BY province_code, role`,
			[networkId]
		);
	}

	networkEvents(networkId: string): Promise<NetworkEventRow[]> {
		return this.run<NetworkEventRow>(
			`SELECT * FROM network_events WHERE network_id = ? ORDER BY event_date NULLS LAST, event_id`,
			[networkId]
		);
	}

	networkPartners(networkId: string): Promise<NetworkPartner[]> {
		return this.run<NetworkPartner>(NETWORK_LIST_SQL.partners('?'), [networkId]);
	}

	networkProjects(networkId: string): Promise<NetworkProject[]> {
		return this.run<NetworkProject>(NETWORK_LIST_SQL.projects('?'), [networkId]);
	}
}
