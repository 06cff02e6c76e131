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
import { codedColumns, isCodedText, type CodedColumns, type CodedText } from './coded-columns';
import type { Columns, SqlParam } from './connector';
import {
	PARTNER,
	PROJECT,
	UNCOUNTED_STATUS,
	type CoverageFilter,
	type DistrictCoverage,
	type ProvinceCoverage,
	type UncoveredDistrict
} from './coverage-queries';

export type RunRows = <T>(sql: string, params?: SqlParam[]) => Promise<T[]>;
export type RunColumns = (sql: string, params?: SqlParam[]) => Promise<Columns>;

/** The summary's Parquet file in the app's data folder. */
export const COVERAGE_SUMMARY_FILE = 'coverage_summary.parquet';
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
	)
	SELECT CAST(r.kind AS TINYINT) AS kind, r.province_code, r.district_code, r.category,
		CAST(t.year AS INTEGER) AS year, i.issue, w.network,
		CAST(count(*) AS INTEGER) AS n,
		CAST(sum(r.budget) AS DOUBLE) AS budget,
		CAST(count(r.x) AS INTEGER) AS located,
		CAST(coalesce(sum(r.x), 0) AS DOUBLE) AS sum_x,
		CAST(coalesce(sum(r.y), 0) AS DOUBLE) AS sum_y
	FROM r, unnest(r.years) AS t(year), unnest(${ANY_AND_EACH('r.issues')}) AS i(issue),
		unnest(${ANY_AND_EACH('r.networks')}) AS w(network)
	GROUP BY ALL
	ORDER BY province_code, district_code, kind, category, year, issue, network`;

const NO_YEAR = -32768;

/** The summary's columns, as the build writes them and COVERAGE_SUMMARY_SQL makes them. */
export const SUMMARY_COLUMNS = [
	'kind',
	'province_code',
	'district_code',
	'category',
	'year',
	'issue',
	'network',
	'n',
	'budget',
	'located',
	'sum_x',
	'sum_y'
] as const;
/** Those of them that are text (coded in memory, see coded-columns.ts). */
export const SUMMARY_TEXT_COLUMNS: ReadonlySet<string> = new Set([
	'province_code',
	'district_code',
	'category',
	'issue',
	'network'
]);

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
		readonly provinces: ProvinceInfo[],
		readonly districts: DistrictInfo[]
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
		return new CoveragePlaces(provinces, districts);
	}

	/** SQL giving each row of `table` its province's and district's index here (-1: none), as `province`, `district`. */
	static readonly INDEX_JOINS = `LEFT JOIN (SELECT province_code, CAST(row_number() OVER (ORDER BY province_code) - 1 AS INTEGER) AS i FROM provinces) pv USING (province_code)
		LEFT JOIN (SELECT district_code, CAST(row_number() OVER (ORDER BY district_code) - 1 AS INTEGER) AS i FROM districts) dv USING (district_code)`;

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

export function doubles(values: ArrayLike<unknown>): Float64Array {
	return values instanceof Float64Array ? values : Float64Array.from(values as ArrayLike<number>);
}

/** The summary's rows in typed arrays, texts replaced by their place in `dictionary`; filters add rows up. */
export class SummaryIndex {
	private last: { key: string; scan: SummaryScan } | null = null;

	private constructor(
		readonly places: CoveragePlaces,
		private readonly dictionary: { issue: string[]; network: string[]; category: string[] },
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

	/** Reads coverage_summary computed by COVERAGE_SUMMARY_SQL (from a user's partners or projects). */
	static async build(rows: RunRows, columns: RunColumns): Promise<SummaryIndex> {
		const [places, c] = await Promise.all([
			CoveragePlaces.read(rows),
			columns(`SELECT ${SUMMARY_COLUMNS.join(', ')} FROM coverage_summary`)
		]);
		return SummaryIndex.fromColumns(places, codedColumns(c, SUMMARY_TEXT_COLUMNS));
	}

	/** The summary from its columns (the build's file as the Parquet decoder gives it, or build()'s query). */
	static fromColumns(places: CoveragePlaces, c: CodedColumns): SummaryIndex {
		const text = (name: string): CodedText => {
			const column = c[name];
			if (!isCodedText(column)) throw new Error(`${COVERAGE_SUMMARY_FILE}: column "${name}" is missing or not text`);
			return column;
		};
		const numbers = (name: string): Float64Array => {
			const column = c[name];
			if (!(column instanceof Float64Array))
				throw new Error(`${COVERAGE_SUMMARY_FILE}: column "${name}" is missing or not numbers`);
			return column;
		};
		// Province and district codes become their place in `places` (-1: none, or not a known place).
		const placeOf = (column: CodedText, codes: readonly string[]): Int32Array => {
			const at = new Map(codes.map((code, i) => [code, i]));
			const remap = column.dictionary.map((code) => at.get(code) ?? -1);
			return Int32Array.from(column.codes, (k) => (k < 0 ? -1 : remap[k]));
		};
		const [category, issue, network] = [text('category'), text('issue'), text('network')];
		const year = numbers('year');
		return new SummaryIndex(
			places,
			{ issue: issue.dictionary, network: network.dictionary, category: category.dictionary },
			Uint8Array.from(numbers('kind')),
			placeOf(
				text('province_code'),
				places.provinces.map((p) => p.province_code)
			),
			placeOf(
				text('district_code'),
				places.districts.map((d) => d.district_code)
			),
			category.codes,
			Int32Array.from(year, (y) => (Number.isNaN(y) ? NO_YEAR : y)),
			issue.codes,
			network.codes,
			Int32Array.from(numbers('n')),
			numbers('budget'),
			Int32Array.from(numbers('located')),
			numbers('sum_x'),
			numbers('sum_y')
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
		const { issue, network, category } = this.dictionary;
		// The wanted value's place: -1 = any (the rows for any), -2 = a value no row has (nothing matches).
		const wanted = (values: string[], value: string | null) =>
			value === null ? -1 : values.includes(value) ? values.indexOf(value) : -2;
		const issueWanted = wanted(issue, f.issue);
		const networkWanted = wanted(network, f.network);
		const typeAllowed = new Uint8Array(category.length);
		for (const t of f.types) if (category.includes(t)) typeAllowed[category.indexOf(t)] = 1;
		const anyType = f.types.join(',') === '';
		// -2: no status chosen (every one but UNCOUNTED_STATUS); -3: a status no row has.
		const status = f.status === null ? -2 : category.includes(f.status) ? category.indexOf(f.status) : -3;
		const uncounted = category.indexOf(UNCOUNTED_STATUS);
		const year = f.year ?? NO_YEAR;

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
