import { describe, expect, it } from 'vitest';
import { scatterOption, scatterTable, type ScatterAxes } from './scatter';

const points = [
	{ code: '10', label: 'Bangkok', x: 1, y: 5, colour: '#111' },
	{ code: '40', label: 'Khon Kaen', x: 3, y: 2, colour: '#222' }
];
const axes: ScatterAxes = {
	x: { name: 'Burden', format: (v) => v.toFixed(1), median: 2 },
	y: { name: 'Coverage', format: (v) => `${v}%`, median: 3.5 },
	medianLabel: 'median'
};

describe('gap scatter', () => {
	it('plots one point per province with its code, and quadrant lines at the medians', () => {
		const option = scatterOption(points, axes) as { series: { data: { code: string; value: number[] }[]; markLine: { data: object[] } }[] };
		expect(option.series[0].data.map((d) => [d.code, ...d.value])).toEqual([
			['10', 1, 5],
			['40', 3, 2]
		]);
		expect(option.series[0].markLine.data).toEqual([
			{ xAxis: 2, label: { formatter: 'median' } },
			{ yAxis: 3.5, label: { formatter: 'median' } }
		]);
	});

	it('drops a quadrant line without a median', () => {
		const option = scatterOption(points, { ...axes, x: { ...axes.x, median: null } }) as {
			series: { markLine: { data: object[] } }[];
		};
		expect(option.series[0].markLine.data).toHaveLength(1);
	});

	it('tabulates the same points', () => {
		expect(scatterTable(points, axes, { province: 'Province' }).rows).toEqual([
			{ key: '10', cells: { province: 'Bangkok', x: '1.0', y: '5%' } },
			{ key: '40', cells: { province: 'Khon Kaen', x: '3.0', y: '2%' } }
		]);
	});
});
