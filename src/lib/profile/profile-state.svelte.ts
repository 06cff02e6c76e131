/**
 * A province profile's state, apart from its layout: the facts line, the indicators by issue area,
 * the targets and boundary notes, dengue's season and the export, in the page's language. No markup:
 * ProvinceProfile.svelte lays it out; profile-state.test.ts runs it in Node on the build's profiles.
 */
import { seasonalityLabels, seasonalityTable } from '$lib/charts/seasonality';
import { boundaryNotes } from '$lib/core/boundary';
import { targetsJudging } from '$lib/core/targets';
import { fileStem, POPULATION_SOURCE, sourcesById, ZONE_SOURCE } from '$lib/export/exportable';
import { indicatorFootnote, tableExportable } from '$lib/export/views';
import { regionIdOf } from '$lib/filters/url-state';
import { formatNumber, formatYear, localized, translate, yearSpan, type Lang, type MessageKey } from '$lib/i18n';
import { boundaryNoteText, targetNote } from '$lib/i18n/domain';
import { byIssueArea, type ProvinceProfile } from './profile';
import { profileRecords, profileTable } from './profile-table';

export type ProfileState = ReturnType<typeof createProfileState>;

/** The profile `getProfile()` returns, in the language `getLang()` returns (the URL's, on the page). */
export function createProfileState(getProfile: () => ProvinceProfile, getLang: () => Lang) {
	let profile = $derived(getProfile());
	let lang = $derived(getLang());
	const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);

	let province = $derived(profile.province);
	let groups = $derived(byIssueArea(profile));
	let name = $derived(localized(province, 'name', lang));
	let region = $derived(regionIdOf(province.region_en));
	let facts = $derived(
		t('profile_facts', {
			zone: t('zone', { zone: province.health_zone }),
			region: region ? t(`region_${region}`) : province.region_en,
			population: formatNumber(lang, province.population),
			year: formatYear(lang, province.population_year)
		})
	);
	let hasSample = $derived(profile.indicators.some((i) => i.is_sample));
	let exportable = $derived(
		tableExportable({
			id: 'profile',
			lang,
			title: t('profile_heading', { province: name }),
			subtitle: facts,
			filename: fileStem('phakhi-atlas', 'profile', `province${province.province_code}`, lang),
			footnotes: [...new Set(profile.indicators.map((i) => indicatorFootnote(lang, i)))],
			sampleNotice: hasSample ? t('sample_notice') : undefined,
			sources: sourcesById(profile.sources, [
				...profile.indicators.map((i) => i.source_id),
				POPULATION_SOURCE,
				ZONE_SOURCE
			]),
			table: profileTable(profile, lang),
			records: () => profileRecords(profile, lang)
		})
	);

	// The national targets that judge an indicator's latest value, in words.
	let targetNotes = $derived(
		targetsJudging(profile.targets, profile.rows).map((goal) => ({
			id: goal.target_id,
			text: targetNote(lang, goal, (v) => formatNumber(lang, v, 1))
		}))
	);
	// Nong Khai / Bueng Kan: their series cross the 2011 split.
	let notes = $derived(
		boundaryNotes(
			profile.provinces,
			province.province_code,
			profile.trends.filter((r) => r.scope === 'province' && r.value !== null).map((r) => r.year)
		).map((n) => boundaryNoteText(lang, n))
	);

	// Seasonality of the counts with monthly rows behind them (dengue cases), with their source's caveats.
	let seasons = $derived.by(() => {
		const labels = seasonalityLabels(lang);
		const format = (v: number) => formatNumber(lang, v);
		return profile.monthly.flatMap(({ indicator_id, months }) => {
			const indicator = profile.indicators.find((i) => i.indicator_id === indicator_id);
			if (!indicator || months.length === 0) return [];
			const source = profile.sources.find((s) => s.source_id === indicator.source_id);
			const indicatorName = localized(indicator, 'name', lang);
			return [
				{
					indicator,
					months,
					labels,
					format,
					title: t('season_title', { indicator: indicatorName, years: yearSpan(lang, months.map((m) => m.year)) }),
					label: t('season_aria', { indicator: indicatorName, province: name }),
					table: seasonalityTable(months, format, { ...labels, year: t('table_year') }),
					caveat: source ? localized(source, 'note', lang) : ''
				}
			];
		});
	});

	return {
		get profile() {
			return profile;
		},
		get lang() {
			return lang;
		},
		t,
		get province() {
			return province;
		},
		get groups() {
			return groups;
		},
		get name() {
			return name;
		},
		get facts() {
			return facts;
		},
		get hasSample() {
			return hasSample;
		},
		get exportable() {
			return exportable;
		},
		get targetNotes() {
			return targetNotes;
		},
		get notes() {
			return notes;
		},
		get seasons() {
			return seasons;
		}
	};
}
