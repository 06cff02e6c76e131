import { describe, expect, it } from 'vitest';
import type { AggregateValue } from '$lib/data/atlas-db';
import { aggregateLines } from './aggregate-lines';

const agg = (
	scope: 'zone' | 'nation',
	scope_id: string,
	value: number | null,
	provinces: number,
	total: number,
	share: number | null
): AggregateValue => ({
	scope,
	scope_id,
	year: 2023,
	value,
	provinces,
	provinces_total: total,
	population_share: share
});
const places = [
	{ scope: 'zone' as const, id: '10', label: 'Health zone 10' },
	{ scope: 'nation' as const, id: 'TH', label: 'Thailand' }
];

describe('reference lines of zone and national figures', () => {
	it('draws complete figures under the place name alone, with no note', () => {
		const x = aggregateLines([agg('zone', '10', 20.5, 5, 5, 1), agg('nation', 'TH', 21.4, 77, 77, 1)], places, 'en');
		expect(x.lines).toEqual([
			{ label: 'Health zone 10', value: 20.5 },
			{ label: 'Thailand', value: 21.4 }
		]);
		expect(x.notes).toEqual([]);
	});

	it('says what a partial figure covers on its line and in a note', () => {
		const x = aggregateLines([agg('zone', '10', 20.5, 3, 5, 0.84)], places, 'en');
		expect(x.lines).toEqual([{ label: 'Health zone 10 (3 of 5 provinces, 84% of the population)', value: 20.5 }]);
		expect(x.notes).toEqual(['Health zone 10 computed from 3 of 5 provinces, 84% of the population']);
		const th = aggregateLines([agg('zone', '10', 20.5, 3, 5, 0.84)], [{ ...places[0], label: 'เขตสุขภาพที่ 10' }], 'th');
		expect(th.lines[0].label).toBe('เขตสุขภาพที่ 10 (3 จาก 5 จังหวัด ประชากร 84%)');
	});

	it('draws no "Thailand" from 7 of 77 provinces, and says why', () => {
		const x = aggregateLines([agg('nation', 'TH', null, 7, 77, 0.18)], places, 'en');
		expect(x.lines).toEqual([]);
		expect(x.values.get('nation:TH')).toBeNull();
		expect(x.notes).toEqual([
			'Thailand: not shown, values for only 7 of 77 provinces, 18% of the population (at least two thirds of the population needed)'
		]);
		const th = aggregateLines([agg('nation', 'TH', null, 7, 77, 0.18)], [{ ...places[1], label: 'ทั้งประเทศ' }], 'th');
		expect(th.notes[0]).toContain('7 จาก 77 จังหวัด');
	});

	it('never rounds a part up to the whole', () => {
		const x = aggregateLines([agg('nation', 'TH', 21, 76, 77, 0.9991)], places, 'en');
		expect(x.lines[0].label).toBe('Thailand (76 of 77 provinces, 99% of the population)');
	});
});
