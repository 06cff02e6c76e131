import { describe, expect, it } from 'vitest';
import { coverageTotals, coverageValue } from './coverage-metrics';

const row = (over: object) => ({
	province_code: '40',
	population: 200_000,
	districts: 20,
	covered_districts: 5,
	partners: 30,
	projects: 4,
	budget: 1_000_000,
	...over
});

describe('coverage measures', () => {
	it('share of districts with at least one partner or project, in per cent', () => {
		expect(coverageValue(row({}), 'district_share')).toBe(25);
		expect(coverageValue(row({ districts: 0, covered_districts: 0 }), 'district_share')).toBeNull();
	});

	it('partners per 100 000 population', () => {
		expect(coverageValue(row({}), 'partners_per_100k')).toBe(15);
		expect(coverageValue(row({ population: 0 }), 'partners_per_100k')).toBeNull();
	});

	it('project budget per person, in baht', () => {
		expect(coverageValue(row({}), 'budget_per_capita')).toBe(5);
	});

	it('adds up totals', () => {
		expect(coverageTotals([row({}), row({ province_code: '10', partners: 10, covered_districts: 20 })])).toEqual({
			partners: 40,
			projects: 8,
			budget: 2_000_000,
			districts: 40,
			coveredDistricts: 25
		});
	});
});
