import { describe, expect, it } from 'vitest';
import {
	classIndex,
	classThresholds,
	equalIntervalThresholds,
	naturalBreaksThresholds,
	quantileThresholds
} from './classify';
import { buildChoropleth, classColours, legendLabel, legendMethod, legendRange, NO_DATA_COLOUR } from './choropleth';

const rows = (values: (number | null)[]) => values.map((value, i) => ({ province_code: String(10 + i), value }));

describe('quantile classification', () => {
	it('splits 10 values into 5 classes of 2', () => {
		const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
		const t = quantileThresholds(values, 5);
		expect(t).toHaveLength(4);
		const counts = [0, 0, 0, 0, 0];
		for (const v of values) counts[classIndex(v, t)]++;
		expect(counts).toEqual([2, 2, 2, 2, 2]);
	});

	it('ignores nulls and collapses ties', () => {
		expect(quantileThresholds([null, 5, 5, 5, 5], 5)).toEqual([]);
		const t = quantileThresholds([1, 1, 1, 9, null], 4);
		expect(t).toHaveLength(1);
		expect([1, 9].map((v) => classIndex(v, t))).toEqual([0, 1]);
		expect(quantileThresholds([], 5)).toEqual([]);
	});
});

describe('choropleth state', () => {
	it('colours the highest value darkest when higher is worse, and the lowest when lower is worse', () => {
		const values = rows([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
		const worseHigh = buildChoropleth({ values, classes: 5, higherIsWorse: true });
		const worseLow = buildChoropleth({ values, classes: 5, higherIsWorse: false });
		const darkest = classColours(5, true)[4];
		expect(worseHigh.colourOf.get('19')).toBe(darkest);
		expect(worseLow.colourOf.get('10')).toBe(darkest);
		expect(worseHigh.rankOf.get('19')?.worst).toBe(1);
		expect(worseLow.rankOf.get('10')?.worst).toBe(1);
	});

	it('gives missing values their own colour and count, outside the legend classes', () => {
		const c = buildChoropleth({ values: rows([1, 2, null, 4, 5, 6]), classes: 3, higherIsWorse: true });
		expect(c.colourOf.get('12')).toBe(NO_DATA_COLOUR);
		expect(c.noDataCount).toBe(1);
		expect(c.rankOf.has('12')).toBe(false);
		expect(c.legend.reduce((n, l) => n + l.count, 0)).toBe(5);
		expect(c.legend.map((l) => l.colour)).not.toContain(NO_DATA_COLOUR);
	});

	it('legend classes cover increasing, non-overlapping ranges', () => {
		const c = buildChoropleth({ values: rows([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]), classes: 4, higherIsWorse: true });
		for (let i = 1; i < c.legend.length; i++) expect(c.legend[i].min).toBeGreaterThan(c.legend[i - 1].max);
	});
});

describe('classification methods', () => {
	const skewed = [1, 1, 2, 2, 3, 3, 4, 50, 52, 55, 90, 95];

	it('equal interval splits the range into equal widths', () => {
		expect(equalIntervalThresholds([0, 10, 20, 30, 40, 50], 5)).toEqual([10, 20, 30, 40]);
		expect(equalIntervalThresholds([7, 7, 7], 5)).toEqual([]);
	});

	it('natural breaks put the gaps between clusters', () => {
		const t = naturalBreaksThresholds(skewed, 3);
		expect(t).toEqual([50, 90]);
		expect(naturalBreaksThresholds([5, 5, 5, 9], 5)).toEqual([9]);
	});

	it('each method gives at most k classes that cover every value', () => {
		for (const method of ['quantile', 'equal', 'jenks'] as const) {
			for (let k = 3; k <= 7; k++) {
				const t = classThresholds(skewed, method, k);
				expect(t.length, `${method} ${k}`).toBeLessThanOrEqual(k - 1);
				for (let i = 1; i < t.length; i++) expect(t[i]).toBeGreaterThan(t[i - 1]);
				const used = new Set(skewed.map((v) => classIndex(v, t)));
				// Equal intervals may leave a class empty; the data-driven methods never do.
				if (method !== 'equal') expect(used.size, `${method} ${k}`).toBe(t.length + 1);
				expect(Math.max(...used)).toBeLessThanOrEqual(t.length);
			}
		}
	});

	it('chooses colours from the requested scheme, dark for worst', () => {
		const c = buildChoropleth({ values: rows([1, 2, 3, 4, 5, 6]), classes: 3, method: 'equal', scheme: 'blues', higherIsWorse: true });
		expect(c.legend.map((l) => l.colour)).toEqual(['#deebf7', '#9ecae1', '#3182bd']);
		expect(c.colourOf.get('15')).toBe('#3182bd');
	});
});

describe('classification with few values', () => {
	const METHODS = ['quantile', 'equal', 'jenks'] as const;
	const legendOf = (values: (number | null)[], method: (typeof METHODS)[number], classes = 5) =>
		buildChoropleth({
			values: values.map((value, i) => ({ province_code: String(10 + i), value })),
			classes,
			method,
			higherIsWorse: true
		});

	it('makes one class of one value, two of two, three of three: never more classes than distinct values', () => {
		for (const method of METHODS) {
			expect(legendOf([4.2], method).legend.map((c) => [c.min, c.max, c.count])).toEqual([[4.2, 4.2, 1]]);
			expect(legendOf([3, 3, 3, null], method).legend).toHaveLength(1);
			const two = legendOf([1, 9, 9, 1, 9], method);
			expect(two.legend.map((c) => [c.min, c.max, c.count])).toEqual([
				[1, 1, 2],
				[9, 9, 3]
			]);
			expect(two.thresholds).toEqual([9]);
			const three = legendOf([5, 1, 2, 5, null, 1], method);
			expect(three.legend.map((c) => [c.min, c.count])).toEqual([
				[1, 2],
				[2, 1],
				[5, 2]
			]);
			expect(three.noDataCount).toBe(1);
		}
	});

	it('uses the darkest colour for the worst of two values, and the lightest for the best', () => {
		const two = legendOf([1, 9], 'equal');
		const five = classColours(5, true);
		// Two classes are drawn from a two-colour ramp, not the ends of a five-colour one with three unused.
		expect(two.legend.map((c) => c.colour)).toEqual(classColours(2, true));
		expect(two.legend.map((c) => c.colour)).not.toEqual([five[0], five[4]]);
	});

	it('gives 7 distinct values at most the classes asked for, each holding a value, and ties stay together', () => {
		const seven = [15.2, 25, 18.1, 30.4, 12.9, 21.7, 40.3];
		for (const method of METHODS) {
			for (const k of [3, 5, 7]) {
				const c = legendOf(seven, method, k);
				expect(c.legend.length).toBeLessThanOrEqual(k);
				expect(c.legend.every((cls) => cls.count > 0)).toBe(true);
				expect(c.legend.reduce((n, cls) => n + cls.count, 0)).toBe(7);
			}
			expect(legendOf(seven, method, 7).legend).toHaveLength(7);
		}
		// Ties: eight values, two of them equal, are still seven distinct values; the tie shares a class.
		const tied = legendOf([...seven, 25], 'quantile', 7);
		expect(tied.legend).toHaveLength(7);
		expect(tied.colourOf.get('11')).toBe(tied.colourOf.get('17'));
	});

	it('prints a one-value class as that value', () => {
		const format = (v: number) => v.toFixed(1);
		expect(legendRange({ min: 15.2, max: 15.2 }, format)).toBe('15.2');
		expect(legendRange({ min: 15.21, max: 15.24 }, format)).toBe('15.2');
		expect(legendRange({ min: 12.9, max: 15.2 }, format)).toBe('12.9 – 15.2');
	});
});

describe('the target classification', () => {
	const values = [8, 12, 12.04, 20, 35, null].map((value, i) => ({ province_code: String(10 + i), value }));
	const target = { comparator: '<=' as const, value: 12 };

	it('splits provinces into meets (light) and misses (dark) the target, the target itself meeting it', () => {
		const c = buildChoropleth({ values, classes: 5, method: 'target', scheme: 'blues', higherIsWorse: true, target });
		expect(c.method).toBe('target');
		expect(c.legend.map((l) => [l.meets, l.count, l.min, l.max])).toEqual([
			[true, 2, 8, 12],
			[false, 3, 12.04, 35]
		]);
		expect(c.legend.map((l) => l.colour)).toEqual(['#deebf7', '#3182bd']);
		expect(['10', '11', '12', '13', '14'].map((code) => c.colourOf.get(code) === '#deebf7')).toEqual([true, true, false, false, false]);
		expect(c.colourOf.get('15')).toBe(NO_DATA_COLOUR);
		const f = (v: number) => v.toFixed(1);
		expect(c.legend.map((l) => legendLabel('en', l, f))).toEqual(['Meets the target (8.0 – 12.0)', 'Misses the target (12.0 – 35.0)']);
		expect(legendLabel('th', c.legend[0], f)).toBe('ผ่านเป้าหมาย (8.0 – 12.0)');
		expect(legendMethod('en', c.method, c)).toBe('Against the national target');
	});

	it('falls back to quantiles when no target applies', () => {
		const c = buildChoropleth({ values, classes: 3, method: 'target', higherIsWorse: true, target: null });
		expect(c.method).toBe('quantile');
		expect(c.legend).toHaveLength(3);
		expect(c.legend.every((l) => l.meets === undefined)).toBe(true);
	});
});
