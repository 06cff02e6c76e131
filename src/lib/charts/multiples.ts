/** Small multiples: one small line chart per issue area, the place against the nation, in one ECharts instance. */
import type { EChartsCoreOption } from 'echarts/core';
import { dot, escapeHtml, type Format } from './common';
import { MISSING, type TableData } from './table';
import { FONT_FAMILY, MUTED, NATION_COLOUR, TOOLTIP_STYLE } from './theme';
import type { FormatYear } from './trend';

export interface IssueAreaPoint {
	year: number;
	value: number | null;
	reference: number | null;
}

export interface IssueAreaPanel {
	issueAreaId: string;
	title: string;
	colour: string;
	isSample: boolean;
	indicatorLabel: string;
	unit: string;
	format: Format;
	series: IssueAreaPoint[];
}

export interface MultiplesOptions {
	/** Width of the chart in CSS pixels; decides the number of columns. */
	width: number;
	formatYear: FormatYear;
	/** Legend names of the two lines: the place shown ("ขอนแก่น") and the reference ("ทั้งประเทศ"). */
	valueLabel: string;
	referenceLabel: string;
	/** Appended to a sample panel's title after " · " ("ตัวอย่าง" / "sample"). */
	sampleMarker: string;
}

export const PANEL_HEIGHT = 180;
const LEGEND_ROOM = 30;
const TITLE_ROOM = 46;
const GAP = 16;

/** 4 columns (4 × 2 for eight issue areas) on a wide screen, 2 on a tablet, 1 on a phone. */
export function multiplesColumns(width: number, count: number): number {
	const wanted = width >= 880 ? 4 : width >= 420 ? 2 : 1;
	return Math.max(1, Math.min(wanted, count));
}

export interface MultiplesLayout {
	columns: number;
	rows: number;
	height: number;
	cells: { left: number; top: number; width: number; height: number }[];
}

export function multiplesLayout(width: number, count: number): MultiplesLayout {
	const columns = multiplesColumns(width, count);
	const rows = Math.ceil(count / columns);
	const cellWidth = (width - GAP * (columns - 1)) / columns;
	const cells = Array.from({ length: count }, (_, i) => ({
		left: (i % columns) * (cellWidth + GAP),
		top: LEGEND_ROOM + Math.floor(i / columns) * PANEL_HEIGHT,
		width: cellWidth,
		height: PANEL_HEIGHT
	}));
	return { columns, rows, height: LEGEND_ROOM + rows * PANEL_HEIGHT, cells };
}

export function panelTitle(panel: IssueAreaPanel, sampleMarker: string): string {
	return panel.isSample ? `${panel.title} · ${sampleMarker}` : panel.title;
}

function panelSubtitle(panel: IssueAreaPanel): string {
	return panel.unit ? `${panel.indicatorLabel} (${panel.unit})` : panel.indicatorLabel;
}

const clean = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);

export function multiplesOption(panels: readonly IssueAreaPanel[], options: MultiplesOptions): EChartsCoreOption {
	const { formatYear, valueLabel, referenceLabel, sampleMarker } = options;
	const width = options.width > 0 ? options.width : 960;
	const layout = multiplesLayout(width, panels.length);
	const neutral = '#334155';

	return {
		animation: false,
		textStyle: { fontFamily: FONT_FAMILY },
		legend: {
			top: 0,
			left: 0,
			itemWidth: 28,
			textStyle: { fontFamily: FONT_FAMILY, fontSize: 12 },
			data: [
				{ name: valueLabel, itemStyle: { color: neutral }, lineStyle: { color: neutral, width: 2.5, type: 'solid' } },
				{
					name: referenceLabel,
					itemStyle: { color: NATION_COLOUR },
					lineStyle: { color: NATION_COLOUR, width: 2, type: 'dotted' }
				}
			]
		},
		title: panels.map((p, i) => {
			const cell = layout.cells[i];
			return {
				text: panelTitle(p, sampleMarker),
				subtext: panelSubtitle(p),
				left: cell.left,
				top: cell.top,
				padding: 0,
				itemGap: 2,
				textStyle: {
					color: p.colour,
					fontFamily: FONT_FAMILY,
					fontSize: 13,
					fontWeight: 600,
					lineHeight: 18,
					width: cell.width,
					overflow: 'truncate'
				},
				subtextStyle: {
					color: MUTED,
					fontFamily: FONT_FAMILY,
					fontSize: 10.5,
					lineHeight: 15,
					width: cell.width,
					overflow: 'truncate'
				}
			};
		}),
		grid: panels.map((_, i) => {
			const cell = layout.cells[i];
			return {
				left: cell.left,
				top: cell.top + TITLE_ROOM,
				width: cell.width,
				height: cell.height - TITLE_ROOM - GAP,
				containLabel: true
			};
		}),
		tooltip: {
			...TOOLTIP_STYLE,
			trigger: 'axis',
			formatter: (
				params: { seriesIndex: number; dataIndex: number }[] | { seriesIndex: number; dataIndex: number }
			) => {
				const first = Array.isArray(params) ? params[0] : params;
				if (!first) return '';
				const panel = panels[Math.floor(first.seriesIndex / 2)];
				const point = panel?.series[first.dataIndex];
				if (!panel || !point) return '';
				const f = (v: number | null) => {
					const c = clean(v);
					return c === null ? MISSING : escapeHtml(panel.format(c));
				};
				return [
					`<b style="color:${escapeHtml(panel.colour)}">${escapeHtml(panelTitle(panel, sampleMarker))}</b> · ${escapeHtml(formatYear(point.year))}`,
					`<span style="color:${MUTED}">${escapeHtml(panelSubtitle(panel))}</span>`,
					`${dot(panel.colour)}${escapeHtml(valueLabel)}: <b>${f(point.value)}</b>`,
					`${dot(NATION_COLOUR)}${escapeHtml(referenceLabel)}: <b>${f(point.reference)}</b>`
				].join('<br>');
			}
		},
		xAxis: panels.map((p, i) => ({
			type: 'category',
			gridIndex: i,
			boundaryGap: false,
			data: p.series.map((s) => String(s.year)),
			axisTick: { show: false },
			axisLine: { lineStyle: { color: '#cbd5e1' } },
			axisLabel: {
				fontSize: 10,
				color: MUTED,
				formatter: (v: string) => formatYear(Number(v)),
				// Only the first and last years: the panels are small.
				interval: (index: number) => index === 0 || index === p.series.length - 1,
				alignMinLabel: 'left',
				alignMaxLabel: 'right'
			}
		})),
		yAxis: panels.map((p, i) => ({
			type: 'value',
			gridIndex: i,
			splitNumber: 3,
			axisLabel: { fontSize: 10, color: MUTED, formatter: (v: number) => p.format(v) },
			splitLine: { lineStyle: { color: '#eef2f6' } }
		})),
		series: panels.flatMap((p, i) => [
			{
				type: 'line',
				name: valueLabel,
				xAxisIndex: i,
				yAxisIndex: i,
				data: p.series.map((s) => clean(s.value)),
				connectNulls: false,
				showSymbol: true,
				symbol: 'circle',
				symbolSize: 5,
				z: 3,
				color: p.colour,
				itemStyle: { color: p.colour },
				lineStyle: { color: p.colour, width: 2.5 }
			},
			{
				type: 'line',
				name: referenceLabel,
				xAxisIndex: i,
				yAxisIndex: i,
				data: p.series.map((s) => clean(s.reference)),
				connectNulls: false,
				showSymbol: false,
				z: 2,
				color: NATION_COLOUR,
				itemStyle: { color: NATION_COLOUR },
				lineStyle: { color: NATION_COLOUR, width: 2, type: 'dotted' }
			}
		])
	};
}

/** The multiples as a table: one row per issue area and year. */
export function multiplesTable(
	panels: readonly IssueAreaPanel[],
	formatYear: FormatYear,
	labels: { issueArea: string; indicator: string; year: string; value: string; reference: string; sampleMarker: string }
): TableData {
	return {
		columns: [
			{ key: 'issueArea', label: labels.issueArea },
			{ key: 'indicator', label: labels.indicator },
			{ key: 'year', label: labels.year },
			{ key: 'value', label: labels.value, numeric: true },
			{ key: 'reference', label: labels.reference, numeric: true }
		],
		rows: panels.flatMap((p) =>
			p.series.map((s) => {
				const value = clean(s.value);
				const reference = clean(s.reference);
				return {
					key: `${p.issueAreaId}:${s.year}`,
					cells: {
						issueArea: panelTitle(p, labels.sampleMarker),
						indicator: panelSubtitle(p),
						year: formatYear(s.year),
						value: value === null ? MISSING : p.format(value),
						reference: reference === null ? MISSING : p.format(reference)
					},
					raw: {
						issueArea: panelTitle(p, labels.sampleMarker),
						indicator: panelSubtitle(p),
						year: s.year,
						value,
						reference
					}
				};
			})
		)
	};
}
