/**
 * What every coverage page waits for before it answers: the data its first answers come from (the
 * build's coverage files, read without DuckDB, or DuckDB where the user's own files may have changed
 * the tables), and the networks its filters list. DuckDB itself is opened only when a question needs
 * it (`database()`: a project's record; the points themselves and their names come from the build's files). The page's own
 * questions report their errors here too, so each page shows one error box.
 */
import type { AtlasDb } from '$lib/data/atlas-db';
import type { NetworkRow, TableName } from '$lib/data/contract';
import { coverageDataOfDb, coverageDataOfFiles, type CoverageData, type CoverageFiles } from '$lib/data/coverage-files';
import { coverageFilesUsable, openCoverageDb } from './coverage-filter';

/** How a source reaches its data: the browser's (data/browser-db.ts) on the page, Node's in tests. */
export interface CoverageSourceDeps {
	/** The build's coverage files where no user file can have changed the tables, else null (ask DuckDB). */
	files(extra: readonly TableName[]): CoverageFiles | null;
	/** DuckDB with the partner-network tables and `extra`. */
	database(extra: readonly TableName[]): Promise<AtlasDb>;
}

const BROWSER: CoverageSourceDeps = { files: coverageFilesUsable, database: openCoverageDb };

export class CoverageSource {
	/** DuckDB, once a question has needed it (from the start where the user's files are kept). */
	db = $state.raw<AtlasDb | null>(null);
	/** What the first answers come from, once its networks and the page's `prepare` are read. */
	data = $state.raw<CoverageData | null>(null);
	networks = $state.raw<NetworkRow[]>([]);
	failure = $state<string | null>(null);
	#extra: readonly TableName[] = [];
	#opening: Promise<AtlasDb> | null = null;

	constructor(private readonly deps: CoverageSourceDeps = BROWSER) {}

	/** Reads the first answers' data with `extra` tables for DuckDB; `prepare` reads whatever else the page needs before it counts as ready. */
	open(prepare?: (data: CoverageData) => Promise<void>, extra: readonly TableName[] = []): void {
		this.#extra = extra;
		(async () => {
			const files = this.deps.files(extra);
			const data = files ? coverageDataOfFiles(files) : coverageDataOfDb(await this.database());
			this.networks = await data.networks();
			await prepare?.(data);
			this.data = data;
		})().catch((e) => this.fail(e));
	}

	/** DuckDB with the page's tables: opened once, by the first question that needs it. */
	database(): Promise<AtlasDb> {
		if (!this.#opening) {
			const opening = this.deps.database(this.#extra).then((db) => (this.db = db));
			opening.catch(() => {
				if (this.#opening === opening) this.#opening = null;
			});
			this.#opening = opening;
		}
		return this.#opening;
	}

	fail(e: unknown): void {
		this.failure = e instanceof Error ? e.message : String(e);
	}
}
