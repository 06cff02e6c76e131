import { describe, expect, it } from 'vitest';
import { nextSort, sortRows } from './table-sort';

const columns = [
	{ key: 'name', label: 'Name' },
	{ key: 'value', label: 'Value', numeric: true }
];
const rows = [
	{ key: 'a', cells: { name: 'ขอนแก่น', value: '1,200' } },
	{ key: 'b', cells: { name: 'กรุงเทพมหานคร', value: '35' } },
	{ key: 'c', cells: { name: 'ชลบุรี', value: '–' } }
];

describe('table sorting', () => {
	it('sorts numbers as numbers, ignoring thousands separators, missing values last when descending', () => {
		expect(sortRows(rows, columns, { key: 'value', descending: false }).map((r) => r.key)).toEqual(['c', 'b', 'a']);
		expect(sortRows(rows, columns, { key: 'value', descending: true }).map((r) => r.key)).toEqual(['a', 'b', 'c']);
	});

	it('sorts Thai text in Thai order', () => {
		expect(sortRows(rows, columns, { key: 'name', descending: false }).map((r) => r.key)).toEqual(['b', 'a', 'c']);
	});

	it('cycles ascending, descending, original', () => {
		expect(nextSort(null, 'name')).toEqual({ key: 'name', descending: false });
		expect(nextSort({ key: 'name', descending: false }, 'name')).toEqual({ key: 'name', descending: true });
		expect(nextSort({ key: 'name', descending: true }, 'name')).toBeNull();
		expect(sortRows(rows, columns, null)).toEqual(rows);
	});
});
