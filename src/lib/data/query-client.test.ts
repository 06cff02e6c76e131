import { describe, expect, it } from 'vitest';
import { QueryClient } from './query-client.svelte';

/** A question answered when the test says so. */
function deferred<T>() {
	let resolve!: (v: T) => void;
	let reject!: (e: unknown) => void;
	const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
	return { promise, resolve, reject };
}

describe('QueryClient', () => {
	it('holds the answer to the question asked, with its key, and says when one is pending', async () => {
		const client = new QueryClient<number>();
		const q = deferred<number>();
		const done = client.ask('2023', () => q.promise);
		expect(client.pending).toBe(true);
		expect(client.valueFor('2023')).toBeNull();
		q.resolve(42);
		await done;
		expect(client.pending).toBe(false);
		expect(client.valueFor('2023')).toBe(42);
		// Another question's key gets nothing, not this answer.
		expect(client.valueFor('2022')).toBeNull();
	});

	it('drops an answer that arrives after a newer question', async () => {
		const client = new QueryClient<string>();
		const slow = deferred<string>();
		const fast = deferred<string>();
		const first = client.ask('zone 1', () => slow.promise);
		const second = client.ask('zone 2', () => fast.promise);
		fast.resolve('zone 2 rows');
		await second;
		slow.resolve('zone 1 rows');
		await first;
		expect(client.answer).toEqual({ key: 'zone 2', value: 'zone 2 rows' });
	});

	it('drops the answer of a cancelled question', async () => {
		const client = new QueryClient<string>();
		const q = deferred<string>();
		const done = client.ask('project 60-ข-087', () => q.promise);
		client.cancel();
		expect(client.pending).toBe(false);
		q.resolve('record');
		await done;
		expect(client.answer).toBeNull();
	});

	it('reports a failure of the current question, keeps the last good answer, and ignores a stale failure', async () => {
		const heard: string[] = [];
		const client = new QueryClient<number>((e) => heard.push(e.message));
		await client.ask('a', async () => 1);
		await client.ask('b', async () => {
			throw new Error('partners.parquet: the server answered 404');
		});
		expect(client.error?.message).toContain('partners.parquet');
		expect(client.valueFor('a')).toBe(1);
		const stale = deferred<number>();
		const old = client.ask('c', () => stale.promise);
		await client.ask('d', async () => 4);
		stale.reject(new Error('too late'));
		await old;
		expect(heard).toEqual(['partners.parquet: the server answered 404']);
		expect(client.error).toBeNull();
		// A question that throws before it is even asked is a failure too, not an exception.
		await client.ask('e', () => {
			throw new Error('no such table');
		});
		expect(client.error?.message).toBe('no such table');
	});
});
