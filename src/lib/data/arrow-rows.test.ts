import { Bool, Float64, Int32, Int64, Table, tableFromArrays, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { columnsOfTable, rowsOfTable } from './arrow-rows';
import { plainRow, type Row } from './connector';

/** What the connector returned before: Arrow's row proxies. */
const viaProxies = (table: Table): Row[] => table.toArray().map((r) => plainRow(r.toJSON() as Row));

const NAMES = ['เครือข่ายภาคีอีสาน', '', null, 'Ubon Ratchathani', 'ก๊๋', '🙂 emoji', 'ภาคี "quoted", comma', null, 'z'];

describe('rowsOfTable', () => {
	it('reads strings (Thai, empty, null, beyond the BMP), integers, floats and bigints as Arrow does', () => {
		const table = new Table({
			name: vectorFromArray(NAMES, new Utf8()),
			n: vectorFromArray([1, null, 3, 4, 5, 6, 7, null, -9], new Int32()),
			x: vectorFromArray([0.5, 1e-9, null, 100.25, -3, 6, 7.5, 8, Number.NaN], new Float64()),
			big: vectorFromArray([1n, 2n, null, 4n, 5n, 6n, 7n, 8n, 9007199254740993n], new Int64())
		});
		expect(rowsOfTable(table)).toEqual(viaProxies(table));
		expect(rowsOfTable(table)[0]).toEqual({ name: 'เครือข่ายภาคีอีสาน', n: 1, x: 0.5, big: 1 });
		expect(rowsOfTable(table)[2].name).toBeNull();
	});

	it('reads a column made of several chunks, and a slice', () => {
		const a = tableFromArrays({ name: NAMES.slice(0, 4).map((s) => s ?? ''), v: Float64Array.from([1, 2, 3, 4]) });
		const b = tableFromArrays({ name: NAMES.slice(4).map((s) => s ?? ''), v: Float64Array.from([5, 6, 7, 8, 9]) });
		const chunked = a.concat(b);
		expect(chunked.getChild('name')!.data.length).toBe(2);
		expect(rowsOfTable(chunked)).toEqual(viaProxies(chunked));
		const sliced = chunked.slice(2, 7);
		expect(rowsOfTable(sliced)).toEqual(viaProxies(sliced));
		expect(rowsOfTable(sliced).map((r) => r.v)).toEqual([3, 4, 5, 6, 7]);
	});

	it('gives other types through Arrow, and an empty table as no rows', () => {
		const table = new Table({ flag: vectorFromArray([true, false, null], new Bool()) });
		expect(rowsOfTable(table)).toEqual(viaProxies(table));
		expect(rowsOfTable(tableFromArrays({ v: new Float64Array(0) }))).toEqual([]);
	});
});

describe('columnsOfTable', () => {
	it('holds the same values as the rows, one array per column, across chunks', () => {
		const a = tableFromArrays({ name: NAMES.slice(0, 4).map((s) => s ?? ''), v: Float64Array.from([1, 2, 3, 4]) });
		const b = tableFromArrays({ name: NAMES.slice(4).map((s) => s ?? ''), v: Float64Array.from([5, 6, 7, 8, 9]) });
		const table = a.concat(b);
		const rows = viaProxies(table);
		const columns = columnsOfTable(table);
		expect(Array.from(columns.name)).toEqual(rows.map((r) => r.name));
		// Numbers without nulls come as one typed array of the column's type.
		expect(columns.v).toBeInstanceOf(Float64Array);
		expect(Array.from(columns.v)).toEqual(rows.map((r) => r.v));
	});

	it('keeps integer types, and gives a column with nulls as plain values', () => {
		const table = new Table({
			n: vectorFromArray([1, -2, 3], new Int32()),
			gaps: vectorFromArray([1, null, 3], new Int32()),
			big: vectorFromArray([1n, 2n, 3n], new Int64())
		});
		const columns = columnsOfTable(table);
		expect(columns.n).toEqual(Int32Array.from([1, -2, 3]));
		expect(columns.gaps).toEqual([1, null, 3]);
		expect(columns.big).toEqual([1, 2, 3]);
		expect(columnsOfTable(table.slice(1, 3)).n).toEqual(Int32Array.from([-2, 3]));
	});
});
