/**
 * The gaps page's state, apart from its layout: a burden indicator against a coverage measure for the
 * filter in the URL (the build's first view until the coverage files are read), the bivariate cells, the priority
 * list, the scatter's points and axes, and the tables and exports made of them. The question goes
 * through a QueryClient, which drops answers to questions no longer asked. No markup: GapView.svelte
 * lays it out and calls `askResult` in an effect (a class: its $state and $derived fields are the
 * page's reactive values, read as properties); gap-state.test.ts runs it in Node.
 */
import type { ScatterAxes, ScatterPoint } from '$lib/charts/scatter';
import { NETWORK_SAMPLE_SOURCE_ID } from '$lib/core/domain';
import type { CoverageAnswers } from '$lib/data/coverage-index';
import type { CubeFiles } from '$lib/data/cube-files';
import { coverageValue, MEASURE_DECIMALS } from '$lib/data/coverage-metrics';
import { QueryClient } from '$lib/data/query-client.svelte';
import type { FirstView } from '$lib/data/snapshot';
import { BOUNDARY_SOURCE, fileStem, POPULATION_SOURCE, sourcesById } from '$lib/export/exportable';
import { tidyTable } from '$lib/export/tidy';
import { mapExportable, sourceFootnote, svgChartExportable, tableExportable } from '$lib/export/views';
import { scatterOption } from '$lib/charts/scatter';
import { resolveIndicator } from '$lib/filters/resolve';
import type { ViewState } from '$lib/filters/url-state';
import { formatNumber, formatRank, formatYear, localized, translate, type MessageKey } from '$lib/i18n';
import type { ChoroplethLayers } from '$lib/map/layers';
import { untrack } from 'svelte';
import { bivariateLegendSvg, gapCells, median, priorityGaps, type BivariateWords, type GapCell } from './bivariate';
import { coverageMeasure, filterWords, gapMeasure, gapRanks, gapRecords, NETWORK_SOURCE_IDS } from './coverage-exports';
import { coverageFilterOf, GAP_TABLES } from './coverage-filter';
import type { CoverageSource } from './coverage-source.svelte';
import { burdenOfCubes, gapKey, gapResult, type GapResult } from './gap-result';

/** What the gaps page reaches beyond its filter: the database and whether the user's files are in it. */
export interface GapDeps {
	source: CoverageSource;
	/** No user files are kept in this browser: the build's first view may be shown before the database answers. */
	noUserFilesKept(): boolean;
	/** The user's files are loaded: the indicator list then comes from DuckDB. */
	userDataLoaded(): boolean;
	/** The build's cube files where no user file can have changed the indicators, else null (ask DuckDB). */
	cubes(): Pick<CubeFiles, 'indicatorCubeRows'> | null;
}

/** The gaps page's state for the view `getView()` returns (the URL's, on the page). */
export class GapState {
	readonly #firstView: FirstView & { first: GapResult };
	readonly #getView: () => ViewState;
	readonly #deps: GapDeps;
	readonly #results: QueryClient<GapResult>;
	/** The prerendered first view (the build's answer for a URL without filters), shown until the page's own answer is in. */
	readonly #prerendered: GapResult | null;
	#answers = $state.raw<CoverageAnswers | null>(null);

	/** The indicators to choose from: the user's own files (the data page) may add some, then the list comes from DuckDB. */
	catalogue = $state.raw<FirstView['snapshot']['indicators']>([]);
	view = $derived.by(() => this.#getView());
	lang = $derived(this.view.lang);
	t = (key: MessageKey, vars?: Record<string, string | number>) => translate(this.lang, key, vars);
	/** The first answers' data is in (the build's files, or DuckDB where the user's files are kept). */
	ready = $derived.by(() => this.#deps.source.data !== null);
	networks = $derived.by(() => this.#deps.source.networks);
	failure = $derived.by(() => this.#deps.source.failure);
	hovered = $state<string | null>(null);

	indicator = $derived(resolveIndicator(this.catalogue, { ...this.view, issue: null }));
	filter = $derived(coverageFilterOf(this.view, this.indicator.issue_area_id));
	key = $derived(gapKey(this.indicator.indicator_id, this.filter));
	/** Shown only while it answers the indicator and filter in the URL: after a change, placeholders until the new answer. */
	result = $derived.by(
		() =>
			this.#results.valueFor(this.key) ??
			(this.#results.answer === null && this.#prerendered?.key === this.key ? this.#prerendered : null)
	);
	/** The answer on screen is the build's prerendered one. */
	prerendered = $derived.by(() => this.result !== null && this.result === this.#firstView.first);

	#byCode = $derived.by(() => new Map(this.#firstView.snapshot.provinces.map((p) => [p.province_code, p])));
	#coverageOf = $derived(
		new Map((this.result?.coverage ?? []).map((r) => [r.province_code, coverageValue(r, this.view.measure)]))
	);
	#burdenOf = $derived(new Map((this.result?.burden ?? []).map((v) => [v.province_code, v.value])));
	/** Burden is turned so that higher = worse, whichever way the indicator runs. */
	direction = $derived<1 | -1>(this.indicator.higher_is_worse ? 1 : -1);
	cells = $derived.by(() =>
		gapCells(
			this.#firstView.snapshot.provinces.map((p) => {
				const b = this.#burdenOf.get(p.province_code);
				return {
					code: p.province_code,
					burden: b === null || b === undefined ? null : this.direction * b,
					coverage: this.#coverageOf.get(p.province_code) ?? null
				};
			})
		)
	);
	/** The provinces in the gap cell (high burden, low coverage), biggest gap first. */
	gapCell = $derived(priorityGaps(this.cells));
	/** The biggest of them, as many as the URL asks for: named on the map and listed with their places. */
	priority = $derived(this.gapCell.slice(0, this.view.top));
	burdenName = $derived(
		`${localized(this.indicator, 'name', this.lang)} (${localized(this.indicator, 'unit', this.lang)})`
	);
	coverageName = $derived(this.t(`measure_${this.view.measure}`));
	/** The words of the 3 × 3 key, on the page, the printed brief and the exported map. */
	legendWords: BivariateWords = $derived({
		burden: this.t('gaps_axis_burden'),
		coverage: this.t('gaps_axis_coverage'),
		low: this.t('gaps_low'),
		high: this.t('gaps_high'),
		gap: this.t('gaps_legend_gap')
	});

	layers: ChoroplethLayers = $derived.by(() => ({
		colours: new Map(this.cells.map((c) => [c.code, c.colour])),
		// Hatched "no data" only once there is an answer: while it loads, the provinces are plain.
		noData: this.result
			? new Set(
					this.#firstView.snapshot.provinces
						.map((p) => p.province_code)
						.filter((code) => !this.cells.some((c) => c.code === code))
				)
			: new Set<string>(),
		dimmed: new Set<string>(),
		highlighted: this.hovered,
		selected: this.view.province,
		focus: [],
		zone: null,
		named: this.priority.map((c) => ({ code: c.code, name: this.nameOf(c.code) }))
	}));
	points: ScatterPoint[] = $derived(
		this.cells.map((c) => ({ code: c.code, label: this.nameOf(c.code), x: c.burden, y: c.coverage, colour: c.colour }))
	);
	axes: ScatterAxes = $derived.by(() => ({
		x: { name: this.burdenName, format: this.formatBurden, median: median(this.cells.map((c) => c.burden)) },
		y: { name: this.coverageName, format: this.formatCoverage, median: median(this.cells.map((c) => c.coverage)) },
		medianLabel: this.t('gaps_median')
	}));
	/** Places by gap score among every province with both values, in words: the biggest gap is the "worst". */
	#places = $derived(gapRanks(this.cells));

	#exportSources = $derived.by(() =>
		sourcesById(this.#firstView.snapshot.sources, [
			this.indicator.source_id,
			...NETWORK_SOURCE_IDS,
			BOUNDARY_SOURCE,
			POPULATION_SOURCE
		])
	);
	#filtersInWords = $derived.by(() =>
		[
			`${this.burdenName}${this.result?.year ? ` · ${formatYear(this.lang, this.result.year)}` : ''}`,
			this.coverageName,
			filterWords(this.lang, this.filter, null, this.#firstView.snapshot.issueAreas, this.networks)
		].join(' · ')
	);

	constructor(firstView: FirstView & { first: GapResult }, getView: () => ViewState, deps: GapDeps) {
		this.#firstView = firstView;
		this.#getView = getView;
		this.#deps = deps;
		this.catalogue = firstView.snapshot.indicators;
		this.#results = new QueryClient<GapResult>((e) => deps.source.fail(e));
		this.#prerendered = untrack(() =>
			firstView.first.key === this.key && deps.noUserFilesKept() ? firstView.first : null
		);
	}

	/** Opens the database and reads what every question needs (the page calls it once mounted). */
	open(): void {
		this.#deps.source.open(async (data) => {
			this.#answers = await data.coverageAnswers();
			if (this.#deps.userDataLoaded()) this.catalogue = await (await this.#deps.source.database()).indicators();
		}, GAP_TABLES);
	}

	/** Asks for the indicator's and filter's answer (in an effect: again only when `key` changed). */
	askResult(): Promise<void> | undefined {
		const [from, asking] = [this.#answers, this.key];
		if (!this.ready || !from) return;
		const asked = untrack(() => ({ indicator: this.indicator.indicator_id, filter: this.filter }));
		const cubes = this.#deps.cubes();
		const provinces = this.#firstView.snapshot.provinces.map((p) => p.province_code);
		return this.#results.ask(asking, async () => {
			// The indicator's values from the build's cube files, or DuckDB where the user's files are kept.
			const burden = cubes ? burdenOfCubes(cubes, provinces) : await this.#deps.source.database();
			return gapResult(burden, from, asked.indicator, asked.filter);
		});
	}

	/** A province's name in the page's language (its code when unknown). */
	nameOf = (code: string): string => {
		const province = this.#byCode.get(code);
		return province ? localized(province, 'name', this.lang) : code;
	};
	formatBurden = (v: number): string => formatNumber(this.lang, this.direction * v, this.indicator.decimals);
	formatCoverage = (v: number): string => formatNumber(this.lang, v, MEASURE_DECIMALS[this.view.measure]);

	/** A list of gaps as a table: place, province, burden, coverage, score. */
	gapTable = (list: readonly GapCell[]) => ({
		columns: [
			{ key: 'rank', label: this.t('table_rank'), nowrap: true },
			{ key: 'province', label: this.t('table_province') },
			{ key: 'burden', label: this.burdenName, numeric: true },
			{ key: 'coverage', label: this.coverageName, numeric: true },
			{ key: 'score', label: this.t('gaps_score'), numeric: true }
		],
		rows: list.map((c) => ({
			key: c.code,
			cells: {
				rank: formatRank(this.lang, this.#places.get(c.code)),
				province: this.nameOf(c.code),
				burden: this.formatBurden(c.burden),
				coverage: this.formatCoverage(c.coverage),
				score: formatNumber(this.lang, c.gapScore, 2)
			},
			raw: {
				rank: this.#places.get(c.code)?.worst ?? null,
				province: this.nameOf(c.code),
				burden: this.direction * c.burden,
				coverage: c.coverage,
				score: c.gapScore
			}
		}))
	});

	/** What every export of the page says: its title, filters, sources and notices, and the rows of `list`. */
	#exportBase(id: string, title: string, list: readonly GapCell[]) {
		const { lang, indicator, view, cells, result, direction } = this;
		const sources = this.#firstView.snapshot.sources;
		return {
			id,
			lang,
			title,
			subtitle: this.#filtersInWords,
			filename: fileStem('phakhi', id, indicator.indicator_id, view.measure, lang),
			footnotes: this.#exportSources.map((s) => sourceFootnote(lang, s)),
			sampleNotice:
				[
					indicator.is_sample ? this.t('sample_notice') : null,
					sources.some((s) => s.source_id === NETWORK_SAMPLE_SOURCE_ID) ? this.t('coverage_sample_notice') : null
				]
					.filter(Boolean)
					.join(' ') || undefined,
			sources: this.#exportSources,
			table: this.gapTable(list),
			records: () =>
				tidyTable(
					lang,
					gapRecords(
						this.#firstView.snapshot.provinces,
						list,
						cells,
						{ indicator, year: result?.year ?? null, direction },
						{ measure: coverageMeasure(view.measure, sources), year: null },
						gapMeasure(indicator, sources)
					),
					sources,
					this.#filtersInWords
				)
		};
	}

	/** A list of gaps exported as its table. */
	gapExport = (id: string, title: string, list: readonly GapCell[]) =>
		tableExportable({
			...this.#exportBase(id, title, list),
			formats: ['svg', 'csv', 'parquet', 'link', 'cite'] as const
		});

	/** The scatter as ECharts draws it, as SVG; its rows are every province with both values. */
	scatterExport = (title: string) =>
		svgChartExportable(this.#exportBase('gap-scatter', title, this.cells), async () => {
			const [width, height] = [720, 480];
			const { optionSvg } = await import('$lib/charts/echarts');
			return { width, height, markup: optionSvg(scatterOption(this.points, this.axes), width, height) };
		});

	/** The bivariate map as the page shows it, the top gaps named on it, with its key; its rows are the named gaps. */
	mapExport = (title: string) => {
		const t = this.t;
		const layers = { ...this.layers, highlighted: null };
		return mapExportable(this.#exportBase('gap-map', title, this.priority), () => ({
			outline: this.#firstView.outline,
			layers,
			label: t('gaps_map_aria', { burden: this.burdenName, coverage: this.coverageName }),
			legend: bivariateLegendSvg(this.legendWords)
		}));
	};
}
