/**
 * Build time only: the data of every brief (77 provinces, 13 zones) from one database session
 * over the bundled exports, with the same queries the explorer and the profiles use, and the two
 * charts drawn as SVG by ECharts' server-side renderer in Thai and English.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { HEALTH_ZONES } from '$lib/core/zones';
import { rankingLayout, rankingSvg } from '$lib/charts/ranking';
import { trendLayout, trendSvg } from '$lib/charts/trend';
import { profileCoverage } from '$lib/core/aggregate-coverage';
import { profileRank } from '$lib/core/ranks';
import type { AtlasDb, ProfileRow } from '$lib/data/atlas-db';
import type { IndicatorRow } from '$lib/data/contract';
import { DATA_DIR, withBundledDb } from '$lib/data/bundled.server';
import { NO_COVERAGE_FILTER } from '$lib/data/coverage-queries';
import { coverageTotals } from '$lib/data/coverage-metrics';
import { loadExplorerData } from '$lib/data/explorer-data';
import { focusBox } from '$lib/export/map-svg';
import { resolveYear } from '$lib/filters/resolve';
import { DEFAULT_INDICATOR } from '$lib/filters/url-state';
import { LANGS } from '$lib/i18n';
import { projectProvinces, type ProjectedMap } from '$lib/map/svg-geometry';
import {
	briefBarHeight,
	briefCharts,
	CHART_WIDTH,
	featuredIndicator,
	TREND_HEIGHT,
	zoneRanking,
	type BriefData,
	type BriefHeadline,
	type BriefKind
} from './brief';

export interface Briefs {
	provinces: Map<string, BriefData>;
	zones: Map<number, BriefData>;
}

let briefs: Promise<Briefs> | null = null;

/** All briefs, computed once per build. */
export function bundledBriefs(): Promise<Briefs> {
	briefs ??= loadBriefs();
	return briefs;
}

async function loadBriefs(): Promise<Briefs> {
	const read = async (file: string) => JSON.parse(await readFile(join(DATA_DIR, file), 'utf8')) as FeatureCollection;
	const outline = projectProvinces(await read('provinces.geojson'), await read('zones.geojson'));
	return withBundledDb(async (db) => {
		const { provinces, indicators, issueAreas, sources, targets } = await db.referenceTables();
		const featured = indicators.find((i) => i.indicator_id === DEFAULT_INDICATOR) ?? indicators[0];
		// The deployment's default year (config.json) when the indicator's years include it, else its latest.
		const featuredYear = resolveYear(await db.years(featured.indicator_id), null);
		if (featuredYear === null) throw new Error(`briefs: the featured indicator ${featured.indicator_id} has no values`);
		const areaOrder = issueAreas.slice().sort((a, b) => a.sort_order - b.sort_order);
		const headlines = areaOrder
			.map((area) => indicators.find((i) => i.issue_area_id === area.issue_area_id && i.headline))
			.filter((i): i is IndicatorRow => i !== undefined);
		// The zone brief's table holds every indicator (headline first within its issue area), each
		// province's value the one its profile shows (the same query: db.provinceProfile).
		const everyIndicator = areaOrder.flatMap((area) =>
			indicators
				.filter((i) => i.issue_area_id === area.issue_area_id)
				.sort((a, b) => Number(b.headline) - Number(a.headline))
		);
		const zoneHeadlines = await zoneHeadlineRows(db, everyIndicator);
		const profiles = new Map<string, ProfileRow[]>();
		for (const province of provinces)
			profiles.set(province.province_code, await db.provinceProfile(province.province_code));

		const common = { issueAreas, indicators, sources, targets };
		const result: Briefs = { provinces: new Map(), zones: new Map() };

		for (const zone of HEALTH_ZONES) {
			const zoneProvinces = provinces.filter((p) => p.health_zone === zone);
			if (zoneProvinces.length === 0) continue;
			const data = await loadExplorerData(db, {
				indicator: featured.indicator_id,
				year: featuredYear,
				zone,
				province: null
			});
			result.zones.set(
				zone,
				withCharts({
					kind: 'zone',
					zone,
					province: null,
					zoneProvinces,
					...common,
					headlines: zoneHeadlines.get(zone) ?? [],
					provinceRows: zoneProvinces.map((p) => ({
						province_code: p.province_code,
						rows: profiles.get(p.province_code) ?? []
					})),
					featured: featuredOf(data, zone, featured.indicator_id, featuredYear, 'zone'),
					outline: around(
						outline,
						zoneProvinces.map((p) => p.province_code)
					)
				})
			);
		}

		for (const province of provinces) {
			const zone = province.health_zone;
			const zoneProvinces = provinces.filter((p) => p.health_zone === zone);
			const data = await loadExplorerData(db, {
				indicator: featured.indicator_id,
				year: featuredYear,
				zone,
				province: province.province_code
			});
			const profile = profiles.get(province.province_code) ?? [];
			const headlineRows: BriefHeadline[] = headlines.flatMap((indicator) => {
				const row = profile.find((r) => r.indicator_id === indicator.indicator_id);
				return row
					? [
							{
								indicator_id: indicator.indicator_id,
								year: row.year,
								value: row.value,
								zone: row.zone_value,
								nation: row.nation_value,
								zoneCoverage: profileCoverage(row, 'zone'),
								nationCoverage: profileCoverage(row, 'nation'),
								rank: profileRank(row, 'zone'),
								rankNation: profileRank(row, 'nation'),
								partialZones: 0
							}
						]
					: [];
			});
			result.provinces.set(
				province.province_code,
				withCharts({
					kind: 'province',
					zone,
					province,
					zoneProvinces,
					...common,
					headlines: headlineRows,
					provinceRows: [],
					featured: featuredOf(data, zone, featured.indicator_id, featuredYear, 'province'),
					outline: around(
						outline,
						zoneProvinces.map((p) => p.province_code)
					)
				})
			);
		}
		// Partners and projects (all issue areas, active partners, projects not cancelled), as on /coverage.
		const coverage = (await db.coverageAnswers()).byProvince(NO_COVERAGE_FILTER);
		for (const [code, brief] of result.provinces)
			brief.coverage = coverageTotals(coverage.filter((r) => r.province_code === code));
		for (const [zone, brief] of result.zones) {
			const codes = new Set(brief.zoneProvinces.map((p) => p.province_code));
			brief.coverage = coverageTotals(coverage.filter((r) => codes.has(r.province_code)));
		}
		return result;
	});
}

function featuredOf(
	data: Awaited<ReturnType<typeof loadExplorerData>>,
	zone: number,
	indicatorId: string,
	year: number,
	kind: BriefKind
): BriefData['featured'] {
	return {
		indicator_id: indicatorId,
		year,
		values: data.values.map((v) => ({ province_code: v.province_code, value: v.value })),
		aggregates: data.aggregates.filter(
			(a) => (a.scope === 'zone' && a.scope_id === String(zone)) || a.scope === 'nation'
		),
		trend: {
			focus: kind === 'province' ? data.trend.focus : null,
			zone: kind === 'province' ? (data.trend.zone ?? []) : data.trend.focus,
			nation: data.trend.nation
		}
	};
}

/** Each zone's rows of the indicators given: its value and the nation's in the latest year, its rank among zones. */
async function zoneHeadlineRows(db: AtlasDb, indicators: IndicatorRow[]): Promise<Map<number, BriefHeadline[]>> {
	const out = new Map<number, BriefHeadline[]>();
	for (const indicator of indicators) {
		const years = await db.years(indicator.indicator_id);
		const year = years[years.length - 1];
		if (year === undefined) continue;
		const aggregates = await db.aggregates(indicator.indicator_id, year);
		const zoneRanks = zoneRanking(aggregates, indicator.higher_is_worse);
		const nationAggregate = aggregates.find((a) => a.scope === 'nation') ?? null;
		const nation = nationAggregate?.value ?? null;
		for (const zone of HEALTH_ZONES) {
			const row: BriefHeadline = {
				indicator_id: indicator.indicator_id,
				year,
				value: aggregates.find((a) => a.scope === 'zone' && a.scope_id === String(zone))?.value ?? null,
				zone: null,
				nation,
				zoneCoverage: aggregates.find((a) => a.scope === 'zone' && a.scope_id === String(zone)) ?? null,
				nationCoverage: nationAggregate,
				rank: zoneRanks.places.get(String(zone)) ?? null,
				rankNation: null,
				partialZones: zoneRanks.partial
			};
			out.set(zone, [...(out.get(zone) ?? []), row]);
		}
	}
	return out;
}

/** Only the provinces whose outline meets the zoomed view: the page carries a fraction of the map. */
function around(outline: ProjectedMap, focus: string[]): ProjectedMap {
	const [x, y, w, h] = focusBox(outline, focus);
	return {
		...outline,
		paths: outline.paths.filter((p) => p.box[2] >= x && p.box[0] <= x + w && p.box[3] >= y && p.box[1] <= y + h)
	};
}

function withCharts(data: Omit<BriefData, 'charts'>): BriefData {
	const charts = {} as BriefData['charts'];
	for (const lang of LANGS) {
		const c = briefCharts({ ...data, charts: charts }, lang);
		charts[lang] = {
			// The zone brief's table ranks every indicator: it draws no ranking chart.
			ranking:
				data.kind === 'province'
					? rankingSvg(
							rankingLayout(c.ranking, c.format, c.references, {
								width: CHART_WIDTH,
								band: briefBarHeight(c.ranking.length)
							})
						)
					: '',
			trend: trendSvg(trendLayout(c.trend, c.format, c.formatYear, { width: CHART_WIDTH, height: TREND_HEIGHT }))
		};
	}
	// Checked here so a catalogue change that drops the featured indicator fails the build, not the page.
	featuredIndicator(data);
	return { ...data, charts };
}
