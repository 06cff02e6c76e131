/**
 * The coverage pages' first answers as the data build writes them (data/build/coverage-files.ts), read
 * without DuckDB (issues 19 and 21): the summary encoded as integer columns (ENCODED_SUMMARY_SQL) and
 * decoded by the app's Parquet decoder, and beside it, in `coverage.json`, what its codes mean (the
 * provinces and districts, the dictionary of categories, issue areas and networks), the networks, and
 * the name of the data-quality report's file, and each network's provinces and events with the names of
 * the Parquet files of its partners and projects (a file per network and list, at any size). The filters,
 * the map's colours and groups, the totals and the tables of /coverage, /gaps and /networks are answered
 * from them, and the map's single points (zoomed in, or a province opened) from the provinces' files of
 * points (coverage-points/, each point with its rank in the map's sample). DuckDB starts only for what
 * needs it (a project's record, a user's kept files, the SQL console). Every answer is AtlasDb's, row for
 * row (coverage-files.test.ts, coverage-summary.test.ts, coverage-points.test.ts).
 */
import type { NetworkEventRow, NetworkProvinceRow, NetworkRow, QualityIssueRow } from '$lib/core/domain';
// Types only: the page loads this module before any decoder (the decoder and Arrow load with the first file).
import type { CodedColumns, ReadColumns } from './coded-columns';
import { rowsOfColumns, textColumns } from './column-rows';
import { answersFromSummary, CoverageIndex, type CoverageAnswers } from './coverage-index';
import {
	NETWORK_LIST_COLUMNS,
	QUALITY_COLUMNS,
	type CoverageQueries,
	type NetworkList,
	type NetworkPartner,
	type NetworkProject
} from './coverage-queries';
import {
	COVERAGE_POINTS_INDEX,
	CoveragePlaces,
	ENCODED_SUMMARY_COLUMNS,
	POINT_TEXT_COLUMNS,
	RAW_POINTS_LEVEL,
	SummaryIndex,
	type DistrictInfo,
	type EncodedSummary,
	type EncodedSummaryColumns,
	type PointFile,
	type PointWindow,
	type ProvinceInfo,
	type SummaryDictionary
} from './coverage-summary';

/** The index of the coverage pages' files (under the data folder), and the folder they are in. */
export const COVERAGE_INDEX = 'coverage.json';
export const COVERAGE_DIR = 'coverage';

export interface CoverageFilesIndex {
	/** The encoded summary (ENCODED_SUMMARY_SQL), in parts read one after the other, and its rows in all. */
	summary: string[];
	summaryRows: number;
	/** What the summary's category, issue and network codes mean. */
	dictionary: SummaryDictionary;
	/** The provinces and districts its province and district columns index (CoveragePlaces.read's rows). */
	provinces: ProvinceInfo[];
	districts: DistrictInfo[];
	/** CoverageQueries.networks(). */
	networks: NetworkRow[];
	/** A Parquet file of CoverageQueries.qualityIssues() (QUALITY_COLUMNS, in its order). */
	quality: string;
	/** Each network's provinces and events, and its partners' and projects' Parquet files (NETWORK_LIST_SQL), by network id. */
	details: Record<string, NetworkFiles>;
}

/** One network in the index: its provinces and roles, its events, and the files of its lists. */
export interface NetworkFiles extends Record<NetworkList, string> {
	roles: NetworkProvinceRow[];
	events: NetworkEventRow[];
}

/** The files of the `i`-th network's lists (in the order of CoverageQueries.networks; the id made safe for a name). */
export function networkListFiles(i: number, networkId: string): Record<NetworkList, string> {
	const stem = `${COVERAGE_DIR}/networks/${i}-${networkId.replace(/[^\w-]/g, '_')}`;
	return { partners: `${stem}-partners.parquet`, projects: `${stem}-projects.parquet` };
}

/** What the networks page shows of one network. */
export interface NetworkDetail {
	id: string;
	roles: NetworkProvinceRow[];
	events: NetworkEventRow[];
	partners: NetworkPartner[];
	projects: NetworkProject[];
}

/** What the coverage pages read first, from the build's files or from DuckDB. */
export interface CoverageData {
	networks(): Promise<NetworkRow[]>;
	/** The whole data-quality report. */
	qualityIssues(): Promise<QualityIssueRow[]>;
	coverageAnswers(): Promise<CoverageAnswers>;
	networkDetail(networkId: string): Promise<NetworkDetail>;
}

type FetchFile = (file: string) => Promise<Uint8Array>;

const NO_TEXT: ReadonlySet<string> = new Set();

const json = async <T>(fetchFile: FetchFile, file: string): Promise<T> =>
	JSON.parse(new TextDecoder().decode(await fetchFile(file))) as T;

/** The provinces' files of points a window needs: the province opened, and from RAW_POINTS_LEVEL on those its bounds reach. */
export function pointFilesFor(files: readonly PointFile[], window: PointWindow): PointFile[] {
	const [w, s, e, n] = window.bounds;
	return files.filter(
		(f) =>
			f.province_code === window.province ||
			(window.level >= RAW_POINTS_LEVEL &&
				f.bounds !== null &&
				f.bounds[0] <= e &&
				f.bounds[2] >= w &&
				f.bounds[1] <= n &&
				f.bounds[3] >= s)
	);
}

/** The build's coverage files, each fetched and decoded once and kept for the page's life. */
export class CoverageFiles {
	#index: Promise<CoverageFilesIndex> | null = null;
	#places: Promise<CoveragePlaces> | null = null;
	#encoded: Promise<EncodedSummary> | null = null;
	#summary: Promise<SummaryIndex> | null = null;
	#pointFiles: Promise<PointFile[]> | null = null;
	/** Each province's points as decoded, by province code; `read` once they are in. */
	#points = new Map<string, Promise<CodedColumns>>();
	#pointsRead = new Map<string, { file: string; columns: CodedColumns }>();
	#pointsIndexed: { key: string; places: CoveragePlaces; index: CoverageIndex } | null = null;

	constructor(
		private readonly fetchFile: FetchFile,
		private readonly readColumns: ReadColumns
	) {}

	/** Forgets a failed read, so that it may be asked again. */
	#retry<T>(read: Promise<T>, forget: () => void): Promise<T> {
		read.catch(forget);
		return read;
	}

	index(): Promise<CoverageFilesIndex> {
		this.#index ??= this.#retry(json<CoverageFilesIndex>(this.fetchFile, COVERAGE_INDEX), () => (this.#index = null));
		return this.#index;
	}

	/** The summary's columns as the build encoded them, with what the codes mean. */
	encodedSummary(): Promise<EncodedSummary> {
		this.#encoded ??= this.#retry(
			(async () => {
				const index = await this.index();
				const parts = await Promise.all(
					index.summary.map((file) => this.readColumns(file, NO_TEXT, index.summaryRows))
				);
				return {
					provinces: index.provinces.map((p) => p.province_code),
					districts: index.districts.map((d) => d.district_code),
					dictionary: index.dictionary,
					columns: concatNumbers(parts, index.summary.join(', '))
				};
			})(),
			() => (this.#encoded = null)
		);
		return this.#encoded;
	}

	/** The provinces and districts the build counted by. */
	places(): Promise<CoveragePlaces> {
		this.#places ??= this.#retry(
			this.index().then((index) => CoveragePlaces.of(index.provinces, index.districts)),
			() => (this.#places = null)
		);
		return this.#places;
	}

	/** The summary in memory, its places the build's. */
	summary(): Promise<SummaryIndex> {
		this.#summary ??= this.#retry(
			(async () => {
				const [places, encoded] = await Promise.all([this.places(), this.encodedSummary()]);
				return SummaryIndex.fromEncoded(places, encoded);
			})(),
			() => (this.#summary = null)
		);
		return this.#summary;
	}

	/**
	 * The points the map draws one by one, in memory without DuckDB: the provinces' files a window needs
	 * (pointFilesFor) fetched and decoded once each, and with them every province's read before, in one
	 * CoverageIndex (built again only when a province is added). Places are matched by code to `places`
	 * (by default the build's).
	 */
	async points(window: PointWindow, places?: CoveragePlaces): Promise<CoverageIndex> {
		this.#pointFiles ??= this.#retry(
			json<{ files: PointFile[] }>(this.fetchFile, COVERAGE_POINTS_INDEX).then((index) => index.files),
			() => (this.#pointFiles = null)
		);
		const wanted = pointFilesFor(await this.#pointFiles, window);
		await Promise.all(
			wanted.map((f) => {
				let read = this.#points.get(f.province_code);
				if (!read) {
					read = this.#retry(this.readColumns(f.file, POINT_TEXT_COLUMNS), () => this.#points.delete(f.province_code));
					this.#points.set(f.province_code, read);
					read.then(
						(columns) => this.#pointsRead.set(f.province_code, { file: f.file, columns }),
						() => undefined
					);
				}
				return read;
			})
		);
		const counted = places ?? (await this.places());
		const codes = [...this.#pointsRead.keys()].sort();
		const key = codes.join(',');
		if (this.#pointsIndexed?.key !== key || this.#pointsIndexed.places !== counted)
			this.#pointsIndexed = {
				key,
				places: counted,
				index: CoverageIndex.fromColumns(
					counted,
					codes.map((code) => this.#pointsRead.get(code)!)
				)
			};
		return this.#pointsIndexed.index;
	}

	async networks(): Promise<NetworkRow[]> {
		return (await this.index()).networks;
	}

	async qualityIssues(): Promise<QualityIssueRow[]> {
		const file = (await this.index()).quality;
		return rowsOfColumns(await this.readColumns(file, textColumns(QUALITY_COLUMNS)), QUALITY_COLUMNS, file);
	}

	/** A network's detail: its roles and events from the index, its lists decoded from their files (none: no such network). */
	async networkDetail(id: string): Promise<NetworkDetail> {
		const network = (await this.index()).details[id];
		if (!network) return { id, roles: [], events: [], partners: [], projects: [] };
		const [partners, projects] = await Promise.all([
			this.#list<NetworkPartner>('partners', network.partners),
			this.#list<NetworkProject>('projects', network.projects)
		]);
		return { id, roles: network.roles, events: network.events, partners, projects };
	}

	async #list<T>(list: NetworkList, file: string): Promise<T[]> {
		const kinds = NETWORK_LIST_COLUMNS[list];
		return rowsOfColumns<T>(await this.readColumns(file, textColumns(kinds)), kinds, file);
	}
}

/** The decoded parts of the summary as one set of columns (every column numbers). */
function concatNumbers(parts: readonly CodedColumns[], file: string): EncodedSummaryColumns {
	const out = {} as Record<string, Float64Array>;
	for (const name of ENCODED_SUMMARY_COLUMNS) {
		const columns = parts.map((p) => {
			const c = p[name];
			if (!(c instanceof Float64Array)) throw new Error(`${file}: column "${name}" is missing or not numbers`);
			return c;
		});
		if (columns.length === 1) {
			out[name] = columns[0];
			continue;
		}
		const values = new Float64Array(columns.reduce((n, c) => n + c.length, 0));
		let row = 0;
		for (const c of columns) {
			values.set(c, row);
			row += c.length;
		}
		out[name] = values;
	}
	return out as unknown as EncodedSummaryColumns;
}

/**
 * The coverage pages' answers from the build's files alone, without DuckDB: the counts from the summary,
 * the points themselves (from RAW_POINTS_LEVEL on, or a province opened) from the provinces' files.
 */
export function coverageDataOfFiles(files: CoverageFiles): CoverageData {
	return {
		networks: () => files.networks(),
		qualityIssues: () => files.qualityIssues(),
		networkDetail: (id) => files.networkDetail(id),
		coverageAnswers: async () => answersFromSummary(await files.summary(), (window) => files.points(window))
	};
}

/** The same answers from DuckDB (a user's kept files may have changed the tables). */
export function coverageDataOfDb(db: {
	readonly coverage: CoverageQueries;
	coverageAnswers?(): Promise<CoverageAnswers>;
}): CoverageData {
	const q = db.coverage;
	return {
		networks: () => q.networks(),
		qualityIssues: () => q.qualityIssues(),
		coverageAnswers: () => {
			if (!db.coverageAnswers) throw new Error('coverage answers asked of a database without them');
			return db.coverageAnswers();
		},
		networkDetail: async (id) => {
			const [roles, events, partners, projects] = await Promise.all([
				q.networkProvinces(id),
				q.networkEvents(id),
				q.networkPartners(id),
				q.networkProjects(id)
			]);
			return { id, roles, events, partners, projects };
		}
	};
}
