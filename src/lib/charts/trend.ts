/** Trend lines over years for a province, its zone and the nation: state → ECharts option. */
import type { EChartsCoreOption } from 'echarts/core';
import { dot, escapeHtml, type Format } from './common';
import { MISSING, type TableData } from './table';
import {
	AXIS_FONT_SIZE,
	FONT_FAMILY,
	MUTED,
	NATION_COLOUR,
	PROVINCE_COLOURS,
	TOOLTIP_STYLE,
	ZONE_COLOURS
} from './theme';

export type TrendKind = 'province' | 'zone' | 'nation';

export interface TrendPoint {
	year: number;
	value: number | null;
}

export interface TrendSeries {
	key: string;
	label: string;
	kind: TrendKind;
	points: TrendPoint[];
}

export type FormatYear = (year: number) => string;

/** Every year any series has, in order: the shared x axis. */
export function trendYears(series: readonly TrendSeries[]): number[] {
	return [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
}

/** A series' values on the shared years; a missing year or a null value is a gap (null). */
export function alignedValues(series: TrendSeries, years: readonly number[]): (number | null)[] {
	const byYear = new Map(series.points.map((p) => [p.year, p.value]));
	return years.map((y) => {
		const v = byYear.get(y);
		return v === undefined || v === null || !Number.isFinite(v) ? null : v;
	});
}

/** Line style by kind: the province solid and bold, the zone dashed, the nation dotted grey. */
export function trendStyle(
	kind: TrendKind,
	indexOfKind: number
): { colour: string; type: 'solid' | 'dashed' | 'dotted'; width: number } {
	if (kind === 'province')
		return { colour: PROVINCE_COLOURS[indexOfKind % PROVINCE_COLOURS.length], type: 'solid', width: 3 };
	if (kind === 'zone') return { colour: ZONE_COLOURS[indexOfKind % ZONE_COLOURS.length], type: 'dashed', width: 2 };
	return { colour: NATION_COLOUR, type: 'dotted', width: 2 };
}

/** Draw order: the nation underneath, the province on top. */
const Z: Record<TrendKind, number> = { nation: 2, zone: 3, province: 4 };

export function trendOption(series: readonly TrendSeries[], format: Format, formatYear: FormatYear): EChartsCoreOption {
	const years = trendYears(series);
	const counts: Record<TrendKind, number> = { province: 0, zone: 0, nation: 0 };
	const styles = series.map((s) => trendStyle(s.kind, counts[s.kind]++));
	const values = series.map((s) => alignedValues(s, years));

	return {
		animation: false,
		textStyle: { fontFamily: FONT_FAMILY },
		legend: {
			top: 0,
			left: 'center',
			itemWidth: 28,
			textStyle: { fontFamily: FONT_FAMILY, fontSize: 12 },
			data: series.map((s) => s.label)
		},
		grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
		tooltip: {
			...TOOLTIP_STYLE,
			trigger: 'axis',
			formatter: (params: { dataIndex: number }[] | { dataIndex: number }) => {
				const first = Array.isArray(params) ? params[0] : params;
				if (!first) return '';
				const index = first.dataIndex;
				const lines = series.map(
					(s, i) =>
						`${dot(styles[i].colour)}${escapeHtml(s.label)}: <b>${values[i][index] === null ? MISSING : escapeHtml(format(values[i][index] as number))}</b>`
				);
				return [`<b>${escapeHtml(formatYear(years[index]))}</b>`, ...lines].join('<br>');
			}
		},
		xAxis: {
			type: 'category',
			boundaryGap: false,
			data: years.map(String),
			axisLabel: { formatter: (v: string) => formatYear(Number(v)), fontSize: AXIS_FONT_SIZE, hideOverlap: true },
			axisLine: { lineStyle: { color: MUTED } }
		},
		yAxis: {
			type: 'value',
			splitNumber: 4,
			axisLabel: { formatter: (v: number) => format(v), fontSize: AXIS_FONT_SIZE }
		},
		series: series.map((s, i) => ({
			type: 'line',
			id: s.key,
			name: s.label,
			data: values[i],
			connectNulls: false,
			showSymbol: true,
			symbol: 'circle',
			symbolSize: s.kind === 'province' ? 7 : 5,
			z: Z[s.kind],
			color: styles[i].colour,
			itemStyle: { color: styles[i].colour },
			lineStyle: { color: styles[i].colour, type: styles[i].type, width: styles[i].width },
			emphasis: { focus: 'series' }
		}))
	};
}

/** The trend as a table: one row per year, one column per series. */
export function trendTable(
	series: readonly TrendSeries[],
	format: Format,
	formatYear: FormatYear,
	labels: { year: string }
): TableData {
	const years = trendYears(series);
	const values = series.map((s) => alignedValues(s, years));
	return {
		columns: [
			{ key: 'year', label: labels.year },
			...series.map((s) => ({ key: `s:${s.key}`, label: s.label, numeric: true }))
		],
		rows: years.map((year, y) => ({
			key: String(year),
			cells: Object.fromEntries([
				['year', formatYear(year)],
				...series.map((s, i) => [`s:${s.key}`, values[i][y] === null ? MISSING : format(values[i][y] as number)])
			]),
			raw: Object.fromEntries([['year', year], ...series.map((s, i) => [`s:${s.key}`, values[i][y]])])
		}))
	};
}
