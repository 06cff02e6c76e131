// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
	boxStats,
	distributionHeight,
	distributionLayout,
	distributionSvg,
	distributionSummaryTable,
	distributionTable,
	distributionTooltip,
	jitter,
	quantileSorted,
	ROW_HEIGHT,
	type ZoneDistribution
} from './distribution';

const labels = { count: 'n', min: 'min', q1: 'Q1', median: 'median', q3: 'Q3', max: 'max' };
const format = (v: number) => v.toFixed(1);

const zones: ZoneDistribution[] = [
	{
		zone: 1,
		label: 'เขต 1',
		values: [
			{ code: '50', label: 'เชียงใหม่', value: 4 },
			{ code: '51', label: 'ลำพูน', value: 1 },
			{ code: '52', label: 'ลำปาง', value: 3 },
			{ code: '57', label: 'เชียงราย', value: 2 }
		]
	},
	{
		zone: 7,
		label: 'เขต 7',
		values: [
			{ code: '40', label: 'ขอนแก่น', value: 10 },
			{ code: '44', label: 'มหาสารคาม', value: 30 },
			{ code: '45', label: 'ร้อยเอ็ด', value: 20 }
		]
	},
	{ zone: 13, label: 'เขต 13', values: [] }
];

describe('quartiles', () => {
	it('interpolates between closest ranks (type 7)', () => {
		expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
		expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
		expect(quantileSorted([1, 2, 3, 4], 0.75)).toBe(3.25);
		expect(quantileSorted([10, 20, 30], 0.25)).toBe(15);
		expect(quantileSorted([7], 0.75)).toBe(7);
		expect(quantileSorted([1, 2, 3, 4, 5], 0)).toBe(1);
		expect(quantileSorted([1, 2, 3, 4, 5], 1)).toBe(5);
		expect(quantileSorted([], 0.5)).toBeNaN();
	});

	it('agrees with a known five-number summary (R: quantile(c(6,7,15,36,39,40,41,42,43,47,49)))', () => {
		expect(boxStats([49, 6, 7, 15, 36, 39, 40, 41, 42, 43, 47])).toEqual({
			count: 11,
			min: 6,
			q1: 25.5,
			median: 40,
			q3: 42.5,
			max: 49
		});
	});

	it('sorts, ignores non-finite values and returns null when nothing is left', () => {
		expect(boxStats([3, Number.NaN, 1, 2])).toEqual({ count: 3, min: 1, q1: 1.5, median: 2, q3: 2.5, max: 3 });
		expect(boxStats([])).toBeNull();
		expect(boxStats([Number.NaN])).toBeNull();
	});
});

describe('jitter', () => {
	it('is deterministic and stays inside the row', () => {
		const a = Array.from({ length: 20 }, (_, i) => jitter(i));
		expect(a).toEqual(Array.from({ length: 20 }, (_, i) => jitter(i)));
		expect(a.every((j) => Math.abs(j) <= 0.25)).toBe(true);
		expect(new Set(a.map((j) => j.toFixed(6))).size).toBe(20);
	});
});

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');

describe('distributionLayout and distributionSvg', () => {
	const WIDTH = 600;
	const layout = distributionLayout(zones, {
		format,
		nation: 18,
		nationLabel: 'ทั้งประเทศ',
		selectedZone: 7,
		labels,
		width: WIDTH
	});
	const doc = parse(distributionSvg(layout));
	const { left, right } = layout.plot;
	// The value axis is niced from zero to 30 (the largest value is 30).
	const x = (v: number) => left + (v / 30) * (right - left);

	it('places one box per zone from the computed quartiles, none for a zone without values', () => {
		expect(layout.ticks.map((t) => t.label)).toEqual(['0.0', '5.0', '10.0', '15.0', '20.0', '25.0', '30.0']);
		expect(layout.rows.map((r) => r.label)).toEqual(['เขต 1', 'เขต 7', 'เขต 13']);
		expect(layout.rows[1].box).toEqual({ min: x(10), q1: x(15), median: x(20), q3: x(25), max: x(30) });
		expect(layout.rows[0].box!.q1).toBeCloseTo(x(1.75));
		expect(layout.rows[2].box).toBeNull();
		expect(doc.querySelectorAll('g.box')).toHaveLength(2);
		expect([...doc.querySelectorAll('g.zones text')].map((t) => t.textContent)).toEqual(['เขต 1', 'เขต 7', 'เขต 13']);
		expect(layout.height).toBe(distributionHeight(3));
	});

	it("emphasises the selected zone's box and label", () => {
		expect([...doc.querySelectorAll('g.box')].map((g) => g.getAttribute('stroke-width'))).toEqual(['1', '2']);
		expect(doc.querySelectorAll('g.zones text')[1].getAttribute('font-weight')).toBe('700');
		expect(doc.querySelectorAll('g.zones text')[0].getAttribute('font-weight')).toBeNull();
	});

	it('draws every province as a point in its zone row, carrying its code', () => {
		const points = [...doc.querySelectorAll('circle.point')];
		expect(points.map((p) => p.getAttribute('data-code'))).toEqual(['50', '51', '52', '57', '40', '44', '45']);
		expect(points.map((p) => Number(p.getAttribute('cx')))).toEqual(
			[4, 1, 3, 2, 10, 30, 20].map((v) => Math.round(x(v) * 100) / 100)
		);
		const [zone1, zone7] = layout.rows;
		expect(zone1.points[1].y).toBe(zone1.y + jitter(1) * ROW_HEIGHT);
		for (const row of [zone1, zone7])
			for (const p of row.points) expect(Math.abs(p.y - row.y)).toBeLessThanOrEqual(ROW_HEIGHT / 4);
		expect(zone7.y - zone1.y).toBe(ROW_HEIGHT);
	});

	it('draws the national value as a labelled reference line, and leaves it out without one', () => {
		expect(layout.nation).toMatchObject({ x: x(18), label: 'ทั้งประเทศ 18.0' });
		expect(doc.querySelector('g.nation text')!.textContent).toBe('ทั้งประเทศ 18.0');
		const plain = distributionLayout(zones, {
			format,
			nation: null,
			nationLabel: 'x',
			selectedZone: null,
			labels,
			width: WIDTH
		});
		expect(plain.nation).toBeNull();
		expect(parse(distributionSvg(plain)).querySelector('g.nation')).toBeNull();
		expect(plain.plot.top).toBeLessThan(layout.plot.top);
	});

	it('stretches the axis to a national value beyond the data', () => {
		const far = distributionLayout(zones, {
			format,
			nation: 55,
			nationLabel: 'ทั้งประเทศ',
			selectedZone: null,
			labels,
			width: WIDTH
		});
		expect(far.ticks.at(-1)!.label).toBe('60.0');
		expect(far.nation!.x).toBeLessThanOrEqual(far.plot.right);
	});

	it('shows the quartiles of a box in its tooltip and the province of a point', () => {
		const boxTip = distributionTooltip(layout, 'b:1')!;
		expect(boxTip).toContain('median: <b>20.0</b>');
		expect(boxTip).toContain('Q1 – Q3: 15.0 – 25.0');
		expect(boxTip).toContain('n: 3');
		const pointTip = distributionTooltip(layout, 'p:1:0')!;
		expect(pointTip).toContain('ขอนแก่น');
		expect(pointTip).toContain('10.0');
		expect(distributionTooltip(layout, 'b:2')).toBeNull();
		expect(distributionTooltip(layout, 'p:9:0')).toBeNull();
	});

	it('grows with the number of zones', () => {
		expect(distributionHeight(13)).toBeGreaterThan(distributionHeight(3));
	});
});

describe('distribution tables', () => {
	it('has one row per province, keyed by code', () => {
		const table = distributionTable(zones, format, { zone: 'Zone', province: 'Province', value: 'Value' });
		expect(table.rows).toHaveLength(7);
		expect(table.rows.map((r) => r.key)).toEqual(zones.flatMap((z) => z.values.map((v) => v.code)));
		expect(table.rows[4]).toMatchObject({ key: '40', cells: { zone: 'เขต 7', province: 'ขอนแก่น', value: '10.0' } });
	});

	it('summarises each zone with its five numbers', () => {
		const table = distributionSummaryTable(zones, format, { ...labels, zone: 'Zone' });
		expect(table.columns.map((c) => c.key)).toEqual(['zone', 'count', 'min', 'q1', 'median', 'q3', 'max']);
		expect(table.rows).toMatchObject([
			{ key: '1', cells: { zone: 'เขต 1', count: '4', min: '1.0', q1: '1.8', median: '2.5', q3: '3.3', max: '4.0' } },
			{
				key: '7',
				cells: { zone: 'เขต 7', count: '3', min: '10.0', q1: '15.0', median: '20.0', q3: '25.0', max: '30.0' }
			},
			{ key: '13', cells: { zone: 'เขต 13', count: '0', min: '–', q1: '–', median: '–', q3: '–', max: '–' } }
		]);
	});
});
