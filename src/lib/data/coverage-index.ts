/**
 * The coverage page's questions answered in memory. The prepared partners and projects
 * (coverage-queries.ts) are read once per load into typed arrays, a row each, in the order the
 * map samples its points. A filter change is then one pass over those arrays instead of three
 * DuckDB queries and up to 100 000 points through Arrow. The answers are the SQL's, row for row:
 * coverage-index.test.ts checks them side by side.
 *
 * Issue areas and networks are kept as bits of a 32-bit mask per row. Data with more than 32
 * distinct values of either has no index (build() returns null): the page asks DuckDB instead.
 */
import type { Columns, SqlParam } from './connector';
import {
	MAP_POINT_LIMIT,
	UNCOUNTED_STATUS,
	type CoverageFilter,
	type DistrictCoverage,
	type MapPoint,
	type ProvinceCoverage,
	type UncoveredDistrict
} from './coverage-queries';
import type { CoverageQueries } from './coverage-queries';
import { mercatorX, mercatorY } from '$lib/core/geometry';

/** Tables the index reads: it is built again after any of them changes. */
export const COVERAGE_INDEX_INPUTS: ReadonlySet<string> = new Set(['partners', 'projects', 'provinces', 'districts']);

/** What the coverage pages ask on every filter change, answered by the index or, without one, by SQL. */
export interface CoverageAnswers {
	byProvince(f: CoverageFilter): Promise<ProvinceCoverage[]>;
	byDistrict(f: CoverageFilter, provinceCode: string): Promise<DistrictCoverage[]>;
	uncoveredDistricts(f: CoverageFilter): Promise<UncoveredDistrict[]>;
	/** The points under the filter with their Web Mercator positions, for the map to group (src/lib/map/point-groups.ts). */
	positioned(f: CoverageFilter): Promise<PositionedPoints>;
}

/** Points under a filter, positioned in Web Mercator (core/geometry.ts); `rows` index `x`, `y` and `pointOf`. */
export interface PositionedPoints {
	x: ArrayLike<number>;
	y: ArrayLike<number>;
	rows: ArrayLike<number>;
	pointOf(i: number): MapPoint;
	/** The answer is itself a sample: the SQL's, at MAP_POINT_LIMIT. */
	capped: boolean;
}

export function answersOf(index: CoverageIndex): CoverageAnswers {
	return {
		byProvince: async (f) => index.byProvince(f),
		byDistrict: async (f, code) => index.byDistrict(f, code),
		uncoveredDistricts: async (f) => index.uncoveredDistricts(f),
		positioned: async (f) => index.positioned(f)
	};
}

/** The same from SQL, for data the index cannot hold: points are grouped from the SQL's sample. */
export function answersFromSql(queries: CoverageQueries): CoverageAnswers {
	let last: { key: string; positioned: Promise<PositionedPoints> } | null = null;
	const positionedOf = (f: CoverageFilter) => {
		const key = JSON.stringify(f);
		if (last?.key !== key)
			last = {
				key,
				positioned: queries.points(f).then((points) => ({
					x: Float64Array.from(points, (p) => mercatorX(p.lon)),
					y: Float64Array.from(points, (p) => mercatorY(p.lat)),
					rows: Int32Array.from(points.keys()),
					pointOf: (i: number) => points[i],
					capped: points.length >= MAP_POINT_LIMIT
				}))
			};
		return last.positioned;
	};
	return {
		byProvince: (f) => queries.byProvince(f),
		byDistrict: (f, code) => queries.byDistrict(f, code),
		uncoveredDistricts: (f) => queries.uncoveredDistricts(f),
		positioned: positionedOf
	};
}

export type RunRows = <T>(sql: string, params?: SqlParam[]) => Promise<T[]>;
export type RunColumns = (sql: string, params?: SqlParam[]) => Promise<Columns>;

const MASK_BITS = 32;
const NO_YEAR = -32768;
const PROJECT = 1;

/** Each distinct issue area, network and category (partner type or project status), in DuckDB's order. */
const VALUES = `values AS (
	SELECT 'issue' AS dimension, v FROM (SELECT unnest(issues) AS v FROM coverage_partners UNION SELECT unnest(issues) FROM coverage_projects)
	UNION ALL
	SELECT 'network', v FROM (SELECT unnest(networks) AS v FROM coverage_partners UNION SELECT network_id FROM coverage_projects WHERE network_id IS NOT NULL)
	UNION ALL
	SELECT 'category', v FROM (SELECT partner_type AS v FROM coverage_partners UNION SELECT status FROM coverage_projects)
)`;

const DICTIONARY_SQL = `WITH ${VALUES} SELECT dimension, v FROM values ORDER BY dimension, v`;

const bits = (list: string, dictionary: string) =>
	`CAST(coalesce(list_aggregate(list_transform(${list}, x -> CAST(1 AS BIGINT) << (list_position(d.${dictionary}, x) - 1)), 'bit_or'), 0) AS DOUBLE)`;

/** One row per partner and project, with every text the filters compare replaced by a number. */
const ROWS_SQL = `WITH ${VALUES},
	d AS (
		SELECT list(v ORDER BY v) FILTER (WHERE dimension = 'issue') AS issues,
			list(v ORDER BY v) FILTER (WHERE dimension = 'network') AS networks,
			list(v ORDER BY v) FILTER (WHERE dimension = 'category') AS categories
		FROM values
	),
	pv AS (SELECT province_code, CAST(row_number() OVER (ORDER BY province_code) - 1 AS INTEGER) AS i FROM provinces),
	dv AS (SELECT district_code, CAST(row_number() OVER (ORDER BY district_code) - 1 AS INTEGER) AS i FROM districts),
	r AS (
		SELECT partner_id AS id, 'partner' AS kind, lon, lat, province_code, district_code, partner_type AS category,
			issues, networks, CAST(year_joined AS INTEGER) AS year_from, CAST(NULL AS INTEGER) AS year_to,
			CAST(NULL AS DOUBLE) AS budget, issue_area_ids
		FROM coverage_partners
		UNION ALL
		SELECT project_code, 'project', lon, lat, province_code, district_code, status,
			issues, CASE WHEN network_id IS NULL THEN CAST([] AS VARCHAR[]) ELSE [network_id] END,
			CAST(start_year AS INTEGER), CAST(end_year AS INTEGER), CAST(budget AS DOUBLE), issue_area_ids
		FROM coverage_projects
	)
	SELECT r.id,
		CAST(r.kind = 'project' AS INTEGER) AS kind,
		coalesce(r.lon, 'NaN'::DOUBLE) AS lon,
		coalesce(r.lat, 'NaN'::DOUBLE) AS lat,
		coalesce(pv.i, -1) AS province,
		coalesce(dv.i, -1) AS district,
		CAST(coalesce(list_position(d.categories, r.category), 0) - 1 AS INTEGER) AS category,
		CAST(coalesce(list_position(d.issues, nullif(split_part(coalesce(r.issue_area_ids, ''), ';', 1), '')), 0) - 1 AS INTEGER) AS first_issue,
		${bits('r.issues', 'issues')} AS issue_mask,
		${bits('r.networks', 'networks')} AS network_mask,
		coalesce(r.year_from, ${NO_YEAR}) AS year_from,
		coalesce(r.year_to, ${NO_YEAR}) AS year_to,
		coalesce(r.budget, 'NaN'::DOUBLE) AS budget
	FROM r CROSS JOIN d
	LEFT JOIN pv USING (province_code)
	LEFT JOIN dv USING (district_code)
	ORDER BY hash(r.id), r.kind, r.id`;

interface ProvinceInfo {
	province_code: string;
	population: number;
	name_th: string;
	name_en: string;
	health_zone: number;
}

interface DistrictInfo {
	district_code: string;
	province_code: string;
	name_th: string;
	name_en: string;
}

/** What one pass over the rows finds for a filter. */
interface Scan {
	partnersByProvince: Int32Array;
	projectsByProvince: Int32Array;
	budgetByProvince: Float64Array;
	partnersByDistrict: Int32Array;
	projectsByDistrict: Int32Array;
	/** Rows with a position, in sample order. */
	located: Int32Array;
}

function ints(values: ArrayLike<unknown>): Int32Array {
	return values instanceof Int32Array ? values : Int32Array.from(values as ArrayLike<number>);
}

function doubles(values: ArrayLike<unknown>): Float64Array {
	return values instanceof Float64Array ? values : Float64Array.from(values as ArrayLike<number>);
}

export class CoverageIndex {
	private last: { key: string; scan: Scan } | null = null;

	private constructor(
		private readonly provinces: ProvinceInfo[],
		private readonly districts: DistrictInfo[],
		/** The district rows of each province, and each district's province (-1: not in provinces). */
		private readonly districtProvince: Int32Array,
		private readonly dictionary: { issue: string[]; network: string[]; category: string[] },
		private readonly ids: string[],
		private readonly kind: Uint8Array,
		private readonly lon: Float64Array,
		private readonly lat: Float64Array,
		/** The positions in Web Mercator, for grouping (point-groups.ts). */
		private readonly x: Float64Array,
		private readonly y: Float64Array,
		private readonly province: Int32Array,
		private readonly district: Int32Array,
		private readonly category: Int32Array,
		private readonly firstIssue: Int32Array,
		private readonly issueMask: Uint32Array,
		private readonly networkMask: Uint32Array,
		private readonly yearFrom: Int32Array,
		private readonly yearTo: Int32Array,
		private readonly budget: Float64Array
	) {}

	/** Reads the prepared tables; null when a dimension has more distinct values than a mask holds. */
	static async build(rows: RunRows, columns: RunColumns): Promise<CoverageIndex | null> {
		const dictionary = { issue: [] as string[], network: [] as string[], category: [] as string[] };
		for (const r of await rows<{ dimension: keyof typeof dictionary; v: string }>(DICTIONARY_SQL))
			dictionary[r.dimension].push(r.v);
		if (dictionary.issue.length > MASK_BITS || dictionary.network.length > MASK_BITS) return null;

		const [provinces, districts, c] = await Promise.all([
			rows<ProvinceInfo>(
				`SELECT province_code, population, name_th, name_en, health_zone FROM provinces ORDER BY province_code`
			),
			rows<DistrictInfo>(`SELECT district_code, province_code, name_th, name_en FROM districts ORDER BY district_code`),
			columns(ROWS_SQL)
		]);
		const provinceAt = new Map(provinces.map((p, i) => [p.province_code, i]));
		const lon = doubles(c.lon);
		const lat = doubles(c.lat);
		return new CoverageIndex(
			provinces,
			districts,
			Int32Array.from(districts, (d) => provinceAt.get(d.province_code) ?? -1),
			dictionary,
			Array.isArray(c.id) ? (c.id as string[]) : Array.from(c.id as ArrayLike<string>),
			Uint8Array.from(c.kind as ArrayLike<number>),
			lon,
			lat,
			lon.map(mercatorX),
			lat.map(mercatorY),
			ints(c.province),
			ints(c.district),
			ints(c.category),
			ints(c.first_issue),
			Uint32Array.from(c.issue_mask as ArrayLike<number>),
			Uint32Array.from(c.network_mask as ArrayLike<number>),
			ints(c.year_from),
			ints(c.year_to),
			doubles(c.budget)
		);
	}

	get size(): number {
		return this.ids.length;
	}

	/** Per province: districts with at least one partner or project under the filter, partners, projects, budget. */
	byProvince(f: CoverageFilter): ProvinceCoverage[] {
		const scan = this.scan(f);
		const districts = new Int32Array(this.provinces.length);
		const covered = new Int32Array(this.provinces.length);
		this.districtProvince.forEach((p, d) => {
			if (p < 0) return;
			districts[p]++;
			if (scan.partnersByDistrict[d] + scan.projectsByDistrict[d] > 0) covered[p]++;
		});
		return this.provinces.map((p, i) => ({
			province_code: p.province_code,
			population: p.population,
			districts: districts[i],
			covered_districts: covered[i],
			partners: scan.partnersByProvince[i],
			projects: scan.projectsByProvince[i],
			budget: scan.budgetByProvince[i]
		}));
	}

	/** Partners and projects in each district of one province. */
	byDistrict(f: CoverageFilter, provinceCode: string): DistrictCoverage[] {
		const scan = this.scan(f);
		return this.districts.flatMap((d, i) =>
			d.province_code === provinceCode
				? [
						{
							district_code: d.district_code,
							partners: scan.partnersByDistrict[i],
							projects: scan.projectsByDistrict[i]
						}
					]
				: []
		);
	}

	/** Districts with neither a partner nor a project under the filter, by zone, province and code. */
	uncoveredDistricts(f: CoverageFilter): UncoveredDistrict[] {
		const scan = this.scan(f);
		const out: UncoveredDistrict[] = [];
		this.districts.forEach((d, i) => {
			const p = this.provinces[this.districtProvince[i]];
			if (!p || scan.partnersByDistrict[i] + scan.projectsByDistrict[i] > 0) return;
			out.push({
				district_code: d.district_code,
				name_th: d.name_th,
				name_en: d.name_en,
				province_code: d.province_code,
				province_th: p.name_th,
				province_en: p.name_en,
				health_zone: p.health_zone
			});
		});
		// Districts are in code order already; a stable sort keeps it within a province.
		return out.sort(
			(a, b) =>
				a.health_zone - b.health_zone ||
				(a.province_code < b.province_code ? -1 : a.province_code > b.province_code ? 1 : 0)
		);
	}

	/** Partners and projects with a position, at most `limit`: the same even sample as CoverageQueries.points. */
	points(f: CoverageFilter, limit = MAP_POINT_LIMIT): MapPoint[] {
		return Array.from(this.scan(f).located.subarray(0, limit), (i) => this.pointOf(i));
	}

	/** Every point under the filter with its position, for the map to group (src/lib/map/point-groups.ts). */
	positioned(f: CoverageFilter): PositionedPoints {
		return { x: this.x, y: this.y, rows: this.scan(f).located, pointOf: (i) => this.pointOf(i), capped: false };
	}

	private pointOf(i: number): MapPoint {
		const { category, issue } = this.dictionary;
		return {
			id: this.ids[i],
			kind: this.kind[i] === PROJECT ? 'project' : 'partner',
			lon: this.lon[i],
			lat: this.lat[i],
			category: category[this.category[i]] ?? '',
			issue: issue[this.firstIssue[i]] ?? null
		};
	}

	private scan(f: CoverageFilter): Scan {
		const key = JSON.stringify(f);
		if (this.last?.key === key) return this.last.scan;
		const scan = this.pass(f);
		this.last = { key, scan };
		return scan;
	}

	private pass(f: CoverageFilter): Scan {
		const { issue, network, category } = this.dictionary;
		// The row mask bit of a value: 0 = no filter (null), -1 = a value no row has (matches nothing).
		const maskOf = (values: string[], value: string | null) =>
			value === null ? 0 : values.includes(value) ? 2 ** values.indexOf(value) : -1;
		const issueMask = maskOf(issue, f.issue);
		const networkMask = maskOf(network, f.network);
		const typeAllowed = new Uint8Array(category.length);
		for (const t of f.types) if (category.includes(t)) typeAllowed[category.indexOf(t)] = 1;
		const anyType = f.types.join(',') === '';
		const status = f.status === null ? -2 : category.indexOf(f.status);
		const uncounted = category.indexOf(UNCOUNTED_STATUS);
		const year = f.year ?? NO_YEAR;

		const scan: Scan = {
			partnersByProvince: new Int32Array(this.provinces.length),
			projectsByProvince: new Int32Array(this.provinces.length),
			budgetByProvince: new Float64Array(this.provinces.length),
			partnersByDistrict: new Int32Array(this.districts.length),
			projectsByDistrict: new Int32Array(this.districts.length),
			located: new Int32Array(this.kind.length)
		};
		let located = 0;
		if (issueMask === -1) return { ...scan, located: scan.located.subarray(0, 0) };
		const { kind, province, district, lon, lat } = this;
		for (let i = 0; i < kind.length; i++) {
			if (issueMask !== 0 && (this.issueMask[i] & issueMask) === 0) continue;
			const project = kind[i] === PROJECT;
			if (networkMask !== 0 && (networkMask === -1 || (this.networkMask[i] & networkMask) === 0)) continue;
			if (project) {
				if (
					year !== NO_YEAR &&
					(this.yearFrom[i] === NO_YEAR ||
						this.yearFrom[i] > year ||
						this.yearTo[i] === NO_YEAR ||
						this.yearTo[i] < year)
				)
					continue;
				if (status === -2 ? uncounted >= 0 && this.category[i] === uncounted : this.category[i] !== status) continue;
			} else {
				if (year !== NO_YEAR && (this.yearFrom[i] === NO_YEAR || this.yearFrom[i] > year)) continue;
				if (!anyType && (this.category[i] < 0 || typeAllowed[this.category[i]] === 0)) continue;
			}
			const p = province[i];
			if (p >= 0) {
				if (project) {
					scan.projectsByProvince[p]++;
					if (!Number.isNaN(this.budget[i])) scan.budgetByProvince[p] += this.budget[i];
				} else scan.partnersByProvince[p]++;
			}
			const d = district[i];
			if (d >= 0) (project ? scan.projectsByDistrict : scan.partnersByDistrict)[d]++;
			if (!Number.isNaN(lon[i]) && !Number.isNaN(lat[i])) scan.located[located++] = i;
		}
		scan.located = scan.located.subarray(0, located);
		return scan;
	}
}
