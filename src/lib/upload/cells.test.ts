import { describe, expect, it } from 'vitest';
import { displayCell, plainCell, resultTable } from './cells';

describe('console cells', () => {
	it('keeps numbers and text, names NULL, and turns the rest into readable text', () => {
		expect(plainCell(3.5)).toBe(3.5);
		expect(plainCell(12n)).toBe(12);
		expect(plainCell(2n ** 60n)).toBe('1152921504606846976');
		expect(plainCell('ขอนแก่น')).toBe('ขอนแก่น');
		expect(plainCell(null)).toBeNull();
		expect(plainCell(undefined)).toBeNull();
		expect(plainCell(true)).toBe('true');
		expect(plainCell(NaN)).toBe('NaN');
		expect(plainCell(new Date(Date.UTC(2018, 0, 1)))).toBe('2018-01-01');
		expect(plainCell(new Date(NaN))).toBeNull();
		expect(plainCell(new Uint8Array([1, 255]))).toBe('\\x01ff');
		expect(plainCell([1, 'a', null])).toBe('[1, "a", NULL]');
		expect(plainCell({ a: 1, b: [2n] })).toBe('{a: 1, b: [2]}');
		expect(plainCell({ toArray: () => [1, 2] })).toBe('[1, 2]');
		expect(plainCell({ toJSON: () => ({ x: 'y' }) })).toBe('{x: "y"}');
		const deep: unknown[] = [];
		let cur = deep;
		for (let i = 0; i < 10; i++) cur.push((cur = []));
		expect(() => plainCell(deep)).not.toThrow();
		expect(displayCell(null)).toBe('NULL');
		expect(displayCell(1)).toBe('1');
	});

	it('builds a table with numeric columns and raw values for export', () => {
		const t = resultTable(
			[
				{ name: 'name', type: 'VARCHAR' },
				{ name: 'n', type: 'BIGINT' },
				{ name: 'v', type: 'Float64' }
			],
			[
				{ name: 'a', n: 1n, v: 0.5 },
				{ name: null, n: 2n, v: null }
			],
			1
		);
		expect(t.columns).toEqual([
			{ key: 'c0', label: 'name', numeric: false },
			{ key: 'c1', label: 'n', numeric: true },
			{ key: 'c2', label: 'v', numeric: true }
		]);
		expect(t.rows).toEqual([{ key: '0', cells: { c0: 'a', c1: '1', c2: '0.5' }, raw: { c0: 'a', c1: 1, c2: 0.5 } }]);
	});
});
