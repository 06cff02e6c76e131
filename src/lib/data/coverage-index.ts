/**
 * The map's points answered in memory. The points loaded (coverage_points: every partner and project
 * where the browser computed them from the user's tables, or the provinces fetched so far from the
 * build's files, coverage-summary.ts) are read into typed arrays, a row each, in the order the map
 * samples its points. A filter change is then one pass over those arrays. The answers are the SQL's,
 * row for row: coverage-index.test.ts checks them side by side. The counts by province and district
 * come from the summary (SummaryIndex); this index answers them too, for the points it holds.
 *
 * Issue areas and networks are kept as bits of a 32-bit mask per row. Data with more than 32
 * distinct values of either has no index (build() returns null): the page asks DuckDB instead.
 */
import {
	MAP_POINT_LIMIT,
	PROJECT,
	type CoverageFilter,
	type DistrictCoverage,
	type MapPoint,
	type ProvinceCoverage,
	type UncoveredDistrict
} from './coverage-queries';
import type { CoverageQueries } from './coverage-queries';
import {
	CoveragePlaces,
	POINT_LISTS,
	RAW_POINTS_LEVEL,
	type CoverageCounts,
	type PointWindow,
	type RunColumns,
	type RunRows,
	type SummaryIndex,
	doubles,
	filterCodes,
	ints,
	NO_YEAR
} from './coverage-summary';
import { mercatorX, mercatorY } from '$lib/core/geometry';

export type { RunColumns, RunRows };

/** Tables the index reads: it is built again after any of them changes. */
export const COVERAGE_INDEX_INPUTS: ReadonlySet<string> = new Set(['partners', 'projects', 'provinces', 'districts']);

/**
 * What the coverage pages ask on every filter change. The counts and the map's groups below
 * RAW_POINTS_LEVEL come from the summary in memory and are answered at once, so a filter change shows
 * its own numbers in the same update; only the points themselves may have to be fetched first.
 */
export interface CoverageAnswers {
	byProvince(f: CoverageFilter): ProvinceCoverage[];
	byDistrict(f: CoverageFilter, provinceCode: string): DistrictCoverage[];
	uncoveredDistricts(f: CoverageFilter): UncoveredDistrict[];
	/** Below RAW_POINTS_LEVEL: each district's points under the filter at their mean position, with their count. */
	placed(f: CoverageFilter): PositionedPoints;
	/**
	 * The points under the filter with their Web Mercator positions, for the map to group
	 * (src/lib/map/point-groups.ts): from RAW_POINTS_LEVEL on the points themselves (their provinces'
	 * files fetched first), below it `placed(f)`.
	 */
	positioned(f: CoverageFilter, window: PointWindow): Promise<PositionedPoints>;
	/** Fetches the points a window will need: from RAW_POINTS_LEVEL on, or for the province opened (the zoom to come). */
	fetchPoints(window: PointWindow): Promise<void>;
}

/** Points under a filter, positioned in Web Mercator (core/geometry.ts); `rows` index `x`, `y`, `weight` and `pointOf`. */
export interface PositionedPoints {
	x: ArrayLike<number>;
	y: ArrayLike<number>;
	rows: ArrayLike<number>;
	/** How many points each row stands for (a district's, from the summary); absent: one each, and pointOf names it. */
	weight?: ArrayLike<number>;
	pointOf(i: number): MapPoint;
	/** The answer is itself a sample: the SQL's, at MAP_POINT_LIMIT. */
	capped: boolean;
}

/** The points the map names one by one, for a window: null when the loaded points cannot be indexed. */
export type LoadPoints = (window: PointWindow) => Promise<CoverageIndex | null>;

/** The answers from the summary, and from the points loaded for the window from RAW_POINTS_LEVEL on. */
export function answersFromSummary(
	summary: SummaryIndex,
	loadPoints: LoadPoints,
	/** The points from SQL, where the points loaded cannot be indexed (answersFromSql). */
	sqlPositioned: CoverageAnswers['positioned']
): CoverageAnswers {
	const placed = (f: CoverageFilter): PositionedPoints => {
		const p = summary.placed(f);
		return {
			x: p.x,
			y: p.y,
			rows: Int32Array.from(p.weight.keys()),
			weight: p.weight,
			pointOf: () => {
				throw new Error('a group of the summary has no single point');
			},
			capped: false
		};
	};
	const needsPoints = (window: PointWindow) => window.level >= RAW_POINTS_LEVEL || window.province !== null;
	return {
		byProvince: (f) => summary.byProvince(f),
		byDistrict: (f, code) => summary.byDistrict(f, code),
		uncoveredDistricts: (f) => summary.uncoveredDistricts(f),
		placed,
		positioned: async (f, window) => {
			// A province opened has its points fetched (for the zoom to come) even while its groups show.
			const points = needsPoints(window) ? await loadPoints(window) : null;
			if (window.level >= RAW_POINTS_LEVEL) return points ? points.positioned(f) : sqlPositioned(f, window);
			return placed(f);
		},
		fetchPoints: async (window) => {
			if (needsPoints(window)) await loadPoints(window);
		}
	};
}

/** The map's points from SQL, for loaded points the index cannot hold: grouped from the SQL's sample. */
export function answersFromSql(queries: CoverageQueries): Pick<CoverageAnswers, 'positioned'> {
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
	return { positioned: positionedOf };
}

const MASK_BITS = 32;

/** The points loaded, with their lists split as CoverageQueries compares them. */
const LOADED = `SELECT p.*, ${POINT_LISTS} FROM coverage_points p`;

/** Each distinct issue area, network and category (partner type or project status), in DuckDB's order. */
const VALUES = `loaded AS (${LOADED}),
	values AS (
		SELECT 'issue' AS dimension, v FROM (SELECT DISTINCT unnest(issues) AS v FROM loaded)
		UNION ALL
		SELECT 'network', v FROM (SELECT DISTINCT unnest(networks) AS v FROM loaded)
		UNION ALL
		SELECT 'category', v FROM (SELECT DISTINCT category AS v FROM loaded)
	)`;

const DICTIONARY_SQL = `WITH ${VALUES} SELECT dimension, v FROM values WHERE v IS NOT NULL ORDER BY dimension, v`;

const bits = (list: string, dictionary: string) =>
	`CAST(coalesce(list_aggregate(list_transform(${list}, x -> CAST(1 AS BIGINT) << (list_position(d.${dictionary}, x) - 1)), 'bit_or'), 0) AS DOUBLE)`;

/** One row per partner and project loaded, with every text the filters compare replaced by a number. */
const ROWS_SQL = `WITH ${VALUES},
	d AS (
		SELECT list(v ORDER BY v) FILTER (WHERE dimension = 'issue') AS issues,
			list(v ORDER BY v) FILTER (WHERE dimension = 'network') AS networks,
			list(v ORDER BY v) FILTER (WHERE dimension = 'category') AS categories
		FROM values WHERE v IS NOT NULL
	)
	SELECT r.id,
		CAST(r.kind AS INTEGER) AS kind,
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
	FROM loaded r CROSS JOIN d
	${CoveragePlaces.INDEX_JOINS}
	ORDER BY hash(r.id), r.kind, r.id`;

/** What one pass over the rows finds for a filter. */
interface Scan extends CoverageCounts {
	/** Rows with a position, in sample order. */
	located: Int32Array;
}

export class CoverageIndex {
	private last: { key: string; scan: Scan } | null = null;

	private constructor(
		private readonly places: CoveragePlaces,
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

	/** Reads the points loaded (coverage_points); null when a dimension has more distinct values than a mask holds. */
	static async build(rows: RunRows, columns: RunColumns): Promise<CoverageIndex | null> {
		const dictionary = { issue: [] as string[], network: [] as string[], category: [] as string[] };
		for (const r of await rows<{ dimension: keyof typeof dictionary; v: string }>(DICTIONARY_SQL))
			dictionary[r.dimension].push(r.v);
		if (dictionary.issue.length > MASK_BITS || dictionary.network.length > MASK_BITS) return null;

		const [places, c] = await Promise.all([CoveragePlaces.read(rows), columns(ROWS_SQL)]);
		const lon = doubles(c.lon);
		const lat = doubles(c.lat);
		return new CoverageIndex(
			places,
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
		return this.places.byProvince(this.scan(f));
	}

	/** Partners and projects in each district of one province. */
	byDistrict(f: CoverageFilter, provinceCode: string): DistrictCoverage[] {
		return this.places.byDistrict(this.scan(f), provinceCode);
	}

	/** Districts with neither a partner nor a project under the filter, by zone, province and code. */
	uncoveredDistricts(f: CoverageFilter): UncoveredDistrict[] {
		return this.places.uncoveredDistricts(this.scan(f));
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
		const { issue, network, typeAllowed, anyType, status, uncounted, year } = filterCodes(this.dictionary, f);
		// The row mask bit of a value: 0 = no filter (any), -1 = a value no row has (matches nothing).
		const maskOf = (code: number) => (code === -1 ? 0 : code === -2 ? -1 : 2 ** code);
		const issueMask = maskOf(issue);
		const networkMask = maskOf(network);

		const scan: Scan = { ...this.places.emptyCounts(), located: new Int32Array(this.kind.length) };
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
				// A project without a status is neither "not cancelled" nor any status, as in SQL.
				if (this.category[i] < 0) continue;
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
