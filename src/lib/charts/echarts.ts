/** ECharts, tree-shaken to what the app draws with it: the gap page's scatter plot. */
import { ScatterChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([ScatterChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

export { echarts };

/** Canvas text does not wait for web fonts; without this the first draw falls back to a font without Thai. */
export async function fontsReady(): Promise<void> {
	if (typeof document === 'undefined' || !document.fonts) return;
	await Promise.all([
		document.fonts.load(`12px 'Noto Sans Thai'`, 'กขค'),
		document.fonts.load(`600 12px 'Noto Sans Thai'`, 'กขค')
	]).catch(() => undefined);
}
