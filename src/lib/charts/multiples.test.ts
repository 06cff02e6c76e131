import { describe, expect, it } from 'vitest';
import {
	multiplesColumns,
	multiplesLayout,
	multiplesOption,
	multiplesTable,
	panelTitle,
	type IssueAreaPanel
} from './multiples';

const be = (y: number) => `พ.ศ. ${y + 543}`;
const COLOURS = ['#e11d48', '#ea580c', '#ca8a04', '#16a34a', '#0891b2', '#2563eb', '#7c3aed', '#db2777'];

function panel(i: number, isSample = false): IssueAreaPanel {
	return {
		issueAreaId: `area${i}`,
		title: `ประเด็น ${i}`,
		colour: COLOURS[i % COLOURS.length],
		isSample,
		indicatorLabel: `ตัวชี้วัด ${i}`,
		unit: 'ร้อยละ',
		format: (v) => v.toFixed(i % 2),
		series: [
			{ year: 2021, value: 10 + i, reference: 12 },
			{ year: 2022, value: null, reference: 11.5 },
			{ year: 2023, value: 9 + i, reference: null }
		]
	};
}

const panels = Array.from({ length: 8 }, (_, i) => panel(i, i >= 6));
const options = {
	width: 1000,
	formatYear: be,
	valueLabel: 'ขอนแก่น',
	referenceLabel: 'ทั้งประเทศ',
	sampleMarker: 'ตัวอย่าง'
};

type Line = {
	xAxisIndex: number;
	yAxisIndex: number;
	name: string;
	data: (number | null)[];
	lineStyle: { color: string; type?: string };
};

describe('multiplesOption', () => {
	const option = multiplesOption(panels, options);

	it('has one grid, one pair of axes and one title per panel', () => {
		for (const key of ['grid', 'xAxis', 'yAxis', 'title']) expect(option[key], key).toHaveLength(panels.length);
		expect((option.xAxis as { gridIndex: number }[]).map((a) => a.gridIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
	});

	it('draws the value and the reference in each panel, with gaps for nulls', () => {
		const series = option.series as Line[];
		expect(series).toHaveLength(16);
		expect(series[6]).toMatchObject({ xAxisIndex: 3, yAxisIndex: 3, name: 'ขอนแก่น', data: [13, null, 12] });
		expect(series[7]).toMatchObject({ xAxisIndex: 3, yAxisIndex: 3, name: 'ทั้งประเทศ', data: [12, 11.5, null] });
		expect(series[6].lineStyle.color).toBe(COLOURS[3]);
		expect(series[7].lineStyle.type).toBe('dotted');
	});

	it('titles each panel with its issue area, in its colour, marking sample data', () => {
		const titles = option.title as { text: string; subtext: string; textStyle: { color: string } }[];
		expect(titles[0].text).toBe('ประเด็น 0');
		expect(titles[7].text).toBe('ประเด็น 7 · ตัวอย่าง');
		expect(titles[2].subtext).toBe('ตัวชี้วัด 2 (ร้อยละ)');
		expect(titles.map((t) => t.textStyle.color)).toEqual(COLOURS);
	});

	it('lays the panels out 4 × 2 on a wide screen and narrower on small ones', () => {
		const grids = option.grid as { left: number; top: number }[];
		expect(new Set(grids.map((g) => g.left)).size).toBe(4);
		expect(new Set(grids.map((g) => g.top)).size).toBe(2);
		expect(multiplesColumns(1000, 8)).toBe(4);
		expect(multiplesColumns(600, 8)).toBe(2);
		expect(multiplesColumns(360, 8)).toBe(1);
		expect(multiplesColumns(1000, 3)).toBe(3);
		expect(multiplesLayout(360, 8).rows).toBe(8);
		expect(multiplesLayout(1000, 8).height).toBeLessThan(multiplesLayout(600, 8).height);
	});

	it('formats years and values per panel', () => {
		const x = (option.xAxis as { axisLabel: { formatter: (v: string) => string } }[])[0];
		expect(x.axisLabel.formatter('2023')).toBe('พ.ศ. 2566');
		const tip = (option.tooltip as { formatter: (p: unknown) => string }).formatter([{ seriesIndex: 2, dataIndex: 0 }]);
		expect(tip).toContain('ประเด็น 1');
		expect(tip).toContain('พ.ศ. 2564');
		expect(tip).toContain('ขอนแก่น: <b>11.0</b>');
		expect(tip).toContain('ทั้งประเทศ: <b>12.0</b>');
	});

	it('builds an empty chart for no panels and works before the width is known', () => {
		expect(multiplesOption([], options).grid).toEqual([]);
		expect(multiplesOption(panels, { ...options, width: 0 }).grid).toHaveLength(8);
	});
});

describe('multiplesTable', () => {
	it('has one row per panel and year with the formatted values', () => {
		const table = multiplesTable(panels, be, {
			issueArea: 'Issue area',
			indicator: 'Indicator',
			year: 'Year',
			value: 'ขอนแก่น',
			reference: 'ทั้งประเทศ',
			sampleMarker: 'sample'
		});
		expect(table.rows).toHaveLength(panels.length * 3);
		expect(table.rows.map((r) => r.key).slice(0, 3)).toEqual(['area0:2021', 'area0:2022', 'area0:2023']);
		expect(table.rows[3].cells).toEqual({
			issueArea: 'ประเด็น 1',
			indicator: 'ตัวชี้วัด 1 (ร้อยละ)',
			year: 'พ.ศ. 2564',
			value: '11.0',
			reference: '12.0'
		});
		expect(table.rows[4].cells.value).toBe('–');
		expect(table.rows[5].cells.reference).toBe('–');
		expect(table.rows[21].cells.issueArea).toBe('ประเด็น 7 · sample');
		expect(panelTitle(panels[0], 'x')).toBe('ประเด็น 0');
	});
});
