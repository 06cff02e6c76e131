/** Opens the app's database once per page: DuckDB-WASM loaded lazily, tables from the app's own origin. */
import { base } from '$app/paths';
import { AtlasDb } from './atlas-db';

let opening: Promise<AtlasDb> | null = null;

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
			const db = await AtlasDb.open(connector, fetchBundledFile);
			performance.mark('duckdb:loaded');
			return db;
		})();
		// A failed start may be retried.
		opening.catch(() => (opening = null));
	}
	return opening;
}
