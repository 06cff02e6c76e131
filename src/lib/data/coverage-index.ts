/**
 * The map's points answered in memory. The points loaded (the provinces' files of points fetched so far,
 * as the build wrote them, or coverage_points where the browser computed them from a user's tables,
 * coverage-summary.ts) are read into typed arrays, a row each, in the order the map samples its points
 * (each point's rank, `sample`, is in the files: SAMPLED_POINTS_SQL). A filter change is then one pass
 * over those arrays, without DuckDB. The answers are the SQL's, row for row: coverage-index.test.ts and
 * coverage-points.test.ts check them side by side. The counts by province and district come from the
 * summary (SummaryIndex); this index answers them too, for the points it holds.
 *
 * Issue areas and networks are kept as codes into the distinct lists the rows have (a few hundred at a
 * national size): a filter looks at each list once, then at one number per row.
 */
import {
	MAP_POINT_LIMIT,
	PARTNER,
	PROJECT,
	type CoverageFilter,
	type DistrictCoverage,
	type MapPoint,
	type ProvinceCoverage,
	type UncoveredDistrict
} from './coverage-queries';
import {
	CoveragePlaces,
	POINT_TEXT_COLUMNS,
	RAW_POINTS_LEVEL,
	SAMPLED_POINTS_SQL,
	type CoverageCounts,
	type PointWindow,
	type RunColumns,
	type RunRows,
	type SummaryIndex,
	filterCodes,
	NO_YEAR
} from './coverage-summary';
import { codedColumns, isCodedText, type CodedColumns, type CodedText } from './coded-values';
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
	/** The name of a point drawn one by one (a partner's name, a project's title); null if there is none. */
	pointName(kind: MapPoint['kind'], id: string): Promise<string | null>;
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

/** The points the map names one by one, for a window. */
export type LoadPoints = (window: PointWindow) => Promise<CoverageIndex>;

/** The answers from the summary, and from the points loaded for the window from RAW_POINTS_LEVEL on. */
export function answersFromSummary(summary: SummaryIndex, loadPoints: LoadPoints): CoverageAnswers {
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
	/** The points last drawn one by one: the names asked for are theirs. */
	let shown: CoverageIndex | null = null;
	return {
		byProvince: (f) => summary.byProvince(f),
		byDistrict: (f, code) => summary.byDistrict(f, code),
		uncoveredDistricts: (f) => summary.uncoveredDistricts(f),
		placed,
		positioned: async (f, window) => {
			// A province opened has its points fetched (for the zoom to come) even while its groups show.
			const points = needsPoints(window) ? await loadPoints(window) : null;
			if (points && window.level >= RAW_POINTS_LEVEL) {
				shown = points;
				return points.positioned(f);
			}
			return placed(f);
		},
		fetchPoints: async (window) => {
			if (needsPoints(window)) await loadPoints(window);
		},
		pointName: async (kind, id) => shown?.pointName(kind, id) ?? null
	};
}

/**
 * The rows' order by their ranks (`sample`: distinct integers from 0): row numbers, the lowest rank
 * first. Files are in that order already; rows of several files are sorted as numbers, never compared
 * one by one in JavaScript.
 */
function sampleOrder(sample: Float64Array): Int32Array {
	const n = sample.length;
	let sorted = true;
	for (let i = 1; i < n && sorted; i++) sorted = sample[i - 1] < sample[i];
	if (sorted) return Int32Array.from({ length: n }, (_, i) => i);
	// rank × n + row is exact in a double while rank × n < 2^53 (ranks and rows both below 94 million).
	const keys = Float64Array.from(sample, (rank, i) => rank * n + i);
	if (!keys.every((k) => Number.isSafeInteger(k)))
		throw new Error('coverage points: a sample rank is not a whole number, or too large');
	keys.sort();
	return Int32Array.from(keys, (k) => k % n);
}

/** What one pass over the rows finds for a filter. */
interface Scan extends CoverageCounts {
	/** Rows with a position, in sample order. */
	located: Int32Array;
}

/** No value (NULL): NaN once decoded, null from a query. */
const absent = (v: number) => Number.isNaN(v);

/**
 * A text column's distinct values (its dictionary) as entries of one list shared by every part:
 * `entryOf(part, code)` is the shared entry of a part's code (-1, no value, included).
 */
class Entries<T> {
	readonly values: T[] = [];
	private readonly at = new Map<string, number>();

	constructor(private readonly make: (key: string) => T) {}

	/** The entry for `key`, added if new. */
	code(key: string): number {
		let code = this.at.get(key);
		if (code === undefined) {
			code = this.values.push(this.make(key)) - 1;
			this.at.set(key, code);
		}
		return code;
	}
}

/** The column `name` of a part as coded text (a decoded file, or a query's columns coded). */
function textOf(part: CodedColumns, name: string, file: string): CodedText {
	const column = part[name];
	if (!isCodedText(column)) throw new Error(`${file}: column "${name}" is missing or not text`);
	return column;
}

function numbersOf(part: CodedColumns, name: string, file: string): Float64Array {
	const column = part[name];
	if (!(column instanceof Float64Array)) throw new Error(`${file}: column "${name}" is missing or not numbers`);
	return column;
}

/** A point's issue areas or a partner's networks, as CoverageQueries splits them (string_split of the text, '' for none). */
const split = (text: string | null) => (text ?? '').split(';');

export class CoverageIndex {
	private last: { key: string; scan: Scan } | null = null;

	private constructor(
		private readonly places: CoveragePlaces,
		/** The categories (partner types and project statuses) the `category` codes index. */
		private readonly categories: string[],
		/** Each distinct list of issue areas (the `issues` codes index), and its first, as the map colours by it. */
		private readonly issueLists: { list: string[]; first: string | null }[],
		/** Each distinct list of networks (the `networks` codes index). */
		private readonly networkLists: string[][],
		private readonly ids: ArrayLike<string>,
		private readonly names: ArrayLike<string | null>,
		private readonly kind: Uint8Array,
		private readonly lon: Float64Array,
		private readonly lat: Float64Array,
		/** The positions in Web Mercator, for grouping (point-groups.ts). */
		private readonly x: Float64Array,
		private readonly y: Float64Array,
		private readonly province: Int32Array,
		private readonly district: Int32Array,
		private readonly category: Int32Array,
		private readonly issues: Int32Array,
		private readonly networks: Int32Array,
		private readonly yearFrom: Int32Array,
		private readonly yearTo: Int32Array,
		private readonly budget: Float64Array
	) {}

	/**
	 * The points of coverage_points in DuckDB (computed from a user's partners and projects): the same
	 * columns the build writes into the provinces' files (SAMPLED_POINTS_SQL), read as fromColumns reads them.
	 */
	static async build(rows: RunRows, columns: RunColumns): Promise<CoverageIndex> {
		const [places, c] = await Promise.all([CoveragePlaces.read(rows), columns(SAMPLED_POINTS_SQL)]);
		return CoverageIndex.fromColumns(places, [
			{ file: 'coverage_points', columns: codedColumns(c, POINT_TEXT_COLUMNS) }
		]);
	}

	/**
	 * The points of one or more provinces' files (SAMPLED_POINTS_SQL's columns, decoded: texts as codes),
	 * in the order of their `sample` ranks, with their places matched by code to `places`. No DuckDB: the
	 * filters' texts are compared once per distinct value, then every row by number.
	 */
	static fromColumns(places: CoveragePlaces, parts: readonly { file: string; columns: CodedColumns }[]): CoverageIndex {
		const provinceAt = new Map(places.provinces.map((p, i) => [p.province_code, i]));
		const districtAt = new Map(places.districts.map((d, i) => [d.district_code, i]));
		const categories = new Entries((key) => key);
		// A missing list is an empty text, as SQL's coalesce(…, '') makes it.
		const issueLists = new Entries((key) => {
			const list = split(key);
			return { list, first: list[0] === '' ? null : list[0] };
		});
		// A partner's networks are its list ('p…'); a project's its one network ('j…'), or none ('n').
		const networkLists = new Entries((key) =>
			key[0] === 'p' ? split(key.slice(1)) : key[0] === 'j' ? [key.slice(1)] : []
		);

		// Each part's columns, its codes turned into the index's.
		const read = parts.map(({ file, columns: c }) => {
			const text = (name: string) => textOf(c, name, file);
			const remap = (column: CodedText, code: (value: string | undefined) => number) =>
				Int32Array.from(column.codes, (k) => code(k < 0 ? undefined : column.dictionary[k]));
			const kind = numbersOf(c, 'kind', file);
			const networkIds = text('network_ids');
			const networkId = text('network_id');
			const partnerNetworks = Int32Array.from(networkIds.dictionary, (v) => networkLists.code('p' + v));
			const projectNetworks = Int32Array.from(networkId.dictionary, (v) => networkLists.code('j' + v));
			const noNetworks = [networkLists.code('p'), networkLists.code('n')];
			const networks = Int32Array.from(kind, (k, i) => {
				const project = k === PROJECT;
				const code = (project ? networkId : networkIds).codes[i];
				return code < 0 ? noNetworks[project ? 1 : 0] : (project ? projectNetworks : partnerNetworks)[code];
			});
			return {
				sample: numbersOf(c, 'sample', file),
				kind,
				id: text('id'),
				name: text('name'),
				lon: numbersOf(c, 'lon', file),
				lat: numbersOf(c, 'lat', file),
				province: remap(text('province_code'), (v) => (v === undefined ? -1 : (provinceAt.get(v) ?? -1))),
				district: remap(text('district_code'), (v) => (v === undefined ? -1 : (districtAt.get(v) ?? -1))),
				category: remap(text('category'), (v) => (v === undefined ? -1 : categories.code(v))),
				issues: remap(text('issue_area_ids'), (v) => issueLists.code(v ?? '')),
				networks,
				yearFrom: numbersOf(c, 'year_from', file),
				yearTo: numbersOf(c, 'year_to', file),
				budget: numbersOf(c, 'budget', file)
			};
		});

		// Every row, parts one after the other, then put in sample order (each file is in it already).
		const n = read.reduce((total, p) => total + p.kind.length, 0);
		const partOf = new Int32Array(n);
		const rowOf = new Int32Array(n);
		const sample = new Float64Array(n);
		let at = 0;
		read.forEach((p, k) => {
			for (let r = 0; r < p.kind.length; r++, at++) {
				partOf[at] = k;
				rowOf[at] = r;
				sample[at] = p.sample[r];
			}
		});
		const order = sampleOrder(sample);

		const ids = new Array<string>(n);
		const names = new Array<string | null>(n);
		const kind = new Uint8Array(n);
		const lon = new Float64Array(n);
		const lat = new Float64Array(n);
		const province = new Int32Array(n);
		const district = new Int32Array(n);
		const category = new Int32Array(n);
		const issues = new Int32Array(n);
		const networks = new Int32Array(n);
		const yearFrom = new Int32Array(n);
		const yearTo = new Int32Array(n);
		const budget = new Float64Array(n);
		const year = (v: number) => (absent(v) ? NO_YEAR : v);
		for (let i = 0; i < n; i++) {
			const p = read[partOf[order[i]]];
			const r = rowOf[order[i]];
			const idCode = p.id.codes[r];
			const nameCode = p.name.codes[r];
			ids[i] = idCode < 0 ? '' : p.id.dictionary[idCode];
			names[i] = nameCode < 0 ? null : p.name.dictionary[nameCode];
			kind[i] = p.kind[r];
			lon[i] = p.lon[r];
			lat[i] = p.lat[r];
			province[i] = p.province[r];
			district[i] = p.district[r];
			category[i] = p.category[r];
			issues[i] = p.issues[r];
			networks[i] = p.networks[r];
			yearFrom[i] = year(p.yearFrom[r]);
			yearTo[i] = year(p.yearTo[r]);
			budget[i] = p.budget[r];
		}
		return new CoverageIndex(
			places,
			categories.values,
			issueLists.values,
			networkLists.values,
			ids,
			names,
			kind,
			lon,
			lat,
			lon.map(mercatorX),
			lat.map(mercatorY),
			province,
			district,
			category,
			issues,
			networks,
			yearFrom,
			yearTo,
			budget
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

	/** The name of a partner or the title of a project held here, as a point's tooltip shows it; null if there is none. */
	pointName(kind: MapPoint['kind'], id: string): string | null {
		const k = kind === 'project' ? PROJECT : PARTNER;
		for (let i = 0; i < this.ids.length; i++) if (this.ids[i] === id && this.kind[i] === k) return this.names[i];
		return null;
	}

	private pointOf(i: number): MapPoint {
		return {
			id: this.ids[i],
			kind: this.kind[i] === PROJECT ? 'project' : 'partner',
			lon: this.lon[i],
			lat: this.lat[i],
			category: this.categories[this.category[i]] ?? '',
			issue: this.issueLists[this.issues[i]].first
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
		const { typeAllowed, anyType, status, uncounted, year } = filterCodes(
			{ category: this.categories, issue: [], network: [] },
			f
		);
		// Which distinct lists hold the value asked for (null: any list), each list looked at once.
		const holding = (lists: readonly string[][], value: string | null) =>
			value === null ? null : Uint8Array.from(lists, (list) => (list.includes(value) ? 1 : 0));
		const issueHit = holding(
			this.issueLists.map((l) => l.list),
			f.issue
		);
		const networkHit = holding(this.networkLists, f.network);

		const scan: Scan = { ...this.places.emptyCounts(), located: new Int32Array(this.kind.length) };
		let located = 0;
		const { kind, province, district, lon, lat, issues, networks } = this;
		for (let i = 0; i < kind.length; i++) {
			if (issueHit !== null && issueHit[issues[i]] === 0) continue;
			if (networkHit !== null && networkHit[networks[i]] === 0) continue;
			const project = kind[i] === PROJECT;
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
