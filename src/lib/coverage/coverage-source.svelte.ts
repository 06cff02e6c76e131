/**
 * What every coverage page waits for before it asks anything: the database with the partner-network
 * tables loaded, and the networks its filters list. The page's own questions report their errors
 * here too, so each page shows one error box.
 */
import type { AtlasDb } from '$lib/data/atlas-db';
import type { NetworkRow } from '$lib/data/contract';
import type { TableName } from '$lib/data/contract';
import { openCoverageDb } from './coverage-filter';

export class CoverageSource {
	db = $state.raw<AtlasDb | null>(null);
	networks = $state.raw<NetworkRow[]>([]);
	failure = $state<string | null>(null);

	/** Opens the database with `extra` tables; `prepare` reads whatever else the page needs before it counts as ready. */
	open(prepare?: (db: AtlasDb) => Promise<void>, extra: readonly TableName[] = []): void {
		openCoverageDb(extra)
			.then(async (db) => {
				this.networks = await db.coverage.networks();
				await prepare?.(db);
				this.db = db;
			})
			.catch((e) => this.fail(e));
	}

	fail(e: unknown): void {
		this.failure = e instanceof Error ? e.message : String(e);
	}
}
