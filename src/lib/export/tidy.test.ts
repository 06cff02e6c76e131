import { describe, expect, it } from 'vitest';
import type { IndicatorRow, SourceRow } from '$lib/data/contract';
import { placeNames, tidyTable, type TidyRecord } from './tidy';

const indicator = {
	indicator_id: 'road_death_rate',
	name_th: 'อัตราการเสียชีวิตจากอุบัติเหตุทางถนน',
	name_en: 'Road traffic death rate',
	unit_th: 'ต่อประชากรแสนคน',
	unit_en: 'per 100,000 population',
	source_id: 'ddc',
	source: 'DDC',
	is_sample: false
} as IndicatorRow;
const sources = [
	{ source_id: 'ddc', name_th: 'ข้อมูลสามฐาน', name_en: '3-base data', publisher: 'DDC; copy via GitHub x' } as SourceRow
];
const records: TidyRecord[] = [
	{
		scope: 'nation',
		code: 'TH',
		...placeNames('nation', 'TH'),
		indicator,
		year: 2023,
		value: null,
		coverage: { provinces: 7, provinces_total: 77, population_share: 0.18 }
	},
	{
		scope: 'zone',
		code: '7',
		...placeNames('zone', '7'),
		indicator,
		year: 2023,
		value: 21.123456789,
		coverage: { provinces: 4, provinces_total: 4, population_share: 1 }
	},
	{
		scope: 'province',
		code: '40',
		name_th: 'ขอนแก่น',
		name_en: 'Khon Kaen',
		indicator,
		year: 2023,
		value: 25.987654321,
		rank: { worst: 2, best: 3, of: 4 }
	}
];

describe('tidy export rows', () => {
	it('one self-describing row per place and year, provinces first, values at full precision', () => {
		const en = tidyTable('en', records, sources);
		expect(en.columns.map((c) => c.key)).toEqual([
			'scope',
			'code',
			'name_th',
			'name_en',
			'indicator_id',
			'indicator',
			'year',
			'value',
			'unit',
			'is_sample',
			'source',
			'rank',
			'rank_worst',
			'provinces',
			'provinces_total',
			'population_share',
			'coverage'
		]);
		expect(en.rows.map((r) => r.raw!.scope)).toEqual(['province', 'zone', 'nation']);
		expect(en.rows[0].raw).toMatchObject({
			code: '40',
			name_th: 'ขอนแก่น',
			name_en: 'Khon Kaen',
			indicator: 'Road traffic death rate',
			year: 2023,
			value: 25.987654321,
			unit: 'per 100,000 population',
			is_sample: 'false',
			source: 'DDC: 3-base data',
			rank: '2nd worst of 4',
			rank_worst: 2,
			coverage: null
		});
		expect(en.rows[1].raw).toMatchObject({
			name_en: 'Health zone 7',
			name_th: 'เขตสุขภาพที่ 7',
			coverage: 'all provinces',
			provinces: 4
		});
		expect(en.rows[2].raw).toMatchObject({ value: null, provinces: 7, provinces_total: 77, population_share: 0.18 });
		expect(en.rows[2].raw!.coverage).toContain('not shown, values for only 7 of 77 provinces, 18% of the population');
	});

	it('adds the Buddhist-era year in Thai, with Thai words', () => {
		const th = tidyTable('th', records, sources);
		const keys = th.columns.map((c) => c.key);
		expect(keys.slice(6, 9)).toEqual(['year', 'year_be', 'value']);
		expect(th.rows[0].raw).toMatchObject({
			year: 2023,
			year_be: 2566,
			rank: 'แย่เป็นอันดับ 2 จาก 4',
			unit: 'ต่อประชากรแสนคน'
		});
		expect(th.rows[2].raw!.coverage).toContain('7 จาก 77 จังหวัด');
	});
});
