import { describe, expect, it } from 'vitest';
import { BAR_HEIGHT, rankingHeight, rankingOption, rankingTable, rankingTop, type RankingItem } from './ranking';

const items: RankingItem[] = [
	{ code: '10', label: 'กรุงเทพมหานคร', value: 30.5, colour: '#900' },
	{ code: '40', label: 'ขอนแก่น', value: 21.25, colour: '#c60' },
	{ code: '50', label: 'เชียงใหม่', value: 12, colour: '#fc0' }
];
const format = (v: number) => v.toFixed(1);

type Series = { type: string; data: unknown[]; markLine?: { data: Record<string, unknown>[] } };
const seriesOf = (option: Record<string, unknown>) => option.series as Series[];

describe('rankingOption', () => {
	it('draws one bar per item, in order, carrying its code and colour', () => {
		const option = rankingOption(items, format);
		const [bars] = seriesOf(option);
		expect(bars.type).toBe('bar');
		expect(bars.data).toEqual(items.map((i) => ({ value: i.value, code: i.code, itemStyle: { color: i.colour } })));
		expect((option.yAxis as { data: string[] }).data).toEqual(items.map((i) => i.label));
		expect(bars.markLine).toBeUndefined();
		expect(seriesOf(option)).toHaveLength(1);
	});

	it('draws the references as labelled vertical lines at their values', () => {
		const references = [
			{ label: 'เขตสุขภาพที่ 7', value: 24 },
			{ label: 'ทั้งประเทศ', value: 35.5 }
		];
		const option = rankingOption(items, format, references);
		const [bars, anchor] = seriesOf(option);
		const lines = bars.markLine!.data;
		expect(lines.map((l) => l.xAxis)).toEqual([24, 35.5]);
		expect(lines.map((l) => (l.label as { formatter: string }).formatter)).toEqual([
			'เขตสุขภาพที่ 7 24.0',
			'ทั้งประเทศ 35.5'
		]);
		// The axis stretches to a reference beyond the longest bar.
		expect(anchor.data).toEqual([
			[24, 0],
			[35.5, 0]
		]);
		expect((option.grid as { top: number }).top).toBe(rankingTop(2));
	});

	it('skips references without a finite value', () => {
		const option = rankingOption(items, format, [{ label: 'x', value: Number.NaN }]);
		expect(seriesOf(option)[0].markLine).toBeUndefined();
	});

	it('leaves room for reference labels in the height', () => {
		expect(rankingHeight(77)).toBe(77 * BAR_HEIGHT + 36);
		expect(rankingHeight(77, 2)).toBeGreaterThan(rankingHeight(77));
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
