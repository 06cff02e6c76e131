/** Build time only: the bundled exports opened with DuckDB in Node, through the same query module the browser uses. */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AtlasDb } from './atlas-db';
import { NodeConnector } from './node-connector';

/** static/data/, or the data of the static folder a second site is built from (PHAKHI_STATIC_DIR, svelte.config.js). */
export const DATA_DIR = join(resolve(process.env.PHAKHI_STATIC_DIR ?? 'static'), 'data');

/** Opens the bundled data, runs `work`, and closes the database whatever happens. */
export async function withBundledDb<T>(work: (db: AtlasDb) => Promise<T>): Promise<T> {
	const db = await AtlasDb.open(await NodeConnector.open(), async (file) => new Uint8Array(await readFile(join(DATA_DIR, file))));
	try {
		return await work(db);
	} finally {
		await db.close();
	}
}
