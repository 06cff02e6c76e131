/**
 * The explorer's state, apart from its layout: the filters (a view state, read from the URL by the
 * page), what is asked for, the exact answer for it (DuckDB's cube, else the build's snapshot, else a
 * placeholder: answer.ts) and every view model the map, charts, tables and exports draw. No markup:
 * IndicatorExplorer.svelte lays it out and turns events into URL changes; explorer-state.test.ts
 * runs it in Node against the real query module.
 */
import { aggregateLines, coveragePoints, trendCoverageNote } from '$lib/charts/aggregate-lines';
import { distributionSummaryTable, type ZoneDistribution } from '$lib/charts/distribution';
import { multiplesTable, type IssueAreaPanel } from '$lib/charts/multiples';
import { seasonalityLabels, seasonalityTable } from '$lib/charts/seasonality';
import { rankingTable, type RankingItem, type RankingReference } from '$lib/charts/ranking';
import { targetReferences, targetSeries } from '$lib/charts/target-lines';
import { hasValues, trendTable, type TrendSeries } from '$lib/charts/trend';
import { boundaryNotes, notYetProvinces } from '$lib/core/boundary';
import { NATION, type IndicatorRow, type MonthValue, type Target } from '$lib/core/domain';
import { rankPlaces } from '$lib/core/ranks';
import type { TableData } from '$lib/core/table';
import { gapToTarget, targetFor } from '$lib/core/targets';
import { HEALTH_ZONES } from '$lib/core/zones';
import type { AtlasDb } from '$lib/data/atlas-db';
import { focusOf } from '$lib/data/explorer-data';
import { QueryClient } from '$lib/data/query-client.svelte';
import type { FirstView } from '$lib/data/snapshot';
import type { ViewState } from '$lib/filters/url-state';
import { formatNumber, formatRank, formatYear, localized, translate, yearSpan, type MessageKey } from '$lib/i18n';
import { boundaryNoteText, signed, targetLabel } from '$lib/i18n/domain';
import { buildChoropleth, NO_DATA_COLOUR } from '$lib/map/choropleth';
import type { ChoroplethLayers } from '$lib/map/layers';
import { answerSources, answerYears, explorerAnswer, snapshotSource } from './answer';
import { CubeStore } from './cube-store.svelte';
import { explorerExports } from './explorer-exports';
import { keyedMemo } from './memo';
import {
	explorerRequest,
	indicatorChoices,
	likelyNext,
	provincesInFilter,
	resolveIndicator,
	resolveYear,
	selectedProvince
} from './resolve';

/** What the explorer asks of its data: DuckDB (AtlasDb), or the build's cube files (data/cube-files.ts). */
export type ExplorerSource = Pick<AtlasDb, 'indicatorCubeRows' | 'headlineRows' | 'monthlyIndicators' | 'monthly'>;

/** How the explorer reaches its data: the browser's (data/browser-db.ts) on the page, Node's in tests. */
export interface ExplorerDatabase {
	/** DuckDB with the tables, the user's kept files restored: only where the user's files may have changed them. */
	open(): Promise<AtlasDb>;
	/** The build's cube files, read without DuckDB: the same answers for the bundled data (issue 21). */
	files(): ExplorerSource;
	/** The user's own files changed a table the snapshot came from: do not use the snapshot. */
	userDataLoaded(): boolean;
	/** No user files are kept in this browser: the snapshot may be shown before the database opens. */
	noUserFilesKept(): boolean;
}

export type ExplorerState = ReturnType<typeof createExplorerState>;

/** The count behind the indicator, which may have monthly rows (indicator_months): itself, or its count pair (a rate's). */
function countOf(indicator: IndicatorRow, pair: IndicatorRow | null): IndicatorRow | null {
	if (indicator.aggregation === 'sum') return indicator;
	return pair?.aggregation === 'sum' ? pair : null;
}

/** The explorer's state for the view `getView()` returns (the URL's, on the page). */
export function createExplorerState(firstView: FirstView, getView: () => ViewState, database: ExplorerDatabase) {
	const { snapshot, outline } = firstView;
	// The user's own files (src/lib/upload) may have changed what the snapshot was taken from: then
	// these come from DuckDB and the snapshot's views are not used. A browser that keeps the user's
	// files does not show the snapshot's numbers until the database has said whether they did.
	let provinces = $state.raw(snapshot.provinces);
	let catalogue = $state.raw(snapshot.indicators);
	let issueAreas = $state.raw(snapshot.issueAreas);
	let sources = $state.raw(snapshot.sources);
	let targets = $state.raw(snapshot.targets);
	let userData = $state(!database.noUserFilesKept());

	let view = $derived(getView());
	let lang = $derived(view.lang);
	const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);

	let openFailure: string | null = $state(null);
	/** The open source (the build's files or DuckDB), for the questions asked beside the cubes. */
	let db = $state.raw<ExplorerSource | null>(null);
	/** Which indicators have monthly rows: asked once, when a count (or a rate with a count pair) is on screen. */
	const monthlyIndicators = new QueryClient<ReadonlySet<string>>();
	const seasons = new QueryClient<MonthValue[]>();
	let hovered: string | null = $state(null);

	async function start() {
		openFailure = null;
		monthlyIndicators.reset();
		seasons.reset();
		try {
			// No user file can have changed the tables: the build's files answer, and DuckDB is not fetched.
			if (database.noUserFilesKept() && !database.userDataLoaded()) {
				const files = database.files();
				userData = false;
				cubes = new CubeStore(
					files,
					provinces.map((p) => p.province_code)
				);
				db = files;
				return;
			}
			const opened = await database.open();
			userData = database.userDataLoaded();
			if (userData) {
				({ provinces, indicators: catalogue, issueAreas, sources, targets } = await opened.referenceTables());
			}
			cubes = new CubeStore(
				opened,
				provinces.map((p) => p.province_code)
			);
			db = opened;
		} catch (e) {
			openFailure = e instanceof Error ? e.message : String(e);
		}
	}

	// --- what is asked for -------------------------------------------------
	let indicator = $derived(resolveIndicator(catalogue, view));
	let choices = $derived(indicatorChoices(catalogue, view.issue));
	let pair = $derived(catalogue.find((i) => i.indicator_id === indicator.pair_id) ?? null);
	let province = $derived(selectedProvince(provinces, view.province));

	// Every value of the indicator on screen (and of those likely picked next, fetched behind it) is
	// held in memory once read (the build's files, or DuckDB): a year, zone or province change asks nothing.
	// Set once the database is open.
	let cubes = $state.raw<CubeStore | null>(null);
	// --- what is shown: the exact answer for the request (DuckDB's, else the snapshot's), or placeholders ---
	const built = snapshotSource(snapshot);
	let answerFrom = $derived(answerSources(cubes, built, userData));
	let years = $derived(answerYears(answerFrom, indicator.indicator_id) ?? []);
	let year = $derived(resolveYear(years, view.year));

	let request = $derived(year === null ? null : explorerRequest(view, indicator, year, province));
	let shown = $derived(explorerAnswer(request, answerFrom));
	/** Every view shows the request's numbers (the issue areas too). */
	let complete = $derived(shown !== null && shown.headlines !== null);
	let loading = $derived(!complete);
	let failure = $derived(
		openFailure ?? cubes?.failure ?? monthlyIndicators.error?.message ?? seasons.error?.message ?? null
	);
	/** What the views wait for, in words: the year, once it is known. */
	let pendingLabel = $derived(year === null ? t('loading_view') : t('loading_year', { year: formatYear(lang, year) }));

	// --- derived view models -------------------------------------------------
	let values = $derived(shown?.values ?? []);
	let byCode = $derived(new Map(provinces.map((p) => [p.province_code, p])));
	let valueOf = $derived(new Map(values.map((v) => [v.province_code, v.value])));
	let inFilter = $derived(provincesInFilter(provinces, view));
	let filtered = $derived(view.zone !== null || view.region !== null);
	let inFilterSet = $derived(new Set(inFilter));
	// The national target that judges this indicator in this year (targets.ts), if any.
	let target = $derived(year === null ? null : targetFor(targets, indicator.indicator_id, year));
	let choropleth = $derived(
		buildChoropleth({
			values,
			classes: view.classes,
			method: view.method,
			scheme: view.scheme,
			higherIsWorse: indicator.higher_is_worse,
			target
		})
	);
	let noData = $derived(new Set(values.filter((v) => v.value === null).map((v) => v.province_code)));
	let dimmed = $derived(
		new Set(filtered ? provinces.map((p) => p.province_code).filter((c) => !inFilterSet.has(c)) : [])
	);
	let layers: ChoroplethLayers = $derived({
		colours: choropleth.colourOf,
		noData,
		dimmed,
		highlighted: hovered,
		selected: view.province,
		focus: filtered ? inFilter : [],
		zone: view.zone
	});

	let format = $derived((v: number) => formatNumber(lang, v, indicator.decimals));
	let fmtYear = $derived((y: number) => formatYear(lang, y));
	let indicatorName = $derived(localized(indicator, 'name', lang));
	let unit = $derived(localized(indicator, 'unit', lang));
	// Not known yet (an indicator whose years are still loading): an ellipsis, not a guess.
	let yearLabel = $derived(year === null ? '…' : formatYear(lang, year));
	let source = $derived(sources.find((s) => s.source_id === indicator.source_id));
	let sampleNotice = $derived(indicator.is_sample ? t('sample_notice') : undefined);
	const nameOf = (code: string) => (byCode.get(code) ? localized(byCode.get(code)!, 'name', lang) : code);

	let refZone = $derived(province?.health_zone ?? view.zone);
	// The zone's and the nation's figures, each labelled with what it covers (none when withheld).
	let aggregates = $derived(
		aggregateLines(
			shown?.aggregates ?? [],
			[
				...(refZone !== null
					? [{ scope: 'zone' as const, id: String(refZone), label: t('chart_zone_value', { zone: refZone }) }]
					: []),
				{ ...NATION, label: t('chart_nation') }
			],
			lang
		)
	);
	let nationValue = $derived(aggregates.values.get('nation:TH') ?? null);
	let scopeLabel = $derived(
		view.zone !== null
			? t('zone', { zone: view.zone })
			: view.region !== null
				? t(`region_${view.region}`)
				: t('nation')
	);

	let ranking: RankingItem[] = $derived(
		values
			.filter((v) => v.value !== null && inFilterSet.has(v.province_code))
			.map((v) => ({
				code: v.province_code,
				label: nameOf(v.province_code),
				value: v.value as number,
				colour: choropleth.colourOf.get(v.province_code) ?? NO_DATA_COLOUR
			}))
			.sort((a, b) => (indicator.higher_is_worse ? b.value - a.value : a.value - b.value))
	);
	let targetText = $derived(target ? targetLabel(lang, target, format) : null);
	let references: RankingReference[] = $derived([...aggregates.lines, ...targetReferences(lang, target)]);
	/** Places among the provinces ranked (those of the filter), from both ends. */
	let rankingPlaces = $derived(
		rankPlaces(
			ranking.map((r) => ({ key: r.code, value: r.value })),
			indicator.higher_is_worse
		)
	);

	/** A trend's place in words: the province's name, "Health zone 7" or "Thailand". */
	const placeLabel = (focus: Target) =>
		focus.scope === 'province' ? nameOf(focus.id) : focus.scope === 'zone' ? t('zone', { zone: focus.id }) : t('nation');
	let focusLabel = $derived(placeLabel(shown?.focus ?? NATION));
	// The trend depends on the indicator and the focus, not the year; the issue areas only on the focus.
	const trendMemo = keyedMemo<TrendSeries[]>();
	const panelsMemo = keyedMemo<IssueAreaPanel[]>();
	// A placeholder (nothing shown, or the issue areas not known yet) has a key of its own.
	let shownParts = $derived((shown?.key ?? '').split(':'));
	let trendKey = $derived(shown ? `${lang}:${shownParts[0]}:${shownParts[2]}:${shownParts[3]}` : '');
	let panelsKey = $derived(shown?.headlines ? `${lang}:${shownParts[2]}:${shownParts[3]}` : '');

	let trendSeries: TrendSeries[] = $derived(trendMemo(trendKey, () => buildTrendSeries()));
	function buildTrendSeries(): TrendSeries[] {
		if (!shown) return [];
		const series: TrendSeries[] = [];
		if (shown.focus.scope !== 'nation')
			series.push({
				key: 'focus',
				label: focusLabel,
				kind: shown.focus.scope === 'province' ? 'province' : 'zone',
				points: coveragePoints(shown.trend.focus, lang)
			});
		if (shown.trend.zone && refZone !== null)
			series.push({
				key: 'zone',
				label: t('zone', { zone: refZone }),
				kind: 'zone',
				points: coveragePoints(shown.trend.zone, lang)
			});
		series.push({
			key: 'nation',
			label: t('nation'),
			kind: 'nation',
			points: coveragePoints(shown.trend.nation, lang)
		});
		series.push(targetSeries(lang, targets, indicator.indicator_id, years));
		return series.filter(hasValues);
	}

	// Bueng Kan (split from Nong Khai in 2011): said wherever a series or a year crosses the split.
	let trendNotes = $derived(
		boundaryNotes(provinces, shown?.focus.scope === 'province' ? shown.focus.id : null, years).map((n) =>
			boundaryNoteText(lang, n)
		)
	);
	/** The sentence under the trend when some of its points cover part of their place, or null. */
	let trendCoverage = $derived(trendCoverageNote(trendSeries, lang));
	let yearNotes = $derived(year === null ? [] : notYetProvinces(provinces, year));
	let notYet = $derived(new Map(yearNotes.map((n) => [n.child.province_code, boundaryNoteText(lang, n)])));

	// --- the season: the monthly counts behind the indicator or its count pair (dengue), for the trend's place ---
	let seasonCount = $derived(countOf(indicator, pair));
	let seasonIndicator = $derived(
		seasonCount && monthlyIndicators.answer?.value.has(seasonCount.indicator_id) ? seasonCount : null
	);
	// The trend's place, known from the URL before the year is: the province, else the zone, else the nation.
	let seasonFocus = $derived(
		focusOf({ province: province?.province_code ?? null, zone: province?.health_zone ?? view.zone })
	);
	let seasonKey = $derived(
		seasonIndicator ? `${seasonIndicator.indicator_id}:${seasonFocus.scope}:${seasonFocus.id}` : ''
	);
	/** Asks which indicators have months, then the months of the one on screen for its place (in an effect). */
	function askSeason(): Promise<void> | undefined {
		if (!db || !seasonCount) return;
		const opened = db;
		if (!monthlyIndicators.answer) {
			if (monthlyIndicators.pending) return;
			return monthlyIndicators.ask('all', async () => new Set(await opened.monthlyIndicators()));
		}
		if (!seasonIndicator || seasons.answer?.key === seasonKey) return;
		const [id, focus] = [seasonIndicator.indicator_id, seasonFocus];
		return seasons.ask(seasonKey, () => opened.monthly(id, focus));
	}
	/** The season on screen: its months once answered for this indicator and place (null: a placeholder), none without months. */
	let season = $derived.by(() => {
		if (!seasonIndicator) return null;
		const months = seasons.valueFor(seasonKey);
		if (months?.length === 0) return null;
		const name = localized(seasonIndicator, 'name', lang);
		const place = placeLabel(seasonFocus);
		const labels = seasonalityLabels(lang);
		const decimals = seasonIndicator.decimals;
		const format = (v: number) => formatNumber(lang, v, decimals);
		return {
			indicator: seasonIndicator,
			months,
			labels,
			format,
			title: t('season_focus_title', {
				indicator: name,
				years: months ? yearSpan(lang, months.map((m) => m.year)) : '…',
				place
			}),
			label: t('season_aria', { indicator: name, province: place }),
			table: seasonalityTable(months ?? [], format, { ...labels, year: t('table_year') })
		};
	});

	let distribution: ZoneDistribution[] = $derived(
		HEALTH_ZONES.filter(
			(zone) =>
				view.region === null || provinces.some((p) => p.health_zone === zone && inFilterSet.has(p.province_code))
		).map((zone) => ({
			zone,
			label: t('zone', { zone }),
			values: values
				.filter((v) => v.value !== null && byCode.get(v.province_code)?.health_zone === zone)
				.map((v) => ({ code: v.province_code, label: nameOf(v.province_code), value: v.value as number }))
		}))
	);
	const distributionLabels = $derived({
		count: t('stat_count'),
		min: t('stat_min'),
		q1: t('stat_q1'),
		median: t('stat_median'),
		q3: t('stat_q3'),
		max: t('stat_max')
	});

	let panels: IssueAreaPanel[] = $derived(panelsMemo(panelsKey, () => buildPanels()));
	function buildPanels(): IssueAreaPanel[] {
		const headlines = shown?.headlines;
		if (!headlines) return [];
		return issueAreas.flatMap((area) => {
			const headline = catalogue.find((i) => i.issue_area_id === area.issue_area_id && i.headline);
			if (!headline) return [];
			const focus = headlines.focus.filter((r) => r.indicator_id === headline.indicator_id);
			const nation = new Map(
				headlines.nation.filter((r) => r.indicator_id === headline.indicator_id).map((r) => [r.year, r.value])
			);
			return [
				{
					issueAreaId: area.issue_area_id,
					title: localized(area, 'name', lang),
					colour: area.colour,
					isSample: headline.is_sample,
					indicatorLabel: localized(headline, 'name', lang),
					unit: localized(headline, 'unit', lang),
					format: (v: number) => formatNumber(lang, v, headline.decimals),
					series: focus.map((r) => ({ year: r.year, value: r.value, reference: nation.get(r.year) ?? null }))
				}
			];
		});
	}

	// --- the rows behind each view: shown in its table, exported as CSV and Parquet ------------
	let rankingData = $derived(
		withGapColumn(
			rankingTable(
				ranking,
				format,
				{
					rank: t('table_rank'),
					province: t('table_province'),
					value: t('table_value', { unit })
				},
				(item) => rankingPlaces.get(item.code)?.worst ?? '–',
				(item) => formatRank(lang, rankingPlaces.get(item.code))
			)
		)
	);
	/** The ranking's table with the gap to the target beside each value (positive: by how much it misses). */
	function withGapColumn(table: TableData): TableData {
		if (!target) return table;
		const valueOfRow = new Map(ranking.map((r) => [r.code, r.value]));
		return {
			columns: [...table.columns, { key: 'gap', label: t('table_gap', { unit }), numeric: true }],
			rows: table.rows.map((row) => {
				const gap = gapToTarget(target!, valueOfRow.get(row.key)!);
				return { ...row, cells: { ...row.cells, gap: signed(gap, format) }, raw: { ...row.raw, gap } };
			})
		};
	}
	let trendData = $derived(trendTable(trendSeries, format, fmtYear, { year: t('table_year') }));
	let distributionData = $derived(
		distributionSummaryTable(distribution, format, { ...distributionLabels, zone: t('table_zone') })
	);
	let multiplesData = $derived(
		multiplesTable(panels, fmtYear, {
			issueArea: t('table_issue_area'),
			indicator: t('table_indicator'),
			year: t('table_year'),
			value: focusLabel,
			reference: t('nation'),
			sampleMarker: t('chart_sample_marker')
		})
	);
	let exports = $derived(
		explorerExports({
			lang,
			view,
			indicator,
			year,
			province,
			scopeLabel,
			focusLabel,
			catalogue,
			sources,
			format,
			formatYear: fmtYear,
			map: { outline, layers, choropleth },
			ranking: { items: ranking, references, table: rankingData },
			trend: { series: trendSeries, table: trendData },
			distribution: {
				zones: distribution,
				nation: nationValue,
				nationLabel: aggregates.labels.get('nation:TH') ?? t('chart_nation'),
				selectedZone: refZone,
				labels: distributionLabels,
				table: distributionData
			},
			multiples: { panels, table: multiplesData },
			season: season?.months ? { ...season, months: season.months } : null,
			aggregateNotes: aggregates.notes,
			dataYears: years,
			tidy: { data: shown, provinces, rankOf: rankingPlaces, zone: refZone }
		})
	);

	return {
		get provinces() {
			return provinces;
		},
		get catalogue() {
			return catalogue;
		},
		get issueAreas() {
			return issueAreas;
		},
		get sources() {
			return sources;
		},
		get targets() {
			return targets;
		},
		get userData() {
			return userData;
		},
		get view() {
			return view;
		},
		get lang() {
			return lang;
		},
		get t() {
			return t;
		},
		get openFailure() {
			return openFailure;
		},
		get indicator() {
			return indicator;
		},
		get choices() {
			return choices;
		},
		get pair() {
			return pair;
		},
		get province() {
			return province;
		},
		get cubes() {
			return cubes;
		},
		get years() {
			return years;
		},
		get year() {
			return year;
		},
		get request() {
			return request;
		},
		get shown() {
			return shown;
		},
		get complete() {
			return complete;
		},
		get loading() {
			return loading;
		},
		get failure() {
			return failure;
		},
		get pendingLabel() {
			return pendingLabel;
		},
		get values() {
			return values;
		},
		get byCode() {
			return byCode;
		},
		get valueOf() {
			return valueOf;
		},
		get inFilter() {
			return inFilter;
		},
		get filtered() {
			return filtered;
		},
		get inFilterSet() {
			return inFilterSet;
		},
		get target() {
			return target;
		},
		get choropleth() {
			return choropleth;
		},
		get noData() {
			return noData;
		},
		get dimmed() {
			return dimmed;
		},
		get layers() {
			return layers;
		},
		get format() {
			return format;
		},
		get fmtYear() {
			return fmtYear;
		},
		get indicatorName() {
			return indicatorName;
		},
		get unit() {
			return unit;
		},
		get yearLabel() {
			return yearLabel;
		},
		get source() {
			return source;
		},
		get sampleNotice() {
			return sampleNotice;
		},
		get nameOf() {
			return nameOf;
		},
		get refZone() {
			return refZone;
		},
		get aggregates() {
			return aggregates;
		},
		get nationValue() {
			return nationValue;
		},
		get scopeLabel() {
			return scopeLabel;
		},
		get ranking() {
			return ranking;
		},
		get targetText() {
			return targetText;
		},
		get references() {
			return references;
		},
		get rankingPlaces() {
			return rankingPlaces;
		},
		get focusLabel() {
			return focusLabel;
		},
		get trendSeries() {
			return trendSeries;
		},
		get trendNotes() {
			return trendNotes;
		},
		get trendCoverage() {
			return trendCoverage;
		},
		get yearNotes() {
			return yearNotes;
		},
		get notYet() {
			return notYet;
		},
		get distribution() {
			return distribution;
		},
		get distributionLabels() {
			return distributionLabels;
		},
		get panels() {
			return panels;
		},
		get rankingData() {
			return rankingData;
		},
		get trendData() {
			return trendData;
		},
		get distributionData() {
			return distributionData;
		},
		get multiplesData() {
			return multiplesData;
		},
		get exports() {
			return exports;
		},
		get season() {
			return season;
		},
		get hovered() {
			return hovered;
		},
		set hovered(code: string | null) {
			hovered = code;
		},
		/** The province the charts light: the one hovered, else the one chosen. */
		get lit() {
			return hovered ?? view.province;
		},
		/** Opens the database (again, after a failure) and takes the user's tables when they changed the snapshot's. */
		start,
		/** Fetches the cube on screen, and behind it those likely picked next (the page calls it in an effect). */
		prefetch(): void {
			cubes?.want(indicator.indicator_id, likelyNext(choices, indicator));
		},
		askSeason,
		/** The first view's projected outlines. */
		outline
	};
}
