import { describe, expect, it } from 'vitest';
import type { IndicatorRow, ProvinceRow } from '$lib/data/contract';
import { DEFAULT_VIEW } from '$lib/filters/url-state';
import {
	explorerRequest,
	indicatorChoices,
	likelyNext,
	provincesInFilter,
	resolveIndicator,
	resolveYear,
	yearSpan
} from './resolve';

const indicator = (indicator_id: string, issue_area_id: string, headline = false) =>
	({ indicator_id, issue_area_id, headline }) as IndicatorRow;
const catalogue = [
	indicator('road_deaths', 'road_safety'),
	indicator('road_death_rate', 'road_safety', true),
	indicator('smoking_prevalence', 'tobacco', true)
];
const province = (province_code: string, health_zone: number, region_en: string) =>
	({ province_code, health_zone, region_en }) as ProvinceRow;
const provinces = [
	province('34', 10, 'Northeastern'),
	province('40', 7, 'Northeastern'),
	province('50', 1, 'Northern'),
	province('10', 13, 'Central')
];

describe('resolving the view', () => {
	it('offers the indicators of the chosen issue area, or all when the area is unknown', () => {
		expect(indicatorChoices(catalogue, 'tobacco').map((i) => i.indicator_id)).toEqual(['smoking_prevalence']);
		expect(indicatorChoices(catalogue, 'no_such_area')).toHaveLength(3);
		expect(indicatorChoices(catalogue, null)).toHaveLength(3);
	});

	it('falls back to the issue area headline when the indicator is not in it', () => {
		expect(resolveIndicator(catalogue, { ...DEFAULT_VIEW, issue: 'tobacco' }).indicator_id).toBe('smoking_prevalence');
		expect(resolveIndicator(catalogue, { ...DEFAULT_VIEW, indicator: 'nope' }).indicator_id).toBe('road_death_rate');
		expect(resolveIndicator(catalogue, { ...DEFAULT_VIEW, indicator: 'road_deaths' }).indicator_id).toBe('road_deaths');
	});

	it('uses the latest year unless a year with data is asked for', () => {
		expect(resolveYear([2022, 2023], null)).toBe(2023);
		expect(resolveYear([2022, 2023], 2022)).toBe(2022);
		expect(resolveYear([2022, 2023], 1999)).toBe(2023);
		expect(resolveYear([], 2023)).toBeNull();
		// A year inside the span without data stays asked for (shown as missing), not swapped for another.
		expect(resolveYear([2019, 2021], 2020)).toBe(2020);
		expect(yearSpan([2021, 2019, 2023])).toEqual([2019, 2020, 2021, 2022, 2023]);
		expect(yearSpan([])).toEqual([]);
	});

	it('filters provinces by zone and region together', () => {
		expect(provincesInFilter(provinces, { zone: 10, region: null })).toEqual(['34']);
		expect(provincesInFilter(provinces, { zone: null, region: 'northeast' })).toEqual(['34', '40']);
		expect(provincesInFilter(provinces, { zone: 1, region: 'northeast' })).toEqual([]);
		expect(provincesInFilter(provinces, { zone: null, region: null })).toHaveLength(4);
	});

	it("asks for the selected province's zone", () => {
		expect(explorerRequest({ ...DEFAULT_VIEW, zone: 3 }, catalogue[1], 2023, provinces[1])).toEqual({
			indicator: 'road_death_rate',
			year: 2023,
			zone: 7,
			province: '40'
		});
		expect(explorerRequest({ ...DEFAULT_VIEW, zone: 3 }, catalogue[1], 2023, null).zone).toBe(3);
	});

	it('fetches ahead the pair first, then the same issue area nearest first, never other areas, up to a limit', () => {
		const area = (id: string, pair_id: string | null = null) =>
			({ indicator_id: id, issue_area_id: 'food', pair_id }) as IndicatorRow;
		const list = [
			area('a'),
			area('b'),
			indicator('other', 'tobacco'),
			area('c', 'e'),
			area('d'),
			area('e', 'c'),
			area('f')
		];
		const c = list[3];
		// Ties (a and f, three away) keep the list's order.
		expect(likelyNext(list, c)).toEqual(['e', 'd', 'b', 'a', 'f']);
		expect(likelyNext(list, c, 2)).toEqual(['e', 'd']);
		expect(likelyNext([c], c)).toEqual(['e']);
	});
});
