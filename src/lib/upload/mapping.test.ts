import { describe, expect, it } from 'vitest';
import { TABLES, TABLE_NAMES } from '$lib/data/contract';
import { detectTable, USER_TABLES } from './detect';
import {
	adaptMapping,
	indicatorIdFor,
	headerKey,
	isIdentity,
	isMapping,
	shapeSignature,
	suggestMapping,
	unmappedRequired,
	unusedHeaders,
	valueKind
} from './mapping';

/** A project file's headers as Thai software writes them, the budget's header as given. */
const thaiProjectHeaders = (budget = 'งบประมาณ (บาท)') => [
	'รหัสโครงการ',
	'ชื่อโครงการ',
	'แผนงาน',
	'หน่วยงาน',
	'วันเริ่มต้น',
	'วันสิ้นสุด',
	budget,
	'จังหวัด',
	'สถานะ'
];

describe('headerKey', () => {
	it('folds case, spaces, punctuation and units in brackets', () => {
		expect(headerKey('Province_Code')).toBe('provincecode');
		expect(headerKey(' ปี พ.ศ. ')).toBe('ปีพศ');
		expect(headerKey('งบประมาณ (บาท)')).toBe('งบประมาณ');
		expect(headerKey('สุราษฏร์')).toBe(headerKey('สุราษฎร์'));
	});
});

describe('suggestMapping', () => {
	it('maps Thai headers of an indicator file', () => {
		const m = suggestMapping('indicator_values', ['จังหวัด', 'ปี พ.ศ.', 'ค่า', 'หมายเหตุ']);
		expect(m.province_code).toEqual({ kind: 'column', header: 'จังหวัด' });
		expect(m.year).toEqual({ kind: 'column', header: 'ปี พ.ศ.' });
		expect(m.value).toEqual({ kind: 'column', header: 'ค่า' });
		expect(m.indicator_id).toEqual({ kind: 'none' });
		expect(unmappedRequired('indicator_values', m)).toEqual(['indicator_id']);
		expect(unusedHeaders(['จังหวัด', 'ปี พ.ศ.', 'ค่า', 'หมายเหตุ'], m)).toEqual(['หมายเหตุ']);
		expect(isIdentity(m)).toBe(false);
	});

	it('maps Thai project headers, งบประมาณ to budget', () => {
		const m = suggestMapping('projects', thaiProjectHeaders());
		expect(m.budget).toEqual({ kind: 'column', header: 'งบประมาณ (บาท)' });
		expect(m.start_date).toEqual({ kind: 'column', header: 'วันเริ่มต้น' });
		expect(m.is_sample).toEqual({ kind: 'constant', value: 'false' });
		expect(unmappedRequired('projects', m)).toEqual([]);
	});

	it('prefers exact contract names and uses each header once', () => {
		const m = suggestMapping('population', ['province_code', 'year', 'total', 'ประชากร']);
		expect(isIdentity(m)).toBe(true);
		expect(m.total).toEqual({ kind: 'column', header: 'total' });
		const p = suggestMapping('population', ['จังหวัด', 'ปี', 'ประชากร']);
		expect(p.total).toEqual({ kind: 'column', header: 'ประชากร' });
		const v = suggestMapping('indicator_values', ['จังหวัด', 'ปี', 'ประชากร']);
		expect(v.denominator).toEqual({ kind: 'column', header: 'ประชากร' });
	});

	it('gives every table a full mapping and never throws on odd headers', () => {
		for (const table of TABLE_NAMES) {
			const m = suggestMapping(table, ['', '  ', '(((', 'ค่า', 'ค่า', '\u0000']);
			expect(Object.keys(m).sort()).toEqual(TABLES[table].columns.map((c) => c.name).sort());
		}
	});
});

describe('remembered mappings', () => {
	it('keys a shape by its sorted headers', () => {
		expect(shapeSignature(['b', 'a '])).toBe(shapeSignature(['a', 'b']));
		expect(shapeSignature(['a', 'b'])).not.toBe(shapeSignature(['a', 'c']));
	});

	it('adapts a remembered mapping to a new file, dropping headers it lacks', () => {
		const remembered = {
			...suggestMapping('indicator_values', ['จังหวัด', 'ปี', 'ค่า']),
			indicator_id: { kind: 'constant' as const, value: 'my_ind' },
			value: { kind: 'column' as const, header: 'gone' }
		};
		const m = adaptMapping('indicator_values', remembered, ['จังหวัด', 'ปี', 'ค่า']);
		expect(m.indicator_id).toEqual({ kind: 'constant', value: 'my_ind' });
		expect(m.value).toEqual({ kind: 'column', header: 'ค่า' });
	});

	it('validates stored mappings', () => {
		expect(
			isMapping({ a: { kind: 'none' }, b: { kind: 'column', header: 'x' }, c: { kind: 'constant', value: '1' } })
		).toBe(true);
		for (const junk of [null, 1, 'x', [], { a: null }, { a: { kind: 'column' } }, { a: { kind: 'other' } }])
			expect(isMapping(junk)).toBe(false);
	});
});

describe('valueKind', () => {
	it('knows how each contract column is read', () => {
		const kind = (t: keyof typeof TABLES, c: string) => valueKind(TABLES[t].columns.find((x) => x.name === c)!);
		expect(kind('indicator_values', 'province_code')).toBe('province');
		expect(kind('indicator_values', 'year')).toBe('year');
		expect(kind('partners', 'year_joined')).toBe('year');
		expect(kind('provinces', 'population_year')).toBe('year');
		expect(kind('projects', 'start_date')).toBe('date');
		expect(kind('instalments', 'period_end')).toBe('date');
		expect(kind('projects', 'budget')).toBe('number');
		expect(kind('projects', 'is_sample')).toBe('boolean');
		expect(kind('projects', 'title_th')).toBe('text');
	});
});

describe('detectTable', () => {
	it('recognises each contract table from its own column names', () => {
		for (const table of USER_TABLES) {
			const [best] = detectTable(TABLES[table].columns.map((c) => c.name));
			expect(best.table, table).toBe(table);
			expect(best.missingRequired).toEqual([]);
		}
	});

	it('recognises a Thai indicator file and a Thai project file', () => {
		const [values] = detectTable(['จังหวัด', 'ปี', 'ค่า']);
		expect(values.table).toBe('indicator_values');
		expect(values.missingRequired).toEqual(['indicator_id']);
		for (const budget of ['งบประมาณ', 'งบประมาณ (บาท)']) {
			const [projects] = detectTable(thaiProjectHeaders(budget));
			expect(projects.table).toBe('projects');
			expect(projects.missingRequired).toEqual([]);
		}
	});

	it('returns no candidates for headers that match nothing', () => {
		expect(detectTable([])).toEqual([]);
		expect(detectTable(['foo', 'bar'])).toEqual([]);
		expect(detectTable(['', '   '])).toEqual([]);
	});
});

describe('indicatorIdFor', () => {
	it('names an indicator after its file, or after its id when the name has no letters to use', () => {
		expect(indicatorIdFor('My Survey 2566.csv', 'x1')).toBe('my_survey_2566');
		expect(indicatorIdFor('ตัวชี้วัดของฉัน.csv', 'x1')).toBe('user_x1');
		expect(indicatorIdFor('2566.csv', 'x1')).toBe('user_x1');
		expect(indicatorIdFor('', 'x1')).toBe('user_x1');
	});
});
