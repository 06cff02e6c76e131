import { describe, expect, it } from 'vitest';
import type { TableData } from '$lib/core/table';
import { rankingTable } from '$lib/charts/ranking';
import { BOM, csvField, toCsv } from './csv';

describe('CSV', () => {
	it('quotes only fields that need it (RFC 4180)', () => {
		// What is written for each value: plain, or quoted with inner quotes doubled.
		const written = new Map<string | number | null, string>([
			['ขอนแก่น', 'ขอนแก่น'],
			['a,b', '"a,b"'],
			['say "hi"', '"say ""hi"""'],
			['two\nlines', '"two\nlines"'],
			['cr\rhere', '"cr\rhere"'],
			[' padded ', '" padded "'],
			[null, ''],
			[12.345678, '12.345678'],
			[-0.5, '-0.5']
		]);
		for (const [value, text] of written) expect(csvField(value), JSON.stringify(value)).toBe(text);
	});

	it('starts with a UTF-8 BOM, has one header row of labels, CRLF line ends and raw numbers', () => {
		const table = rankingTable(
			[
				{ code: '40', label: 'ขอนแก่น', value: 21.345, colour: '#000' },
				{ code: '10', label: 'กรุงเทพมหานคร, เขต "ชั้นใน"', value: 1234.5, colour: '#000' }
			],
			(v) => v.toLocaleString('en-GB', { maximumFractionDigits: 1 }),
			{ rank: 'อันดับ', province: 'จังหวัด', value: 'ค่า (ต่อประชากรแสนคน)' }
		);
		const csv = toCsv(table);
		expect(csv.startsWith(BOM)).toBe(true);
		expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
		expect(csv.slice(1).split('\r\n')).toEqual([
			'อันดับ,จังหวัด,ค่า (ต่อประชากรแสนคน)',
			'1,ขอนแก่น,21.345',
			'2,"กรุงเทพมหานคร, เขต ""ชั้นใน""",1234.5',
			''
		]);
	});

	it('writes the shown text when a table has no raw values, and empties for missing ones', () => {
		const table: TableData = {
			columns: [
				{ key: 'a', label: 'A' },
				{ key: 'b', label: 'B', numeric: true }
			],
			rows: [
				{ key: '1', cells: { a: 'x', b: '–' } },
				{ key: '2', cells: { a: 'y', b: '3.0' }, raw: { b: null } }
			]
		};
		expect(toCsv(table).slice(1)).toBe('A,B\r\nx,\r\ny,\r\n');
	});

	it('makes repeated labels unique', () => {
		const table: TableData = {
			columns: [
				{ key: 'v', label: 'Thailand' },
				{ key: 'r', label: 'Thailand' }
			],
			rows: []
		};
		expect(toCsv(table).slice(1)).toBe('Thailand,Thailand (2)\r\n');
	});
});
