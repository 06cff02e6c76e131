// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { textWidth } from '$lib/core/text';
import {
	multiplesColumns,
	multiplesGrid,
	multiplesLayout,
	multiplesSvg,
	multiplesTable,
	multiplesTooltip,
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

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');

describe('multiplesLayout and multiplesSvg', () => {
	const layout = multiplesLayout(panels, options);
	const doc = parse(multiplesSvg(layout));
	const panelG = (i: number) => doc.querySelectorAll('g.panel')[i];

	it('draws one panel per issue area, each with its own value axis', () => {
		expect([...doc.querySelectorAll('g.panel')].map((g) => g.getAttribute('data-issue-area'))).toEqual(
			panels.map((p) => p.issueAreaId)
		);
		// Panel 7 reaches 16 (9 + 7), panel 0 only 12: their axes differ.
		expect(layout.panels[7].yTicks.at(-1)!.label).not.toBe(layout.panels[0].yTicks.at(-1)!.label);
		expect(panelG(0).querySelectorAll('g.y-axis text').length).toBeGreaterThanOrEqual(2);
	});

	it('draws the value and the reference in each panel, broken at nulls', () => {
		const p3 = layout.panels[3];
		const { top, bottom } = p3.plot;
		expect(p3.value.map((p) => p !== null)).toEqual([true, false, true]);
		expect(p3.reference.map((p) => p !== null)).toEqual([true, true, false]);
		const hi = Number(p3.yTicks.at(-1)!.label);
		expect(p3.value[0]!.y).toBeCloseTo(bottom - (13 / hi) * (bottom - top));
		// The value has no two neighbouring years: two points and no line; the reference joins two years.
		expect(panelG(3).querySelector('g.value path')).toBeNull();
		expect(panelG(3).querySelectorAll('g.value circle')).toHaveLength(2);
		expect(panelG(3).querySelector('g.value')!.getAttribute('fill')).toBe(COLOURS[3]);
		const reference = panelG(3).querySelector('path.reference')!;
		expect(reference.getAttribute('d')!.match(/[ML]/g)).toEqual(['M', 'L']);
		expect(reference.getAttribute('stroke-dasharray')).not.toBeNull();
	});

	it('titles each panel with its issue area, in its colour, marking sample data', () => {
		const titles = [...doc.querySelectorAll('text.title')];
		expect(titles[0].textContent).toBe('ประเด็น 0');
		expect(titles[7].textContent).toBe('ประเด็น 7 · ตัวอย่าง');
		expect(doc.querySelectorAll('text.subtitle')[2].textContent).toBe('ตัวชี้วัด 2 (ร้อยละ)');
		expect(titles.map((t) => t.getAttribute('fill'))).toEqual(COLOURS);
	});

	it('cuts a title too long for its panel with an ellipsis', () => {
		const long = { ...panel(0), title: 'การส่งเสริมกิจกรรมทางกายและการลดพฤติกรรมเนือยนิ่งในชุมชนทุกช่วงวัย' };
		const narrow = multiplesLayout([long, ...panels.slice(1)], options).panels[0];
		expect(narrow.title.endsWith('…')).toBe(true);
		expect(long.title.startsWith(narrow.title.slice(0, -1))).toBe(true);
		expect(textWidth(narrow.title, 13, 600)).toBeLessThanOrEqual(
			layout.panels[0].plot.right - layout.panels[0].left + 8
		);
	});

	it('lays the panels out 4 × 2 on a wide screen and narrower on small ones', () => {
		expect(new Set(layout.panels.map((p) => p.left)).size).toBe(4);
		expect(new Set(layout.panels.map((p) => p.top)).size).toBe(2);
		expect(layout.height).toBe(multiplesGrid(1000, 8).height);
		expect(multiplesColumns(1000, 8)).toBe(4);
		expect(multiplesColumns(600, 8)).toBe(2);
		expect(multiplesColumns(360, 8)).toBe(1);
		expect(multiplesColumns(1000, 3)).toBe(3);
		expect(multiplesGrid(360, 8).rows).toBe(8);
		expect(multiplesGrid(1000, 8).height).toBeLessThan(multiplesGrid(600, 8).height);
	});

	it('names the first and last year, and shows a year of a panel in its tooltip', () => {
		expect([...panelG(0).querySelectorAll('text')].map((t) => t.textContent)).toEqual(
			expect.arrayContaining(['พ.ศ. 2564', 'พ.ศ. 2566'])
		);
		expect(panelG(0).querySelectorAll('g.year[data-tip]')).toHaveLength(3);
		const tip = multiplesTooltip(layout, '1:0')!;
		expect(tip).toContain('ประเด็น 1');
		expect(tip).toContain('พ.ศ. 2564');
		expect(tip).toContain('ขอนแก่น: <b>11.0</b>');
		expect(tip).toContain('ทั้งประเทศ: <b>12.0</b>');
		expect(multiplesTooltip(layout, '1:1')).toContain('ขอนแก่น: <b>–</b>');
		expect(multiplesTooltip(layout, '8:0')).toBeNull();
	});

	it('draws an empty chart for no panels and works before the width is known', () => {
		expect(parse(multiplesSvg(multiplesLayout([], options))).querySelectorAll('g.panel')).toHaveLength(0);
		expect(multiplesLayout(panels, { ...options, width: 0 }).panels).toHaveLength(8);
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
