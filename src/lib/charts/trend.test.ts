import { describe, expect, it } from 'vitest';
import { alignedValues, trendOption, trendStyle, trendTable, trendYears, type TrendSeries } from './trend';

const series: TrendSeries[] = [
	{
		key: 'p40',
		label: 'ขอนแก่น',
		kind: 'province',
		points: [
			{ year: 2021, value: 20 },
			{ year: 2022, value: null },
			{ year: 2023, value: 18.5 }
		]
	},
	{
		key: 'z7',
		label: 'เขตสุขภาพที่ 7',
		kind: 'zone',
		points: [
			{ year: 2020, value: 22 },
			{ year: 2021, value: 21 },
			{ year: 2023, value: 19 }
		]
	},
	{
		key: 'th',
		label: 'ทั้งประเทศ',
		kind: 'nation',
		points: [
			{ year: 2023, value: 25 },
			{ year: 2022, value: 26 },
			{ year: 2021, value: 27 },
			{ year: 2020, value: 28 }
		]
	}
];
const format = (v: number) => v.toFixed(1);
const be = (y: number) => `พ.ศ. ${y + 543}`;

type Line = {
	type: string;
	id: string;
	name: string;
	data: (number | null)[];
	connectNulls: boolean;
	lineStyle: { type: string; width: number; color: string };
};

describe('trend', () => {
	it('puts every series on the union of years, with gaps for nulls and missing years', () => {
		expect(trendYears(series)).toEqual([2020, 2021, 2022, 2023]);
		expect(alignedValues(series[0], [2020, 2021, 2022, 2023])).toEqual([null, 20, null, 18.5]);
		expect(alignedValues(series[2], [2020, 2021, 2022, 2023])).toEqual([28, 27, 26, 25]);
	});

	it('builds one line per series, styled by kind, with gaps left open', () => {
		const option = trendOption(series, format, be);
		const lines = option.series as Line[];
		expect(lines.map((l) => l.id)).toEqual(['p40', 'z7', 'th']);
		expect(lines.map((l) => l.name)).toEqual(series.map((s) => s.label));
		expect(lines[0].data).toEqual([null, 20, null, 18.5]);
		expect(lines[1].data).toEqual([22, 21, null, 19]);
		expect(lines.every((l) => l.type === 'line' && l.connectNulls === false)).toBe(true);
		expect(lines.map((l) => l.lineStyle.type)).toEqual(['solid', 'dashed', 'dotted']);
		expect(lines[0].lineStyle.width).toBeGreaterThan(lines[1].lineStyle.width);
		expect(lines[2].lineStyle.color).toBe(trendStyle('nation', 0).colour);
	});

	it('labels the x axis with the given year format and puts the legend at the top', () => {
		const option = trendOption(series, format, be) as {
			xAxis: { data: string[]; axisLabel: { formatter: (v: string) => string } };
			legend: { top: number; data: string[] };
		};
		expect(option.xAxis.data).toEqual(['2020', '2021', '2022', '2023']);
		expect(option.xAxis.axisLabel.formatter('2023')).toBe('พ.ศ. 2566');
		expect(option.legend.top).toBe(0);
		expect(option.legend.data).toEqual(['ขอนแก่น', 'เขตสุขภาพที่ 7', 'ทั้งประเทศ']);
	});

	it('lists every series value for a year in the tooltip', () => {
		const option = trendOption(series, format, be) as { tooltip: { formatter: (p: unknown) => string } };
		const html = option.tooltip.formatter([{ dataIndex: 2 }]);
		expect(html).toContain('พ.ศ. 2565');
		expect(html).toContain('ขอนแก่น: <b>–</b>');
		expect(html).toContain('เขตสุขภาพที่ 7: <b>–</b>');
		expect(html).toContain('ทั้งประเทศ: <b>26.0</b>');
	});

	it('gives different colours to two provinces', () => {
		expect(trendStyle('province', 0).colour).not.toBe(trendStyle('province', 1).colour);
		expect(trendStyle('zone', 0).type).toBe('dashed');
	});

	it('tables the trend: one row per year, one column per series', () => {
		const table = trendTable(series, format, be, { year: 'ปี' });
		expect(table.columns).toEqual([
			{ key: 'year', label: 'ปี' },
			{ key: 's:p40', label: 'ขอนแก่น', numeric: true },
			{ key: 's:z7', label: 'เขตสุขภาพที่ 7', numeric: true },
			{ key: 's:th', label: 'ทั้งประเทศ', numeric: true }
		]);
		expect(table.rows).toMatchObject([
			{ key: '2020', cells: { year: 'พ.ศ. 2563', 's:p40': '–', 's:z7': '22.0', 's:th': '28.0' } },
			{ key: '2021', cells: { year: 'พ.ศ. 2564', 's:p40': '20.0', 's:z7': '21.0', 's:th': '27.0' } },
			{ key: '2022', cells: { year: 'พ.ศ. 2565', 's:p40': '–', 's:z7': '–', 's:th': '26.0' } },
			{ key: '2023', cells: { year: 'พ.ศ. 2566', 's:p40': '18.5', 's:z7': '19.0', 's:th': '25.0' } }
		]);
		// The same rows as plain values, for CSV and Parquet: CE years, unformatted numbers, null gaps.
		expect(table.rows[0].raw).toEqual({ year: 2020, 's:p40': null, 's:z7': 22, 's:th': 28 });
	});

	it('copes with no series', () => {
		expect((trendOption([], format, be).series as unknown[]).length).toBe(0);
		expect(trendTable([], format, be, { year: 'Year' }).rows).toEqual([]);
	});
});
