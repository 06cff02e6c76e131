/**
 * The user's kept files, loaded again when a page opens its database: the root layout calls
 * `restoreKeptFiles()` once, and the query module runs the restore after the bundled tables are in
 * (src/lib/data/browser-db.ts). The restoring code itself loads only when files are kept.
 */
import type { AtlasDb } from '$lib/data/atlas-db';
import { setAfterOpen, setUserDataTables } from '$lib/data/browser-db';
import type { RestoreReport } from './user-data';

let restored: RestoreReport | null = null;

/** What happened to the kept files when this page opened its database (null: none kept, or not yet). */
export function restoreReport(): RestoreReport | null {
	return restored;
}

async function restore(db: AtlasDb): Promise<void> {
	const { restoreUserData, tablesOf } = await import('./user-data');
	restored = await restoreUserData(db);
	setUserDataTables(
		tablesOf(restored.files.filter((f) => f.status === 'loaded' && f.table).map((f) => ({ table: f.table! })))
	);
}

/** Makes every page's database load the user's kept files after the bundled tables. */
export function restoreKeptFiles(): void {
	setAfterOpen(restore);
}
