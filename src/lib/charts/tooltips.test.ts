/**
 * ECharts tooltip formatters return HTML: every name in them comes from data files (or a user's own
 * files), so every one must arrive escaped. Each chart's tooltip, fed hostile names, writes them as text.
 */
import { describe, expect, it } from 'vitest';
import type { EChartsCoreOption } from 'echarts/core';
import { distributionOption } from './distribution';
import { multiplesOption } from './multiples';
import { scatterOption } from './scatter';
import { trendOption } from './trend';

const HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(1)>';
const ESCAPED = '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;';
const format = (v: number) => `${HOSTILE}${v}`;

function tooltip(option: EChartsCoreOption, params: unknown): string {
	const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
	return formatter(params);
}

/** No element of the string's own: only the markup the formatter writes. */
function expectOnlyOwnMarkup(html: string) {
	for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(/^<\/?(b|br|strong|span)(\s+style="[^"<>]*")?\s*>$/);
	expect(html).toContain(ESCAPED);
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

	it('zone distribution: points and boxes', () => {
		const zones = [{ zone: 1, label: HOSTILE, values: [1, 2, 3, 4, 5].map((v) => ({ code: `1${v}`, label: HOSTILE, value: v })) }];
		const labels = { count: HOSTILE, min: HOSTILE, q1: HOSTILE, median: HOSTILE, q3: HOSTILE, max: HOSTILE };
		const option = distributionOption(zones, { format, nation: 3, nationLabel: HOSTILE, selectedZone: 1, labels });
		const series = option.series as { data: unknown[] }[];
		expectOnlyOwnMarkup(tooltip(option, { seriesIndex: 0, dataIndex: 0, data: series[0].data[0] }));
		expectOnlyOwnMarkup(tooltip(option, { seriesIndex: 1, dataIndex: 0, data: series[1].data[0] }));
	});

	it('trend', () => {
		const option = trendOption(
			[{ key: 'p', label: HOSTILE, kind: 'province', points: [{ year: 2023, value: 1 }] }],
			format,
			() => HOSTILE
		);
		expectOnlyOwnMarkup(tooltip(option, [{ dataIndex: 0 }]));
	});

	it('issue-area multiples', () => {
		const panel = {
			issueAreaId: 'x',
			title: HOSTILE,
			colour: '#000',
			isSample: true,
			indicatorLabel: HOSTILE,
			unit: HOSTILE,
			format,
			series: [{ year: 2023, value: 1, reference: 2 }]
		};
		const option = multiplesOption([panel], {
			width: 600,
			formatYear: () => HOSTILE,
			valueLabel: HOSTILE,
			referenceLabel: HOSTILE,
			sampleMarker: HOSTILE
		});
		expectOnlyOwnMarkup(tooltip(option, [{ seriesIndex: 0, dataIndex: 0 }]));
	});
});
