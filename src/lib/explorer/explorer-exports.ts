/**
 * The explorer's five views as Exportables: the same inputs the page draws with (choropleth
 * layers, chart options, table helpers' output), described in words for titles and citations.
 */
import {
	distributionLayout,
	distributionSvg,
	type DistributionLabels,
	type ZoneDistribution
} from '$lib/charts/distribution';
import { multiplesLayout, multiplesSvg, type IssueAreaPanel } from '$lib/charts/multiples';
import { seasonalityLayout, seasonalitySvg, type SeasonalityLabels } from '$lib/charts/seasonality';
import { rankingLayout, rankingSvg, type RankingItem, type RankingReference } from '$lib/charts/ranking';
import type { TableData } from '$lib/core/table';
import { trendLayout, trendSvg, type TrendSeries } from '$lib/charts/trend';
import {
	NATION,
	type AggregateValue,
	type IndicatorYearValue,
	type MonthValue,
	type Target,
	type TrendValue
} from '$lib/data/atlas-db';
import { pointCoverage } from '$lib/core/aggregate-coverage';
import type { IndicatorRow, ProvinceRow, SourceRow } from '$lib/data/contract';
import type { RankPlace } from '$lib/core/ranks';
import { placeNames, tidyTable, type TidyRecord } from '$lib/export/tidy';
import {
	BOUNDARY_SOURCE,
	fileStem,
	POPULATION_SOURCE,
	sourcesById,
	ZONE_SOURCE,
	type Exportable
} from '$lib/export/exportable';
import {
	choroplethLegend,
	indicatorFootnote,
	mapExportable,
	sourceFootnote,
	svgChartExportable,
	type ExportableBase
} from '$lib/export/views';
import type { ViewState } from '$lib/filters/url-state';
import { localized, translate, yearSpan, type Lang, type MessageKey } from '$lib/i18n';
import { legendMethod, type Choropleth } from '$lib/map/choropleth';
import type { ChoroplethLayers } from '$lib/map/layers';
import type { ProjectedMap } from '$lib/map/svg-geometry';
import type { ExplorerData } from '$lib/data/explorer-data';

export interface ExplorerExportInput {
	lang: Lang;
	view: ViewState;
	indicator: IndicatorRow;
	year: number | null;
	province: ProvinceRow | null;
	/** "Health zone 10", "Northeast" or "Thailand". */
	scopeLabel: string;
	/** The place the trend and the multiples are about. */
	focusLabel: string;
	catalogue: readonly IndicatorRow[];
	sources: readonly SourceRow[];
	format: (v: number) => string;
	formatYear: (y: number) => string;
	map: { outline: ProjectedMap; layers: ChoroplethLayers; choropleth: Choropleth };
	ranking: { items: RankingItem[]; references: RankingReference[]; table: TableData };
	trend: { series: TrendSeries[]; table: TableData };
	distribution: {
		zones: ZoneDistribution[];
		nation: number | null;
		/** The nation's line label, with what it covers when partial. */
		nationLabel: string;
		selectedZone: number | null;
		labels: DistributionLabels;
		table: TableData;
	};
	multiples: { panels: IssueAreaPanel[]; table: TableData };
	/** The monthly counts behind the indicator or its count pair (dengue), for the trend's place; null without any. */
	season: {
		indicator: IndicatorRow;
		months: MonthValue[];
		format: (v: number) => string;
		labels: SeasonalityLabels;
		title: string;
		table: TableData;
	} | null;
	/** Sentences about zone and national figures computed from part of the place, or withheld. */
	aggregateNotes: readonly string[];
	/** Years with data of the indicator: its source's dates in the citation. */
	dataYears: readonly number[];
	/** What the tidy CSV and Parquet rows are made of (tidy.ts). */
	tidy: {
		data: ExplorerData | null;
		provinces: readonly ProvinceRow[];
		/** Places of the ranked provinces (those of the filter). */
		rankOf: ReadonlyMap<string, RankPlace>;
		/** The zone whose figure is drawn beside the provinces. */
		zone: number | null;
	};
}

/** The tidy rows of each view (one row per place and year shown). */
function explorerRecords(x: ExplorerExportInput) {
	const { data, provinces, rankOf, zone } = x.tidy;
	const { indicator } = x;
	const byCode = new Map(provinces.map((p) => [p.province_code, p]));
	const names = (t: Target) => {
		if (t.scope !== 'province') return placeNames(t.scope, t.id);
		const p = byCode.get(t.id);
		return { name_th: p?.name_th ?? t.id, name_en: p?.name_en ?? t.id };
	};
	const year = x.year;
	const aggregates = data?.aggregates ?? [];
	const aggregateRecord = (a: AggregateValue, ind = indicator): TidyRecord => ({
		scope: a.scope,
		code: a.scope_id,
		...placeNames(a.scope, a.scope_id),
		indicator: ind,
		year: a.year,
		value: a.value,
		coverage: a
	});
	const provinceRecord = (code: string, value: number | null, rank?: RankPlace | null): TidyRecord => ({
		scope: 'province',
		code,
		...names({ scope: 'province', id: code }),
		indicator,
		year: year ?? 0,
		value,
		rank
	});
	const referenceAggregates = aggregates.filter(
		(a) => a.scope === 'nation' || (a.scope === 'zone' && zone !== null && a.scope_id === String(zone))
	);
	const ranked: TidyRecord[] = [
		...x.ranking.items.map((item) => provinceRecord(item.code, item.value, rankOf.get(item.code))),
		...referenceAggregates.map((a) => aggregateRecord(a))
	];
	const shownZones = new Set(x.distribution.zones.map((z) => String(z.zone)));
	const distribution: TidyRecord[] = [
		...x.distribution.zones.flatMap((z) => z.values.map((v) => provinceRecord(v.code, v.value))),
		...aggregates
			.filter((a) => a.scope === 'nation' || (a.scope === 'zone' && shownZones.has(a.scope_id)))
			.map((a) => aggregateRecord(a))
	];
	const seriesRecords = (target: Target, points: readonly TrendValue[], ind: IndicatorRow): TidyRecord[] =>
		points.map((p) => ({
			scope: target.scope,
			code: target.id,
			...names(target),
			indicator: ind,
			year: p.year,
			value: p.value,
			// A zone's or the nation's year says what it covers (the headline rows carry no coverage).
			coverage: pointCoverage(p)
		}));
	const trend: TidyRecord[] = data
		? [
				...(data.focus.scope !== 'nation' ? seriesRecords(data.focus, data.trend.focus, indicator) : []),
				...(data.trend.zone && zone !== null
					? seriesRecords({ scope: 'zone', id: String(zone) }, data.trend.zone, indicator)
					: []),
				...seriesRecords(NATION, data.trend.nation, indicator)
			]
		: [];
	const indicatorOf = new Map(x.catalogue.map((i) => [i.indicator_id, i]));
	const headlineRecords = (target: Target, rows: readonly IndicatorYearValue[]) =>
		rows.flatMap((r) => {
			const ind = indicatorOf.get(r.indicator_id);
			return ind ? seriesRecords(target, [r], ind) : [];
		});
	const headlines = data?.headlines ?? null;
	const multiples: TidyRecord[] =
		data && headlines
			? [
					...(data.focus.scope !== 'nation' ? headlineRecords(data.focus, headlines.focus) : []),
					...headlineRecords(NATION, headlines.nation)
				]
			: [];
	const table = (records: TidyRecord[]) => tidyTable(x.lang, records, x.sources);
	return {
		ranking: table(ranked),
		distribution: table(distribution),
		trend: table(trend),
		multiples: table(multiples)
	};
}

export interface ExplorerExports {
	map: Exportable;
	ranking: Exportable;
	trend: Exportable;
	distribution: Exportable;
	multiples: Exportable;
	/** Null when the indicator has no monthly counts. */
	season: Exportable | null;
}

/** The indicator's own source, and the population register when zone and national values are population-weighted. */
function indicatorSourceIds(indicator: IndicatorRow): string[] {
	return [indicator.source_id, indicator.aggregation !== 'sum' ? POPULATION_SOURCE : null].filter(
		(id): id is string => id !== null
	);
}

/** A laid-out chart and its markup, as svgChartExportable takes them. */
function drawn<L extends { width: number; height: number }>(layout: L, svg: (layout: L) => string) {
	return { width: layout.width, height: layout.height, markup: svg(layout) };
}

export function explorerExports(x: ExplorerExportInput): ExplorerExports {
	const { lang, view, indicator } = x;
	// Built when a file is asked for, not on every change of the view.
	let tidy: ReturnType<typeof explorerRecords> | null = null;
	const records = () => (tidy ??= explorerRecords(x));
	const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
	const name = localized(indicator, 'name', lang);
	const unit = localized(indicator, 'unit', lang);
	const yearLabel = x.year === null ? '' : x.formatYear(x.year);
	const own = indicatorSourceIds(indicator);
	const sampleNotice = indicator.is_sample ? t('sample_notice') : undefined;
	const caveat = x.sources.find((s) => s.source_id === indicator.source_id);
	const caveatText = caveat ? localized(caveat, 'note', lang) : '';
	const indicatorNotes = [
		indicatorFootnote(lang, indicator),
		...(caveatText ? [`${t('data_caveat')}: ${caveatText}`] : []),
		...x.aggregateNotes
	];
	const selected = x.province ? `${t('selected_province')}: ${localized(x.province, 'name', lang)}` : '';
	const area = t('export_area', { area: x.scopeLabel });
	const subtitle = (...parts: string[]) => [unit, ...parts].filter(Boolean).join(' · ');
	const stem = (id: string) =>
		fileStem(
			'phakhi-atlas',
			id,
			indicator.indicator_id,
			x.year,
			view.region,
			view.zone && `zone${view.zone}`,
			view.province && `province${view.province}`,
			lang
		);

	const sourceDates: Record<string, string> =
		x.dataYears.length > 0
			? {
					[indicator.source_id]: yearSpan(lang, x.dataYears)
				}
			: {};
	const base = (
		id: string,
		title: string,
		sub: string,
		table: TableData,
		sourceIds: (string | null)[],
		notes = indicatorNotes,
		kind: keyof ReturnType<typeof explorerRecords> = 'ranking'
	): ExportableBase => ({
		id,
		lang,
		title,
		subtitle: sub,
		filename: stem(id),
		footnotes: notes,
		sampleNotice,
		sources: sourcesById(x.sources, sourceIds),
		sourceDates,
		table,
		records: () => records()[kind]
	});

	// --- map ------------------------------------------------------------------
	const boundaries = x.sources.find((s) => s.source_id === BOUNDARY_SOURCE);
	const zones = x.sources.find((s) => s.source_id === ZONE_SOURCE);
	const method = legendMethod(lang, view.method, x.map.choropleth);
	const mapTitle = t('map_title', { indicator: name, year: yearLabel });
	const map = mapExportable(
		base(
			'map',
			mapTitle,
			subtitle(area, selected, method, `${t('map_scheme')}: ${t(`scheme_${view.scheme}`)}`),
			// The map's rows are the ranking's: the provinces of the current filter with a value, worst first.
			x.ranking.table,
			[...own, BOUNDARY_SOURCE, ZONE_SOURCE],
			[
				...indicatorNotes,
				...(boundaries ? [sourceFootnote(lang, boundaries, t('footer_boundaries'))] : []),
				...(zones ? [sourceFootnote(lang, zones, t('table_zone'))] : [])
			]
		),
		() => ({
			outline: x.map.outline,
			layers: { ...x.map.layers, highlighted: null },
			label: t('map_aria', { indicator: name, year: yearLabel }),
			legend: choroplethLegend(
				x.map.choropleth,
				{ unit, method, note: t('legend_darker_worse'), noData: t('legend_no_data') },
				x.format
			)
		})
	);

	// --- ranking --------------------------------------------------------------
	const rankingTitle = `${name}: ${t('ranking_zone_title', { scope: x.scopeLabel, year: yearLabel })}`;
	const ranking = svgChartExportable(
		base('ranking', rankingTitle, subtitle(area, selected), x.ranking.table, [
			...own,
			view.zone !== null ? ZONE_SOURCE : null
		]),
		() => drawn(rankingLayout(x.ranking.items, x.format, x.ranking.references, { width: 640 }), rankingSvg)
	);

	// --- trend ----------------------------------------------------------------
	const places = x.trend.series.map((s) => s.label).join(' · ');
	const trend = svgChartExportable(
		base(
			'trend',
			t('trend_focus_title', { indicator: name, places }),
			subtitle(t('export_years'), selected),
			x.trend.table,
			[...own, x.trend.series.some((s) => s.kind === 'zone') ? ZONE_SOURCE : null],
			indicatorNotes,
			'trend'
		),
		() => drawn(trendLayout(x.trend.series, x.format, x.formatYear, { width: 720, height: 360 }), trendSvg)
	);

	// --- distribution -----------------------------------------------------------
	const distribution = svgChartExportable(
		base(
			'distribution',
			`${name}: ${t('distribution_title', { year: yearLabel })}`,
			subtitle(area, selected),
			x.distribution.table,
			[...own, ZONE_SOURCE],
			indicatorNotes,
			'distribution'
		),
		() =>
			drawn(
				distributionLayout(x.distribution.zones, {
					format: x.format,
					nation: x.distribution.nation,
					nationLabel: x.distribution.nationLabel,
					selectedZone: x.distribution.selectedZone,
					labels: x.distribution.labels,
					width: 720
				}),
				distributionSvg
			)
	);

	// --- issue-area multiples ---------------------------------------------------
	const headlineIds = new Set(x.multiples.panels.map((p) => p.issueAreaId));
	const headlines = x.catalogue.filter((i) => i.headline && headlineIds.has(i.issue_area_id));
	const headlineSources = [...new Set(headlines.flatMap(indicatorSourceIds))];
	const multiplesNotes = [...new Set(headlines.map((i) => indicatorFootnote(lang, i)))];
	const multiples = svgChartExportable(
		{
			...base(
				'multiples',
				t('multiples_title', { place: x.focusLabel }),
				[t('export_years'), selected].filter(Boolean).join(' · '),
				x.multiples.table,
				headlineSources,
				multiplesNotes,
				'multiples'
			),
			sampleNotice: x.multiples.panels.some((p) => p.isSample) ? t('sample_notice') : undefined,
			filename: fileStem(
				'phakhi-atlas',
				'multiples',
				view.region,
				view.zone && `zone${view.zone}`,
				view.province && `province${view.province}`,
				lang
			)
		},
		() =>
			drawn(
				multiplesLayout(x.multiples.panels, {
					width: 960,
					formatYear: x.formatYear,
					valueLabel: x.focusLabel,
					referenceLabel: t('nation'),
					sampleMarker: t('chart_sample_marker')
				}),
				multiplesSvg
			)
	);

	// --- the season (monthly counts) -----------------------------------------------
	const shownSeason = x.season;
	const seasonSource = shownSeason && x.sources.find((s) => s.source_id === shownSeason.indicator.source_id);
	const seasonCaveat = seasonSource ? localized(seasonSource, 'note', lang) : '';
	const season = shownSeason
		? svgChartExportable(
				{
					...base(
						'season',
						shownSeason.title,
						subtitle(selected),
						shownSeason.table,
						indicatorSourceIds(shownSeason.indicator),
						[
							indicatorFootnote(lang, shownSeason.indicator),
							...(seasonCaveat ? [`${t('data_caveat')}: ${seasonCaveat}`] : [])
						]
					),
					// Its rows are the table's: one per year, one column per month.
					records: undefined,
					filename: fileStem(
						'phakhi-atlas',
						'season',
						shownSeason.indicator.indicator_id,
						view.zone && `zone${view.zone}`,
						view.province && `province${view.province}`,
						lang
					)
				},
				() =>
					drawn(
						seasonalityLayout(shownSeason.months, shownSeason.format, shownSeason.labels, { width: 720 }),
						seasonalitySvg
					)
			)
		: null;

	return { map, ranking, trend, distribution, multiples, season };
}
