import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
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
