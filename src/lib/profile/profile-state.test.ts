/** A province profile's state without a browser: the build's profiles (real DuckDB in Node), a language standing in for the URL. */
import { describe, expect, it } from 'vitest';
import type { Lang } from '$lib/i18n';
import { createProfileState } from './profile-state.svelte';
import { bundledProfiles } from './profiles.server';

async function profileState(code: string, lang: Lang) {
	const profile = (await bundledProfiles()).get(code)!;
	const view = { lang };
	return { state: createProfileState(() => profile, () => view.lang), view };
}

describe('profile state', () => {
	it("says Nong Khai's facts, its dengue season with the source's caveat, and the Bueng Kan split", async () => {
		const { state, view } = await profileState('43', 'en');
		expect(state.name).toBe('Nong Khai');
		expect(state.facts).toMatch(/^Health zone 8 · Northeast/);
		expect(state.seasons.map((s) => s.indicator.indicator_id)).toEqual(['dengue_cases']);
		const [season] = state.seasons;
		expect(season.title).toBe('Dengue fever (DF) cases by month, 2003–2022');
		expect(season.table.rows).toHaveLength(20);
		expect(season.caveat).toContain('DHF');
		expect(state.notes.some((n) => n.includes('Bueng Kan'))).toBe(true);
		expect(state.exportable.title).toBe('Nong Khai province');
		// The road-death targets judge its latest value.
		expect(state.targetNotes.length).toBeGreaterThan(0);

		// The language follows the URL: Thai names, Buddhist-era years.
		view.lang = 'th';
		expect(state.name).toBe('หนองคาย');
		expect(state.seasons[0].title).toBe('ผู้ป่วยไข้เดงกี (DF) รายเดือน พ.ศ. 2546–2565');
	}, 120_000);

	it('groups every indicator of the profile under its issue area, and marks sample ones', async () => {
		const { state } = await profileState('40', 'en');
		const shown = state.groups.flatMap((g) => g.items.map((i) => i.indicator.indicator_id));
		expect(shown.sort()).toEqual(state.profile.rows.map((r) => r.indicator_id).sort());
		expect(state.hasSample).toBe(state.profile.indicators.some((i) => i.is_sample));
	}, 120_000);
});
