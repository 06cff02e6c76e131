/** ECharts, tree-shaken to what the app draws with it: the gap page's scatter plot (canvas on screen, SVG for its export). */
import { ScatterChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([ScatterChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer, SVGRenderer]);

export { echarts };

/** Canvas text does not wait for web fonts; without this the first draw falls back to a font without Thai. */
export async function fontsReady(): Promise<void> {
	if (typeof document === 'undefined' || !document.fonts) return;
	await Promise.all([
		document.fonts.load(`12px 'Noto Sans Thai'`, 'กขค'),
		document.fonts.load(`600 12px 'Noto Sans Thai'`, 'กขค')
	]).catch(() => undefined);
}

/** An option drawn as SVG markup by ECharts' server-side renderer (no DOM): the chart as an export shows it. */
export function optionSvg(option: EChartsCoreOption, width: number, height: number): string {
	const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption({ ...option, animation: false, tooltip: undefined });
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}
