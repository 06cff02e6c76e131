import 'fake-indexeddb/auto';
import { IDBFactory, IDBIndex, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { suggestMapping } from './mapping';
import { UserDataStore, validPlan, type LoadPlan } from './store';

const plan: LoadPlan = {
	table: 'indicator_values',
	mapping: suggestMapping('indicator_values', ['จังหวัด', 'ปี', 'ค่า']),
	provinceFixes: { เมืองย่าโม: '30' },
	codeFixes: { status: { ระงับชั่วคราว: 'cancelled' } },
	indicators: []
};

const file = (id: string, text = 'a,b\n1,2\n') => ({
	id,
	name: `${id}.csv`,
	size: text.length,
	addedAt: '2026-01-01T00:00:00Z',
	bytes: new TextEncoder().encode(text).buffer as ArrayBuffer,
	plan
});

describe('UserDataStore', () => {
	it('keeps files in loading order across openings, until removed or cleared', async () => {
		const factory = new IDBFactory();
		const store = await UserDataStore.open(factory);
		await store.putFile(file('one'));
		await store.putFile(file('two'));
		store.close();

		const again = await UserDataStore.open(factory);
		const files = await again.files();
		expect(files.map((f) => f.id)).toEqual(['one', 'two']);
		expect(new TextDecoder().decode(files[0].bytes)).toBe('a,b\n1,2\n');
		expect(files[0].plan).toEqual(plan);

		await again.removeFile('one');
		expect((await again.files()).map((f) => f.id)).toEqual(['two']);
		await again.clearFiles();
		expect(await again.files()).toEqual([]);
	});

	afterEach(() => vi.restoreAllMocks());

	it('adds and removes a file without reading any kept file (their bytes can be 100 MB each)', async () => {
		const store = await UserDataStore.open(new IDBFactory());
		await store.putFile(file('one'));
		await store.putFile(file('two'));
		// Observed, not replaced: every way of reading stored values.
		const reads = [
			vi.spyOn(IDBObjectStore.prototype, 'getAll'),
			vi.spyOn(IDBObjectStore.prototype, 'get'),
			vi.spyOn(IDBObjectStore.prototype, 'openCursor'),
			vi.spyOn(IDBIndex.prototype, 'getAll'),
			vi.spyOn(IDBIndex.prototype, 'get'),
			vi.spyOn(IDBIndex.prototype, 'openCursor')
		];
		const three = await store.putFile(file('three'));
		await store.removeFile('two');
		expect(reads.map((r) => r.mock.calls.length)).toEqual([0, 0, 0, 0, 0, 0]);
		expect(three.seq).toBe(3);
		vi.restoreAllMocks();
		expect((await store.files()).map((f) => [f.id, f.seq])).toEqual([
			['one', 1],
			['three', 3]
		]);
		store.close();
	});

	it('keeps the files of a store made before the seq index, and adds new ones after them', async () => {
		const factory = new IDBFactory();
		// Version 1, as the app wrote it before: no index.
		const old = factory.open('phakhi-atlas-user-data', 1);
		old.onupgradeneeded = () => {
			const db = old.result;
			db.createObjectStore('files', { keyPath: 'id' }).put({ ...file('kept'), seq: 7 });
			db.createObjectStore('mappings', { keyPath: 'signature' });
		};
		await new Promise((resolve) => (old.onsuccess = resolve));
		old.result.close();
		const store = await UserDataStore.open(factory);
		const added = await store.putFile(file('new'));
		expect(added.seq).toBe(8);
		expect((await store.files()).map((f) => f.id)).toEqual(['kept', 'new']);
		store.close();
	});

	it('keeps a sheet’s Excel row numbers with it, and drops a damaged list', async () => {
		const store = await UserDataStore.open(new IDBFactory());
		await store.putFile({ ...file('sheet'), rowNumbers: [1, 2, 4, 5] });
		await store.putFile({ ...file('bad'), rowNumbers: ['x'] as unknown as number[] });
		const [sheet, bad] = await store.files();
		expect(sheet.rowNumbers).toEqual([1, 2, 4, 5]);
		expect(bad.rowNumbers).toBeUndefined();
		store.close();
	});

	it('remembers mappings by shape and collects province fixes', async () => {
		const store = await UserDataStore.open(new IDBFactory());
		expect(await store.mapping('x')).toBeNull();
		await store.putMapping({ signature: 'x', ...plan, provinceFixes: { โคราชบ้านเรา: '30' }, updatedAt: 'now' });
		await store.putFile(file('f'));
		const remembered = await store.mapping('x');
		expect(remembered?.table).toBe('indicator_values');
		expect(remembered?.mapping).toEqual(plan.mapping);
		expect(await store.provinceFixes()).toEqual({ โคราชบ้านเรา: '30', เมืองย่าโม: '30' });
		await store.clearMappings();
		expect(await store.mapping('x')).toBeNull();
	});

	it('skips damaged entries instead of failing', async () => {
		const factory = new IDBFactory();
		const store = await UserDataStore.open(factory);
		await store.putFile({ ...file('bad'), plan: { table: 'nope' } as unknown as LoadPlan });
		await store.putFile(file('good'));
		expect((await store.files()).map((f) => f.id)).toEqual(['good']);
	});

	it('validates plans', () => {
		expect(validPlan(plan)).toEqual(plan);
		expect(validPlan({ ...plan, provinceFixes: { a: 1, b: '10' } })?.provinceFixes).toEqual({ b: '10' });
		expect(validPlan({ ...plan, codeFixes: { status: { a: 1, b: 'closed' }, x: 2 } })?.codeFixes).toEqual({
			status: { b: 'closed' },
			x: {}
		});
		// A plan kept by an older version, without code fixes, still loads.
		expect(validPlan({ ...plan, codeFixes: undefined })?.codeFixes).toEqual({});
		for (const junk of [null, 1, [], { table: 'provinces' }, { table: 'provinces', mapping: 3 }])
			expect(validPlan(junk)).toBeNull();
	});

	it('fails clearly without IndexedDB', async () => {
		await expect(UserDataStore.open(null as unknown as IDBFactory)).rejects.toThrow(/not available/);
	});
});
