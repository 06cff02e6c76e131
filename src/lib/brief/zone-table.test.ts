/** The zone brief's province × indicator table, against the province profiles (bundled exports, real DuckDB). */
import { describe, expect, it } from 'vitest';
import { profileTable } from '$lib/profile/profile-table';
import { bundledProfiles } from '$lib/profile/profiles.server';
import { bundledBriefs } from './brief.server';
import { compare, comparisonWords, toneOf, zoneTable } from './zone-table';

describe('comparisons', () => {
	it('compares at the precision shown: 24.24 against 24.2 is equal at one decimal', () => {
		expect(compare(24.24, 24.2, 1)).toBe('equal');
		expect(compare(24.26, 24.2, 1)).toBe('higher');
		expect(compare(3, 4, 0)).toBe('lower');
		expect(compare(3, null, 0)).toBeNull();
	});

	it('calls higher worse or better by the indicator’s direction', () => {
		expect(toneOf('higher', 'higher', true)).toBe('worse');
		expect(toneOf('higher', 'higher', false)).toBe('better');
		expect(toneOf('lower', 'lower', false)).toBe('worse');
		expect(toneOf('higher', 'lower', true)).toBe('between');
		expect(toneOf('equal', 'higher', true)).toBe('between');
		expect(toneOf(null, 'higher', true)).toBe('between');
	});

	it('says it in words, in Thai and English', () => {
		expect(comparisonWords('th', 'higher', 'higher')).toBe('สูงกว่าเขตและประเทศ');
		expect(comparisonWords('en', 'higher', 'higher')).toBe('above zone and nation');
		expect(comparisonWords('en', 'higher', 'lower')).toBe('above zone, below nation');
		expect(comparisonWords('th', 'lower', 'equal')).toBe('ต่ำกว่าเขต เท่ากับประเทศ');
		expect(comparisonWords('en', null, 'lower')).toBe('below nation');
		expect(comparisonWords('en', null, null)).toBe('');
	});
});

describe('zoneTable (bundled exports)', () => {
	it("holds every indicator for each of zone 10's provinces, as their profiles show them", async () => {
		const [briefs, profiles] = await Promise.all([bundledBriefs(), bundledProfiles()]);
		const brief = briefs.zones.get(10)!;
		for (const lang of ['th', 'en'] as const) {
			const table = zoneTable(brief, lang);
			expect(table.provinces.map((p) => p.code).sort()).toEqual(['34', '35', '37', '49', '33'].sort());
			expect(table.rows.map((r) => r.indicator.indicator_id).sort()).toEqual(
				brief.indicators.map((i) => i.indicator_id).sort()
			);
			const zoneSize = table.provinces.length;
			for (const p of table.provinces) {
				const profile = profileTable(profiles.get(p.code)!, lang);
				for (const row of table.rows) {
					const cell = row.cells.find((c) => c.code === p.code)!;
					const shown = profile.rows.find((r) => r.key === row.indicator.indicator_id)!;
					expect(cell.value, `${p.code} ${row.indicator.indicator_id}`).toBe(shown.cells.value);
					expect(cell.rank).toBe(`${shown.raw!.rankZone}/${zoneSize}`);
				}
			}
		}
	}, 240_000);

	it('compares rates with the zone and the nation, by their direction, and counts not at all', async () => {
		const profiles = await bundledProfiles();
		const brief = (await bundledBriefs()).zones.get(10)!;
		const table = zoneTable(brief, 'en');
		expect(table.anyCount).toBe(true);
		for (const row of table.rows) {
			for (const cell of row.cells) {
				const r = profiles.get(cell.code)!.rows.find((x) => x.indicator_id === row.indicator.indicator_id)!;
				if (row.indicator.aggregation === 'sum') {
					expect([cell.words, cell.tone]).toEqual(['', null]);
					continue;
				}
				const worse = row.indicator.higher_is_worse ? 1 : -1;
				const d = row.indicator.decimals;
				const round = (v: number) => Math.round(v * 10 ** d);
				const zoneSide = Math.sign(round(r.value) - round(r.zone_value!)) * worse;
				const nationSide = Math.sign(round(r.value) - round(r.nation_value!)) * worse;
				expect(cell.tone).toBe(
					zoneSide > 0 && nationSide > 0 ? 'worse' : zoneSide < 0 && nationSide < 0 ? 'better' : 'between'
				);
				expect(cell.words).toMatch(/^(above|below|equal)/);
			}
		}
		// Something of each kind in zone 10, so the shading is not one colour.
		const tones = new Set(table.rows.flatMap((r) => r.cells.map((c) => c.tone)));
		expect(tones).toContain('worse');
		expect(tones).toContain('better');
	}, 240_000);
});
