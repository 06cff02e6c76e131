import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseViewState, parseYear, viewStateSearch } from './url-state';

const parse = (search: string) => parseViewState(new URLSearchParams(search));

describe('URL view state', () => {
	it('reads a full state and writes it back', () => {
		const state = parse('?lang=en&indicator=road_deaths&year=2022');
		expect(state).toEqual({ lang: 'en', indicator: 'road_deaths', year: 2022 });
		expect(viewStateSearch(state)).toBe('?lang=en&indicator=road_deaths&year=2022');
	});

	it('leaves defaults out of the URL', () => {
		expect(viewStateSearch(DEFAULT_VIEW)).toBe('');
		expect(parse('')).toEqual(DEFAULT_VIEW);
	});

	it('accepts Buddhist-era years', () => {
		expect(parseYear('2566')).toBe(2023);
		expect(parse('year=2565').year).toBe(2022);
	});

	it.each([
		'lang=fr',
		'lang=',
		'year=abc',
		'year=20223',
		'year=1066',
		'year=-2023',
		'indicator=DROP%20TABLE',
		'indicator=<script>',
		`indicator=${'a'.repeat(500)}`,
		'%E0%A4%A=broken',
		'lang=en&lang=th&year=2022&year=x'
	])('falls back to defaults on garbage: %s', (search) => {
		const state = parse(search);
		expect(['th', 'en']).toContain(state.lang);
		expect(state.indicator).toMatch(/^[a-z][a-z0-9_]*$/);
		expect(state.year === null || (state.year >= 1900 && state.year <= 2200)).toBe(true);
	});

	it('keeps valid parts when other parts are garbage', () => {
		expect(parse('lang=en&year=nope&indicator=<x>')).toEqual({ ...DEFAULT_VIEW, lang: 'en' });
	});
});
