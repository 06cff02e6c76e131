import { describe, expect, it } from 'vitest';
import { median, p95, pairedRatios, quantile, ratio, summarize } from './stats';

describe('median', () => {
	it('takes the middle value of an odd count, in any order', () => {
		expect(median([5, 1, 3])).toBe(3);
	});
	it('averages the two middle values of an even count', () => {
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});
	it('ignores missing and non-finite values, and is null when nothing is left', () => {
		expect(median([null, 7, undefined, Number.NaN, 9])).toBe(8);
		expect(median([])).toBeNull();
		expect(median([null, undefined])).toBeNull();
	});
});

describe('p95', () => {
	it('interpolates linearly between the closest ranks (type 7)', () => {
		// 1..20: h = 19 × 0.95 = 18.05 → 19 + 0.05 × (20 − 19)
		expect(p95(Array.from({ length: 20 }, (_, i) => i + 1))).toBeCloseTo(19.05, 10);
		// 7 runs: h = 5.7 → between the 6th and 7th value
		expect(p95([10, 20, 30, 40, 50, 60, 70])).toBeCloseTo(67, 10);
	});
	it('is the value itself for one run, and the max of two close to the top', () => {
		expect(p95([42])).toBe(42);
		expect(p95([0, 100])).toBeCloseTo(95, 10);
	});
	it('matches the definition at the ends', () => {
		expect(quantile([3, 1, 2], 0)).toBe(1);
		expect(quantile([3, 1, 2], 1)).toBe(3);
		expect(() => quantile([1], 1.5)).toThrow(RangeError);
	});
});

describe('summarize', () => {
	it('reports count, median, p95, min and max of the finite values', () => {
		expect(summarize([3, null, 1, 2])).toEqual({ n: 3, median: 2, p95: 2.9, min: 1, max: 3 });
		expect(summarize([])).toEqual({ n: 0, median: null, p95: null, min: null, max: null });
	});
});

describe('ratio', () => {
	it('divides the app figure by the baseline figure', () => {
		expect(ratio(50, 200)).toBe(0.25);
	});
	it('is null when a side is missing or the baseline is not positive', () => {
		expect(ratio(null, 200)).toBeNull();
		expect(ratio(50, null)).toBeNull();
		expect(ratio(50, 0)).toBeNull();
		expect(ratio(Number.NaN, 1)).toBeNull();
	});
	it('pairs runs taken side by side and skips incomplete pairs', () => {
		expect(pairedRatios([10, null, 30, 40], [20, 20, 0, 80, 99])).toEqual([0.5, 0.5]);
	});
});
