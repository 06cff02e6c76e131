// @vitest-environment happy-dom
/**
 * Tooltips are HTML and charts are SVG markup: every name in them comes from data files (or a
 * user's own files), so every one must arrive escaped. Each chart, fed hostile names, writes them as text.
 */
import { describe, expect, it } from 'vitest';
import type { EChartsCoreOption } from 'echarts/core';
import { distributionLayout, distributionSvg, distributionTooltip } from './distribution';
import { multiplesLayout, multiplesSvg, multiplesTooltip } from './multiples';
import { scatterOption } from './scatter';
import { trendLayout, trendSvg, trendTooltip } from './trend';

const HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(1)>';
const ESCAPED = '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;';
const format = (v: number) => `${HOSTILE}${v}`;

function tooltip(option: EChartsCoreOption, params: unknown): string {
	const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
	return formatter(params);
}

/** No element of the string's own: only the markup the formatter writes. */
function expectOnlyOwnMarkup(html: string) {
	for (const tag of html.match(/<[^>]*>/g) ?? [])
		expect(tag).toMatch(/^<\/?(b|br|strong|span)(\s+style="[^"<>]*")?\s*>$/);
	expect(html).toContain(ESCAPED);
}

/** Parsed as a browser would: no element but the chart's own, and the names there as text. */
function expectNamesAsText(svg: string) {
	const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
	expect(doc.querySelector('script, img, parsererror')).toBeNull();
	expect(doc.documentElement.textContent).toContain('<script>alert(1)</script>');
}

describe('tooltips write names from data as text', () => {
	it('gap scatter', () => {
		const option = scatterOption([{ code: '40', label: HOSTILE, x: 1, y: 2, colour: '#000' }], {
			x: { name: HOSTILE, format, median: 1 },
			y: { name: HOSTILE, format, median: 2 },
			medianLabel: HOSTILE
		});
		expectOnlyOwnMarkup(tooltip(option, { data: { label: HOSTILE, value: [1, 2] } }));
	});

	it('zone distribution: points and boxes, and the chart itself', () => {
		const zones = [
			{ zone: 1, label: HOSTILE, values: [1, 2, 3, 4, 5].map((v) => ({ code: `1${v}`, label: HOSTILE, value: v })) }
		];
		const labels = { count: HOSTILE, min: HOSTILE, q1: HOSTILE, median: HOSTILE, q3: HOSTILE, max: HOSTILE };
		const layout = distributionLayout(zones, {
			format,
			nation: 3,
			nationLabel: HOSTILE,
			selectedZone: 1,
			labels,
			width: 600
		});
		expectOnlyOwnMarkup(distributionTooltip(layout, 'b:0')!);
		expectOnlyOwnMarkup(distributionTooltip(layout, 'p:0:0')!);
		expectNamesAsText(distributionSvg(layout));
	});

	it('trend, and the chart itself', () => {
		const layout = trendLayout(
			[{ key: 'p', label: HOSTILE, kind: 'province', points: [{ year: 2023, value: 1 }] }],
			format,
			() => HOSTILE,
			{ width: 600, height: 300 }
		);
		expectOnlyOwnMarkup(trendTooltip(layout, '0')!);
		expectNamesAsText(trendSvg(layout));
	});

	it('issue-area multiples, and the chart itself', () => {
		const panel = {
			issueAreaId: HOSTILE,
			title: HOSTILE,
			colour: '#000',
			isSample: true,
			indicatorLabel: HOSTILE,
			unit: HOSTILE,
			format,
			series: [{ year: 2023, value: 1, reference: 2 }]
		};
		const layout = multiplesLayout([panel], {
			width: 2000,
			formatYear: () => HOSTILE,
			valueLabel: HOSTILE,
			referenceLabel: HOSTILE,
			sampleMarker: HOSTILE
		});
		expectOnlyOwnMarkup(multiplesTooltip(layout, '0:0')!);
		expectNamesAsText(multiplesSvg(layout));
	});
});
