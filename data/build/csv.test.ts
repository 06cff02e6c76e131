import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

describe('parseCsv', () => {
	it('reads CRLF lines, strips a BOM and keeps 1-based line numbers', () => {
		const { table, errors } = parseCsv('\uFEFFcode,year\r\n10,2022\r\n11,2023\r\n', 'x.csv');
		expect(errors).toEqual([]);
		expect(table.header).toEqual(['code', 'year']);
		expect(table.rows).toEqual([
			{ line: 2, values: { code: '10', year: '2022' } },
			{ line: 3, values: { code: '11', year: '2023' } }
		]);
	});

	it('skips blank lines without renumbering the rest', () => {
		const { table } = parseCsv('a,b\n1,2\n\n3,4\n', 'x.csv');
		expect(table.rows.map((r) => r.line)).toEqual([2, 4]);
	});

	it('keeps empty cells as empty strings', () => {
		const { table } = parseCsv('a,b\n1,\n', 'x.csv');
		expect(table.rows[0].values).toEqual({ a: '1', b: '' });
	});

	it('reports rows with the wrong number of fields', () => {
		const { table, errors } = parseCsv('a,b\n1,2,3\n4\n5,6\n', 'x.csv');
		expect(table.rows).toHaveLength(1);
		expect(errors).toEqual([
			{ file: 'x.csv', line: 2, message: 'expected 2 fields, found 3' },
			{ file: 'x.csv', line: 3, message: 'expected 2 fields, found 1' }
		]);
	});

	it('rejects quotes, which this parser does not handle', () => {
		expect(parseCsv('a,b\n"1,2",3\n', 'x.csv').errors).toEqual([
			{ file: 'x.csv', line: 2, message: 'quoted fields are not supported' }
		]);
	});

	it('reads quoted fields when asked: commas and doubled quotes inside', () => {
		const { table, errors } = parseCsv('a,b,c\n"1, 2","say ""hi""",3\n"",x,""\n', 'x.csv', { quoted: true });
		expect(errors).toEqual([]);
		expect(table.rows.map((r) => r.values)).toEqual([
			{ a: '1, 2', b: 'say "hi"', c: '3' },
			{ a: '', b: 'x', c: '' }
		]);
	});

	it('reports malformed quotes when quoted fields are allowed', () => {
		expect(parseCsv('a,b\n"1,2\n"1"x,2\n1"",2\n', 'x.csv', { quoted: true }).errors).toEqual([
			{ file: 'x.csv', line: 2, message: 'malformed quotes' },
			{ file: 'x.csv', line: 3, message: 'malformed quotes' },
			{ file: 'x.csv', line: 4, message: 'malformed quotes' }
		]);
	});

	it('reports duplicate and empty header columns', () => {
		expect(parseCsv('a,a,\n1,2,3\n', 'x.csv').errors).toEqual([
			{ file: 'x.csv', line: 1, field: 'a', message: 'column appears twice in header' },
			{ file: 'x.csv', line: 1, message: 'empty column name in header' }
		]);
	});

	it('reports an empty file', () => {
		expect(parseCsv('', 'x.csv').errors).toEqual([{ file: 'x.csv', line: 1, message: 'empty header' }]);
	});
});
