import { describe, expect, it } from 'vitest';
import { dashArray, labelStep, legendLayout, linePath, textWidth, truncate, valueDomain } from './svg';

describe('linePath', () => {
	const p = (x: number) => ({ x, y: x * 2 });

	it('joins neighbouring values and breaks at a missing one', () => {
		expect(linePath([p(0), p(1), null, p(3), p(4)])).toBe('M0 0L1 2M3 6L4 8');
	});

	it('draws nothing for a value without a neighbour (its point shows it)', () => {
		expect(linePath([p(0), null, p(2)])).toBe('');
		expect(linePath([p(0)])).toBe('');
		expect(linePath([])).toBe('');
	});
});

describe('valueDomain', () => {
	it('starts at zero and ends on a round number', () => {
		expect(valueDomain([3, 28], 4)).toMatchObject({ lo: 0, hi: 30, ticks: [0, 10, 20, 30] });
		expect(valueDomain([-4, 8], 4)).toMatchObject({ lo: -4, hi: 8 });
	});

	it('has a usable range with no values or only zeros, and ignores non-finite ones', () => {
		expect(valueDomain([], 4)).toMatchObject({ lo: 0, hi: 1 });
		expect(valueDomain([0, Number.NaN], 4)).toMatchObject({ lo: 0, hi: 1 });
	});
});

describe('truncate', () => {
	it('keeps text that fits, and cuts text that does not with an ellipsis, within the width', () => {
		expect(truncate('ขอนแก่น', 200, 12)).toBe('ขอนแก่น');
		const cut = truncate('การบริโภคเครื่องดื่มแอลกอฮอล์ของเยาวชน', 80, 12);
		expect(cut.endsWith('…')).toBe(true);
		expect(textWidth(cut, 12)).toBeLessThanOrEqual(80);
		expect('การบริโภคเครื่องดื่มแอลกอฮอล์ของเยาวชน'.startsWith(cut.slice(0, -1))).toBe(true);
	});
});

describe('labelStep', () => {
	it('names every category when labels fit, every n-th when they do not', () => {
		expect(labelStep(10, 60, 40)).toBe(1);
		expect(labelStep(10, 30, 40)).toBe(2);
		expect(labelStep(10, 10, 40)).toBe(5);
		expect(labelStep(1, 0, 40)).toBe(1);
	});
});

describe('legendLayout', () => {
	const item = (label: string) => ({ label, style: { colour: '#000', dash: 'solid' as const, width: 2 } });

	it('keeps items on one row when they fit and wraps when they do not', () => {
		const items = [item('ขอนแก่น'), item('เขตสุขภาพที่ 7'), item('ทั้งประเทศ')];
		expect(legendLayout(items, 600, 'left').rows).toHaveLength(1);
		const narrow = legendLayout(items, 150, 'left');
		expect(narrow.rows.length).toBeGreaterThan(1);
		expect(narrow.height).toBeGreaterThan(legendLayout(items, 600, 'left').height);
	});

	it('centres a row when asked', () => {
		const [row] = legendLayout([item('A')], 600, 'center').rows;
		expect(row[0].x).toBeGreaterThan(200);
		expect(legendLayout([item('A')], 600, 'left').rows[0][0].x).toBe(0);
	});
});

describe('dashArray', () => {
	it('is empty for solid lines and scales with the width', () => {
		expect(dashArray('solid', 2)).toBe('');
		expect(dashArray('dashed', 2)).toBe(' stroke-dasharray="6 4"');
		expect(dashArray('dotted', 2)).toBe(' stroke-dasharray="2 3"');
	});
});
