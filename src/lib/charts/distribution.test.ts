import { describe, expect, it } from 'vitest';
import { itemsWithCode } from './common';
import {
	boxStats,
	distributionHeight,
	distributionOption,
	distributionSummaryTable,
	distributionTable,
	jitter,
	quantileSorted,
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

type Box = {
	type: string;
	data: { value: number[]; itemStyle: { borderWidth: number } }[];
	markLine?: { data: Record<string, unknown>[] };
};
type Points = { type: string; yAxisIndex: number; data: { value: [number, number]; code: string }[] };

describe('distributionOption', () => {
	const option = distributionOption(zones, { format, nation: 18, nationLabel: 'ทั้งประเทศ', selectedZone: 7, labels });
	const [box, points, anchor] = option.series as [Box, Points, { data: number[][] }];

	it('draws one box per zone from the computed quartiles, empty for a zone without values', () => {
		expect(box.type).toBe('boxplot');
		expect(box.data.map((d) => d.value)).toEqual([[1, 1.75, 2.5, 3.25, 4], [10, 15, 20, 25, 30], []]);
		expect((option.yAxis as { data: { value: string }[] }[])[0].data.map((d) => d.value)).toEqual([
			'เขต 1',
			'เขต 7',
			'เขต 13'
		]);
	});

	it("emphasises the selected zone's box", () => {
		expect(box.data.map((d) => d.itemStyle.borderWidth)).toEqual([1, 2, 1]);
	});

	it('draws every province as a point in its zone row, carrying its code', () => {
		expect(points.type).toBe('scatter');
		expect(points.data.map((d) => d.code)).toEqual(['50', '51', '52', '57', '40', '44', '45']);
		expect(points.data.map((d) => d.value[0])).toEqual([4, 1, 3, 2, 10, 30, 20]);
		expect(points.data.map((d) => Math.round(d.value[1]) || 0)).toEqual([0, 0, 0, 0, 1, 1, 1]);
		expect(points.data[1].value[1]).toBe(0 + jitter(1));
		// The hidden axis the points use lines up with the category bands.
		expect((option.yAxis as { min: number; max: number }[])[1]).toMatchObject({ min: -0.5, max: 2.5 });
	});

	it('draws the national value as a labelled reference line', () => {
		expect(box.markLine!.data).toHaveLength(1);
		expect(box.markLine!.data[0].xAxis).toBe(18);
		expect((box.markLine!.data[0].label as { formatter: string }).formatter).toBe('ทั้งประเทศ 18.0');
		expect(anchor.data).toEqual([[18, 0]]);
	});

	it('lets a highlighted code find its point', () => {
		expect(itemsWithCode(option, '44')).toEqual([{ seriesIndex: 1, dataIndex: [5] }]);
	});

	it('leaves the line out without a national value', () => {
		const plain = distributionOption(zones, { format, nation: null, nationLabel: 'x', selectedZone: null, labels });
		const series = plain.series as Box[];
		expect(series[0].markLine).toBeUndefined();
		expect(series).toHaveLength(2);
		expect(series[0].data.map((d) => d.itemStyle.borderWidth)).toEqual([1, 1, 1]);
	});

	it('shows the quartiles of a box in its tooltip and the province of a point', () => {
		const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
		const boxTip = formatter({ seriesIndex: 0, dataIndex: 1, data: box.data[1] });
		expect(boxTip).toContain('median: <b>20.0</b>');
		expect(boxTip).toContain('Q1 – Q3: 15.0 – 25.0');
		expect(boxTip).toContain('n: 3');
		const pointTip = formatter({ seriesIndex: 1, dataIndex: 4, data: points.data[4] });
		expect(pointTip).toContain('ขอนแก่น');
		expect(pointTip).toContain('10.0');
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
