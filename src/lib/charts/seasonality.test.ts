/** The seasonality heat map, from the bundled monthly dengue counts (real DuckDB in Node). */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { bundledProfiles } from '$lib/profile/profiles.server';
import { NO_DATA_COLOUR } from '$lib/map/choropleth';
import { monthNames } from '$lib/i18n';
import {
	SEASON_COLOURS,
	seasonalityLayout,
	seasonalitySvg,
	seasonalityTable,
	seasonalityTooltip,
	seasonColour,
	seasonThresholds
} from './seasonality';

const labels = { months: monthNames('en'), formatYear: String, noData: 'No data' };
const format = (v: number) => String(Math.round(v));

describe('seasonality heat map', () => {
	it('colours 0 lightest and the peak darkest, on a square-root scale', () => {
		const t = seasonThresholds(700);
		expect(t).toHaveLength(7);
		expect(t.at(-1)).toBe(700);
		expect(seasonColour(0, t)).toBe(SEASON_COLOURS[0]);
		expect(seasonColour(700, t)).toBe(SEASON_COLOURS[6]);
		// A month at a quarter of the peak is in the middle class, not the second lightest.
		expect(seasonColour(175, t)).toBe(SEASON_COLOURS[3]);
	});

	it("draws Khon Kaen's 20 years × 12 months of the profile, each year's months summing to its yearly count", async () => {
		const profile = (await bundledProfiles()).get('40')!;
		const dengue = profile.monthly.find((m) => m.indicator_id === 'dengue_cases')!;
		expect(dengue.months).toHaveLength(240);
		const layout = seasonalityLayout(dengue.months, format, labels, { width: 600 });
		expect(layout.rows.map((r) => r.year)).toEqual(Array.from({ length: 20 }, (_, i) => 2003 + i));
		const doc = new Window().document;
		doc.body.innerHTML = seasonalitySvg(layout);
		expect(doc.querySelectorAll('rect[data-tip]')).toHaveLength(240);
		expect(seasonalityTooltip(layout, '2019-7')).toMatch(/^<b>Jul 2019<\/b>: \d+$/);

		const table = seasonalityTable(dengue.months, format, { ...labels, year: 'Year' });
		expect(table.columns.map((c) => c.label)).toEqual(['Year', ...monthNames('en')]);
		const yearly = profile.trends.filter((t) => t.indicator_id === 'dengue_cases' && t.scope === 'province');
		for (const row of table.rows) {
			const sum = Array.from({ length: 12 }, (_, i) => row.raw![`m${i + 1}`] as number).reduce((a, b) => a + b, 0);
			expect(sum, row.key).toBe(yearly.find((y) => String(y.year) === row.key)?.value);
		}
	}, 120_000);

	it('starts Bueng Kan in 2011 (it was in Nong Khai before), and shows a missing month as missing', async () => {
		const profiles = await bundledProfiles();
		const buengKan = profiles.get('38')!.monthly.find((m) => m.indicator_id === 'dengue_cases')!;
		expect(Math.min(...buengKan.months.map((m) => m.year))).toBe(2011);
		expect(profiles.get('43')!.monthly[0].months.some((m) => m.year === 2003)).toBe(true);
		// Thai month names in the Thai table.
		expect(monthNames('th')[0]).toBe('ม.ค.');

		const gap = seasonalityLayout(
			[
				{ year: 2020, month: 1, value: 5 },
				{ year: 2020, month: 2, value: null }
			],
			format,
			labels,
			{ width: 400 }
		);
		expect(gap.cells.find((c) => c.month === 2)!.colour).toBe(NO_DATA_COLOUR);
		expect(gap.cells.find((c) => c.month === 3)!.value).toBeNull();
		expect(seasonalityTooltip(gap, '2020-2')).toContain('No data');
		expect(
			seasonalityTable(
				gap.cells.map((c) => c),
				format,
				{ ...labels, year: 'Year' }
			).rows[0].cells.m2
		).toBe('–');
	});
});
