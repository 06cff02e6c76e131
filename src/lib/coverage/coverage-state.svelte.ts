/**
 * The coverage page's state, apart from its layout: the filter (a view state, read from the URL by the
 * page), the counts by province and the districts nobody covers (the build's first view until the
 * summary is read), the map's points for the zoom level in view, the selected province's districts, the
 * project record, and the tables and exports made of them. Once the summary is in memory the counts
 * and the map's groups are derived from the filter at once, so a filter change updates every view in
 * place, in the same update; what has to be fetched (the points themselves, a project's record, the
 * districts' shapes) goes through a QueryClient, which drops answers to questions no longer asked. No
 * markup: CoverageView.svelte lays it out, calls the `ask…` methods in effects and turns events into
 * URL changes; coverage-state.test.ts runs it in Node.
 */
import { rankingLayout, rankingSvg, rankingTable, type RankingItem } from '$lib/charts/ranking';
import { NETWORK_SAMPLE_SOURCE_ID, type InstalmentRow, type ProjectRow, type QualityIssueRow } from '$lib/core/domain';
import type { CoverageAnswers } from '$lib/data/coverage-index';
import { coverageTotals, coverageValue, MEASURE_DECIMALS } from '$lib/data/coverage-metrics';
import {
	MAP_POINT_LIMIT,
	type DistrictCoverage,
	type MapPoint,
	type ProvinceCoverage,
	type UncoveredDistrict
} from '$lib/data/coverage-queries';
import { RAW_POINTS_LEVEL } from '$lib/data/coverage-summary';
import { QueryClient } from '$lib/data/query-client.svelte';
import type { FirstView } from '$lib/data/snapshot';
import { BOUNDARY_SOURCE, fileStem, POPULATION_SOURCE, sourcesById } from '$lib/export/exportable';
import { tidyTable } from '$lib/export/tidy';
import { sourceFootnote, svgChartExportable } from '$lib/export/views';
import { chooseProvince, chooseZone, provinceInZone, provincesInFilter } from '$lib/filters/resolve';
import type { ViewState } from '$lib/filters/url-state';
import { formatNumber, formatRank, localized, translate, type MessageKey } from '$lib/i18n';
import { buildChoropleth, NO_DATA_COLOUR } from '$lib/map/choropleth';
import type { ChoroplethLayers } from '$lib/map/layers';
import {
	groupForMap,
	paddedBounds,
	pointLevel,
	type Bounds,
	type MapPointGroups,
	type PointRequest
} from '$lib/map/point-groups';
import type { FeatureCollection } from 'geojson';
import { untrack } from 'svelte';
import { PARTNER_TYPE_COLOURS, PROJECT_COLOUR, pointGroupsGeoJson } from './categories';
import {
	coverageMeasure,
	coverageRanks,
	coverageRecords,
	filterWords,
	NETWORK_SOURCE_IDS,
	uncoveredRecords,
	qualityRecords
} from './coverage-exports';
import { coverageFilterKey, coverageFilterOf, coverageResult, type CoverageResult } from './coverage-filter';
import type { CoverageSource } from './coverage-source.svelte';

/** A project as its record shows it: the project row (null: no such project), its instalments and its warnings. */
export interface ProjectRecordData {
	code: string;
	project: ProjectRow | null;
	instalments: InstalmentRow[];
	issues: QualityIssueRow[];
}

/** What the coverage page reaches beyond its filter: the database, the user's kept files, the app's static files. */
export interface CoverageDeps {
	source: CoverageSource;
	/** No user files are kept in this browser: the build's first view may be shown before the database answers. */
	noUserFilesKept(): boolean;
	/** A file of the app's data folder (districts.geojson). */
	fetchFile(file: string): Promise<Uint8Array>;
}

export type CoverageState = ReturnType<typeof createCoverageState>;

/** The coverage page's state for the view `getView()` returns (the URL's, on the page). */
export function createCoverageState(
	firstView: FirstView & { first: CoverageResult },
	getView: () => ViewState,
	{ source, noUserFilesKept, fetchFile }: CoverageDeps
) {
	const { snapshot, outline, first } = firstView;
	const { provinces, issueAreas } = snapshot;

	let view = $derived(getView());
	let lang = $derived(view.lang);
	const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);

	/** DuckDB, once a question needed it (the points themselves, a record); the first answers never wait for it. */
	let db = $derived(source.db);
	/** The first answers' data is in: every filter can be answered. */
	let ready = $derived(source.data !== null);
	let networks = $derived(source.networks);
	let failure = $derived(source.failure);
	let hovered: string | null = $state(null);
	/** Null until the database has read them: their count is unknown, not zero. */
	let quality = $state.raw<QualityIssueRow[] | null>(null);
	let answers = $state.raw<CoverageAnswers | null>(null);
	const fail = (e: unknown) => source.fail(e);

	/** Opens the database and reads what every filter needs (the page calls it once mounted). */
	function open(): void {
		source.open(async (data) => {
			// The filters answer once the summary is in; the data-quality report (its own panel, '…' until
			// then) is read after it, never beside it: at national sizes it is hundreds of thousands of rows,
			// and decoded first in the same worker it held the summary up by a second (issue 19).
			answers = await data.coverageAnswers();
			// Read by the benchmark: the network tables and the coverage summary are in, every filter can be answered.
			performance.mark('coverage:loaded');
			quality = await data.qualityIssues();
		});
	}

	let filter = $derived(coverageFilterOf(view));
	let filterKey = $derived(coverageFilterKey(filter));
	// The prerendered first view (the build's answer for a URL without filters) until the summary is read.
	const prerendered = untrack(() => (first.key === filterKey && noUserFilesKept() ? first : null));
	/**
	 * Runs an answer from memory for the filter in the URL: again only when the filter changed (its key),
	 * not on every change of the URL. A failure is the page's error, and its views keep their placeholders.
	 */
	const fromMemory = <T>(answer: (from: CoverageAnswers, asked: typeof filter) => T): T | null => {
		const from = answers;
		void filterKey;
		if (!from) return null;
		try {
			return untrack(() => answer(from, filter));
		} catch (e) {
			// Not inside the derivation: the failure is state of its own.
			queueMicrotask(() => fail(e));
			return null;
		}
	};
	// The filter's counts, from the summary in memory; before it is read, the build's first view while it
	// answers the URL's filter (and no user files may have changed it), else placeholders.
	let result = $derived(
		answers
			? fromMemory((from, asked) => coverageResult(from, asked))
			: prerendered?.key === filterKey
				? prerendered
				: null
	);

	// The map's points, grouped for the zoom level and part of the map in view, asked again when the
	// filter changes or the map moves out of what was asked for.
	let pointRequest = $state.raw<PointRequest | null>(null);
	/** The last request below RAW_POINTS_LEVEL: its groups, from the summary, stand in while single points are fetched. */
	let groupRequest = $state.raw<PointRequest | null>(null);
	function viewChanged(view: { zoom: number; bounds: Bounds }) {
		const level = pointLevel(view.zoom);
		const [w, s, e, n] = view.bounds;
		const asked = pointRequest?.bounds;
		if (pointRequest?.level === level && asked && w >= asked[0] && s >= asked[1] && e <= asked[2] && n <= asked[3])
			return;
		// Where single points show, exactly the view: its provinces' points are fetched, and no more.
		pointRequest = { level, bounds: level >= RAW_POINTS_LEVEL ? view.bounds : paddedBounds(view.bounds) };
		if (level < RAW_POINTS_LEVEL) groupRequest = pointRequest;
	}
	/** Each district's points under the filter, grouped for the zoom level: from the summary in memory. */
	let summaryGroups = $derived.by(() => {
		const request = groupRequest;
		return request === null
			? null
			: fromMemory((from, asked) => groupForMap(from.placed(asked), request, MAP_POINT_LIMIT));
	});
	/** From RAW_POINTS_LEVEL on: the points themselves, fetched by province. */
	const pointGroups = new QueryClient<MapPointGroups<MapPoint>>(fail);
	let singlePoints = $derived(pointRequest !== null && pointRequest.level >= RAW_POINTS_LEVEL);
	/** The map's points: the single points once fetched for the filter, else (and below RAW_POINTS_LEVEL) the summary's groups. */
	let groups = $derived((singlePoints ? pointGroups.valueFor(filterKey) : null) ?? summaryGroups);
	/**
	 * Fetches what the map's points need (in an effect): from RAW_POINTS_LEVEL on the points of the
	 * filter in view, grouped for the zoom level; below it nothing but the file of the province opened,
	 * for the zoom to come (the groups come from memory).
	 */
	function askPoints(): Promise<void> | undefined {
		if (!answers || !pointRequest) return;
		const request = pointRequest;
		const from = answers;
		const window = { level: request.level, bounds: request.bounds, province: selectedProvince };
		if (request.level < RAW_POINTS_LEVEL) {
			// Points fetched for another part of the map never stand in for the next one's.
			pointGroups.reset();
			return window.province === null ? undefined : from.fetchPoints(window).catch(fail);
		}
		const key = filterKey;
		const asked = untrack(() => filter);
		return pointGroups.ask(key, () =>
			from.positioned(asked, window).then((p) => groupForMap(p, request, MAP_POINT_LIMIT))
		);
	}
	const records = new QueryClient<ProjectRecordData>(fail);
	// The project open in the drawer: the one asked for last, until the drawer closes.
	let record = $derived(view.project && ready ? (records.answer?.value ?? null) : null);
	/** Asks for the project in the URL's record, or forgets the last one when none is open (in an effect). */
	function askRecord(): Promise<void> | undefined {
		const code = view.project;
		if (!ready || !code) {
			records.reset();
			return;
		}
		return records.ask(code, async () => {
			// DuckDB, opened now if no question has needed it yet.
			const opened = await source.database();
			// One project's row and instalments, not the whole tables (a part of the build's record files).
			const [record, issues] = await Promise.all([opened.projectRecord(code), opened.coverage.qualityIssues(code)]);
			return { code, ...record, issues };
		});
	}

	// District drill-down: the selected province's districts, covered or not under the filter.
	const COVERED = '#5ab4ac';
	const UNCOVERED = '#d8b365';
	let shapesFile: Promise<FeatureCollection> | null = null;
	const DISTRICT_SHAPES = 'districts.geojson';
	const districtShapesFile = () =>
		(shapesFile ??= fetchFile(DISTRICT_SHAPES).then((bytes) => JSON.parse(new TextDecoder().decode(bytes))));
	const shapes = new QueryClient<FeatureCollection>(fail);
	let districtShapes = $derived(shapes.answer?.value ?? null);
	/** Fetches the districts' shapes once a province is opened (in an effect). */
	function askDistricts(): Promise<void> | undefined {
		if (!selectedProvince || shapes.answer) return;
		return shapes.ask(DISTRICT_SHAPES, districtShapesFile);
	}
	/** The selected province's districts, covered or not under the filter: from the summary in memory. */
	let drillRows = $derived.by((): DistrictCoverage[] | null => {
		const code = selectedProvince;
		return code === null ? null : fromMemory((from, asked) => from.byDistrict(asked, code));
	});
	let districts = $derived.by(() => {
		if (!selectedProvince || !districtShapes || !drillRows) return null;
		const code = selectedProvince;
		return {
			features: {
				type: 'FeatureCollection' as const,
				features: districtShapes.features.filter((f) => f.properties?.province_code === code)
			},
			colours: new Map(
				drillRows.map((r) => [Number(r.district_code), r.partners + r.projects > 0 ? COVERED : UNCOVERED])
			),
			// Written on the map over each district, in the page's language.
			names: new Map(
				drillRows.map((r) => [Number(r.district_code), districtNames.get(r.district_code) ?? r.district_code])
			)
		};
	});
	let districtNames = $derived(
		new Map(
			(districtShapes?.features ?? []).map((f) => [
				String(f.properties?.district_code),
				String(lang === 'th' ? f.properties?.name_th : f.properties?.name_en)
			])
		)
	);
	/** What the districts' colours mean, for the map's legend and the districts' table. */
	let districtKeys = $derived([
		{ label: t('drill_covered'), colour: COVERED },
		{ label: t('drill_uncovered'), colour: UNCOVERED }
	]);
	let districtTable = $derived({
		columns: [
			{ key: 'district', label: t('uncovered_district') },
			{ key: 'partners', label: t('totals_partners'), numeric: true },
			{ key: 'projects', label: t('totals_projects'), numeric: true }
		],
		rows: (drillRows ?? []).map((r) => ({
			key: r.district_code,
			cells: {
				district: districtNames.get(r.district_code) ?? r.district_code,
				partners: String(r.partners),
				projects: String(r.projects)
			}
		}))
	});

	// The URL's fields as plain values: the map's colours and points are redrawn only when theirs change,
	// not on every change of the URL (e.g. a project record opened).
	let zone = $derived(view.zone);
	let measure = $derived(view.measure);
	let classes = $derived(view.classes);
	let method = $derived(view.method);
	let colouring = $derived(view.colour);
	let byCode = $derived(new Map(provinces.map((p) => [p.province_code, p])));
	let inZone = $derived(new Set(provincesInFilter(provinces, { zone, region: null })));
	/** The province filter (a click on the map sets it): the URL's province, when it lies in the zone filter. */
	let selectedProvince = $derived(provinceInZone(provinces, { zone, province: view.province }));
	/** What the totals and the uncovered districts count: the province chosen, else the zone's provinces (all without one). */
	let inScope = $derived(selectedProvince ? new Set([selectedProvince]) : inZone);
	/** The provinces the province filter offers: those of the zone filter, by name in the page's language. */
	let provinceChoices = $derived(
		provinces
			.filter((p) => inZone.has(p.province_code))
			.map((p) => ({ value: p.province_code, label: localized(p, 'name', lang) }))
			.sort((a, b) => a.label.localeCompare(b.label, lang))
	);
	/** The URL's zone and province after a province is chosen (again: none), kept consistent with each other. */
	const provincePatch = (code: string | null) => chooseProvince(provinces, { zone, province: selectedProvince }, code);
	/** The URL's zone and province after a zone is chosen: a province outside it is dropped. */
	const zonePatch = (next: number | null) => chooseZone(provinces, { province: selectedProvince }, next);
	const nameOf = (code: string) => (byCode.get(code) ? localized(byCode.get(code)!, 'name', lang) : code);
	let allRows = $derived(result?.rows ?? []);
	let rows = $derived(allRows.filter((r) => inZone.has(r.province_code)));
	let values = $derived(allRows.map((r) => ({ province_code: r.province_code, value: coverageValue(r, measure) })));
	let valueOf = $derived(new Map(values.map((v) => [v.province_code, v.value])));
	let rowOf = $derived(new Map(rows.map((r) => [r.province_code, r])));
	let choropleth = $derived(buildChoropleth({ values, classes, method, scheme: 'blues', higherIsWorse: false }));
	let format = $derived((v: number) => formatNumber(lang, v, MEASURE_DECIMALS[measure]));
	let layers: ChoroplethLayers = $derived({
		colours: choropleth.colourOf,
		noData: new Set(values.filter((v) => v.value === null).map((v) => v.province_code)),
		dimmed: new Set(zone === null ? [] : provinces.map((p) => p.province_code).filter((c) => !inZone.has(c))),
		highlighted: hovered,
		selected: selectedProvince,
		focus: selectedProvince ? [selectedProvince] : zone === null ? [] : [...inZone],
		zone
	});
	/** The filter each set of points handed to the map answers. */
	const pointsFilter = new WeakMap<FeatureCollection, string>();
	let points = $derived.by(() => {
		const drawn = pointGroupsGeoJson(groups ?? { cells: [], points: [] }, colouring, issueAreas);
		pointsFilter.set(drawn, filterKey);
		return drawn;
	});
	let pointTotal = $derived(allRows.reduce((n, r) => n + r.partners + r.projects, 0));
	let pointsCapped = $derived(result !== null && (groups?.capped ?? false));

	// What the page shows, as the benchmark reads it: issue area, year and zone, once their counts are in
	// and points of their filter drawn. Points regrouped after the map moved (a zone zoomed to) or recoloured
	// do not hold it up, and from RAW_POINTS_LEVEL on the summary's groups of the filter stand in until its
	// single points come.
	let drawnPoints = $state.raw<FeatureCollection | null>(null);
	let shownKey = $derived(
		result?.key === filterKey && groups !== null && drawnPoints !== null && pointsFilter.get(drawnPoints) === filterKey
			? `${filter.issue ?? ''}:${filter.year ?? ''}:${view.zone ?? ''}`
			: ''
	);
	let totals = $derived(coverageTotals(rows.filter((r) => inScope.has(r.province_code))));
	let ranking: RankingItem[] = $derived(
		values
			.filter((v): v is { province_code: string; value: number } => v.value !== null && inZone.has(v.province_code))
			.sort((a, b) => a.value - b.value)
			.map((v) => ({
				code: v.province_code,
				label: nameOf(v.province_code),
				value: v.value,
				colour: choropleth.colourOf.get(v.province_code) ?? NO_DATA_COLOUR
			}))
	);
	/** Places among the provinces ranked, in words: the least covered is the "worst". */
	let rankingPlaces = $derived(coverageRanks(ranking.map((r) => ({ code: r.code, value: r.value }))));
	let rankingData = $derived(
		rankingTable(
			ranking,
			format,
			{ rank: t('table_rank'), province: t('table_province'), value: t(`unit_${view.measure}`) },
			(item) => rankingPlaces.get(item.code)?.worst ?? '–',
			(item) => formatRank(lang, rankingPlaces.get(item.code))
		)
	);
	let uncoveredTable = $derived({
		columns: [
			{ key: 'zone', label: t('table_zone'), numeric: true },
			{ key: 'province', label: t('table_province') },
			{ key: 'district', label: t('uncovered_district') },
			{ key: 'code', label: t('district_code') }
		],
		rows: (result?.uncovered ?? [])
			.filter((d) => inScope.has(d.province_code))
			.map((d) => ({
				key: d.district_code,
				cells: {
					zone: String(d.health_zone),
					province: lang === 'th' ? d.province_th : d.province_en,
					district: lang === 'th' ? d.name_th : d.name_en,
					code: d.district_code
				}
			}))
	});
	// Counts in titles: '…' until known, never the count of an earlier filter or a zero that means "not yet".
	let uncoveredCount = $derived(result ? formatNumber(lang, uncoveredTable.rows.length) : '…');
	let qualityCount = $derived(quality ? formatNumber(lang, quality.length) : '…');
	let qualityTable = $derived({
		columns: [
			{ key: 'rule', label: t('quality_rule') },
			{ key: 'record', label: t('quality_record') },
			{ key: 'message', label: t('quality_message') }
		],
		rows: (quality ?? []).map((q) => ({
			key: `${q.rule}:${q.table_name}:${q.row_key}`,
			cells: {
				rule: q.rule,
				record: `${q.table_name} ${q.row_key}`,
				message: lang === 'th' ? q.message_th : q.message_en
			}
		}))
	});
	const years = Array.from({ length: 10 }, (_, i) => 2016 + i);

	// Exports: the rows each list shows, with the sources of the partner data.
	let exportSources = $derived(
		sourcesById(snapshot.sources, [...NETWORK_SOURCE_IDS, BOUNDARY_SOURCE, POPULATION_SOURCE])
	);
	/** Sample partners and projects are in the data (not in a build from an organisation's exports that replaced them). */
	const sampleNetwork = snapshot.sources.some((s) => s.source_id === NETWORK_SAMPLE_SOURCE_ID);
	let filtersInWords = $derived(
		filterWords(
			lang,
			filter,
			zone,
			issueAreas,
			networks,
			selectedProvince ? (byCode.get(selectedProvince) ?? null) : null
		)
	);
	const exportBase = (
		id: string,
		title: string,
		table: {
			columns: { key: string; label: string; numeric?: boolean }[];
			rows: { key: string; cells: Record<string, string> }[];
		}
	) => ({
		id,
		lang,
		title,
		subtitle: filtersInWords,
		filename: fileStem(
			'phakhi',
			id,
			view.issue,
			zone !== null && `zone-${zone}`,
			selectedProvince !== null && `province-${selectedProvince}`,
			lang
		),
		footnotes: exportSources.map((s) => sourceFootnote(lang, s)),
		sampleNotice: sampleNetwork ? t('coverage_sample_notice') : undefined,
		sources: exportSources,
		table,
		formats: ['svg', 'csv', 'parquet', 'link', 'cite'] as const
	});
	// The ranking as a chart and as tidy rows: each province shown, the measure named, the filters in words.
	let rankingExport = $derived(
		svgChartExportable(
			{
				...exportBase(
					'coverage-ranking',
					`${t('coverage_ranking_title')}: ${t(`measure_${view.measure}`)}`,
					rankingData
				),
				records: () =>
					tidyTable(
						lang,
						coverageRecords(
							provinces,
							ranking.map((r) => ({ code: r.code, value: r.value })),
							coverageMeasure(view.measure, snapshot.sources),
							view.year
						),
						snapshot.sources,
						filtersInWords
					)
			},
			() => {
				const layout = rankingLayout(ranking, format, [], { width: 640 });
				return { width: layout.width, height: layout.height, markup: rankingSvg(layout) };
			}
		)
	);
	/** The districts nobody covers in the zone, as the export's tidy rows. */
	const uncoveredExportRecords = () =>
		uncoveredRecords(
			lang,
			(result?.uncovered ?? []).filter((d) => inScope.has(d.province_code)),
			filtersInWords,
			snapshot.sources
		);
	/** The data-quality report as the export's self-describing rows. */
	const qualityExportRecords = () => qualityRecords(lang, quality ?? [], filtersInWords, snapshot.sources);
	let legendKeys = $derived(
		view.colour === 'type'
			? [
					...Object.entries(PARTNER_TYPE_COLOURS).map(([type, colour]) => ({
						label: t(`ptype_${type}` as MessageKey),
						colour
					})),
					{ label: t('kind_projects'), colour: PROJECT_COLOUR }
				]
			: issueAreas.map((a) => ({ label: localized(a, 'name', lang), colour: a.colour }))
	);

	return {
		get view() {
			return view;
		},
		get lang() {
			return lang;
		},
		get t() {
			return t;
		},
		get db() {
			return db;
		},
		get ready() {
			return ready;
		},
		get networks() {
			return networks;
		},
		get failure() {
			return failure;
		},
		get quality() {
			return quality;
		},
		get answers() {
			return answers;
		},
		get filter() {
			return filter;
		},
		get filterKey() {
			return filterKey;
		},
		get result() {
			return result;
		},
		get pointGroups() {
			return pointGroups;
		},
		get records() {
			return records;
		},
		get record() {
			return record;
		},
		get districtShapes() {
			return districtShapes;
		},
		get drillRows() {
			return drillRows;
		},
		get districts() {
			return districts;
		},
		get districtNames() {
			return districtNames;
		},
		get districtKeys() {
			return districtKeys;
		},
		get districtTable() {
			return districtTable;
		},
		get zone() {
			return zone;
		},
		get measure() {
			return measure;
		},
		get classes() {
			return classes;
		},
		get method() {
			return method;
		},
		get colouring() {
			return colouring;
		},
		get selectedProvince() {
			return selectedProvince;
		},
		get byCode() {
			return byCode;
		},
		get inZone() {
			return inZone;
		},
		get inScope() {
			return inScope;
		},
		get provinceChoices() {
			return provinceChoices;
		},
		get nameOf() {
			return nameOf;
		},
		get allRows() {
			return allRows;
		},
		get rows() {
			return rows;
		},
		get values() {
			return values;
		},
		get valueOf() {
			return valueOf;
		},
		get rowOf() {
			return rowOf;
		},
		get choropleth() {
			return choropleth;
		},
		get format() {
			return format;
		},
		get layers() {
			return layers;
		},
		get points() {
			return points;
		},
		get pointTotal() {
			return pointTotal;
		},
		get pointsCapped() {
			return pointsCapped;
		},
		get shownKey() {
			return shownKey;
		},
		get totals() {
			return totals;
		},
		get ranking() {
			return ranking;
		},
		get rankingPlaces() {
			return rankingPlaces;
		},
		get rankingData() {
			return rankingData;
		},
		get uncoveredTable() {
			return uncoveredTable;
		},
		get uncoveredCount() {
			return uncoveredCount;
		},
		get qualityCount() {
			return qualityCount;
		},
		get qualityTable() {
			return qualityTable;
		},
		get years() {
			return years;
		},
		get exportSources() {
			return exportSources;
		},
		get sampleNetwork() {
			return sampleNetwork;
		},
		get filtersInWords() {
			return filtersInWords;
		},
		get rankingExport() {
			return rankingExport;
		},
		get legendKeys() {
			return legendKeys;
		},
		get provinces() {
			return provinces;
		},
		get issueAreas() {
			return issueAreas;
		},
		get hovered() {
			return hovered;
		},
		set hovered(code: string | null) {
			hovered = code;
		},
		get drawnPoints() {
			return drawnPoints;
		},
		/** The points the map has drawn (its point layer's callback): the view counts as shown once they are the filter's. */
		set drawnPoints(drawn: FeatureCollection | null) {
			drawnPoints = drawn;
		},
		exportBase,
		provincePatch,
		zonePatch,
		uncoveredExportRecords,
		qualityExportRecords,
		outline,
		first,
		open,
		askPoints,
		askRecord,
		askDistricts,
		viewChanged
	};
}
