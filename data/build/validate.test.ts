import { describe, expect, it } from 'vitest';
import type { CsvRow } from './csv.ts';
import { parseCsv } from './csv.ts';
import { DataBuildError, formatError, MAX_REPORTED_ERRORS } from './errors.ts';
import { INDICATORS, ISSUE_AREAS, SOURCES } from './reference.ts';
import {
	checkCatalogue,
	checkColumns,
	checkDuplicateKeys,
	checkEqual,
	checkProvinceCode,
	checkRate,
	checkSexSum,
	checkYearCoverage,
	parseDecimal,
	parseInteger
} from './validate.ts';

const row = (values: Record<string, string>, line = 7): CsvRow => ({ line, values });

describe('formatError', () => {
	it('names file, line and field', () => {
		expect(formatError({ file: 'a.csv', line: 3, field: 'code', message: 'bad' })).toBe('a.csv line 3, field "code": bad');
		expect(formatError({ file: 'a.csv', line: 3, field: ['code', 'year'], message: 'bad' })).toBe(
			'a.csv line 3, fields "code", "year": bad'
		);
		expect(formatError({ file: 'g.json', feature: 2, message: 'bad' })).toBe('g.json feature 2: bad');
		expect(formatError({ file: 'a.csv', message: 'bad' })).toBe('a.csv: bad');
	});

	it('caps the error list in the exception message', () => {
		const errors = Array.from({ length: 60 }, (_, i) => ({ file: 'a.csv', line: i + 2, message: 'bad' }));
		const e = new DataBuildError(errors);
		expect(e.errors).toHaveLength(60);
		expect(e.message.split('\n')).toHaveLength(1 + MAX_REPORTED_ERRORS + 1);
		expect(e.message).toContain('… and 10 more');
	});
});

describe('checkColumns', () => {
	it('names each missing column', () => {
		const { table } = parseCsv('code,year\n', 'r.csv');
		expect(checkColumns(table, ['code', 'deaths', 'year', 'rate'])).toEqual([
			{ file: 'r.csv', line: 1, field: 'deaths', message: 'column is missing from the header' },
			{ file: 'r.csv', line: 1, field: 'rate', message: 'column is missing from the header' }
		]);
	});
});

describe('parseInteger', () => {
	it('accepts whole numbers', () => {
		expect(parseInteger('f', row({ n: '42' }), 'n')).toEqual({ ok: true, value: 42 });
		expect(parseInteger('f', row({ n: '-3' }), 'n')).toEqual({ ok: true, value: -3 });
	});

	it.each([
		['abc', 'not a number "abc"'],
		['1,5', 'not a number "1,5"'],
		['1.5', 'not a whole number "1.5"'],
		['', 'empty value']
	])('rejects %j', (raw, message) => {
		expect(parseInteger('f.csv', row({ n: raw }), 'n')).toEqual({ ok: false, error: { file: 'f.csv', line: 7, field: 'n', message } });
	});

	it('rejects negative counts and out-of-range values', () => {
		expect(parseInteger('f', row({ n: '-3' }), 'n', { nonNegative: 'count' })).toMatchObject({ error: { message: 'negative count -3' } });
		expect(parseInteger('f', row({ n: '14' }), 'n', { min: 1, max: 13 })).toMatchObject({ error: { message: '14 is above the maximum 13' } });
		expect(parseInteger('f', row({ n: '0' }), 'n', { min: 1 })).toMatchObject({ error: { message: '0 is below the minimum 1' } });
	});
});

describe('parseDecimal', () => {
	it('accepts decimals and rejects text', () => {
		expect(parseDecimal('f', row({ n: '17.14' }), 'n')).toEqual({ ok: true, value: 17.14 });
		expect(parseDecimal('f', row({ n: '25.' }), 'n')).toEqual({ ok: true, value: 25 });
		expect(parseDecimal('f', row({ n: 'n/a' }), 'n')).toMatchObject({ ok: false, error: { message: 'not a number "n/a"' } });
		expect(parseDecimal('f', row({ n: '-1' }), 'n', { nonNegative: 'rate' })).toMatchObject({ error: { message: 'negative rate -1' } });
	});
});

describe('checkProvinceCode', () => {
	it('accepts known codes only', () => {
		const known = new Set(['10', '40']);
		expect(checkProvinceCode('r.csv', row({ code: '40' }), 'code', known)).toEqual([]);
		expect(checkProvinceCode('r.csv', row({ code: '99' }, 17), 'code', known)).toEqual([
			{ file: 'r.csv', line: 17, field: 'code', message: 'unknown province code "99"' }
		]);
	});
});

describe('checkDuplicateKeys', () => {
	it('reports every repeat with the line of the first', () => {
		const rows = [
			{ line: 2, key: ['10', 2022] },
			{ line: 3, key: ['10', 2023] },
			{ line: 4, key: ['10', 2022] },
			{ line: 5, key: ['10', 2022] }
		];
		expect(checkDuplicateKeys('p.csv', ['code', 'year'], rows)).toEqual([
			{ file: 'p.csv', line: 4, field: ['code', 'year'], message: 'duplicate key 10/2022 (first on line 2)' },
			{ file: 'p.csv', line: 5, field: ['code', 'year'], message: 'duplicate key 10/2022 (first on line 2)' }
		]);
	});

	it('does not confuse keys that join to the same text', () => {
		expect(checkDuplicateKeys('p.csv', ['a', 'b'], [{ line: 2, key: ['1/2', '3'] }, { line: 3, key: ['1', '2/3'] }])).toEqual([]);
	});
});

describe('checkYearCoverage', () => {
	it('names the year and the missing codes', () => {
		const rows = [
			{ code: '10', year: 2022 },
			{ code: '11', year: 2022 },
			{ code: '12', year: 2022 },
			{ code: '11', year: 2023 }
		];
		expect(checkYearCoverage('r.csv', rows, ['10', '11', '12'])).toEqual([
			{ file: 'r.csv', message: 'year 2023 is missing 2 provinces: 10, 12' }
		]);
	});

	it('expects a province only from the year it existed, and refuses it before', () => {
		const existed = (code: string, year: number) => code !== '38' || year >= 2011;
		const rows = [
			{ code: '43', year: 2010 },
			{ code: '43', year: 2011 },
			{ code: '38', year: 2011 },
			{ code: '43', year: 2009 },
			{ code: '38', year: 2009 }
		];
		expect(checkYearCoverage('r.csv', rows.slice(0, 3), ['38', '43'], existed)).toEqual([]);
		expect(checkYearCoverage('r.csv', rows.slice(1), ['38', '43'], existed)).toEqual([
			{ file: 'r.csv', message: 'year 2009 has 1 province: 38 that did not exist yet' }
		]);
		expect(checkYearCoverage('r.csv', [rows[1]], ['38', '43'], existed)).toEqual([
			{ file: 'r.csv', message: 'year 2011 is missing 1 province: 38' }
		]);
	});
});

describe('checkSexSum, checkRate, checkEqual', () => {
	it('checks male + female = total', () => {
		expect(checkSexSum('p.csv', 5, 10, 20, 30)).toEqual([]);
		expect(checkSexSum('p.csv', 5, 10, 20, 31)).toEqual([
			{ file: 'p.csv', line: 5, field: 'total', message: 'male 10 + female 20 = 30, not total 31' }
		]);
	});

	it('allows a rate rounded to two decimals and nothing more', () => {
		expect(checkRate('r.csv', 2, 17.14, 17.143069)).toEqual([]);
		expect(checkRate('r.csv', 2, 17.149, 17.143069)).toEqual([]);
		expect(checkRate('r.csv', 2, 17.2, 17.143069)).toEqual([
			{ file: 'r.csv', line: 2, field: 'rate_per_100k', message: 'rate 17.2 differs from deaths × 100000 / population = 17.143' }
		]);
	});

	it('compares a stated figure with its reference', () => {
		expect(checkEqual('r.csv', 2, 'population', 5, 5, 'x')).toEqual([]);
		expect(checkEqual('r.csv', 2, 'population', 5, 6, 'population.csv total')).toEqual([
			{ file: 'r.csv', line: 2, field: 'population', message: '5 does not match population.csv total (6)' }
		]);
	});
});

describe('checkCatalogue', () => {
	const [deaths, rate] = INDICATORS.filter((i) => i.issue_area_id === 'road_safety');
	const messages = (catalogue: typeof INDICATORS, values = [{ indicator_id: 'road_deaths' }]) =>
		checkCatalogue(catalogue, ISSUE_AREAS.filter((a) => a.issue_area_id === 'road_safety'), SOURCES, values).map((e) => e.message);

	it('accepts the road-safety indicators', () => {
		expect(messages([deaths, rate])).toEqual([]);
	});

	it('finds unknown references, broken pairs, headline counts and stray values', () => {
		expect(messages([deaths, { ...rate, headline: false }])).toEqual([
			'issue area "road_safety" has 0 headline indicators (none), not 1'
		]);
		expect(messages([{ ...deaths, headline: true }, rate])).toEqual([
			'issue area "road_safety" has 2 headline indicators (road_deaths, road_death_rate), not 1'
		]);
		expect(messages([deaths, { ...rate, issue_area_id: 'nope', source_id: 'none', pair_id: null, aggregation: 'ratio', multiplier: null }])).toEqual([
			'indicator "road_death_rate": unknown issue area "nope"',
			'indicator "road_death_rate": unknown source "none"',
			'indicator "road_death_rate": a ratio needs a positive multiplier',
			'indicator "road_deaths" pairs with "road_death_rate", which pairs with "null"',
			'issue area "road_safety" has 0 headline indicators (none), not 1'
		]);
		expect(messages([rate, rate], [{ indicator_id: 'x' }])).toEqual([
			'duplicate indicator "road_death_rate"',
			'indicator "road_death_rate": unknown pair "road_deaths"',
			'indicator "road_death_rate": unknown pair "road_deaths"',
			'issue area "road_safety" has 2 headline indicators (road_death_rate, road_death_rate), not 1',
			'values for indicators not in the catalogue: x'
		]);
	});
});
