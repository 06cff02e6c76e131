/** Ranking bar chart: state → ECharts option, with no DOM and no database. */
import type { EChartsCoreOption } from 'echarts/core';
import { extentAnchor, type Format } from './common';
import type { TableData } from './table';
import { AXIS_FONT_SIZE, FONT_FAMILY, REFERENCE_COLOURS } from './theme';

export interface RankingItem {
	code: string;
	label: string;
	value: number;
	colour: string;
}

/** A value drawn across the bars for comparison (the zone's, the nation's). */
export interface RankingReference {
	label: string;
	value: number;
}

export const BAR_HEIGHT = 15;
const AXIS_ROOM = 36;
/** Room above the bars for each reference line's label. */
const REFERENCE_LABEL_ROOM = 16;

/** Distance from the top of the chart to the first bar. */
export function rankingTop(referenceCount = 0): number {
	return 8 + (referenceCount > 0 ? referenceCount * REFERENCE_LABEL_ROOM + 4 : 0);
}

export function rankingHeight(count: number, referenceCount = 0): number {
	return count * BAR_HEIGHT + AXIS_ROOM + rankingTop(referenceCount) - 8;
}

export function rankingOption(
	items: readonly RankingItem[],
	format: Format,
	references: readonly RankingReference[] = []
): EChartsCoreOption {
	const shown = references.filter((r) => Number.isFinite(r.value));
	const anchor = extentAnchor(
		'x',
		shown.map((r) => r.value)
	);
	return {
		animation: false,
		textStyle: { fontFamily: FONT_FAMILY },
		grid: { left: 8, right: 56, top: rankingTop(shown.length), bottom: 28, containLabel: true },
		xAxis: {
			type: 'value',
			axisLabel: { formatter: (v: number) => format(v), fontSize: AXIS_FONT_SIZE },
			splitNumber: 4
		},
		yAxis: {
			type: 'category',
			inverse: true,
			data: items.map((i) => i.label),
			axisTick: { show: false },
			axisLabel: { fontSize: AXIS_FONT_SIZE, interval: 0 }
		},
		series: [
			{
				type: 'bar',
				barCategoryGap: '18%',
				data: items.map((i) => ({ value: i.value, code: i.code, itemStyle: { color: i.colour } })),
				label: { show: true, position: 'right', fontSize: 10, formatter: (p: { value: number }) => format(p.value) },
				emphasis: { itemStyle: { borderColor: '#111', borderWidth: 1.5 }, label: { fontWeight: 'bold' } },
				...(shown.length > 0 && {
					markLine: {
						silent: true,
						symbol: 'none',
						animation: false,
						data: shown.map((r, i) => {
							const colour = REFERENCE_COLOURS[i % REFERENCE_COLOURS.length];
							return {
								name: r.label,
								xAxis: r.value,
								lineStyle: { color: colour, type: 'dashed', width: 1.5 },
								label: {
									// The category axis is inverted: the line starts at the top, above the first bar.
									position: 'start',
									formatter: `${r.label} ${format(r.value)}`,
									color: colour,
									fontSize: 10,
									fontWeight: 600,
									// Stack the labels of several lines above the bars so they do not overlap.
									distance: 4 + (shown.length - 1 - i) * REFERENCE_LABEL_ROOM
								}
							};
						})
					}
				})
			},
			...(anchor ? [anchor] : [])
		]
	};
}

/** The ranking as a table: rank, province, value. Ranks are the order of `items` unless `rankOf` says otherwise. */
export function rankingTable(
	items: readonly RankingItem[],
	format: Format,
	labels: { rank: string; province: string; value: string },
	rankOf: (item: RankingItem, index: number) => number | string = (_, index) => index + 1
): TableData {
	return {
		columns: [
			{ key: 'rank', label: labels.rank, numeric: true },
			{ key: 'province', label: labels.province },
			{ key: 'value', label: labels.value, numeric: true }
		],
		rows: items.map((item, index) => ({
			key: item.code,
			cells: { rank: String(rankOf(item, index)), province: item.label, value: format(item.value) },
			raw: { rank: rankOf(item, index), province: item.label, value: item.value }
		}))
	};
}
