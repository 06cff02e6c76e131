/**
 * The gaps page's state, apart from its layout: a burden indicator against a coverage measure for the
 * filter in the URL (the build's first view until DuckDB answers), the bivariate cells, the priority
 * list, the scatter's points and axes, and the tables and exports made of them. The question goes
 * through a QueryClient, which drops answers to questions no longer asked. No markup: GapView.svelte
 * lays it out and calls `askResult` in an effect; gap-state.test.ts runs it in Node.
 */
import type { ScatterAxes, ScatterPoint } from '$lib/charts/scatter';
import { NETWORK_SAMPLE_SOURCE_ID } from '$lib/core/domain';
import type { CoverageAnswers } from '$lib/data/coverage-index';
import { coverageValue, MEASURE_DECIMALS } from '$lib/data/coverage-metrics';
import { QueryClient } from '$lib/data/query-client.svelte';
import type { FirstView } from '$lib/data/snapshot';
import { BOUNDARY_SOURCE, fileStem, POPULATION_SOURCE, sourcesById } from '$lib/export/exportable';
import { tidyTable } from '$lib/export/tidy';
import { mapExportable, sourceFootnote, tableExportable } from '$lib/export/views';
import { resolveIndicator } from '$lib/filters/resolve';
import type { ViewState } from '$lib/filters/url-state';
import { formatNumber, formatRank, formatYear, localized, translate, type MessageKey } from '$lib/i18n';
import type { ChoroplethLayers } from '$lib/map/layers';
import { untrack } from 'svelte';
import { bivariateLegendSvg, gapCells, median, priorityGaps, type GapCell } from './bivariate';
import { coverageMeasure, filterWords, gapMeasure, gapRanks, gapRecords, NETWORK_SOURCE_IDS } from './coverage-exports';
import { coverageFilterOf } from './coverage-filter';
import type { CoverageSource } from './coverage-source.svelte';
import { gapKey, gapResult, type GapResult } from './gap-result';

/** What the gaps page reaches beyond its filter: the database and whether the user's files are in it. */
export interface GapDeps {
	source: CoverageSource;
	/** No user files are kept in this browser: the build's first view may be shown before the database answers. */
	noUserFilesKept(): boolean;
	/** The user's files are loaded: the indicator list then comes from DuckDB. */
	userDataLoaded(): boolean;
}

export type GapState = ReturnType<typeof createGapState>;

/** The gaps page's state for the view `getView()` returns (the URL's, on the page). */
export function createGapState(
	firstView: FirstView & { first: GapResult },
	getView: () => ViewState,
	{ source, noUserFilesKept, userDataLoaded }: GapDeps
) {
	const { snapshot, first } = firstView;
	const { provinces, issueAreas, sources } = snapshot;
	// The user's own files (the data page) may have added indicators: then the list comes from DuckDB.
	let catalogue = $state.raw(snapshot.indicators);

	let view = $derived(getView());
	let lang = $derived(view.lang);
	const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);

	let db = $derived(source.db);
	let networks = $derived(source.networks);
	let hovered = $state<string | null>(null);
	let answers = $state.raw<CoverageAnswers | null>(null);

	/** Opens the database and reads what every question needs (the page calls it once mounted). */
	function open(): void {
		source.open(async (opened) => {
			answers = await opened.coverageAnswers();
			if (userDataLoaded()) catalogue = await opened.indicators();
		});
	}

	let indicator = $derived(resolveIndicator(catalogue, { ...view, issue: null }));
	let filter = $derived(coverageFilterOf(view, indicator.issue_area_id));
	let key = $derived(gapKey(indicator.indicator_id, filter));
	// The prerendered first view (the build's answer for a URL without filters) until DuckDB answers.
	const prerendered = untrack(() => (first.key === key && noUserFilesKept() ? first : null));
	const results = new QueryClient<GapResult>((e) => source.fail(e));
	// Shown only while it answers the indicator and filter in the URL: after a change, placeholders until the new answer.
	let result = $derived(
		results.valueFor(key) ?? (results.answer === null && prerendered?.key === key ? prerendered : null)
	);
	/** Asks for the indicator's and filter's answer (in an effect: again only when `key` changed). */
	function askResult(): Promise<void> | undefined {
		if (!db || !answers) return;
		const [opened, from, asking] = [db, answers, key];
		const asked = untrack(() => ({ indicator: indicator.indicator_id, filter }));
		return results.ask(asking, () => gapResult(opened, from, asked.indicator, asked.filter));
	}

	let byCode = $derived(new Map(provinces.map((p) => [p.province_code, p])));
	const nameOf = (code: string) => {
		const province = byCode.get(code);
		return province ? localized(province, 'name', lang) : code;
	};
	let coverageOf = $derived(
		new Map((result?.coverage ?? []).map((r) => [r.province_code, coverageValue(r, view.measure)]))
	);
	let burdenOf = $derived(new Map((result?.burden ?? []).map((v) => [v.province_code, v.value])));
	// Burden is turned so that higher = worse, whichever way the indicator runs.
	let direction = $derived<1 | -1>(indicator.higher_is_worse ? 1 : -1);
	let cells = $derived(
		gapCells(
			provinces.map((p) => {
				const b = burdenOf.get(p.province_code);
				return {
					code: p.province_code,
					burden: b === null || b === undefined ? null : direction * b,
					coverage: coverageOf.get(p.province_code) ?? null
				};
			})
		)
	);
	/** The provinces in the gap cell (high burden, low coverage), biggest gap first. */
	let gapCell = $derived(priorityGaps(cells));
	/** The biggest of them, as many as the URL asks for: named on the map and listed with their places. */
	let priority = $derived(gapCell.slice(0, view.top));
	const formatBurden = (v: number) => formatNumber(lang, direction * v, indicator.decimals);
	const formatCoverage = (v: number) => formatNumber(lang, v, MEASURE_DECIMALS[view.measure]);
	let burdenName = $derived(`${localized(indicator, 'name', lang)} (${localized(indicator, 'unit', lang)})`);
	let coverageName = $derived(t(`measure_${view.measure}`));

	let layers: ChoroplethLayers = $derived({
		colours: new Map(cells.map((c) => [c.code, c.colour])),
		// Hatched "no data" only once there is an answer: while it loads, the provinces are plain.
		noData: result
			? new Set(provinces.map((p) => p.province_code).filter((code) => !cells.some((c) => c.code === code)))
			: new Set(),
		dimmed: new Set(),
		highlighted: hovered,
		selected: view.province,
		focus: [],
		zone: null,
		named: priority.map((c) => ({ code: c.code, name: nameOf(c.code) }))
	});
	let points: ScatterPoint[] = $derived(
		cells.map((c) => ({ code: c.code, label: nameOf(c.code), x: c.burden, y: c.coverage, colour: c.colour }))
	);
	let axes: ScatterAxes = $derived({
		x: { name: burdenName, format: formatBurden, median: median(cells.map((c) => c.burden)) },
		y: { name: coverageName, format: formatCoverage, median: median(cells.map((c) => c.coverage)) },
		medianLabel: t('gaps_median')
	});
	/** Places by gap score among every province with both values, in words: the biggest gap is the "worst". */
	let places = $derived(gapRanks(cells));
	const gapTable = (list: readonly GapCell[]) => ({
		columns: [
			{ key: 'rank', label: t('table_rank'), nowrap: true },
			{ key: 'province', label: t('table_province') },
			{ key: 'burden', label: burdenName, numeric: true },
			{ key: 'coverage', label: coverageName, numeric: true },
			{ key: 'score', label: t('gaps_score'), numeric: true }
		],
		rows: list.map((c) => ({
			key: c.code,
			cells: {
				rank: formatRank(lang, places.get(c.code)),
				province: nameOf(c.code),
				burden: formatBurden(c.burden),
				coverage: formatCoverage(c.coverage),
				score: formatNumber(lang, c.gapScore, 2)
			},
			raw: {
				rank: places.get(c.code)?.worst ?? null,
				province: nameOf(c.code),
				burden: direction * c.burden,
				coverage: c.coverage,
				score: c.gapScore
			}
		}))
	});

	// Exports: the table, and tidy rows (per province: its burden, its coverage, its gap score and place).
	let exportSources = $derived(
		sourcesById(sources, [indicator.source_id, ...NETWORK_SOURCE_IDS, BOUNDARY_SOURCE, POPULATION_SOURCE])
	);
	let filtersInWords = $derived(
		[
			`${burdenName}${result?.year ? ` · ${formatYear(lang, result.year)}` : ''}`,
			coverageName,
			filterWords(lang, filter, null, issueAreas, networks)
		].join(' · ')
	);
	/** What every export of the page says: its title, filters, sources and notices, and the rows of `list`. */
	const exportBase = (id: string, title: string, list: readonly GapCell[]) => ({
		id,
		lang,
		title,
		subtitle: filtersInWords,
		filename: fileStem('phakhi', id, indicator.indicator_id, view.measure, lang),
		footnotes: exportSources.map((s) => sourceFootnote(lang, s)),
		sampleNotice:
			[
				indicator.is_sample ? t('sample_notice') : null,
				sources.some((s) => s.source_id === NETWORK_SAMPLE_SOURCE_ID) ? t('coverage_sample_notice') : null
			]
				.filter(Boolean)
				.join(' ') || undefined,
		sources: exportSources,
		table: gapTable(list),
		records: () =>
			tidyTable(
				lang,
				gapRecords(
					provinces,
					list,
					cells,
					{ indicator, year: result?.year ?? null, direction },
					{ measure: coverageMeasure(view.measure, sources), year: null },
					gapMeasure(indicator, sources)
				),
				sources,
				filtersInWords
			)
	});
	/** A list of gaps exported as its table. */
	const gapExport = (id: string, title: string, list: readonly GapCell[]) =>
		tableExportable({ ...exportBase(id, title, list), formats: ['svg', 'csv', 'parquet', 'link', 'cite'] as const });
	/** The bivariate map as the page shows it, the top gaps named on it, with its key; its rows are the named gaps. */
	const mapExport = (title: string) =>
		mapExportable(exportBase('gap-map', title, priority), () => ({
			outline: firstView.outline,
			layers: { ...layers, highlighted: null },
			label: t('gaps_map_aria', { burden: burdenName, coverage: coverageName }),
			legend: bivariateLegendSvg({
				burden: t('gaps_axis_burden'),
				coverage: t('gaps_axis_coverage'),
				low: t('gaps_low'),
				high: t('gaps_high'),
				gap: t('gaps_legend_gap')
			})
		}));

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
		get networks() {
			return networks;
		},
		get failure() {
			return source.failure;
		},
		get catalogue() {
			return catalogue;
		},
		get indicator() {
			return indicator;
		},
		get filter() {
			return filter;
		},
		get key() {
			return key;
		},
		get result() {
			return result;
		},
		/** The answer on screen is the build's prerendered one. */
		get prerendered() {
			return result !== null && result === first;
		},
		get hovered() {
			return hovered;
		},
		set hovered(code: string | null) {
			hovered = code;
		},
		get cells() {
			return cells;
		},
		get priority() {
			return priority;
		},
		get gapCell() {
			return gapCell;
		},
		get layers() {
			return layers;
		},
		get points() {
			return points;
		},
		get axes() {
			return axes;
		},
		get burdenName() {
			return burdenName;
		},
		get coverageName() {
			return coverageName;
		},
		nameOf,
		formatBurden,
		formatCoverage,
		gapTable,
		gapExport,
		mapExport,
		open,
		askResult
	};
}
