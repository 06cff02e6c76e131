import { describe, expect, it } from 'vitest';
import { hostileQueries } from '../../../tests/support/hostile-queries';
import { DEFAULT_VIEW, parseViewState, parseYear, viewStateSearch, type ViewState } from './url-state';

const parse = (search: string) => parseViewState(new URLSearchParams(search));

function expectValid(state: ViewState) {
	expect(['th', 'en']).toContain(state.lang);
	expect(state.indicator).toMatch(/^[a-z][a-z0-9_]*$/);
	expect(state.issue === null || /^[a-z][a-z0-9_]*$/.test(state.issue)).toBe(true);
	expect(state.year === null || (state.year >= 1900 && state.year <= 2200)).toBe(true);
	expect(state.zone === null || (Number.isInteger(state.zone) && state.zone >= 1 && state.zone <= 13)).toBe(true);
	expect(state.province === null || /^[1-9]\d$/.test(state.province)).toBe(true);
	expect(state.classes).toBeGreaterThanOrEqual(3);
	expect(state.classes).toBeLessThanOrEqual(7);
	expect(['quantile', 'equal', 'jenks']).toContain(state.method);
}

describe('URL view state', () => {
	it('reads a full state and writes it back', () => {
		const search =
			'?lang=en&issue=road_safety&indicator=road_deaths&year=2022&region=northeast&zone=10&province=34&method=jenks&classes=4&scheme=blues';
		const state = parse(search);
		// Every field the address names, and the defaults for the coverage page's fields it does not.
		expect(state).toEqual({
			...DEFAULT_VIEW,
			lang: 'en',
			issue: 'road_safety',
			indicator: 'road_deaths',
			year: 2022,
			region: 'northeast',
			zone: 10,
			province: '34',
			method: 'jenks',
			classes: 4,
			scheme: 'blues'
		});
		expect(viewStateSearch(state)).toBe(search);
	});

	it('leaves defaults out of the URL', () => {
		expect(viewStateSearch(DEFAULT_VIEW)).toBe('');
		expect(parse('')).toEqual(DEFAULT_VIEW);
		expect(viewStateSearch({ ...DEFAULT_VIEW, zone: 7 })).toBe('?zone=7');
		expect(parse('?top=10').top).toBe(10);
		expect(parse('?top=0').top).toBe(5);
		expect(parse('?top=21').top).toBe(5);
	});

	it('reads coverage filters, keeping only known partner types', () => {
		const state = parse('types=ngo,academic,aliens,ngo&network=isan_network&status=active&measure=budget_per_capita&colour=issue&project=60-%E0%B8%82-087');
		expect(state).toMatchObject({
			types: ['ngo', 'academic'],
			network: 'isan_network',
			status: 'active',
			measure: 'budget_per_capita',
			colour: 'issue',
			project: '60-ข-087'
		});
		expect(viewStateSearch(state)).toContain('types=ngo%2Cacademic');
		expect(parse(viewStateSearch(state).slice(1))).toEqual(state);
		expect(parse('types=aliens').types).toEqual([]);
		expect(parse('project=60-ข-087%3Cscript%3E').project).toBeNull();
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
		'zone=0',
		'zone=14',
		'zone=7.5',
		'zone=%20',
		'classes=2',
		'classes=8',
		'classes=1e1',
		'method=kmeans',
		'scheme=rainbow',
		'region=mars',
		'province=00',
		'province=4',
		'province=400',
		'province=%3Cimg%20src%3Dx%3E',
		'indicator=DROP%20TABLE',
		'indicator=<script>',
		'issue=%22%3E%3Cscript%3E',
		`indicator=${'a'.repeat(500)}`,
		`zone=${'1'.repeat(100000)}`,
		'%E0%A4%A=broken',
		'lang=en&lang=th&year=2022&year=x',
		'constructor=1&__proto__=x&toString=y'
	])('falls back to defaults on garbage: %s', (search) => {
		expectValid(parse(search));
	});

	it('keeps valid parts when other parts are garbage', () => {
		expect(parse('lang=en&year=nope&indicator=<x>&zone=10&classes=99')).toEqual({ ...DEFAULT_VIEW, lang: 'en', zone: 10 });
	});

	it('survives random input', () => {
		let seed = 42;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		const alphabet = 'abcdez0123456789=&%?#<>"\'ก ';
		for (let i = 0; i < 500; i++) {
			const search = Array.from({ length: Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
			expectValid(parse(search));
		}
	});

	it('survives 1 000 hostile query strings: each gives a valid state that writes back to itself', () => {
		const queries = hostileQueries(1000, { maxLength: 200_000 });
		expect(new Set(queries).size).toBeGreaterThan(990);
		for (const search of queries) {
			const state = parse(search);
			expectValid(state);
			expect(Object.keys(state).sort()).toEqual(Object.keys(DEFAULT_VIEW).sort());
			expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
			expect(parse(viewStateSearch(state).slice(1))).toEqual(state);
		}
	});

	it('reads a megabyte of query quickly, and only the parameters it knows', () => {
		const search = `${'x=1&'.repeat(250_000)}lang=en&zone=${'1'.repeat(1_000_000)}`;
		const start = performance.now();
		const state = parse(search);
		expect(performance.now() - start).toBeLessThan(1000);
		expect(state).toEqual({ ...DEFAULT_VIEW, lang: 'en' });
	});
});
