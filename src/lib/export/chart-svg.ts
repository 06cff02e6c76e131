/**
 * Charts as SVG: the same ECharts option the page draws on a canvas, rendered by ECharts'
 * server-side SVG renderer into a string. This module registers the SVG renderer, so it is only
 * ever imported lazily (by an export, or at build time for the briefs): the page bundle stays as it is.
 */
import { echarts } from '$lib/charts/echarts';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { SvgBlock } from './exportable';
import { textWidth } from './text';

echarts.use([SVGRenderer]);

// Without a DOM (at build time) ECharts guesses text widths from a Latin table and counts every
// Thai letter, tone marks included, as 1 em; use the same estimate as the SVG frame instead.
if (typeof document === 'undefined') {
	echarts.setPlatformAPI({
		measureText(text: string, font?: string) {
			const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
			const weight = /\b(bold|[6-9]00)\b/.test(font ?? '') ? 600 : 400;
			return { width: textWidth(text, size, weight) };
		}
	});
}

/** The chart as an SVG document string, `width` × `height` pixels. */
export function renderChartSvg(option: EChartsCoreOption, width: number, height: number): string {
	const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption({ ...option, animation: false });
		// Without the <style> of hover rules ECharts adds: a static document has no hover, and inline
		// style elements are refused by the pages' Content-Security-Policy (the briefs put this SVG in their HTML).
		return chart.renderToSVGString().replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '');
	} finally {
		chart.dispose();
	}
}

/** The chart as a block for the export frame (a nested `<svg>`). */
export function chartBlock(option: EChartsCoreOption, width: number, height: number): SvgBlock {
	const svg = renderChartSvg(option, width, height).replace(/^<\?xml[^>]*>\s*/, '');
	return { width, height, markup: svg.replace(/^<svg\b/, '<svg class="chart" x="0" y="0"') };
}
