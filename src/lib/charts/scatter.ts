/** Gap scatter: provinces by burden (x) and coverage (y), with quadrant lines at the medians. */
import type { EChartsCoreOption } from 'echarts/core';
import { escapeHtml, type Format } from './common';
import type { TableData } from '$lib/core/table';
import { AXIS_FONT_SIZE, FONT_FAMILY, MUTED, TOOLTIP_STYLE } from './theme';

export interface ScatterPoint {
	code: string;
	label: string;
	x: number;
	y: number;
	colour: string;
}

export interface ScatterAxes {
	x: { name: string; format: Format; median: number | null };
	y: { name: string; format: Format; median: number | null };
	/** Words for the quadrant lines' labels. */
	medianLabel: string;
}

export function scatterOption(points: readonly ScatterPoint[], axes: ScatterAxes): EChartsCoreOption {
	const medianLines = [
		...(axes.x.median !== null ? [{ xAxis: axes.x.median, label: { formatter: axes.medianLabel } }] : []),
		...(axes.y.median !== null ? [{ yAxis: axes.y.median, label: { formatter: axes.medianLabel } }] : [])
	];
	return {
		animation: false,
		textStyle: { fontFamily: FONT_FAMILY },
		grid: { left: 28, right: 24, top: 24, bottom: 40, containLabel: true },
		tooltip: {
			...TOOLTIP_STYLE,
			trigger: 'item',
			formatter: (p: { data: { label: string; value: [number, number] } }) =>
				`<strong>${escapeHtml(p.data.label)}</strong><br>${escapeHtml(axes.x.name)}: ${escapeHtml(
					axes.x.format(p.data.value[0])
				)}<br>${escapeHtml(axes.y.name)}: ${escapeHtml(axes.y.format(p.data.value[1]))}`
		},
		xAxis: {
			type: 'value',
			name: axes.x.name,
			nameLocation: 'middle',
			nameGap: 26,
			scale: true,
			axisLabel: { formatter: (v: number) => axes.x.format(v), fontSize: AXIS_FONT_SIZE }
		},
		yAxis: {
			type: 'value',
			name: axes.y.name,
			nameLocation: 'middle',
			nameGap: 34,
			nameRotate: 90,
			scale: true,
			axisLabel: { formatter: (v: number) => axes.y.format(v), fontSize: AXIS_FONT_SIZE }
		},
		series: [
			{
				type: 'scatter',
				symbolSize: 11,
				data: points.map((p) => ({
					value: [p.x, p.y],
					code: p.code,
					label: p.label,
					itemStyle: { color: p.colour, borderColor: '#334155', borderWidth: 0.6 }
				})),
				emphasis: { scale: 1.8, itemStyle: { borderColor: '#111827', borderWidth: 2 } },
				markLine: {
					silent: true,
					symbol: 'none',
					lineStyle: { type: 'dashed', color: MUTED },
					label: { color: MUTED, fontSize: 10 },
					data: medianLines
				}
			}
		]
	};
}

export function scatterTable(
	points: readonly ScatterPoint[],
	axes: ScatterAxes,
	labels: { province: string }
): TableData {
	return {
		columns: [
			{ key: 'province', label: labels.province },
			{ key: 'x', label: axes.x.name, numeric: true },
			{ key: 'y', label: axes.y.name, numeric: true }
		],
		rows: points.map((p) => ({
			key: p.code,
			cells: { province: p.label, x: axes.x.format(p.x), y: axes.y.format(p.y) }
		}))
	};
}
