/**
 * The coverage page's summary and its points by province (src/lib/data/coverage-summary.ts), from the
 * written partners and projects: the same SQL the browser runs on a user's own tables, here in
 * native DuckDB. The page counts from the summary and fetches a province's points only where single
 * points show, so it never loads a million raw rows (issue 19).
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AtlasDb } from '../../src/lib/data/atlas-db.ts';
import { TABLES, type TableName } from '../../src/lib/data/contract.ts';
import {
	COVERAGE_DIR,
	COVERAGE_INDEX,
	networkListFiles,
	type CoverageFilesIndex
} from '../../src/lib/data/coverage-files.ts';
import {
	CoverageQueries,
	NETWORK_LIST_SQL,
	QUALITY_ORDER,
	QUALITY_SELECT,
	type NetworkList
} from '../../src/lib/data/coverage-queries.ts';
import {
	COVERAGE_POINTS_DIR,
	COVERAGE_POINTS_INDEX,
	COVERAGE_POINTS_SQL,
	COVERAGE_SUMMARY_SQL,
	ENCODED_SUMMARY_SQL,
	NO_PROVINCE,
	SAMPLED_POINTS_SQL,
	SUMMARY_DICTIONARY_SQL,
	type PointFile,
	type SummaryDictionary
} from '../../src/lib/data/coverage-summary.ts';
import { openBuildDuckDb } from './build-duckdb.ts';
import { NodeConnector } from '../../src/lib/data/node-connector.ts';

const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

export interface CoverageFiles {
	summaryRows: number;
	/** The encoded summary's files (under `dir`) and their bytes. */
	summary: string[];
	summaryBytes: number;
	dictionary: SummaryDictionary;
	points: PointFile[];
	/** Each network's partners and projects (NETWORK_LIST_SQL), a Parquet file each, by network id. */
	networkLists: Record<string, Record<NetworkList, string>>;
}

/** The encoded summary's file (coverage-files.ts reads it). */
const SUMMARY_FILE = `${COVERAGE_DIR}/summary.parquet`;
/** The data-quality report's file (coverage-files.ts reads it). */
const QUALITY_FILE = `${COVERAGE_DIR}/quality.parquet`;

/** The tables the coverage files are made from. */
type CoverageInput = 'partners' | 'projects' | 'districts' | 'provinces' | 'networks' | 'quality_issues';
const COVERAGE_INPUTS: readonly CoverageInput[] = [
	'partners',
	'projects',
	'districts',
	'provinces',
	'networks',
	'quality_issues'
];

/**
 * Reads partners, projects, districts, provinces and networks from `dir` (their Parquet files, named as in
 * `files`: by default the contract's names) and writes the summary, encoded, to `dir/coverage/`, each province's points to
 * `dir/coverage-points/<code>.parquet` and each network's partners and projects to `dir/coverage/networks/`.
 */
export async function writeCoverageFiles(
	dir: string,
	files: Record<CoverageInput, string> = Object.fromEntries(COVERAGE_INPUTS.map((t) => [t, TABLES[t].file])) as Record<
		CoverageInput,
		string
	>
): Promise<CoverageFiles> {
	const db = await openBuildDuckDb();
	const { connection } = db;
	const run = async <T>(sql: string, params: (string | number | boolean | null)[] = []): Promise<T[]> =>
		(await connection.runAndReadAll(sql, params)).getRowObjectsJS() as T[];
	try {
		for (const [table, file] of Object.entries(files))
			await run(`CREATE TABLE ${table} AS SELECT * FROM read_parquet(${literal(path.join(dir, file))})`);
		await new CoverageQueries(run).prepare();
		await run(COVERAGE_POINTS_SQL);
		await run(COVERAGE_SUMMARY_SQL);
		await mkdir(path.join(dir, COVERAGE_DIR), { recursive: true });
		await run(
			`COPY (${ENCODED_SUMMARY_SQL}) TO ${literal(path.join(dir, SUMMARY_FILE))} (FORMAT parquet, COMPRESSION snappy)`
		);
		const dictionary: SummaryDictionary = { category: [], issue: [], network: [] };
		for (const w of await run<{ dimension: keyof SummaryDictionary; v: string }>(SUMMARY_DICTIONARY_SQL))
			dictionary[w.dimension].push(w.v);
		const [{ n }] = await run<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM coverage_summary`);

		await mkdir(path.join(dir, COVERAGE_POINTS_DIR), { recursive: true });
		// Each point with its rank in the map's sample order over all points, so that the page orders the
		// points of any provinces it has read as the SQL samples them, without DuckDB (coverage-index.ts).
		await run(`CREATE TABLE sampled_points AS ${SAMPLED_POINTS_SQL}`);
		const groups = await run<{
			province_code: string | null;
			rows: number;
			w: number | null;
			s: number | null;
			e: number | null;
			n: number | null;
		}>(
			`SELECT province_code, CAST(count(*) AS INTEGER) AS rows,
				min(lon) FILTER (WHERE lat IS NOT NULL) AS w, min(lat) FILTER (WHERE lon IS NOT NULL) AS s,
				max(lon) FILTER (WHERE lat IS NOT NULL) AS e, max(lat) FILTER (WHERE lon IS NOT NULL) AS n
			 FROM coverage_points GROUP BY province_code ORDER BY province_code NULLS LAST`
		);
		const points: PointFile[] = [];
		for (const g of groups) {
			const code = g.province_code ?? NO_PROVINCE;
			const file = `${COVERAGE_POINTS_DIR}/${code.replace(/[^\w-]/g, '_')}.parquet`;
			await run(
				`COPY (SELECT * FROM sampled_points
					WHERE ${g.province_code === null ? 'province_code IS NULL' : `province_code = ${literal(g.province_code)}`}
					ORDER BY sample)
				 TO ${literal(path.join(dir, file))} (FORMAT parquet, COMPRESSION snappy)`
			);
			points.push({
				province_code: code,
				file,
				rows: g.rows,
				bounds: g.w === null ? null : [g.w, g.s!, g.e!, g.n!]
			});
		}
		// The data-quality report, whole, as the coverage page lists it (read by its decoder, not parsed as JSON).
		await run(
			`COPY (SELECT ${QUALITY_SELECT} FROM quality_issues ${QUALITY_ORDER})
			 TO ${literal(path.join(dir, QUALITY_FILE))} (FORMAT parquet, COMPRESSION snappy)`
		);
		// The networks page's lists, at any size: the same statements its DuckDB fallback runs, one file each.
		await mkdir(path.join(dir, COVERAGE_DIR, 'networks'), { recursive: true });
		const networkLists: CoverageFiles['networkLists'] = {};
		const networks = await run<{ network_id: string }>(`SELECT network_id FROM networks ORDER BY network_id`);
		for (const [i, { network_id }] of networks.entries()) {
			const lists = networkListFiles(i, network_id);
			for (const list of ['partners', 'projects'] as const)
				await run(
					`COPY (${NETWORK_LIST_SQL[list](literal(network_id))})
					 TO ${literal(path.join(dir, lists[list]))} (FORMAT parquet, COMPRESSION snappy)`
				);
			networkLists[network_id] = lists;
		}
		return {
			networkLists,
			summaryRows: n,
			summary: [SUMMARY_FILE],
			summaryBytes: (await stat(path.join(dir, SUMMARY_FILE))).size,
			dictionary,
			points
		};
	} finally {
		await db.close();
	}
}

/** Tables the coverage pages' first answers are read from. */
const PAGE_TABLES: readonly TableName[] = ['provinces', 'districts', 'networks', 'network_provinces', 'network_events'];

/**
 * Writes `dir/coverage.json` (coverage-files.ts) and `dir/coverage-points.json` (the points' files): the places and dictionary the summary's codes mean, the
 * networks with their provinces and events, and the names of the files writeCoverageFiles wrote (the
 * summary, the data-quality report, each network's lists), asked of the page's own query module
 * (AtlasDb, DuckDB in Node) from the tables in `dir`.
 */
export async function writeCoverageIndex(dir: string, coverage: CoverageFiles): Promise<void> {
	const db = await AtlasDb.open(
		await NodeConnector.open(),
		async (file) => new Uint8Array(await readFile(path.join(dir, file))),
		PAGE_TABLES
	);
	try {
		const places = await db.coveragePlaces();
		const networks = await db.coverage.networks();
		const details: CoverageFilesIndex['details'] = {};
		for (const { network_id: id } of networks) {
			const lists = coverage.networkLists[id];
			if (!lists) throw new Error(`network ${id}: its lists were not written`);
			const [roles, events] = await Promise.all([db.coverage.networkProvinces(id), db.coverage.networkEvents(id)]);
			details[id] = { roles, events, ...lists };
		}
		const index: CoverageFilesIndex = {
			summary: coverage.summary,
			summaryRows: coverage.summaryRows,
			dictionary: coverage.dictionary,
			provinces: [...places.provinces],
			districts: [...places.districts],
			networks,
			quality: QUALITY_FILE,
			details
		};
		await writeFile(path.join(dir, COVERAGE_INDEX), JSON.stringify(index) + '\n');
		// The provinces' files of points, their rows and bounds (coverage-files.ts reads it with the first of them).
		await writeFile(path.join(dir, COVERAGE_POINTS_INDEX), JSON.stringify({ files: coverage.points }) + '\n');
	} finally {
		await db.close();
	}
}
