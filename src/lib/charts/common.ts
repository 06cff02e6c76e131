/** Plumbing shared by the option builders and EChart.svelte: no DOM, no database. */
import type { EChartsCoreOption } from 'echarts/core';

export type Format = (value: number) => string;

/** What every chart takes so that it can be read without being seen, and what it says above itself. */
export interface ChartFrame {
	/** Accessible name of the chart (the element has role="img"). */
	label: string;
	/** Id of the element holding the same numbers as text (its table): aria-details. */
	details?: string;
	/** Shown above the chart, e.g. that the data are sample data. */
	sampleNotice?: string;
}

/** The cross-highlight a chart of provinces takes part in, with the map and the other charts. */
export interface ChartHover {
	/** Province code whose items are emphasised. */
	highlighted?: string | null;
	/** Reports the province code of a hovered item (null when it leaves). */
	onhover?: (code: string | null) => void;
}

/** Which data item an event or a highlight is about: enough to find its code. */
export interface ChartItemRef {
	seriesIndex: number;
	dataIndex: number;
	data: unknown;
}

export type CodeOf = (item: ChartItemRef) => string | null | undefined;

/** By default the code is the `code` field of the data item (`{ value, code }`). */
export const defaultCodeOf: CodeOf = ({ data }) =>
	data !== null && typeof data === 'object' && 'code' in data && typeof data.code === 'string' ? data.code : null;

/** Data items, series by series, whose code is `code`: what to highlight when a code is highlighted elsewhere. */
export function itemsWithCode(
	option: EChartsCoreOption,
	code: string,
	codeOf: CodeOf = defaultCodeOf
): { seriesIndex: number; dataIndex: number[] }[] {
	const raw = option.series;
	const series = Array.isArray(raw) ? raw : raw ? [raw] : [];
	const found: { seriesIndex: number; dataIndex: number[] }[] = [];
	series.forEach((s: unknown, seriesIndex) => {
		const data = (s as { data?: unknown } | null)?.data;
		if (!Array.isArray(data)) return;
		const dataIndex: number[] = [];
		data.forEach((item, i) => {
			if (codeOf({ seriesIndex, dataIndex: i, data: item }) === code) dataIndex.push(i);
		});
		if (dataIndex.length > 0) found.push({ seriesIndex, dataIndex });
	});
	return found;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Tooltip formatters return HTML; names come from data. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A coloured dot for tooltip lines, like ECharts' own marker. */
export function dot(colour: string): string {
	return `<span style="display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:5px;background:${escapeHtml(colour)}"></span>`;
}
