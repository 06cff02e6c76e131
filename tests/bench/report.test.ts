import { describe, expect, it } from 'vitest';
import { figure, formatTable, formatValue, replaceBetween, TARGETS } from './report';

const base = { group: 'Cold start', label: 'first choropleth painted', size: 'bundled', unit: 'ms' as const };

describe('figure', () => {
	it('summarizes both sides and divides the medians', () => {
		const f = figure(base, [100, 200, 300], [1000, 1000, 1000], TARGETS.firstPaint);
		expect(f.app.median).toBe(200);
		expect(f.baseline?.median).toBe(1000);
		expect(f.ratio).toBe(0.2);
		expect(f.ok).toBe(true);
		expect(figure(base, [300], [1000], TARGETS.firstPaint).ok).toBe(false);
	});

	it('cannot judge a target without data', () => {
		expect(figure(base, [], [1000], TARGETS.firstPaint).ok).toBeNull();
		expect(figure(base, [null], null).ok).toBeUndefined();
	});

	it('judges interactions on median and p95, and bytes against the baseline', () => {
		const bundled = TARGETS.interaction(false);
		expect(figure(base, [10, 12, 14, 16, 40], null, bundled).ok).toBe(true);
		expect(figure(base, [10, 12, 14, 16, 90], null, bundled).ok).toBe(false);
		expect(figure(base, [20, 20, 20], null, bundled).ok).toBe(false);
		// At the large size issue 3 sets only the p95.
		const large = TARGETS.interaction(true);
		expect(large.text).toBe('p95 ≤ 150 ms');
		expect(figure(base, [20, 20, 140], null, large).ok).toBe(true);
		expect(figure(base, [20, 200, 200], null, large).ok).toBe(false);
		expect(figure(base, [50], [60], TARGETS.belowBaseline).ok).toBe(true);
		expect(figure(base, [60], [60], TARGETS.belowBaseline).ok).toBe(false);
	});
});

describe('formatTable', () => {
	it('prints a Markdown table with a row per group and ✓/✗ per target', () => {
		const table = formatTable([
			figure(base, [150, 150], [1000, 1000], TARGETS.firstPaint),
			{
				...figure({ ...base, group: 'Interaction', label: 'zone filter change' }, [], null),
				note: 'n/a (no zone filter yet)'
			}
		]);
		const lines = table.split('\n');
		expect(lines[0]).toMatch(/^\| figure \| size \|/);
		expect(lines[2]).toContain('**Cold start**');
		expect(lines[3]).toBe(
			'| first choropleth painted | bundled | ms | 150 | 150 | 1000 | 1000 | 0.15× | ≤ 0.2× baseline | ✓ |'
		);
		expect(lines[4]).toContain('**Interaction**');
		expect(lines[5]).toContain('n/a (no zone filter yet)');
	});

	it('formats values by size', () => {
		expect(formatValue(12.345, 'ms')).toBe('12.3');
		expect(formatValue(1234.5, 'ms')).toBe('1235');
		expect(formatValue(null, 'kB')).toBe('–');
	});
});

describe('replaceBetween', () => {
	it('replaces what is between the markers and keeps them', () => {
		const doc = 'a\n<!-- s -->\nold\n<!-- e -->\nb';
		expect(replaceBetween(doc, '<!-- s -->', '<!-- e -->', 'new')).toBe('a\n<!-- s -->\nnew\n<!-- e -->\nb');
		expect(() => replaceBetween('no markers', '<!-- s -->', '<!-- e -->', 'x')).toThrow();
	});
});
