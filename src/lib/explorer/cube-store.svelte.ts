/**
 * The explorer's cubes, fetched as they are wanted (from the build's cube files, or from DuckDB where
 * the user's files may have changed the tables) and kept for the page's life: the
 * indicator on screen first, then the others of its issue area in small batches, so the next
 * indicator a user picks is usually in memory already.
 */
import type { AtlasDb } from '$lib/data/atlas-db';
import { buildCubes, buildHeadlines, emptyCube, type HeadlineCube, type IndicatorCube } from './cube';

/** Indicators per background query: small enough that one batch never holds the page up for long. */
const BATCH = 8;

type CubeSource = Pick<AtlasDb, 'indicatorCubeRows' | 'headlineRows'>;

export class CubeStore {
	cubes = $state.raw(new Map<string, IndicatorCube>());
	headlines = $state.raw<HeadlineCube | null>(null);
	failure = $state<string | null>(null);

	readonly #db: CubeSource;
	readonly provinceCodes: readonly string[];
	readonly #asked = new Set<string>();
	#queue: Promise<void> = Promise.resolve();

	constructor(db: CubeSource, provinceCodes: readonly string[]) {
		this.#db = db;
		this.provinceCodes = provinceCodes;
		this.#enqueue(async () => {
			try {
				this.headlines = buildHeadlines(await this.#db.headlineRows());
			} catch (e) {
				// Said like a cube's failure; the queue goes on (a rejected queue would run no later fetch).
				this.failure = e instanceof Error ? e.message : String(e);
			}
		});
	}

	get(indicator: string): IndicatorCube | null {
		return this.cubes.get(indicator) ?? null;
	}

	/** Fetch `first` now (ahead of any background batch) and `later` after it, skipping what is held or asked. */
	want(first: string, later: readonly string[] = []): void {
		if (!this.#asked.has(first)) {
			this.#asked.add(first);
			// Sent at once: it overtakes batches not yet sent (DuckDB answers in order).
			const now = this.#fetch([first]);
			this.#queue = Promise.all([this.#queue, now]).then(() => undefined);
		}
		const rest = later.filter((id) => !this.#asked.has(id));
		for (const id of rest) this.#asked.add(id);
		for (let i = 0; i < rest.length; i += BATCH) {
			const batch = rest.slice(i, i + BATCH);
			this.#enqueue(() => this.#fetch(batch));
		}
	}

	/** Settles when every fetch asked for so far has been answered (or has failed). */
	idle(): Promise<void> {
		return this.#queue;
	}

	#enqueue(task: () => Promise<void>) {
		this.#queue = this.#queue.then(task);
	}

	async #fetch(ids: string[]): Promise<void> {
		try {
			const fetched = buildCubes(this.provinceCodes, await this.#db.indicatorCubeRows(ids));
			// An indicator without any row still gets its (empty) cube: it has been answered.
			for (const id of ids) if (!fetched.has(id)) fetched.set(id, emptyCube(id));
			this.cubes = new Map([...this.cubes, ...fetched]);
		} catch (e) {
			for (const id of ids) this.#asked.delete(id);
			this.failure = e instanceof Error ? e.message : String(e);
		}
	}
}
