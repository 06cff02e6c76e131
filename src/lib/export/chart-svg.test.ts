import { describe, expect, it } from 'vitest';
import { rankingOption } from '$lib/charts/ranking';
import { trendOption } from '$lib/charts/trend';
import { chartBlock, renderChartSvg } from './chart-svg';

describe('charts as SVG (ECharts server-side renderer)', () => {
	it('renders the page option into an SVG document with its labels and bar colours', () => {
		const svg = renderChartSvg(
			rankingOption(
				[
					{ code: '40', label: 'ขอนแก่น', value: 21.3, colour: '#bd0026' },
					{ code: '10', label: 'กรุงเทพมหานคร', value: 9.5, colour: '#fecc5c' }
				],
				(v) => v.toFixed(1),
				[{ label: 'ทั้งประเทศ', value: 15 }]
			),
			600,
			120
		);
		expect(svg).toMatch(/^<svg[^>]*width="600"[^>]*height="120"/);
		expect(svg).toContain('ขอนแก่น');
		expect(svg).toContain('ทั้งประเทศ 15.0');
		expect(svg.toLowerCase()).toContain('#bd0026');
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
		const svg = renderChartSvg(
			rankingOption([{ code: '40', label: hostile, value: 21.3, colour: '#bd0026' }], (v) => v.toFixed(1), [
				{ label: hostile, value: 15 }
			]),
			600,
			120
		);
		expect(svg).not.toMatch(/<style|<script|<img/i);
		expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
	});
});
