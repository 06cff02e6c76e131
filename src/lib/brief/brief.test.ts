/** The briefs' view models: zone ranks that say when they compare partial figures, and the national target on the charts. */
import { describe, expect, it } from 'vitest';
import type { AggregateValue } from '$lib/data/atlas-db';
import { trendLayout, trendSvg } from '$lib/charts/trend';
import { TARGET_COLOUR } from '$lib/charts/theme';
import { briefCharts, briefMap, zoneRanking } from './brief';
import { bundledBriefs } from './brief.server';

const zone = (id: number, value: number | null, provinces: number, total: number): AggregateValue => ({
	scope: 'zone',
	scope_id: String(id),
	year: 2024,
	value,
	provinces,
	provinces_total: total,
	population_share: provinces / total
});

describe('zoneRanking', () => {
	it('ranks the zones with a figure, and counts those computed from part of their provinces', () => {
		const { places, partial } = zoneRanking(
			[
				zone(1, 30, 8, 8),
				zone(2, 20, 4, 5),
				// Withheld: too little of the zone covered, so it is not ranked at all.
				zone(3, null, 1, 7),
				zone(4, 25, 5, 5),
				{ ...zone(5, 99, 77, 77), scope: 'nation', scope_id: 'TH' }
			],
			true
		);
		expect([...places.keys()].sort()).toEqual(['1', '2', '4']);
		expect(places.get('1')).toEqual({ worst: 1, best: 3, of: 3 });
		expect(places.get('2')).toEqual({ worst: 3, best: 1, of: 3 });
		expect(partial).toBe(1);
	});

	it('counts none when every zone is whole', () => {
		expect(zoneRanking([zone(1, 3, 4, 4), zone(2, 4, 5, 5)], false).partial).toBe(0);
	});
});

describe('the national target in the briefs (bundled road deaths, real DuckDB)', () => {
	it("draws the target across the zone's ranking and along the trend, in both languages", async () => {
		const briefs = await bundledBriefs();
		for (const data of [briefs.provinces.get('40')!, briefs.zones.get(7)!]) {
			expect(data.featured.indicator_id).toBe('road_death_rate');
			for (const [lang, label] of [
				['th', 'เป้าหมาย'],
				['en', 'Target']
			] as const) {
				const charts = briefCharts(data, lang);
				// 2024 is judged by the goal of at most 12 per 100 000 by 2027.
				expect(charts.references.find((r) => r.label === label)).toEqual({
					label,
					value: 12,
					colour: TARGET_COLOUR
				});
				const target = charts.trend.find((s) => s.kind === 'target')!;
				expect(target.label).toBe(label);
				const byYear = new Map(target.points.map((p) => [p.year, p.value]));
				// The MOPH KPIs of fiscal 2017 and 2018, then the 2027 goal.
				expect([byYear.get(2017), byYear.get(2018), byYear.get(2024)]).toEqual([18, 16, 12]);
				expect(
					trendSvg(trendLayout(charts.trend, charts.format, charts.formatYear, { width: 400, height: 165 }))
				).toContain(`data-series="target"`);
			}
			// The build-time charts in the page carry it too.
			expect(data.charts.th.trend).toContain('data-series="target"');
			if (data.kind === 'province') expect(data.charts.en.ranking).toContain('Target');
			else expect(data.charts.en.ranking).toBe('');
			expect(data.targets.some((t) => t.target_id === 'road_death_rate_2027')).toBe(true);
		}
	}, 120_000);
});

describe('briefMap', () => {
	it("names the zone's provinces on the printed map, in the brief's language; the national map names none", async () => {
		const briefs = await bundledBriefs();
		const zone10 = briefs.zones.get(10)!;
		for (const lang of ['th', 'en'] as const) {
			const { markup } = briefMap(zone10, lang, { width: 400 });
			for (const p of zone10.zoneProvinces)
				expect(markup).toContain(`data-code="${p.province_code}">${lang === 'th' ? p.name_th : p.name_en}</text>`);
		}
		expect(briefMap(zone10, 'en', { width: 400, national: true }).markup).not.toContain('class="names"');
	}, 120_000);
});
