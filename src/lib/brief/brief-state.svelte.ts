/**
 * A brief's state, apart from its layout: the title and facts, the headline rows (province brief) or
 * the province × indicator table (zone brief), the featured indicator's map, charts and their text
 * tables, the sources, caveat and target notes, in the page's language. No markup: BriefPage.svelte
 * and its parts lay it out (a class: its $derived fields are read as properties); brief-state.test.ts
 * runs it in Node on the build's briefs.
 */
import { rankingTable } from '$lib/charts/ranking';
import { trendCoverageNote } from '$lib/charts/aggregate-lines';
import { trendTable } from '$lib/charts/trend';
import type { AggregateCoverage } from '$lib/core/aggregate-coverage';
import { rankPlaces, type RankPlace } from '$lib/core/ranks';
import { regionIdOf } from '$lib/filters/url-state';
import {
	formatAggregate,
	formatNumber,
	formatRank,
	formatYear,
	localized,
	translate,
	type Lang,
	type MessageKey
} from '$lib/i18n';
import { targetNote } from '$lib/i18n/domain';
import { targetsJudging } from '$lib/core/targets';
import { briefCharts, briefMap, briefSources, featuredIndicator, type BriefData } from './brief';
import { zoneTable } from './zone-table';

export class BriefState {
	readonly #getData: () => BriefData;
	readonly #getLang: () => Lang;
	readonly #getHtmlLang: () => Lang;

	data = $derived.by(() => this.#getData());
	lang = $derived.by(() => this.#getLang());
	/**
	 * The language of the SVG blocks: hydration keeps prerendered {@html} as it is (the Thai
	 * build-time charts), so the page passes the default language until it is mounted.
	 */
	htmlLang = $derived.by(() => this.#getHtmlLang());
	t = (key: MessageKey, vars?: Record<string, string | number>) => translate(this.lang, key, vars);

	province = $derived(this.data.province);
	placeName = $derived(
		this.province ? localized(this.province, 'name', this.lang) : this.t('zone', { zone: this.data.zone })
	);
	title = $derived(
		this.province
			? this.t('brief_title_province', { province: this.placeName })
			: this.t('brief_title_zone', { zone: this.data.zone })
	);
	facts = $derived.by(() => {
		const { province, data, lang, t } = this;
		if (province) {
			const region = regionIdOf(province.region_en);
			return t('profile_facts', {
				zone: t('zone', { zone: province.health_zone }),
				region: region ? t(`region_${region}`) : province.region_en,
				population: formatNumber(lang, province.population),
				year: formatYear(lang, province.population_year)
			});
		}
		return t(data.zoneProvinces.length === 1 ? 'brief_zone_facts_one' : 'brief_zone_facts', {
			count: data.zoneProvinces.length,
			population: formatNumber(
				lang,
				data.zoneProvinces.reduce((sum, p) => sum + p.population, 0)
			),
			year: formatYear(lang, Math.max(...data.zoneProvinces.map((p) => p.population_year)))
		});
	});

	#indicatorOf = $derived(new Map(this.data.indicators.map((i) => [i.indicator_id, i])));
	#areaOf = $derived(new Map(this.data.issueAreas.map((a) => [a.issue_area_id, a])));
	/** Each headline with its indicator and issue area (province brief: one per issue area; zone brief: every indicator). */
	headlines = $derived(
		this.data.headlines.flatMap((h) => {
			const indicator = this.#indicatorOf.get(h.indicator_id);
			const area = indicator ? this.#areaOf.get(indicator.issue_area_id) : undefined;
			return indicator && area ? [{ h, indicator, area }] : [];
		})
	);
	anySample = $derived(this.headlines.some(({ indicator }) => indicator.is_sample));
	/** The zone brief's province × indicator table; null in a province brief. */
	table = $derived(this.province ? null : zoneTable(this.data, this.lang));

	// --- the map and the charts: the featured indicator -------------------------------------
	featured = $derived(featuredIndicator(this.data));
	featuredName = $derived(localized(this.featured, 'name', this.lang));
	featuredUnit = $derived(localized(this.featured, 'unit', this.lang));
	yearLabel = $derived(formatYear(this.lang, this.data.featured.year));
	/** The map as an SVG document. The zone brief gives the page to its table: a lower map with its legend beside it, no ranking chart. */
	map = $derived.by(() => {
		const zone = !this.province;
		const block = briefMap(this.data, this.htmlLang, {
			width: zone ? 360 : 320,
			maxHeight: zone ? 190 : 270,
			idPrefix: 'brief-map',
			details: 'brief-ranking-data',
			legendPlacement: zone ? 'right' : 'auto'
		});
		return `<svg xmlns="http://www.w3.org/2000/svg" width="${block.width}" height="${block.height}" viewBox="0 0 ${block.width} ${block.height}">${block.markup}</svg>`;
	});
	charts = $derived(this.data.charts[this.htmlLang]);
	/** The charts' numbers, for the text tables screen readers get (the SVG charts are images). */
	chartData = $derived(briefCharts(this.data, this.lang));
	#rankingPlaces = $derived(
		rankPlaces(
			this.chartData.ranking.map((r) => ({ key: r.code, value: r.value })),
			this.featured.higher_is_worse
		)
	);
	/** The zone's provinces ranked, ranks in words as everywhere ("2nd worst of 4"). */
	rankingData = $derived(
		rankingTable(
			this.chartData.ranking,
			this.chartData.format,
			{
				rank: this.t('table_rank'),
				province: this.t('table_province'),
				value: this.t('table_value', { unit: this.featuredUnit })
			},
			(item) => this.#rankingPlaces.get(item.code)?.worst ?? '–',
			(item) => formatRank(this.lang, this.#rankingPlaces.get(item.code))
		)
	);
	trendData = $derived(
		trendTable(this.chartData.trend, this.chartData.format, this.chartData.formatYear, {
			year: this.t('table_year')
		})
	);
	trendNote = $derived(trendCoverageNote(this.chartData.trend, this.lang));
	area = $derived(
		this.province
			? `${this.placeName} · ${this.t('zone', { zone: this.data.zone })}`
			: this.t('zone', { zone: this.data.zone })
	);

	sources = $derived(briefSources(this.data));
	caveat = $derived.by(() => {
		const source = this.data.sources.find((s) => s.source_id === this.featured.source_id);
		return source ? localized(source, 'note', this.lang) : '';
	});
	/** The national targets that judge what the brief shows, named with their source under the sources. */
	targetNotes = $derived(
		targetsJudging(this.data.targets, [...this.data.headlines, this.data.featured]).map((goal) =>
			targetNote(this.lang, goal, (v) =>
				formatNumber(this.lang, v, this.#indicatorOf.get(goal.indicator_id ?? '')?.decimals ?? 1)
			)
		)
	);

	constructor(getData: () => BriefData, getLang: () => Lang, getHtmlLang: () => Lang = getLang) {
		this.#getData = getData;
		this.#getLang = getLang;
		this.#getHtmlLang = getHtmlLang;
	}

	/** A headline's figure at its indicator's precision, with what an aggregate covers. */
	format = (indicatorId: string, v: number | null, coverage: AggregateCoverage | null = null): string =>
		formatAggregate(this.lang, v, this.#indicatorOf.get(indicatorId)?.decimals ?? 1, coverage);
	/** Short, worst first ("2/4"), as in the zone brief's table: the words would not fit the page. */
	rank = (r: RankPlace | null): string => (r ? this.t('brief_rank_short', { rank: r.worst, of: r.of }) : '–');
}
