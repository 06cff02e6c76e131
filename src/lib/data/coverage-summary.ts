/**
 * The coverage page's questions answered from summaries, so the browser never needs a million raw
 * rows to count them (issue 19; Mosaic's pre-aggregation). Two tables, each defined once here and
 * computed by the same SQL in the data build (native DuckDB: data/build/coverage-files.ts writes
 * them as Parquet) and in the browser for a user's own partners or projects (DuckDB-WASM):
 *
 * - `coverage_points`: one row per active partner and per project, with what the map and the filters
 *   need (COVERAGE_POINTS_SQL). The build writes it as one Parquet file per province
 *   (coverage-points/<code>.parquet), which the page fetches only where single points show.
 * - `coverage_summary`: counts, budgets and located points (with the sum of their Web Mercator
 *   positions) by district × year × issue area × network × partner type or project status
 *   (COVERAGE_SUMMARY_SQL): a few hundred thousand rows at a million projects.
 *
 * Each summary row stands for every point with those values; a point with several issue areas or
 * networks has a row for each, and one more with NULL ("any"). For projects, `year` is a year it runs
 * in (NULL: the row counted when no year is chosen); for partners it is the year they joined, counted
 * in every year from it on. So every filter is answered by adding rows, never by counting a point
 * twice: SummaryIndex does it in memory, and coverage-summary.test.ts holds it to the SQL on the raw
 * tables (CoverageQueries).
 */
import type { Columns, SqlParam } from './connector';
import {
	PARTNER,
	PROJECT,
	SAMPLE_ORDER,
	UNCOUNTED_STATUS,
	type CoverageFilter,
	type DistrictCoverage,
	type ProvinceCoverage,
	type UncoveredDistrict
} from './coverage-queries';

export type RunRows = <T>(sql: string, params?: SqlParam[]) => Promise<T[]>;
export type RunColumns = (sql: string, params?: SqlParam[]) => Promise<Columns>;

/** Where the build writes the points, one file per province, and the list of them. */
export const COVERAGE_POINTS_DIR = 'coverage-points';
export const COVERAGE_POINTS_INDEX = 'coverage-points.json';
/** The name of the file of points without a known province. */
export const NO_PROVINCE = 'none';

/** Zoom level from which the map draws the points themselves, fetched by province; below it, the summary's groups. */
export const RAW_POINTS_LEVEL = 7;

/** One province's file of points: its rows and the bounds of their positions (null: none located). */
export interface PointFile {
	province_code: string;
	file: string;
	rows: number;
	bounds: [number, number, number, number] | null;
}

/** What the page asks the map's points for: the zoom level, the bounds asked for and the province opened. */
export interface PointWindow {
	level: number;
	bounds: readonly [number, number, number, number];
	province: string | null;
}

/** The columns of coverage_points and their types: every way in (SQL, a province's file) casts to them. */
export const COVERAGE_POINTS_COLUMNS = [
	['id', 'VARCHAR'],
	['kind', 'TINYINT'],
	['province_code', 'VARCHAR'],
	['district_code', 'VARCHAR'],
	['lon', 'DOUBLE'],
	['lat', 'DOUBLE'],
	['category', 'VARCHAR'],
	['issue_area_ids', 'VARCHAR'],
	['network_ids', 'VARCHAR'],
	['network_id', 'VARCHAR'],
	['year_from', 'INTEGER'],
	['year_to', 'INTEGER'],
	['budget', 'DOUBLE'],
	['name', 'VARCHAR']
] as const;

/** The columns of coverage_points, each cast to its type, from a query or table with those names. */
export const POINT_COLUMNS_CAST = COVERAGE_POINTS_COLUMNS.map(
	([name, type]) => `CAST("${name}" AS ${type}) AS "${name}"`
).join(', ');

/** The coverage_points columns that are text: the Parquet decoder gives them as codes into a dictionary (coded-columns.ts). */
export const POINT_TEXT_COLUMNS: ReadonlySet<string> = new Set(
	COVERAGE_POINTS_COLUMNS.filter(([, type]) => type === 'VARCHAR').map(([name]) => name)
);

/**
 * Every point with its rank in the map's sample order (SAMPLE_ORDER: `sample`, from 0), in that order. The
 * points of any set of provinces, put in the order of their ranks, are in the order the SQL gives them: what the build
 * writes into each province's file of points, and what CoverageIndex reads from coverage_points where the
 * points are computed in the browser from a user's partners and projects. CoverageIndex needs nothing else.
 */
export const SAMPLED_POINTS_SQL = `SELECT ${COVERAGE_POINTS_COLUMNS.map(([name]) => `"${name}"`).join(', ')},
		CAST(row_number() OVER (ORDER BY ${SAMPLE_ORDER}) - 1 AS INTEGER) AS sample
	FROM coverage_points ORDER BY sample`;

/** The partners and projects the coverage questions count (CoverageQueries' prepared tables), one row each. */
export const COVERAGE_POINTS_SQL = `CREATE OR REPLACE TABLE coverage_points AS
	SELECT ${POINT_COLUMNS_CAST} FROM (
		SELECT partner_id AS id, ${PARTNER} AS kind, province_code, district_code, lon, lat,
			partner_type AS category, issue_area_ids, network_ids, NULL AS network_id,
			year_joined AS year_from, NULL AS year_to, NULL AS budget, name_th AS name
		FROM coverage_partners
		UNION ALL BY NAME
		SELECT project_code AS id, ${PROJECT} AS kind, province_code, district_code, lon, lat,
			status AS category, issue_area_ids, NULL AS network_ids, network_id,
			start_year AS year_from, end_year AS year_to, budget, title_th AS name
		FROM coverage_projects
	)`;

/** A point's issue areas and networks as lists, as CoverageQueries compares them (`p` is a coverage_points row). */
export const POINT_LISTS = `string_split(coalesce(p.issue_area_ids, ''), ';') AS issues,
	CASE WHEN p.kind = ${PARTNER} THEN string_split(coalesce(p.network_ids, ''), ';')
		WHEN p.network_id IS NULL THEN CAST([] AS VARCHAR[]) ELSE [p.network_id] END AS networks`;

/** Web Mercator y of `lat`, as core/geometry.ts's mercatorY. */
const MERCATOR_Y = (lat: string) =>
	`least(1, greatest(0, 0.5 - 0.25 * ln((1 + sin(radians(${lat}))) / (1 - sin(radians(${lat})))) / pi()))`;

/** Every value a row stands for, with NULL for "any" first (an empty id is no value). */
const ANY_AND_EACH = (list: string) => `list_prepend(NULL, list_distinct(list_filter(${list}, x -> x <> '')))`;

export const COVERAGE_SUMMARY_SQL = `CREATE OR REPLACE TABLE coverage_summary AS
	WITH r AS (
		SELECT p.kind, p.province_code, p.district_code, p.category, p.budget,
			CASE WHEN p.lon IS NOT NULL AND p.lat IS NOT NULL THEN p.lon / 360 + 0.5 END AS x,
			CASE WHEN p.lon IS NOT NULL AND p.lat IS NOT NULL THEN ${MERCATOR_Y('p.lat')} END AS y,
			CASE WHEN p.kind = ${PARTNER} THEN [p.year_from]
				WHEN p.year_from <= p.year_to THEN list_prepend(NULL, range(p.year_from, p.year_to + 1))
				ELSE [NULL] END AS years,
			${POINT_LISTS}
		FROM coverage_points p
	),
	-- One row per year, issue area and network a point stands for. Unnested in the select list, one list at
	-- a time: a lateral unnest (FROM r, unnest(r.years)) is planned as a join that holds every point in
	-- memory, which at ten million projects exhausts the data build's memory limit.
	ry AS (SELECT r.* EXCLUDE (years), unnest(r.years) AS year FROM r),
	ri AS (SELECT ry.* EXCLUDE (issues), unnest(${ANY_AND_EACH('ry.issues')}) AS issue FROM ry),
	rw AS (SELECT ri.* EXCLUDE (networks), unnest(${ANY_AND_EACH('ri.networks')}) AS network FROM ri)
	SELECT CAST(r.kind AS TINYINT) AS kind, r.province_code, r.district_code, r.category,
		CAST(r.year AS INTEGER) AS year, r.issue, r.network,
		CAST(count(*) AS INTEGER) AS n,
		CAST(sum(r.budget) AS DOUBLE) AS budget,
		CAST(count(r.x) AS INTEGER) AS located,
		CAST(coalesce(sum(r.x), 0) AS DOUBLE) AS sum_x,
		CAST(coalesce(sum(r.y), 0) AS DOUBLE) AS sum_y
	FROM rw r
	GROUP BY ALL
	ORDER BY province_code, district_code, kind, category, year, issue, network`;

/** A year no row has: the rows for any year (the summary), or a point without a year (CoverageIndex). */
export const NO_YEAR = -32768;

/**
 * A filter as codes into a dictionary of the values rows have, as both in-memory indexes compare them
 * (SummaryIndex, CoverageIndex): issue and network -1 for any, -2 for a value no row has; the types
 * allowed; status -2 for none chosen (every one but UNCOUNTED_STATUS), -3 for a status no row has.
 */
export function filterCodes(dictionary: SummaryDictionary, f: CoverageFilter) {
	const { category } = dictionary;
	const wanted = (values: string[], value: string | null) =>
		value === null ? -1 : values.includes(value) ? values.indexOf(value) : -2;
	const typeAllowed = new Uint8Array(category.length);
	for (const t of f.types) if (category.includes(t)) typeAllowed[category.indexOf(t)] = 1;
	return {
		issue: wanted(dictionary.issue, f.issue),
		network: wanted(dictionary.network, f.network),
		typeAllowed,
		anyType: f.types.join(',') === '',
		status: f.status === null ? -2 : category.includes(f.status) ? category.indexOf(f.status) : -3,
		uncounted: category.indexOf(UNCOUNTED_STATUS),
		year: f.year ?? NO_YEAR
	};
}

/** SQL giving each row (with province_code and district_code) its place in CoveragePlaces, as `pv.i` and `dv.i` (NULL: none). */
const PLACE_INDEX_JOINS = `LEFT JOIN (SELECT province_code, CAST(row_number() OVER (ORDER BY province_code) - 1 AS INTEGER) AS i FROM provinces) pv USING (province_code)
		LEFT JOIN (SELECT district_code, CAST(row_number() OVER (ORDER BY district_code) - 1 AS INTEGER) AS i FROM districts) dv USING (district_code)`;

/** The dimensions of the summary written as codes into a dictionary of their distinct values. */
export const SUMMARY_CODED = ['category', 'issue', 'network'] as const;
export type SummaryDictionary = Record<(typeof SUMMARY_CODED)[number], string[]>;

/** Each coded dimension's distinct values, in the order their codes count (0, 1, …) in ENCODED_SUMMARY_SQL. */
const CODES = SUMMARY_CODED.map(
	(d) =>
		`${d}_codes AS (SELECT v, CAST(row_number() OVER (ORDER BY v) - 1 AS INTEGER) AS code
			FROM (SELECT DISTINCT ${d} AS v FROM coverage_summary WHERE ${d} IS NOT NULL))`
).join(',\n\t');

/** The dictionary of the coded dimensions: one row per value, `dimension` and `v`, in code order. */
export const SUMMARY_DICTIONARY_SQL = `WITH ${CODES}
	${SUMMARY_CODED.map((d) => `SELECT '${d}' AS dimension, v, code FROM ${d}_codes`).join(' UNION ALL ')}
	ORDER BY dimension, code`;

/**
 * The summary encoded (issue 19): every text a number, so a reader decodes plain integer columns. Province
 * and district are their place in CoveragePlaces (provinces and districts by code; -1: none, or not a
 * known place), category, issue and network codes into SUMMARY_DICTIONARY_SQL (-1: NULL, "any"). The sums
 * of the points' positions, which only place a district's group on the map below RAW_POINTS_LEVEL, are
 * single precision (a mean within metres; they were 9.6 of the 13 MB at a million projects: issue 19).
 * Ordered by year (NULL, "any year", first), so a file split by year is in the same order.
 */
export const ENCODED_SUMMARY_SQL = `WITH ${CODES}
	SELECT s.kind, coalesce(pv.i, -1) AS province, coalesce(dv.i, -1) AS district,
		${SUMMARY_CODED.map((d) => `coalesce(${d}_codes.code, -1) AS ${d}`).join(', ')},
		s.year, s.n, s.budget, s.located, CAST(s.sum_x AS FLOAT) AS sum_x, CAST(s.sum_y AS FLOAT) AS sum_y
	FROM coverage_summary s
	${SUMMARY_CODED.map((d) => `LEFT JOIN ${d}_codes ON ${d}_codes.v = s.${d}`).join('\n\t')}
	${PLACE_INDEX_JOINS}
	ORDER BY s.year NULLS FIRST, province, district, s.kind, category, issue, network`;

/** The encoded summary's columns (ENCODED_SUMMARY_SQL), all numbers. */
export const ENCODED_SUMMARY_COLUMNS = [
	'kind',
	'province',
	'district',
	'category',
	'issue',
	'network',
	'year',
	'n',
	'budget',
	'located',
	'sum_x',
	'sum_y'
] as const;
export type EncodedSummaryColumns = Record<(typeof ENCODED_SUMMARY_COLUMNS)[number], ArrayLike<number>>;

/** The summary encoded, with what its codes mean: the place codes its province and district columns index, and the dictionary. */
export interface EncodedSummary {
	provinces: readonly string[];
	districts: readonly string[];
	dictionary: SummaryDictionary;
	columns: EncodedSummaryColumns;
}

export interface ProvinceInfo {
	province_code: string;
	population: number;
	name_th: string;
	name_en: string;
	health_zone: number;
}

export interface DistrictInfo {
	district_code: string;
	province_code: string;
	name_th: string;
	name_en: string;
}

/** What adding up the rows under a filter finds: counts by province and district, and located points by place. */
export interface CoverageCounts {
	partnersByProvince: Int32Array;
	projectsByProvince: Int32Array;
	budgetByProvince: Float64Array;
	partnersByDistrict: Int32Array;
	projectsByDistrict: Int32Array;
}

/** The provinces and districts the counts are by, in code order, and the answers made of counts. */
export class CoveragePlaces {
	/** Each district's province (-1: not in provinces). */
	readonly districtProvince: Int32Array;

	private constructor(
		readonly provinces: readonly ProvinceInfo[],
		readonly districts: readonly DistrictInfo[]
	) {
		const provinceAt = new Map(provinces.map((p, i) => [p.province_code, i]));
		this.districtProvince = Int32Array.from(districts, (d) => provinceAt.get(d.province_code) ?? -1);
	}

	static async read(rows: RunRows): Promise<CoveragePlaces> {
		const [provinces, districts] = await Promise.all([
			rows<ProvinceInfo>(
				`SELECT province_code, population, name_th, name_en, health_zone FROM provinces ORDER BY province_code`
			),
			rows<DistrictInfo>(`SELECT district_code, province_code, name_th, name_en FROM districts ORDER BY district_code`)
		]);
		return CoveragePlaces.of(provinces, districts);
	}

	/** The provinces and districts as CoveragePlaces.read gives them (e.g. from the build's coverage.json). */
	static of(provinces: readonly ProvinceInfo[], districts: readonly DistrictInfo[]): CoveragePlaces {
		return new CoveragePlaces(provinces, districts);
	}

	/** SQL giving each row its province's and district's place here (`pv.i`, `dv.i`; NULL: none). */
	static readonly INDEX_JOINS = PLACE_INDEX_JOINS;

	emptyCounts(): CoverageCounts {
		return {
			partnersByProvince: new Int32Array(this.provinces.length),
			projectsByProvince: new Int32Array(this.provinces.length),
			budgetByProvince: new Float64Array(this.provinces.length),
			partnersByDistrict: new Int32Array(this.districts.length),
			projectsByDistrict: new Int32Array(this.districts.length)
		};
	}

	/** Per province: districts with at least one partner or project, partners, projects, budget. */
	byProvince(c: CoverageCounts): ProvinceCoverage[] {
		const districts = new Int32Array(this.provinces.length);
		const covered = new Int32Array(this.provinces.length);
		this.districtProvince.forEach((p, d) => {
			if (p < 0) return;
			districts[p]++;
			if (c.partnersByDistrict[d] + c.projectsByDistrict[d] > 0) covered[p]++;
		});
		return this.provinces.map((p, i) => ({
			province_code: p.province_code,
			population: p.population,
			districts: districts[i],
			covered_districts: covered[i],
			partners: c.partnersByProvince[i],
			projects: c.projectsByProvince[i],
			budget: c.budgetByProvince[i]
		}));
	}

	/** Partners and projects in each district of one province. */
	byDistrict(c: CoverageCounts, provinceCode: string): DistrictCoverage[] {
		return this.districts.flatMap((d, i) =>
			d.province_code === provinceCode
				? [{ district_code: d.district_code, partners: c.partnersByDistrict[i], projects: c.projectsByDistrict[i] }]
				: []
		);
	}

	/** Districts with neither a partner nor a project, by zone, province and code. */
	uncoveredDistricts(c: CoverageCounts): UncoveredDistrict[] {
		const out: UncoveredDistrict[] = [];
		this.districts.forEach((d, i) => {
			const p = this.provinces[this.districtProvince[i]];
			if (!p || c.partnersByDistrict[i] + c.projectsByDistrict[i] > 0) return;
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
}

/** Located points under a filter, grouped by place: one row per district (or province without a district) holding any. */
export interface PlacedPoints {
	/** Web Mercator positions: the mean of each place's points. */
	x: Float64Array;
	y: Float64Array;
	/** How many points each row stands for. */
	weight: Int32Array;
}

interface SummaryScan {
	counts: CoverageCounts;
	placed: PlacedPoints;
}

export function ints(values: ArrayLike<unknown>): Int32Array {
	return values instanceof Int32Array ? values : Int32Array.from(values as ArrayLike<number>);
}

/** Numbers as doubles, NULL as NaN (a query's columns hold null; the decoder's, NaN). */
function orNaN(values: ArrayLike<unknown>): Float64Array {
	if (values instanceof Float64Array) return values;
	return Float64Array.from(values as ArrayLike<number | null>, (v) =>
		v === null || v === undefined ? NaN : Number(v)
	);
}

export function doubles(values: ArrayLike<unknown>): Float64Array {
	return values instanceof Float64Array ? values : Float64Array.from(values as ArrayLike<number>);
}

/** The summary's rows in typed arrays, texts replaced by their place in `dictionary`; filters add rows up. */
export class SummaryIndex {
	private last: { key: string; scan: SummaryScan } | null = null;

	private constructor(
		readonly places: CoveragePlaces,
		private readonly dictionary: SummaryDictionary,
		private readonly kind: Uint8Array,
		private readonly province: Int32Array,
		private readonly district: Int32Array,
		private readonly category: Int32Array,
		private readonly year: Int32Array,
		/** -1: the row for any issue area (network). */
		private readonly issue: Int32Array,
		private readonly network: Int32Array,
		private readonly n: Int32Array,
		private readonly budget: Float64Array,
		private readonly located: Int32Array,
		private readonly sumX: Float64Array,
		private readonly sumY: Float64Array
	) {}

	/** Reads coverage_summary computed by COVERAGE_SUMMARY_SQL (from a user's partners or projects), encoded as the build writes it. */
	static async build(rows: RunRows, columns: RunColumns): Promise<SummaryIndex> {
		const dictionary: SummaryDictionary = { category: [], issue: [], network: [] };
		const [places, words, c] = await Promise.all([
			CoveragePlaces.read(rows),
			rows<{ dimension: keyof SummaryDictionary; v: string }>(SUMMARY_DICTIONARY_SQL),
			columns(ENCODED_SUMMARY_SQL)
		]);
		for (const w of words) dictionary[w.dimension].push(w.v);
		return SummaryIndex.fromEncoded(places, {
			provinces: places.provinces.map((p) => p.province_code),
			districts: places.districts.map((d) => d.district_code),
			dictionary,
			columns: c as EncodedSummaryColumns
		});
	}

	/**
	 * The summary from its encoded columns (ENCODED_SUMMARY_SQL: the build's files as the Parquet decoder
	 * gives them, or build()'s query). Places are matched by code: `places` may list other provinces or
	 * districts than the encoding did.
	 */
	static fromEncoded(places: CoveragePlaces, encoded: EncodedSummary): SummaryIndex {
		const c = encoded.columns;
		for (const name of ENCODED_SUMMARY_COLUMNS)
			if (!c[name]) throw new Error(`coverage summary: column "${name}" is missing`);
		// The encoding's place codes to their place in `places` (-1: not a known place).
		const placeOf = (column: ArrayLike<number>, from: readonly string[], to: readonly string[]): Int32Array => {
			const values = ints(column);
			if (from.length === to.length && from.every((code, i) => code === to[i])) return values;
			const at = new Map(to.map((code, i) => [code, i]));
			const remap = from.map((code) => at.get(code) ?? -1);
			return values.map((k) => (k < 0 ? -1 : remap[k]));
		};
		// NULL (NaN once decoded): the rows for any year.
		const year = Int32Array.from(orNaN(c.year), (y) => (Number.isNaN(y) ? NO_YEAR : y));
		return new SummaryIndex(
			places,
			encoded.dictionary,
			Uint8Array.from(c.kind),
			placeOf(
				c.province,
				encoded.provinces,
				places.provinces.map((p) => p.province_code)
			),
			placeOf(
				c.district,
				encoded.districts,
				places.districts.map((d) => d.district_code)
			),
			ints(c.category),
			year,
			ints(c.issue),
			ints(c.network),
			ints(c.n),
			orNaN(c.budget),
			ints(c.located),
			doubles(c.sum_x),
			doubles(c.sum_y)
		);
	}

	/** Rows of the summary. */
	get size(): number {
		return this.kind.length;
	}

	byProvince(f: CoverageFilter): ProvinceCoverage[] {
		return this.places.byProvince(this.scan(f).counts);
	}

	byDistrict(f: CoverageFilter, provinceCode: string): DistrictCoverage[] {
		return this.places.byDistrict(this.scan(f).counts, provinceCode);
	}

	uncoveredDistricts(f: CoverageFilter): UncoveredDistrict[] {
		return this.places.uncoveredDistricts(this.scan(f).counts);
	}

	/** The located points under the filter, one row per district (or province without a district) at their mean position. */
	placed(f: CoverageFilter): PlacedPoints {
		return this.scan(f).placed;
	}

	private scan(f: CoverageFilter): SummaryScan {
		const key = JSON.stringify(f);
		if (this.last?.key === key) return this.last.scan;
		const scan = this.pass(f);
		this.last = { key, scan };
		return scan;
	}

	private pass(f: CoverageFilter): SummaryScan {
		const {
			issue: issueWanted,
			network: networkWanted,
			typeAllowed,
			anyType,
			status,
			uncounted,
			year
		} = filterCodes(this.dictionary, f);

		const { places } = this;
		const counts = places.emptyCounts();
		// Located points by place: districts first, then each province's points without a district, then none.
		const placesCount = places.districts.length + places.provinces.length + 1;
		const located = new Int32Array(placesCount);
		const sumX = new Float64Array(placesCount);
		const sumY = new Float64Array(placesCount);
		const placed = (): PlacedPoints => {
			const at: number[] = [];
			for (let k = 0; k < placesCount; k++) if (located[k] > 0) at.push(k);
			return {
				x: Float64Array.from(at, (k) => sumX[k] / located[k]),
				y: Float64Array.from(at, (k) => sumY[k] / located[k]),
				weight: Int32Array.from(at, (k) => located[k])
			};
		};
		if (issueWanted === -2 || networkWanted === -2) return { counts, placed: placed() };
		for (let i = 0; i < this.kind.length; i++) {
			if (this.issue[i] !== issueWanted || this.network[i] !== networkWanted) continue;
			const project = this.kind[i] === PROJECT;
			if (project) {
				if (this.year[i] !== year) continue;
				// A project without a status is neither "not cancelled" nor any status, as in SQL.
				if (this.category[i] < 0) continue;
				if (status === -2 ? uncounted >= 0 && this.category[i] === uncounted : this.category[i] !== status) continue;
			} else {
				if (year !== NO_YEAR && (this.year[i] === NO_YEAR || this.year[i] > year)) continue;
				if (!anyType && (this.category[i] < 0 || typeAllowed[this.category[i]] === 0)) continue;
			}
			const n = this.n[i];
			const p = this.province[i];
			if (p >= 0) {
				if (project) {
					counts.projectsByProvince[p] += n;
					if (!Number.isNaN(this.budget[i])) counts.budgetByProvince[p] += this.budget[i];
				} else counts.partnersByProvince[p] += n;
			}
			const d = this.district[i];
			if (d >= 0) (project ? counts.projectsByDistrict : counts.partnersByDistrict)[d] += n;
			if (this.located[i] > 0) {
				const k = d >= 0 ? d : p >= 0 ? places.districts.length + p : placesCount - 1;
				located[k] += this.located[i];
				sumX[k] += this.sumX[i];
				sumY[k] += this.sumY[i];
			}
		}
		return { counts, placed: placed() };
	}
}
