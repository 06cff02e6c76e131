import { describe, expect, it } from 'vitest';
import { PROVINCE_COLOURS } from '$lib/charts/theme';
import { trendOption, type TrendSeries } from '$lib/charts/trend';
import { chartBlock, renderChartSvg } from './chart-svg';

const khonKaen = (label: string): TrendSeries => ({
	key: '40',
	label,
	kind: 'province',
	points: [
		{ year: 2022, value: 21.3 },
		{ year: 2023, value: 19.5 }
	]
});

describe('charts as SVG (ECharts server-side renderer)', () => {
	it('renders the page option into an SVG document with its labels and bar colours', () => {
		const svg = renderChartSvg(
			trendOption(
				[khonKaen('ขอนแก่น')],
				(v) => v.toFixed(1),
				(y) => String(y + 543)
			),
			600,
			240
		);
		expect(svg).toMatch(/^<svg[^>]*width="600"[^>]*height="240"/);
		expect(svg).toContain('ขอนแก่น');
		expect(svg).toContain('2566');
		expect(svg.toLowerCase()).toContain(PROVINCE_COLOURS[0]);
	});

	it('as a block: a nested svg placed at the origin', () => {
		const block = chartBlock(
			trendOption(
				[
					{
						key: 'n',
						label: 'Thailand',
						kind: 'nation',
						points: [
							{ year: 2022, value: 1 },
							{ year: 2023, value: 2 }
						]
					}
				],
				String,
				String
			),
			400,
			200
		);
		expect(block).toMatchObject({ width: 400, height: 200 });
		expect(block.markup).toMatch(/^<svg class="chart" x="0" y="0"/);
		expect(block.markup).toContain('Thailand');
	});

	it('writes names from data as text, and no <style> element (the pages forbid inline styles)', () => {
		const hostile = '"><script>alert(1)</script><img src=x onerror=alert(1)>';
		const svg = renderChartSvg(trendOption([khonKaen(hostile)], String, String), 600, 240);
		expect(svg).not.toMatch(/<style|<script|<img/i);
		expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
	});
});
