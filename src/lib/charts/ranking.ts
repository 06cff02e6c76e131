/** Ranking bar chart: state → ECharts option, with no DOM and no database. */
import type { EChartsCoreOption } from 'echarts/core';
import { FONT_FAMILY } from './theme';

export interface RankingItem {
	code: string;
	label: string;
	value: number;
	colour: string;
}

export const BAR_HEIGHT = 15;
const AXIS_ROOM = 36;

export function rankingHeight(count: number): number {
	return count * BAR_HEIGHT + AXIS_ROOM;
}

export function rankingOption(items: readonly RankingItem[], format: (v: number) => string): EChartsCoreOption {
	return {
		animation: false,
		textStyle: { fontFamily: FONT_FAMILY },
		grid: { left: 8, right: 56, top: 8, bottom: 28, containLabel: true },
		tooltip: { show: false },
		xAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v), fontSize: 11 }, splitNumber: 4 },
		yAxis: {
			type: 'category',
			inverse: true,
			data: items.map((i) => i.label),
			axisTick: { show: false },
			axisLabel: { fontSize: 11, interval: 0 }
		},
		series: [
			{
				type: 'bar',
				barCategoryGap: '18%',
				data: items.map((i) => ({ value: i.value, itemStyle: { color: i.colour } })),
				label: { show: true, position: 'right', fontSize: 10, formatter: (p: { value: number }) => format(p.value) },
				emphasis: { itemStyle: { borderColor: '#111', borderWidth: 1.5 }, label: { fontWeight: 'bold' } }
			}
		]
	};
}
