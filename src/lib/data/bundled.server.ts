/** Build time only: the bundled exports opened with DuckDB in Node, through the same query module the browser uses. */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AtlasDb } from './atlas-db';
import { TABLE_NAMES, type TableName } from './contract';
import { NodeConnector } from './node-connector';

/**
 * The raw partners, projects and instalments are not opened for prerendering: the coverage counts come from
 * the build's summary, as the pages answer them. At ten million projects, opening them took the site build
 * past 20 GB (docs/scaling.md).
 */
const RAW_NETWORK_TABLES: readonly TableName[] = ['partners', 'projects', 'instalments'];
const PRERENDER_TABLES = TABLE_NAMES.filter((t) => !RAW_NETWORK_TABLES.includes(t));

/** static/data/, or the data of the static folder a second site is built from (PHAKHI_STATIC_DIR, svelte.config.js). */
export const DATA_DIR = join(resolve(process.env.PHAKHI_STATIC_DIR ?? 'static'), 'data');

/** Opens the bundled data, runs `work`, and closes the database whatever happens. */
export async function withBundledDb<T>(work: (db: AtlasDb) => Promise<T>): Promise<T> {
	const db = await AtlasDb.open(
		await NodeConnector.open(),
		async (file) => new Uint8Array(await readFile(join(DATA_DIR, file))),
		PRERENDER_TABLES
	);
	try {
		return await work(db);
	} finally {
		await db.close();
	}
}
