// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
	alignedValues,
	trendLayout,
	trendMarkerSvg,
	trendStyle,
	trendSvg,
	trendTable,
	trendTooltip,
	trendYears,
	type TrendSeries
} from './trend';
import { trendLine } from './trend.test-support';

// Years out of order and missing on purpose: the nation's run backwards, the province has a gap.
const series: TrendSeries[] = [
	trendLine('p40', 'ขอนแก่น', 'province', [
		[2021, 20],
		[2022, null],
		[2023, 18.5]
	]),
	trendLine('z7', 'เขตสุขภาพที่ 7', 'zone', [
		[2020, 22],
		[2021, 21],
		[2023, 19]
	]),
	trendLine('th', 'ทั้งประเทศ', 'nation', [
		[2023, 25],
		[2022, 26],
		[2021, 27],
		[2020, 28]
	])
];
const format = (v: number) => v.toFixed(1);
const be = (y: number) => `พ.ศ. ${y + 543}`;

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');
const WIDTH = 600;
const HEIGHT = 300;

describe('trend', () => {
	it('puts every series on the union of years, with gaps for nulls and missing years', () => {
		expect(trendYears(series)).toEqual([2020, 2021, 2022, 2023]);
		expect(alignedValues(series[0], [2020, 2021, 2022, 2023])).toEqual([null, 20, null, 18.5]);
		expect(alignedValues(series[2], [2020, 2021, 2022, 2023])).toEqual([28, 27, 26, 25]);
	});

	it('lays every series out on the shared years, the nation drawn first and the province last', () => {
		const layout = trendLayout(series, format, be, { width: WIDTH, height: HEIGHT });
		const { left, right, top, bottom } = layout.plot;
		expect(layout.years.map((y) => y.x)).toEqual([0, 1, 2, 3].map((i) => left + (i * (right - left)) / 3));
		expect(layout.lines.map((l) => l.key)).toEqual(['th', 'z7', 'p40']);
		// The value axis is niced from zero to 30 (the largest value is 28).
		expect(layout.yTicks.map((t) => t.label)).toEqual(['0.0', '10.0', '20.0', '30.0']);
		const y = (v: number) => bottom - (v / 30) * (bottom - top);
		const province = layout.lines[2];
		expect(province.points.map((p) => p && p.y)).toEqual([null, y(20), null, y(18.5)]);
		expect(province.points[1]!.value).toBe(20);
		expect(layout.lines[0].points.map((p) => p!.y)).toEqual([28, 27, 26, 25].map(y));
	});

	it('draws lines broken at gaps, styled by kind, with a point at every value', () => {
		const doc = parse(trendSvg(trendLayout(series, format, be, { width: WIDTH, height: HEIGHT })));
		const line = (key: string) => doc.querySelector(`g.line[data-series="${key}"]`)!;
		expect([...doc.querySelectorAll('g.line')].map((g) => g.getAttribute('data-series'))).toEqual(['th', 'z7', 'p40']);
		// The province has no two values in neighbouring years: points, and no line between them.
		expect(line('p40').querySelector('path')).toBeNull();
		expect(line('p40').querySelectorAll('circle')).toHaveLength(2);
		// The zone's line joins 2020–2021 only; 2023 stands alone.
		expect(line('z7').querySelector('path')!.getAttribute('d')!.match(/[ML]/g)).toEqual(['M', 'L']);
		expect(line('z7').querySelectorAll('circle')).toHaveLength(3);
		expect(line('z7').querySelector('path')!.getAttribute('stroke-dasharray')).not.toBeNull();
		expect(line('th').querySelector('path')!.getAttribute('d')!.match(/[ML]/g)).toEqual(['M', 'L', 'L', 'L']);
		expect(line('th').getAttribute('fill')).toBe(trendStyle('nation', 0).colour);
		expect(Number(line('p40').querySelector('circle')!.getAttribute('r'))).toBeGreaterThan(
			Number(line('th').querySelector('circle')!.getAttribute('r'))
		);
	});

	it('names the years in the given format, fewer when they do not fit, always the latest', () => {
		const wide = parse(trendSvg(trendLayout(series, format, be, { width: WIDTH, height: HEIGHT })));
		expect([...wide.querySelectorAll('g.x-axis text')].map((t) => t.textContent)).toEqual([
			'พ.ศ. 2563',
			'พ.ศ. 2564',
			'พ.ศ. 2565',
			'พ.ศ. 2566'
		]);
		const narrow = trendLayout(series, format, be, { width: 200, height: HEIGHT });
		const named = narrow.years.filter((y) => y.labelled).map((y) => y.label);
		expect(named.length).toBeLessThan(4);
		expect(named.at(-1)).toBe('พ.ศ. 2566');
	});

	it('puts the legend at the top, wrapping it when the chart is narrow', () => {
		const doc = parse(trendSvg(trendLayout(series, format, be, { width: WIDTH, height: HEIGHT })));
		expect([...doc.querySelectorAll('g.chart-legend text')].map((t) => t.textContent)).toEqual([
			'ขอนแก่น',
			'เขตสุขภาพที่ 7',
			'ทั้งประเทศ'
		]);
		const wide = trendLayout(series, format, be, { width: WIDTH, height: HEIGHT });
		const narrow = trendLayout(series, format, be, { width: 220, height: HEIGHT });
		expect(wide.legend.rows).toHaveLength(1);
		expect(narrow.legend.rows.length).toBeGreaterThan(1);
		expect(narrow.plot.top).toBeGreaterThan(wide.plot.top);
	});

	it("marks the year on screen in its own SVG of the chart's size, at that year's place on the axis", () => {
		const layout = trendLayout(series, format, be, { width: WIDTH, height: HEIGHT });
		const doc = parse(trendMarkerSvg(layout, 2022));
		const svg = doc.querySelector('svg')!;
		expect([svg.getAttribute('width'), svg.getAttribute('height')]).toEqual([String(WIDTH), String(HEIGHT)]);
		const marker = doc.querySelector('line.year-marker')!;
		expect(marker.getAttribute('data-year')).toBe('2022');
		expect(Number(marker.getAttribute('x1'))).toBeCloseTo(layout.years.find((y) => y.year === 2022)!.x, 1);
		expect(trendMarkerSvg(layout, 2019)).toBe('');
		expect(trendMarkerSvg(layout, null)).toBe('');
		expect(trendSvg(layout)).not.toContain('year-marker');
	});

	it('lists every series value for a year in the tooltip, in the given order', () => {
		const layout = trendLayout(series, format, be, { width: WIDTH, height: HEIGHT });
		const html = trendTooltip(layout, '2')!;
		expect(html).toContain('พ.ศ. 2565');
		expect(html.indexOf('ขอนแก่น: <b>–</b>')).toBeLessThan(html.indexOf('เขตสุขภาพที่ 7: <b>–</b>'));
		expect(html).toContain('ทั้งประเทศ: <b>26.0</b>');
		expect(trendTooltip(layout, '9')).toBeNull();
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
		const doc = parse(trendSvg(trendLayout([], format, be, { width: WIDTH, height: HEIGHT })));
		expect(doc.querySelectorAll('g.line')).toHaveLength(0);
		expect(doc.querySelector('parsererror')).toBeNull();
		expect(trendTable([], format, be, { year: 'Year' }).rows).toEqual([]);
	});
});
