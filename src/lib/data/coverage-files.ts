/**
 * The coverage pages' first answers as the data build writes them (data/build/coverage-files.ts), read
 * without DuckDB (issues 19 and 21): the summary encoded as integer columns (ENCODED_SUMMARY_SQL) and
 * decoded by the app's Parquet decoder, and beside it, in `coverage.json`, what its codes mean (the
 * provinces and districts, the dictionary of categories, issue areas and networks), the networks, and
 * the names of the files with the data-quality report and each network's provinces, events, partners and
 * projects. The filters, the map's colours and groups, the totals and the tables of /coverage, /gaps and
 * /networks are answered from them; DuckDB starts only for what needs it (the points themselves, a
 * project's record, a user's kept files, the SQL console). Every answer is AtlasDb's, row for row
 * (coverage-files.test.ts).
 */
import type {
	NetworkEventRow,
	NetworkProvinceRow,
	NetworkRow,
	PartnerRow,
	ProjectRow,
	QualityIssueRow
} from '$lib/core/domain';
// Types only: the page loads this module before any decoder (the decoder and Arrow load with the first file).
import type { CodedColumns, ReadColumns } from './coded-columns';
import {
	answersFromSql,
	answersFromSummary,
	type CoverageAnswers,
	type CoverageIndex,
	type PositionedPoints
} from './coverage-index';
import type { CoverageFilter, CoverageQueries } from './coverage-queries';
import {
	CoveragePlaces,
	ENCODED_SUMMARY_COLUMNS,
	SummaryIndex,
	type DistrictInfo,
	type EncodedSummary,
	type EncodedSummaryColumns,
	type PointWindow,
	type ProvinceInfo,
	type SummaryDictionary
} from './coverage-summary';

/** The index of the coverage pages' files (under the data folder), and the folder they are in. */
export const COVERAGE_INDEX = 'coverage.json';
export const COVERAGE_DIR = 'coverage';

export interface CoverageFilesIndex {
	/** The encoded summary (ENCODED_SUMMARY_SQL), in parts read one after the other. */
	summary: string[];
	/** What the summary's category, issue and network codes mean. */
	dictionary: SummaryDictionary;
	/** The provinces and districts its province and district columns index (CoveragePlaces.read's rows). */
	provinces: ProvinceInfo[];
	districts: DistrictInfo[];
	/** CoverageQueries.networks(). */
	networks: NetworkRow[];
	/** A JSON file of CoverageQueries.qualityIssues(). */
	quality: string;
	/**
	 * Each network's JSON file of its NetworkDetail (without the id), by network id; a network with more than
	 * NETWORK_DETAIL_ROWS partners and projects has none, and the page asks DuckDB for it.
	 */
	details: Record<string, string>;
}

/** Partners and projects above which a network's detail is not written as JSON (it would outweigh the raw tables' Parquet). */
export const NETWORK_DETAIL_ROWS = 20_000;

/** What the networks page shows of one network. */
export interface NetworkDetail {
	id: string;
	roles: NetworkProvinceRow[];
	events: NetworkEventRow[];
	partners: PartnerRow[];
	projects: ProjectRow[];
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

/** The build's coverage files, each fetched and decoded once and kept for the page's life. */
export class CoverageFiles {
	#index: Promise<CoverageFilesIndex> | null = null;
	#encoded: Promise<EncodedSummary> | null = null;
	#summary: Promise<SummaryIndex> | null = null;

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
				const parts = await Promise.all(index.summary.map((file) => this.readColumns(file, NO_TEXT)));
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

	/** The summary in memory, its places the build's. */
	summary(): Promise<SummaryIndex> {
		this.#summary ??= this.#retry(
			(async () => {
				const [index, encoded] = await Promise.all([this.index(), this.encodedSummary()]);
				return SummaryIndex.fromEncoded(CoveragePlaces.of(index.provinces, index.districts), encoded);
			})(),
			() => (this.#summary = null)
		);
		return this.#summary;
	}

	async networks(): Promise<NetworkRow[]> {
		return (await this.index()).networks;
	}

	async qualityIssues(): Promise<QualityIssueRow[]> {
		return json<QualityIssueRow[]>(this.fetchFile, (await this.index()).quality);
	}

	/** A network's detail; null where the build wrote none (too large, or no such network): ask DuckDB. */
	async networkDetail(networkId: string): Promise<NetworkDetail | null> {
		const file = (await this.index()).details[networkId];
		return file ? { id: networkId, ...(await json<Omit<NetworkDetail, 'id'>>(this.fetchFile, file)) } : null;
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

/** What the coverage pages need of DuckDB, opened only when asked. */
export interface CoverageEngine {
	coveragePoints(window: PointWindow): Promise<CoverageIndex | null>;
	readonly coverage: CoverageQueries;
}

/**
 * The coverage pages' first answers from the build's files: no DuckDB until a question needs the
 * points themselves (from RAW_POINTS_LEVEL on, or a province opened), which `engine` then opens.
 */
export function coverageDataOfFiles(files: CoverageFiles, engine: () => Promise<CoverageEngine>): CoverageData {
	let sql: Promise<(f: CoverageFilter, window: PointWindow) => Promise<PositionedPoints>> | null = null;
	return {
		networks: () => files.networks(),
		qualityIssues: () => files.qualityIssues(),
		networkDetail: async (id) => (await files.networkDetail(id)) ?? coverageDataOfDb(await engine()).networkDetail(id),
		coverageAnswers: async () =>
			answersFromSummary(
				await files.summary(),
				async (window) => (await engine()).coveragePoints(window),
				async (f, window) => {
					sql ??= engine().then((e) => answersFromSql(e.coverage).positioned);
					return (await sql)(f, window);
				}
			)
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
