/** Provinces within each health zone: a box plot per zone with the provinces as a strip of points. */
import type { EChartsCoreOption } from 'echarts/core';
import { dot, escapeHtml, extentAnchor, type Format } from './common';
import { MISSING, type TableData } from './table';
import { ACCENT, AXIS_FONT_SIZE, FONT_FAMILY, INK, NATION_COLOUR, TOOLTIP_STYLE } from './theme';

export interface ZoneValue {
	code: string;
	label: string;
	value: number;
}

export interface ZoneDistribution {
	zone: number;
	label: string;
	values: ZoneValue[];
}

export interface BoxStats {
	count: number;
	min: number;
	q1: number;
	median: number;
	q3: number;
	max: number;
}

/** Words the tooltip and the summary table need, in the page's language. */
export interface DistributionLabels {
	count: string;
	min: string;
	q1: string;
	median: string;
	q3: string;
	max: string;
}

/**
 * Quantile of sorted values by linear interpolation between closest ranks
 * (Hyndman & Fan type 7: the default of R, NumPy, d3 and spreadsheets).
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
	const n = sorted.length;
	if (n === 0) return Number.NaN;
	if (n === 1 || p <= 0) return sorted[0];
	if (p >= 1) return sorted[n - 1];
	const h = (n - 1) * p;
	const lo = Math.floor(h);
	return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

/** Five-number summary of the finite values, or null when there are none. Whiskers span the full range. */
export function boxStats(values: readonly number[]): BoxStats | null {
	const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length === 0) return null;
	return {
		count: sorted.length,
		min: sorted[0],
		q1: quantileSorted(sorted, 0.25),
		median: quantileSorted(sorted, 0.5),
		q3: quantileSorted(sorted, 0.75),
		max: sorted[sorted.length - 1]
	};
}

/** Deterministic vertical spread of the i-th point in a row, within ±0.25 of the row centre (golden-ratio sequence). */
export function jitter(index: number): number {
	const f = (index * 0.6180339887498949) % 1;
	return (f - 0.5) * 0.5;
}

export const ROW_HEIGHT = 34;
const CHROME = 64;

export function distributionHeight(zoneCount: number): number {
	return Math.max(zoneCount, 1) * ROW_HEIGHT + CHROME;
}

export interface DistributionOptions {
	format: Format;
	nation: number | null;
	nationLabel: string;
	selectedZone: number | null;
	labels: DistributionLabels;
}

const BOX = { fill: '#f1f5f9', border: '#94a3b8', point: '#64748b' };
const SELECTED = { fill: 'rgba(15, 118, 110, 0.16)', border: ACCENT, point: ACCENT };

export function distributionOption(
	zones: readonly ZoneDistribution[],
	options: DistributionOptions
): EChartsCoreOption {
	const { format, nation, nationLabel, selectedZone, labels } = options;
	const stats = zones.map((z) => boxStats(z.values.map((v) => v.value)));
	const hasNation = nation !== null && Number.isFinite(nation);
	const anchor = hasNation ? extentAnchor('x', [nation], { yAxisIndex: 1 }) : null;
	const seriesOf = { box: 0, points: 1 };

	const boxTooltip = (index: number) => {
		const s = stats[index];
		const zone = zones[index];
		if (!s) return `<b>${escapeHtml(zone.label)}</b><br>${MISSING}`;
		const f = (v: number) => escapeHtml(format(v));
		return [
			`<b>${escapeHtml(zone.label)}</b>`,
			`${escapeHtml(labels.median)}: <b>${f(s.median)}</b>`,
			`${escapeHtml(labels.q1)} – ${escapeHtml(labels.q3)}: ${f(s.q1)} – ${f(s.q3)}`,
			`${escapeHtml(labels.min)} – ${escapeHtml(labels.max)}: ${f(s.min)} – ${f(s.max)}`,
			`${escapeHtml(labels.count)}: ${s.count}`
		].join('<br>');
	};

	return {
		animation: false,
		textStyle: { fontFamily: FONT_FAMILY },
		grid: { left: 8, right: 24, top: hasNation ? 28 : 12, bottom: 8, containLabel: true },
		tooltip: {
			...TOOLTIP_STYLE,
			trigger: 'item',
			formatter: (p: { seriesIndex: number; dataIndex: number; data: unknown }) => {
				if (p.seriesIndex === seriesOf.box) return boxTooltip(p.dataIndex);
				const d = p.data as { label: string; value: [number, number]; zoneLabel: string; colour: string };
				return `${dot(d.colour)}<b>${escapeHtml(d.label)}</b> · ${escapeHtml(format(d.value[0]))}<br><span style="color:${NATION_COLOUR}">${escapeHtml(d.zoneLabel)}</span>`;
			}
		},
		xAxis: {
			type: 'value',
			splitNumber: 5,
			// Not at the hidden axis' zero (the first row), but at the bottom.
			axisLine: { onZero: false },
			axisLabel: { formatter: (v: number) => format(v), fontSize: AXIS_FONT_SIZE }
		},
		yAxis: [
			{
				type: 'category',
				inverse: true,
				data: zones.map((z) => ({
					value: z.label,
					textStyle: z.zone === selectedZone ? { fontWeight: 700, color: INK } : undefined
				})),
				axisTick: { show: false },
				axisLabel: { fontSize: AXIS_FONT_SIZE, interval: 0 }
			},
			{
				// A hidden value axis lined up with the category bands, so the points can sit between band centres.
				type: 'value',
				show: false,
				inverse: true,
				min: -0.5,
				max: Math.max(zones.length, 1) - 0.5
			}
		],
		series: [
			{
				type: 'boxplot',
				yAxisIndex: 0,
				boxWidth: [8, 22],
				z: 2,
				data: zones.map((z, i) => {
					const s = stats[i];
					const selected = z.zone === selectedZone;
					const look = selected ? SELECTED : BOX;
					return {
						name: z.label,
						zone: z.zone,
						value: s ? [s.min, s.q1, s.median, s.q3, s.max] : [],
						itemStyle: { color: look.fill, borderColor: look.border, borderWidth: selected ? 2 : 1 }
					};
				}),
				emphasis: { itemStyle: { borderWidth: 2 } },
				...(hasNation && {
					markLine: {
						silent: true,
						symbol: 'none',
						animation: false,
						data: [
							{
								name: nationLabel,
								xAxis: nation,
								lineStyle: { color: NATION_COLOUR, type: 'dashed', width: 1.5 },
								label: {
									position: 'start',
									formatter: `${nationLabel} ${format(nation)}`,
									color: NATION_COLOUR,
									fontSize: 10,
									fontWeight: 600
								}
							}
						]
					}
				})
			},
			{
				type: 'scatter',
				yAxisIndex: 1,
				z: 3,
				symbolSize: 7,
				data: zones.flatMap((z, row) => {
					const look = z.zone === selectedZone ? SELECTED : BOX;
					return z.values
						.filter((v) => Number.isFinite(v.value))
						.map((v, i) => ({
							value: [v.value, row + jitter(i)],
							code: v.code,
							label: v.label,
							zoneLabel: z.label,
							colour: look.point,
							itemStyle: { color: look.point, opacity: 0.85, borderColor: '#fff', borderWidth: 0.5 }
						}));
				}),
				emphasis: { scale: 1.8, itemStyle: { opacity: 1, borderColor: INK, borderWidth: 1.5 } }
			},
			...(anchor ? [anchor] : [])
		]
	};
}

/** The points as a table: one row per province (keyed by its code, so DataTable can highlight it). */
export function distributionTable(
	zones: readonly ZoneDistribution[],
	format: Format,
	labels: { zone: string; province: string; value: string }
): TableData {
	return {
		columns: [
			{ key: 'zone', label: labels.zone },
			{ key: 'province', label: labels.province },
			{ key: 'value', label: labels.value, numeric: true }
		],
		rows: zones.flatMap((z) =>
			z.values.map((v) => ({
				key: v.code,
				cells: { zone: z.label, province: v.label, value: Number.isFinite(v.value) ? format(v.value) : MISSING },
				raw: { zone: z.label, province: v.label, value: Number.isFinite(v.value) ? v.value : null }
			}))
		)
	};
}

/** The boxes as a table: one row per zone with its five-number summary. */
export function distributionSummaryTable(
	zones: readonly ZoneDistribution[],
	format: Format,
	labels: DistributionLabels & { zone: string }
): TableData {
	const f = (v: number | undefined) => (v === undefined ? MISSING : format(v));
	return {
		columns: [
			{ key: 'zone', label: labels.zone },
			{ key: 'count', label: labels.count, numeric: true },
			{ key: 'min', label: labels.min, numeric: true },
			{ key: 'q1', label: labels.q1, numeric: true },
			{ key: 'median', label: labels.median, numeric: true },
			{ key: 'q3', label: labels.q3, numeric: true },
			{ key: 'max', label: labels.max, numeric: true }
		],
		rows: zones.map((z) => {
			const s = boxStats(z.values.map((v) => v.value));
			return {
				key: String(z.zone),
				cells: {
					zone: z.label,
					count: String(s?.count ?? 0),
					min: f(s?.min),
					q1: f(s?.q1),
					median: f(s?.median),
					q3: f(s?.q3),
					max: f(s?.max)
				},
				raw: {
					zone: z.label,
					count: s?.count ?? 0,
					min: s?.min ?? null,
					q1: s?.q1 ?? null,
					median: s?.median ?? null,
					q3: s?.q3 ?? null,
					max: s?.max ?? null
				}
			};
		})
	};
}
