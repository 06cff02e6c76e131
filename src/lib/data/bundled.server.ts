/** Build time only: the bundled exports opened with DuckDB in Node, through the same query module the browser uses. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AtlasDb } from './atlas-db';
import { NodeConnector } from './node-connector';

export const DATA_DIR = join(process.cwd(), 'static/data');

/** Opens the bundled data, runs `work`, and closes the database whatever happens. */
export async function withBundledDb<T>(work: (db: AtlasDb) => Promise<T>): Promise<T> {
	const db = await AtlasDb.open(await NodeConnector.open(), async (file) => new Uint8Array(await readFile(join(DATA_DIR, file))));
	try {
		return await work(db);
	} finally {
		await db.close();
	}
}
