/**
 * A one-page brief for a province or a health zone: plain data (taken at build time) and the view
 * models the page and the build-time chart rendering share, so the charts drawn into the page
 * and the map beside them come from the same numbers.
 */
import type { CoverageTotals } from '$lib/data/coverage-metrics';
import type { RankingItem, RankingReference } from '$lib/charts/ranking';
import { hasValues, trendYears, type TrendSeries } from '$lib/charts/trend';
import { aggregateLines, coveragePoints } from '$lib/charts/aggregate-lines';
import { targetReferences, targetSeries } from '$lib/charts/target-lines';
import { targetFor } from '$lib/core/targets';
import { isPartial, type AggregateCoverage } from '$lib/core/aggregate-coverage';
import { rankPlaces, type RankPlace } from '$lib/core/ranks';
import { NATION, type AggregateValue, type ProfileRow, type TrendValue } from '$lib/data/atlas-db';
import type { IndicatorRow, IssueAreaRow, ProvinceRow, SourceRow, TargetRow } from '$lib/data/contract';
import { BOUNDARY_SOURCE, POPULATION_SOURCE, sourcesById, ZONE_SOURCE, type SvgBlock } from '$lib/export/exportable';
import { mapSvg, type MapSvgInput } from '$lib/export/map-svg';
import { choroplethLegend } from '$lib/export/views';
import { formatNumber, formatYear, localized, translate, type Lang } from '$lib/i18n';
import { buildChoropleth, legendMethod, NO_DATA_COLOUR, type Choropleth } from '$lib/map/choropleth';
import type { ProjectedMap } from '$lib/map/svg-geometry';

export type BriefKind = 'province' | 'zone';

/** One issue area's headline indicator in its latest year with data. */
export interface BriefHeadline {
	indicator_id: string;
	year: number;
	/** The province's value (province brief) or the zone's (zone brief). */
	value: number | null;
	zone: number | null;
	nation: number | null;
	/** What `zone` and `nation` cover; null when there is no such figure. */
	zoneCoverage: AggregateCoverage | null;
	nationCoverage: AggregateCoverage | null;
	/** 1 = worst. Province brief: rank in zone and in the country; zone brief: rank of 13 zones. */
	rank: RankPlace | null;
	rankNation: RankPlace | null;
	/** Zone brief: how many of the zones ranked have a figure from part of their provinces (0: none). */
	partialZones: number;
}

/**
 * The zones ranked by their figures in a year: a withheld figure (too little of the zone covered)
 * is not ranked, and those computed from part of their provinces are counted, so the rank can say
 * that it compares some partial figures.
 */
export function zoneRanking(
	aggregates: readonly AggregateValue[],
	higherIsWorse: boolean
): { places: Map<string, RankPlace>; partial: number } {
	const zones = aggregates.filter((a) => a.scope === 'zone' && a.value !== null);
	return {
		places: rankPlaces(
			zones.map((a) => ({ key: a.scope_id, value: a.value })),
			higherIsWorse
		),
		partial: zones.filter((a) => isPartial(a)).length
	};
}

/** The indicator the map and the two charts show. */
export interface BriefFeatured {
	indicator_id: string;
	year: number;
	/** Every province, so the classes are the national ones the explorer shows. */
	values: { province_code: string; value: number | null }[];
	/** The zone's and the nation's figures that year, with what they cover (a withheld one has no value). */
	aggregates: AggregateValue[];
	trend: { focus: TrendValue[] | null; zone: TrendValue[]; nation: TrendValue[] };
}

export interface BriefData {
	kind: BriefKind;
	zone: number;
	province: ProvinceRow | null;
	/** The zone's provinces, by name. */
	zoneProvinces: ProvinceRow[];
	issueAreas: IssueAreaRow[];
	indicators: IndicatorRow[];
	sources: SourceRow[];
	/** The national targets, to judge the headlines and the featured indicator by (src/lib/data/targets.ts). */
	targets: TargetRow[];
	/** Province brief: each issue area's headline indicator; zone brief: every indicator, by issue area. */
	headlines: BriefHeadline[];
	/** Zone brief: each of the zone's provinces' profile rows (every indicator in its latest year); province brief: none. */
	provinceRows: { province_code: string; rows: ProfileRow[] }[];
	featured: BriefFeatured;
	/** Province outlines in and around the zone (the map is zoomed to it), and every zone outline. */
	outline: ProjectedMap;
	/** The ranking (province brief only) and trend charts as SVG, drawn at build time in each language (the brief needs no script). */
	charts: Record<Lang, { ranking: string; trend: string }>;
	/** Partners and projects in the province or zone; absent when no partner data is loaded. */
	coverage?: CoverageTotals;
}

export const CHART_WIDTH = 400;
export const TREND_HEIGHT = 145;
/** Bars in the brief's ranking: roomier than the explorer's 77-province list, tighter for big zones. */
export const briefBarHeight = (count: number): number => (count >= 7 ? 17 : 20);

export function featuredIndicator(data: Pick<BriefData, 'indicators' | 'featured'>): IndicatorRow {
	const found = data.indicators.find((i) => i.indicator_id === data.featured.indicator_id);
	if (!found) throw new Error(`brief: no indicator ${data.featured.indicator_id}`);
	return found;
}

/** Colours and classes of the featured indicator: the explorer's defaults (quantiles, 5 classes, yellow–red). */
export function briefChoropleth(data: Pick<BriefData, 'indicators' | 'featured'>): Choropleth {
	return buildChoropleth({
		values: data.featured.values,
		classes: 5,
		method: 'quantile',
		scheme: 'ylorrd',
		higherIsWorse: featuredIndicator(data).higher_is_worse
	});
}

export interface BriefCharts {
	format: (v: number) => string;
	formatYear: (y: number) => string;
	ranking: RankingItem[];
	references: RankingReference[];
	trend: TrendSeries[];
}

/** The inputs of the two charts, in a language: the zone's provinces ranked, and the trend. */
export function briefCharts(data: BriefData, lang: Lang): BriefCharts {
	const indicator = featuredIndicator(data);
	const choropleth = briefChoropleth(data);
	const format = (v: number) => formatNumber(lang, v, indicator.decimals);
	const valueOf = new Map(data.featured.values.map((v) => [v.province_code, v.value]));
	const ranking = data.zoneProvinces
		.filter((p) => valueOf.get(p.province_code) != null)
		.map((p) => ({
			code: p.province_code,
			label: localized(p, 'name', lang),
			value: valueOf.get(p.province_code) as number,
			colour: choropleth.colourOf.get(p.province_code) ?? NO_DATA_COLOUR
		}))
		.sort((a, b) => (indicator.higher_is_worse ? b.value - a.value : a.value - b.value));
	const zoneLabel = translate(lang, 'zone', { zone: data.zone });
	const references: RankingReference[] = [
		...aggregateLines(
			data.featured.aggregates,
			[
				{ scope: 'zone', id: String(data.zone), label: zoneLabel },
				{ ...NATION, label: translate(lang, 'chart_nation') }
			],
			lang
		).lines,
		...targetReferences(lang, targetFor(data.targets, indicator.indicator_id, data.featured.year))
	];
	const places = (
		[
			...(data.province && data.featured.trend.focus
				? [
						{
							key: 'focus',
							label: localized(data.province, 'name', lang),
							kind: 'province' as const,
							points: coveragePoints(data.featured.trend.focus, lang)
						}
					]
				: []),
			{ key: 'zone', label: zoneLabel, kind: 'zone', points: coveragePoints(data.featured.trend.zone, lang) },
			{
				key: 'nation',
				label: translate(lang, 'nation'),
				kind: 'nation',
				points: coveragePoints(data.featured.trend.nation, lang)
			}
		] satisfies TrendSeries[]
	).filter(hasValues);
	const trend = [...places, targetSeries(lang, data.targets, indicator.indicator_id, trendYears(places))].filter(
		hasValues
	);
	return { format, formatYear: (y) => formatYear(lang, y), ranking, references, trend };
}

/** Sources the brief draws on: every headline indicator's, the featured one's, population, zones and boundaries. */
export function briefSources(data: Pick<BriefData, 'sources' | 'indicators' | 'headlines' | 'featured'>): SourceRow[] {
	const shown = new Set([...data.headlines.map((h) => h.indicator_id), data.featured.indicator_id]);
	const ids = data.indicators.filter((i) => shown.has(i.indicator_id)).map((i) => i.source_id);
	return sourcesById(data.sources, [...ids, POPULATION_SOURCE, ZONE_SOURCE, BOUNDARY_SOURCE]);
}

/** The provinces to zoom the map to. */
export function briefFocus(data: Pick<BriefData, 'zoneProvinces'>): string[] {
	return data.zoneProvinces.map((p) => p.province_code);
}

/**
 * The featured indicator's map with its legend, in a language: the brief's own (zoomed to the zone,
 * the rest dimmed), and the link preview images' (src/lib/share/preview.server.ts), which may pass the
 * whole country's outline and no zoom.
 */
export function briefMap(
	data: Pick<BriefData, 'indicators' | 'featured' | 'outline' | 'zoneProvinces' | 'province' | 'zone'>,
	lang: Lang,
	options: Pick<MapSvgInput, 'width' | 'maxHeight' | 'idPrefix' | 'details' | 'legendPlacement'> & {
		/** The whole country instead of the zone (no zoom, nothing dimmed, no zone picked out). */
		national?: boolean;
		outline?: ProjectedMap;
	}
): SvgBlock {
	const { national = false, outline = data.outline, ...layout } = options;
	const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
		translate(lang, key, vars);
	const indicator = featuredIndicator(data);
	const choropleth = briefChoropleth(data);
	const focus = national ? [] : briefFocus(data);
	const yearLabel = formatYear(lang, data.featured.year);
	return mapSvg({
		outline,
		layers: {
			colours: choropleth.colourOf,
			noData: new Set(data.featured.values.filter((v) => v.value === null).map((v) => v.province_code)),
			dimmed: new Set(national ? [] : outline.paths.map((p) => p.code).filter((c) => !focus.includes(c))),
			selected: data.province?.province_code ?? null,
			focus,
			zone: national ? null : data.zone,
			// The printed map names the zone's provinces (a paper map has no tooltip).
			named: national
				? []
				: data.zoneProvinces.map((p) => ({ code: p.province_code, name: localized(p, 'name', lang) }))
		},
		legend: choroplethLegend(
			choropleth,
			{
				unit: localized(indicator, 'unit', lang),
				method: legendMethod(lang, 'quantile', choropleth),
				note: t('legend_darker_worse'),
				noData: t('legend_no_data')
			},
			(v: number) => formatNumber(lang, v, indicator.decimals)
		),
		label: t('map_aria', { indicator: localized(indicator, 'name', lang), year: yearLabel }),
		...layout
	});
}
