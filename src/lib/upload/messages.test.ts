import { describe, expect, it } from 'vitest';
import { FORBIDDEN_WORDS } from '$lib/data/sql-guard';
import { formatBytes, noteText, problemDetail, problemText, refusalText, where } from './messages';
import type { Problem } from './pipeline';

const PROBLEMS: Problem[] = [
	{ code: 'empty_file' },
	{ code: 'too_large', size: 210 * 1024 * 1024, limit: 100 * 1024 * 1024 },
	{ code: 'unsupported_format', format: 'xlsx' },
	{ code: 'truncated_parquet' },
	{ code: 'unreadable', detail: 'bad' },
	{ code: 'binary_text' },
	{ code: 'unknown_encoding' },
	{ code: 'no_rows' },
	{ code: 'no_table', headers: ['a', 'b'] },
	{ code: 'missing_column', column: 'year', type: 'SMALLINT' },
	{ code: 'bad_constant', column: 'year', value: 'soon', kind: 'year' },
	{
		code: 'bad_values',
		column: 'total',
		header: 'ประชากร',
		kind: 'number',
		count: 2,
		rows: [3, 9],
		values: ['lots', 'x']
	},
	{ code: 'empty_required', column: 'year', header: 'ปี', count: 1, rows: [5] },
	{
		code: 'duplicate_key',
		columns: ['province_code', 'year'],
		count: 1,
		examples: [{ key: '83 / 2023', rows: [3, 4] }]
	},
	{
		code: 'unknown_province',
		column: 'province_code',
		header: 'จังหวัด',
		count: 2,
		values: [{ value: 'Atlantis', count: 2, rows: [2, 6] }]
	},
	{ code: 'unknown_key', column: 'issue_area_id', table: 'issue_areas', count: 1, rows: [1], values: ['x'] },
	{ code: 'contract', detail: 'y' },
	{ code: 'too_many_rows', file: 'national.parquet', rows: 5_000_000, limit: 2_000_000 },
	{ code: 'out_of_memory', file: 'projects.parquet', detail: 'Out of Memory Error: could not allocate block of size 256.0 KiB' },
	{ code: 'engine', file: 'projects.parquet', detail: 'Binder Error: something' }
];

describe('upload messages', () => {
	it('says why a file is too long, and what to do, naming it; an engine failure keeps its own words under details', () => {
		const [tooMany, oom, engine] = PROBLEMS.slice(-3);
		expect(problemText('en', tooMany)).toContain('"national.parquet" has 5,000,000 rows, more than the 2,000,000');
		expect(problemText('en', tooMany)).toContain('by year or health zone');
		expect(problemText('th', tooMany)).toContain('ตามปีหรือตามเขตสุขภาพ');
		expect(problemText('en', oom)).toContain('ran out of memory working on "projects.parquet"');
		expect(problemText('en', oom)).toContain('the data loaded before is all still there');
		expect(problemText('en', oom)).not.toContain('allocate');
		expect(problemDetail(oom)).toContain('could not allocate');
		expect(problemDetail(engine)).toBe('Binder Error: something');
	});

	it('renders every problem in both languages with every placeholder filled', () => {
		for (const lang of ['th', 'en'] as const)
			for (const p of PROBLEMS) {
				const text = problemText(lang, p, 1);
				expect(text, `${lang} ${p.code}`).not.toMatch(/\{\w+\}/);
				expect(text.length).toBeGreaterThan(5);
			}
		expect(problemText('en', PROBLEMS[11], 1)).toBe(
			'Column "ประชากร" (read as total): 2 values are not numbers, e.g. "lots", "x" (lines 4, 10).'
		);
		expect(problemText('en', PROBLEMS[14], 0)).toBe(
			'Column "จังหวัด": 2 rows name a province not recognised: "Atlantis" (rows 2, 6).'
		);
		expect(problemText('en', PROBLEMS[1])).toBe(
			'The file is 210 MB, more than the 100 MB this app takes in a browser tab, so it was not read. Split it (by year or health zone, for example), or save it as Parquet, which is smaller.'
		);
		expect(problemText('th', PROBLEMS[9])).toBe('ขาดคอลัมน์ที่จำเป็น "year" (SMALLINT)');
	});

	it('says in plain words why a Parquet file is refused, naming it, with the decoder\'s own words kept for "details"', () => {
		const reasons = ['not_parquet', 'damaged', 'too_large', 'no_columns'] as const;
		for (const lang of ['th', 'en'] as const)
			for (const reason of reasons) {
				const p: Problem = {
					code: 'parquet',
					file: 'export.parquet',
					reason,
					detail: "Cannot destructure property 'type'"
				};
				const text = problemText(lang, p);
				expect(text).toContain('"export.parquet"');
				expect(text).not.toMatch(/\{\w+\}|destructure/);
				expect(problemDetail(p)).toBe("Cannot destructure property 'type'");
			}
		expect(problemText('en', { code: 'parquet', file: 'x.parquet', reason: 'damaged', detail: '' })).toMatch(
			/^"x.parquet" is damaged: its data does not match/
		);
		expect(problemDetail({ code: 'empty_file' })).toBe('');
	});

	it('renders notes, refusals, places and sizes', () => {
		expect(noteText('en', { code: 'converted', column: 'year', kind: 'year', count: 4 })).toBe(
			'Converted Buddhist-era years to CE in 4 rows (year)'
		);
		expect(noteText('th', { code: 'extra_columns', headers: ['หมายเหตุ'] })).toBe('คอลัมน์ที่ไม่ได้ใช้: หมายเหตุ');
		for (const word of FORBIDDEN_WORDS) expect(refusalText('en', { reason: 'forbidden', word })).toContain(word);
		expect(refusalText('th', { reason: 'multiple' })).toContain(';');
		expect(refusalText('en', { reason: 'unterminated', what: 'string' })).toBe(
			'A string, quoted name or comment is not closed.'
		);
		expect(where('th', [1, 2], 1)).toBe('บรรทัดที่ 2, 3');
		expect(formatBytes('en', 500)).toBe('500 B');
		expect(formatBytes('en', 1536)).toBe('1.5 KB');
	});
});
