/**
 * One view's question to the query module, in the spirit of Mosaic's MosaicClient: the view says what
 * it asks (a key and how to answer it), and the client holds the answer, whether one is pending, and
 * the error. An answer to a question that has since been replaced or cancelled is dropped, so a slow
 * answer for the previous filter can never overwrite the current one: the stale-answer guard written
 * once, instead of a `let current = true` in every effect.
 */
export class QueryClient<T> {
	/** The latest answer taken, and the key of the question it answers. */
	answer = $state.raw<{ key: string; value: T } | null>(null);
	/** A question is on its way. */
	pending = $state(false);
	/** The latest question failed (its answer is dropped; the last good answer stays). */
	error = $state.raw<Error | null>(null);

	#asked = 0;
	readonly #onError: ((error: Error) => void) | undefined;

	/** `onError` hears of every failed question that was still the current one. */
	constructor(onError?: (error: Error) => void) {
		this.#onError = onError;
	}

	/** Asks `run()` for `key`. Settles when it is answered; an earlier question's answer arriving later is dropped. */
	ask(key: string, run: () => Promise<T>): Promise<void> {
		const ticket = ++this.#asked;
		this.pending = true;
		let asked: Promise<T>;
		try {
			asked = run();
		} catch (e) {
			asked = Promise.reject(e);
		}
		return asked.then(
			(value) => {
				if (ticket !== this.#asked) return;
				this.answer = { key, value };
				this.error = null;
				this.pending = false;
			},
			(e: unknown) => {
				if (ticket !== this.#asked) return;
				this.error = e instanceof Error ? e : new Error(String(e));
				this.pending = false;
				this.#onError?.(this.error);
			}
		);
	}

	/** Forgets the question on its way: its answer, when it comes, is dropped. */
	cancel(): void {
		this.#asked++;
		this.pending = false;
	}

	/** Cancels the question on its way and forgets the answer (nothing is asked any more). */
	reset(): void {
		this.cancel();
		this.answer = null;
		this.error = null;
	}

	/** The answer when it answers `key`, else null: a placeholder, never another question's answer. */
	valueFor(key: string): T | null {
		return this.answer?.key === key ? this.answer.value : null;
	}
}
