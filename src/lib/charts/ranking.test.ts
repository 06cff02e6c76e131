// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { textWidth } from '$lib/core/text';
import {
	BAR_HEIGHT,
	rankingHeight,
	rankingLayout,
	rankingSvg,
	rankingTable,
	rankingTop,
	type RankingItem
} from './ranking';

const items: RankingItem[] = [
	{ code: '10', label: 'กรุงเทพมหานคร', value: 30.5, colour: '#900' },
	{ code: '40', label: 'ขอนแก่น', value: 21.25, colour: '#c60' },
	{ code: '50', label: 'เชียงใหม่', value: 12, colour: '#fc0' }
];
const format = (v: number) => v.toFixed(1);

const WIDTH = 600;
const layoutOf = (references: { label: string; value: number }[] = []) =>
	rankingLayout(items, format, references, { width: WIDTH });
/** The SVG as a document, to read it the way a browser would. */
const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');

describe('rankingLayout', () => {
	it('gives each item a band in order, and a bar from zero proportional to its value', () => {
		const layout = layoutOf();
		expect(layout.rows.map((r) => r.code)).toEqual(['10', '40', '50']);
		expect(layout.rows.map((r) => r.y)).toEqual([0, 1, 2].map((i) => rankingTop() + i * BAR_HEIGHT));
		const { left, right } = layout.plot;
		// The value axis is niced to 0–40 (the largest value is 30.5).
		expect(layout.ticks.map((t) => t.label)).toEqual(['0.0', '10.0', '20.0', '30.0', '40.0']);
		for (const [row, item] of layout.rows.map((r, i) => [r, items[i]] as const)) {
			expect(row.x).toBeCloseTo(left);
			expect(row.width).toBeCloseTo(((right - left) * item.value) / 40);
			expect(row.valueLabel).toBe(format(item.value));
			expect(row.colour).toBe(item.colour);
		}
		expect(right).toBe(WIDTH - 56);
		expect(layout.height).toBe(rankingHeight(3));
	});

	it('leaves room for the longest name left of the axis', () => {
		const short = rankingLayout([{ ...items[2], label: 'น่าน' }], format, [], { width: WIDTH });
		expect(layoutOf().plot.left).toBeGreaterThan(short.plot.left);
	});

	it('draws negative values leftwards from zero, with their value on the left', () => {
		const layout = rankingLayout(
			[
				{ code: 'a', label: 'A', value: 10, colour: '#000' },
				{ code: 'b', label: 'B', value: -5, colour: '#000' }
			],
			format,
			[],
			{ width: WIDTH }
		);
		const [a, b] = layout.rows;
		expect(b.x + b.width).toBeCloseTo(a.x);
		expect(b.width).toBeCloseTo(a.width / 2);
		expect(b.valueAnchor).toBe('end');
		expect(b.valueX).toBeLessThan(b.x);
	});

	it('draws the references as labelled lines at their values, stretching the axis to reach them', () => {
		const layout = layoutOf([
			{ label: 'เขตสุขภาพที่ 7', value: 24 },
			{ label: 'Average of all provinces', value: 60 }
		]);
		expect(layout.references.map((r) => r.label)).toEqual(['เขตสุขภาพที่ 7 24.0', 'Average of all provinces 60.0']);
		expect(layout.ticks.at(-1)!.label).toBe('60.0');
		const { left, right, top } = layout.plot;
		expect(layout.references[0].x).toBeCloseTo(left + ((right - left) * 24) / 60);
		expect(top).toBe(rankingTop(2));
		// Stacked above the bars, the first reference's label highest.
		expect(layout.references[0].labelY).toBeLessThan(layout.references[1].labelY);
		expect(layout.references[1].labelY).toBeLessThan(top);
		// A label too long to centre over a line near the right edge is kept inside the chart.
		const half = textWidth(layout.references[1].label, 10, 600) / 2;
		expect(layout.references[1].labelX).toBeLessThan(layout.references[1].x);
		expect(layout.references[1].labelX + half).toBeLessThanOrEqual(WIDTH);
		expect(layout.height).toBe(rankingHeight(3, 2));
	});

	it('skips references without a finite value', () => {
		const layout = layoutOf([{ label: 'x', value: Number.NaN }]);
		expect(layout.references).toEqual([]);
		expect(layout.plot.top).toBe(rankingTop());
	});

	it('leaves room for reference labels in the height', () => {
		expect(rankingHeight(77)).toBe(77 * BAR_HEIGHT + 36);
		expect(rankingHeight(77, 2)).toBeGreaterThan(rankingHeight(77));
		expect(rankingHeight(5, 0, 20)).toBe(rankingHeight(5) + 5 * (20 - BAR_HEIGHT));
	});
});

describe('rankingSvg', () => {
	it('is an SVG document of the layout: one row per item with its name, bar and value', () => {
		const layout = layoutOf([{ label: 'ทั้งประเทศ', value: 15 }]);
		const doc = parse(rankingSvg(layout));
		const svg = doc.documentElement;
		expect(svg.getAttribute('width')).toBe(String(WIDTH));
		expect(svg.getAttribute('height')).toBe(String(layout.height));
		const rows = [...svg.querySelectorAll('g.row')];
		expect(rows.map((g) => g.getAttribute('data-code'))).toEqual(['10', '40', '50']);
		expect(rows.map((g) => g.querySelector('text.name')!.textContent)).toEqual(items.map((i) => i.label));
		expect(rows.map((g) => g.querySelector('text.value')!.textContent)).toEqual(['30.5', '21.3', '12.0']);
		expect(rows.map((g) => g.querySelector('rect.bar')!.getAttribute('fill'))).toEqual(items.map((i) => i.colour));
		expect(Number(rows[0].querySelector('rect.bar')!.getAttribute('width'))).toBeCloseTo(layout.rows[0].width, 1);
		expect(svg.querySelector('g.reference text')!.textContent).toBe('ทั้งประเทศ 15.0');
		expect([...svg.querySelectorAll('g.ticks text')].map((t) => t.textContent)).toEqual(
			layout.ticks.map((t) => t.label)
		);
	});

	it('writes names from data as text, and no <style> or script (the pages forbid them)', () => {
		const hostile = '"><script>alert(1)</script><img src=x onerror=alert(1)>';
		const svg = rankingSvg(
			rankingLayout(
				[{ code: '"x', label: hostile, value: 21.3, colour: '#bd0026' }],
				format,
				[{ label: hostile, value: 15 }],
				{
					width: WIDTH
				}
			)
		);
		expect(svg).not.toMatch(/<style|<script|<img/i);
		const doc = parse(svg);
		expect(doc.querySelector('parsererror')).toBeNull();
		expect(doc.querySelector('text.name')!.textContent).toBe(hostile);
		expect(doc.querySelector('g.row')!.getAttribute('data-code')).toBe('"x');
	});
});

describe('rankingTable', () => {
	it('has one row per item, keyed by code, ranked in order', () => {
		const table = rankingTable(items, format, { rank: 'Rank', province: 'Province', value: 'Value' });
		expect(table.columns.map((c) => c.key)).toEqual(['rank', 'province', 'value']);
		expect(table.rows).toMatchObject([
			{ key: '10', cells: { rank: '1', province: 'กรุงเทพมหานคร', value: '30.5' } },
			{ key: '40', cells: { rank: '2', province: 'ขอนแก่น', value: '21.3' } },
			{ key: '50', cells: { rank: '3', province: 'เชียงใหม่', value: '12.0' } }
		]);
		expect(table.rows.map((r) => r.raw)).toEqual(
			items.map((item, i) => ({ rank: i + 1, province: item.label, value: item.value }))
		);
	});

	it('takes ranks from rankOf when given', () => {
		const table = rankingTable(items, format, { rank: 'R', province: 'P', value: 'V' }, (i) =>
			i.code === '40' ? 7 : '–'
		);
		expect(table.rows.map((r) => r.cells.rank)).toEqual(['–', '7', '–']);
	});
});
