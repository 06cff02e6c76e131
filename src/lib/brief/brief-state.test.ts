/** A brief's state without a browser: the build's briefs (real DuckDB in Node), a language standing in for the URL. */
import { describe, expect, it } from 'vitest';
import type { Lang } from '$lib/i18n';
import { BriefState } from './brief-state.svelte';
import { bundledBriefs } from './brief.server';

describe('brief state', () => {
	it("zone 10: the title and facts, the province × indicator table, the map naming the zone's provinces, in the URL's language", async () => {
		const data = (await bundledBriefs()).zones.get(10)!;
		const view = { lang: 'en' as Lang };
		const s = new BriefState(
			() => data,
			() => view.lang
		);
		expect(s.title).toBe('Health zone 10: brief');
		expect(s.facts).toMatch(/^5 provinces · population [\d,]+ \(civil registration, \d{4}\)$/);
		expect(s.table?.provinces.map((p) => p.name)).toContain('Ubon Ratchathani');
		expect(s.table?.rows).toHaveLength(data.indicators.length);
		expect(s.map).toContain('>Ubon Ratchathani</text>');
		// No ranking chart in a zone brief, but its numbers as text for the map's aria-details.
		expect(s.charts.ranking).toBe('');
		expect(s.rankingData.rows).toHaveLength(5);
		expect(s.sources.length).toBeGreaterThan(3);
		expect(s.targetNotes.some((n) => n.includes('12.0'))).toBe(true);

		view.lang = 'th';
		expect(s.title).toBe('สรุปข้อมูลเขตสุขภาพที่ 10');
		expect(s.table?.provinces.map((p) => p.name)).toContain('อุบลราชธานี');
		expect(s.yearLabel).toMatch(/^พ\.ศ\. 25\d\d$/);
	}, 120_000);

	it('Khon Kaen: the headline per issue area with short ranks, the ranking chart, and the SVG language apart from the text', async () => {
		const data = (await bundledBriefs()).provinces.get('40')!;
		const s = new BriefState(
			() => data,
			() => 'en',
			() => 'th'
		);
		expect(s.title).toBe('Khon Kaen province: brief');
		expect(s.facts).toMatch(/^Health zone 7 · Northeast/);
		expect(s.table).toBeNull();
		expect(s.headlines.map((h) => h.area.issue_area_id)).toEqual(
			[...new Set(data.indicators.filter((i) => i.headline).map((i) => i.issue_area_id))].sort(
				(a, b) =>
					data.issueAreas.find((x) => x.issue_area_id === a)!.sort_order -
					data.issueAreas.find((x) => x.issue_area_id === b)!.sort_order
			)
		);
		const road = s.headlines.find((h) => h.h.indicator_id === 'road_death_rate')!;
		expect(s.rank(road.h.rank)).toMatch(/^\d\/4$/);
		expect(s.rank(null)).toBe('–');
		// Before the page is mounted the SVG blocks stay in the prerendered (Thai) language.
		expect(s.map).toContain('>ขอนแก่น</text>');
		expect(s.charts.ranking).toContain('เป้าหมาย');
		expect(s.rankingData.rows[0].cells.rank).toMatch(/of 4$/);
	}, 120_000);
});
