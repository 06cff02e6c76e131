/** Opens the app's database once per page: DuckDB-WASM loaded lazily, tables from the app's own origin. */
import { base } from '$app/paths';
import { AtlasDb, CORE_TABLES } from './atlas-db';
import type { TableName } from './contract';
import type { RestoreReport } from '$lib/upload/user-data';
import { USER_FILES_HINT } from '$lib/config/first-paint.js';

let opening: Promise<AtlasDb> | null = null;

// --- the user's own files (src/lib/upload): loaded again when the page opens its database ---------

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
let restored: RestoreReport | null = null;

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

/** What happened to the kept files when this page opened its database (null: none kept, or not yet). */
export function restoreReport(): RestoreReport | null {
	return restored;
}

/** True when prerendering, and in a browser that keeps none of the user's files: pages may show what the build worked out. */
export function noUserFilesKept(): boolean {
	return typeof window === 'undefined' || !mayHaveUserFiles();
}

function mayHaveUserFiles(): boolean {
	try {
		const hint = localStorage.getItem(USER_FILES_HINT);
		return hint !== null && hint !== '0';
	} catch {
		return true;
	}
}

async function restoreUserFiles(db: AtlasDb): Promise<void> {
	if (!mayHaveUserFiles()) return;
	const { restoreUserData, tablesOf } = await import('$lib/upload/user-data');
	restored = await restoreUserData(db);
	setUserDataTables(
		tablesOf(restored.files.filter((f) => f.status === 'loaded' && f.table).map((f) => ({ table: f.table! })))
	);
}

export async function fetchBundledFile(file: string): Promise<Uint8Array> {
	const url = `${base}/data/${file}`;
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${file}: the server answered ${response.status} for ${url}`);
	return new Uint8Array(await response.arrayBuffer());
}

export function openAtlasDb(): Promise<AtlasDb> {
	if (!opening) {
		opening = (async () => {
			const { WasmConnector } = await import('./wasm-connector');
			performance.mark('duckdb:start');
			const connector = await WasmConnector.open();
			performance.mark('duckdb:ready');
			const db = await AtlasDb.open(connector, fetchBundledFile, CORE_TABLES);
			performance.mark('duckdb:loaded');
			await restoreUserFiles(db);
			return db;
		})();
		// A failed start may be retried.
		opening.catch(() => (opening = null));
	}
	return opening;
}
