/** Opens the app's database once per page: DuckDB-WASM loaded lazily, tables from the app's own origin. */
import { base } from '$app/paths';
import { AtlasDb, CORE_TABLES } from './atlas-db';
import type { ReadColumns } from './coded-columns';
import { CoverageFiles } from './coverage-files';
import { CubeFiles } from './cube-files';
import type { TableName } from './contract';
import { USER_FILES_HINT } from '$lib/config/first-paint.js';

// --- the user's own files: loaded again when the page opens its database (src/lib/upload/restore.ts) ---

export { USER_FILES_HINT };

/** Tables a build-time snapshot is taken from: when a user's file changed one, views must ask DuckDB. */
const SNAPSHOT_TABLES: ReadonlySet<TableName> = new Set([
	'provinces',
	'population',
	'issue_areas',
	'sources',
	'indicator_catalogue',
	'indicator_values'
]);

let userTables: ReadonlySet<TableName> = new Set();

/** Work done once the bundled tables are loaded, before any view gets the database. */
export type AfterOpen = (db: AtlasDb) => Promise<void>;
let afterOpen: AfterOpen | null = null;

/**
 * Sets what runs after the bundled tables are loaded, when the browser may keep the user's files: the
 * root layout sets the restoring of those files (src/lib/upload/restore.ts), so the query module
 * never imports a feature.
 */
export function setAfterOpen(step: AfterOpen): void {
	afterOpen = step;
}

/** Tables the user's own files have replaced or added to on this page. */
export function userDataTables(): ReadonlySet<TableName> {
	return userTables;
}

export function setUserDataTables(tables: Iterable<TableName>): void {
	userTables = new Set(tables);
}

/** True when the user's data changed a table the prerendered snapshot came from: do not trust the snapshot. */
export function userDataLoaded(): boolean {
	return [...userTables].some((t) => SNAPSHOT_TABLES.has(t));
}

/** True when prerendering, and in a browser that keeps none of the user's files: pages may show what the build worked out. */
export function noUserFilesKept(): boolean {
	return typeof window === 'undefined' || !mayHaveUserFiles();
}

export function mayHaveUserFiles(): boolean {
	try {
		const hint = localStorage.getItem(USER_FILES_HINT);
		return hint !== null && hint !== '0';
	} catch {
		return true;
	}
}

export async function fetchBundledFile(file: string): Promise<Uint8Array> {
	const url = `${base}/data/${file}`;
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${file}: the server answered ${response.status} for ${url}`);
	return new Uint8Array(await response.arrayBuffer());
}

/**
 * A bundled Parquet file's columns, decoded in the decoder's worker (the build's cube and coverage files).
 * Where its rows are known the decoder gets ready for them while the file is fetched.
 */
const readColumns: ReadColumns = async (file, text, rows) => {
	const decoding = import('./parquet-columns');
	if (rows !== undefined)
		void decoding.then(
			({ warmDecoder }) => warmDecoder(rows),
			() => undefined
		);
	const [{ decodeParquetColumns }, bytes] = await Promise.all([decoding, fetchBundledFile(file)]);
	return decodeParquetColumns(bytes, file, text);
};

let cubeFiles: CubeFiles | null = null;

/**
 * The build's cube files (cube-files.ts), read by the Parquet decoder without DuckDB: the explorer's
 * answers wherever the user's own files cannot have changed the tables, so a first visit never
 * fetches the engine for them (issue 21).
 */
export function buildCubeFiles(): CubeFiles {
	return (cubeFiles ??= new CubeFiles(fetchBundledFile, readColumns));
}

let coverageFiles: CoverageFiles | null = null;

/**
 * The build's coverage files (coverage-files.ts), read by the Parquet decoder without DuckDB: the
 * coverage pages' first answers wherever the user's own files cannot have changed the tables, and the
 * summary DuckDB's answers start from (shared, so it is decoded once a page).
 */
export function buildCoverageFiles(): CoverageFiles {
	return (coverageFiles ??= new CoverageFiles(fetchBundledFile, readColumns));
}

/**
 * A lower DuckDB memory limit asked for in the page's address (`?duckdb_memory_mb=64`), for tests
 * of what a file too large for memory does; WasmConnector never lets it raise the limit.
 */
export const MEMORY_LIMIT_PARAM = 'duckdb_memory_mb';

function memoryLimitAsked(): number | undefined {
	const asked = Number(new URLSearchParams(location.search).get(MEMORY_LIMIT_PARAM));
	return Number.isFinite(asked) && asked > 0 ? asked : undefined;
}

let opening: Promise<AtlasDb> | null = null;

/**
 * The page's database with `tables` loaded (the explorer's CORE_TABLES unless a page names fewer: the
 * coverage pages never read the indicator values, which at a national size cost seconds; issue 19).
 * The first call starts DuckDB, loads its tables and then restores the user's kept files (setAfterOpen),
 * before any view gets the database; a later call, e.g. after a client-side navigation to another page,
 * loads only the tables it adds.
 */
export async function openAtlasDb(tables: readonly TableName[] = CORE_TABLES): Promise<AtlasDb> {
	if (!opening) {
		opening = (async () => {
			const { WasmConnector } = await import('./wasm-connector');
			performance.mark('duckdb:start');
			const connector = await WasmConnector.open(memoryLimitAsked());
			performance.mark('duckdb:ready');
			const db = await AtlasDb.open(connector, fetchBundledFile, tables, buildCoverageFiles());
			performance.mark('duckdb:loaded');
			if (afterOpen && mayHaveUserFiles()) await afterOpen(db);
			return db;
		})();
		// A failed start may be retried.
		opening.catch(() => (opening = null));
	}
	const db = await opening;
	await db.ensureTables(tables);
	return db;
}
