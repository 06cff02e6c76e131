/**
 * What the benchmark does in the browser: cold loads, interactions and memory
 * samples, for the app (`/`) and the baseline page (`/bench/baseline`).
 * Every wait is bounded; times come from the page's own clock (performance marks).
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, BrowserContextOptions, CDPSession, Page } from 'playwright';
import { MESSAGES } from '../../src/lib/i18n/messages';
import { NO_DATA_COLOUR } from '../../src/lib/map/choropleth';
import type { CpuProfile } from './profile';
import { AFTER_MS, summarizeTrace, type InteractionTrace, type TraceEvent } from './trace';

/** The explorer (`/`), the baseline page, and the network coverage page (the partner and project tables). */
export type Target = 'app' | 'baseline' | 'coverage';

export const ROUTES: Record<Target, string> = { app: '', baseline: 'bench/baseline', coverage: 'coverage' };

/**
 * The app's prerendered choropleth. When the initial HTML holds it, coloured,
 * "first choropleth painted" is the first paint that shows it; otherwise it is
 * FIRST_PAINT_FALLBACK_MARK. Change these two when the markup or marks change.
 */
export const FIRST_PAINT_SVG = 'svg.first-paint-map, svg.svg-map';
export const FIRST_PAINT_FALLBACK_MARK = 'map:idle';

/** Marks a cold load of the app waits for (all of them), besides first-contentful-paint and a first view:updated. */
/** explorer:cubes = the explorer answers from its own cubes (the build's files; DuckDB only for a user's files). */
export const APP_MARKS = ['explorer:cubes', 'map:idle'] as const;
/** Read when present: the explorer no longer starts DuckDB for the bundled data (issue 21). */
export const APP_OPTIONAL_MARKS = ['duckdb:start', 'duckdb:ready', 'duckdb:loaded'] as const;
export const BASELINE_MARKS = ['baseline:duckdb-ready', 'baseline:first-query', 'baseline:map-idle'] as const;
/**
 * coverage:loaded = the coverage summary and the quality report are in memory (the build's coverage files, read
 * without DuckDB; DuckDB where the user's files are kept): every filter can be answered. DuckDB's marks are read
 * when present (APP_OPTIONAL_MARKS): the page starts it only for a question that needs it.
 */
export const COVERAGE_MARKS = ['coverage:loaded', 'map:idle'] as const;
export const VIEW_UPDATED = 'view:updated';

export const CONTEXT_OPTIONS: BrowserContextOptions = {
	viewport: { width: 1280, height: 800 },
	deviceScaleFactor: 1,
	serviceWorkers: 'block'
};

export class Timeout extends Error {}

/** Races a promise against a timer; the timer never keeps the process alive. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Timeout(`${what}: no answer within ${ms} ms`)), ms);
		timer.unref();
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message.split('\n')[0] : String(e));

// ---------------------------------------------------------------------------
// Is the choropleth in the initial HTML, coloured?

export interface FirstPaintCheck {
	selector: string;
	inHtml: boolean;
	paths: number;
	fills: number;
	/** Paths filled with a class's colour (not "none", not the no-data grey). */
	coloured: number;
}

/** Loads a page (`/` by default) with JavaScript off: what is there is what the first paint can show. */
export async function checkPrerenderedMap(
	browser: Browser,
	baseUrl: string,
	timeoutMs: number,
	target: Target = 'app'
): Promise<FirstPaintCheck> {
	const context = await browser.newContext({ ...CONTEXT_OPTIONS, javaScriptEnabled: false });
	try {
		const page = await context.newPage();
		await page.goto(baseUrl + ROUTES[target], { waitUntil: 'load', timeout: timeoutMs });
		const found = await withTimeout(
			page.evaluate(
				([selector, noData]) => {
					const svg = document.querySelector(selector);
					const fills = [...(svg?.querySelectorAll('path') ?? [])].map(
						(p) => p.getAttribute('fill') ?? getComputedStyle(p).fill
					);
					const data = fills.filter((f) => f && f !== 'none' && f.toLowerCase() !== noData);
					return { paths: fills.length, fills: new Set(data).size, coloured: data.length };
				},
				[FIRST_PAINT_SVG, NO_DATA_COLOUR.toLowerCase()] as const
			),
			timeoutMs,
			'first-paint check'
		);
		// Coloured: some province has a class's colour, not only the no-data grey. One colour is enough (at ten
		// million projects every province can fall in one coverage class); the number of classes is the data's.
		return { selector: FIRST_PAINT_SVG, inHtml: found.coloured > 0, ...found };
	} finally {
		await context.close();
	}
}

/**
 * Runs before any page script: marks when the choropleth SVG enters the DOM and the frame after.
 * Functions that run in the page must not declare named inner functions: tsx adds a
 * `__name()` helper around them that the page does not have.
 */
function svgWatcher(selector: string): void {
	const observer = new MutationObserver(() => {
		if (!document.querySelector(selector)) return;
		observer.disconnect();
		performance.mark('bench:svg-in-dom');
		requestAnimationFrame(() => performance.mark('bench:svg-frame'));
	});
	observer.observe(document, { childList: true, subtree: true });
}

// ---------------------------------------------------------------------------
// Cold load

export type ResourceKind = 'js' | 'wasm' | 'html' | 'css' | 'font' | 'data' | 'other';

export interface ResourceRecord {
	url: string;
	kind: ResourceKind;
	/** Bytes on the wire for the body (gzip when the server compressed it). */
	encoded: number;
	decoded: number;
	/** responseEnd, in ms since the page's navigation start. */
	end: number;
	from: 'page' | 'worker';
}

export interface ColdRun {
	target: Target;
	run: number;
	/** ms since navigation start; null when absent. */
	fcp: number | null;
	marks: Record<string, number | null>;
	firstViewUpdated: number | null;
	svgFrame: number | null;
	/** "First choropleth painted". */
	choropleth: number | null;
	choroplethFrom: string;
	/** responseEnd of the DuckDB wasm (fetched by its worker), in page time. */
	wasmLoaded: number | null;
	resources: ResourceRecord[];
	error?: string;
}

export function kindOf(url: string): ResourceKind {
	const path = new URL(url).pathname.toLowerCase();
	if (/\.(m?js)$/.test(path)) return 'js';
	if (path.endsWith('.wasm')) return 'wasm';
	if (path.endsWith('.css')) return 'css';
	if (/\.(woff2?|ttf|otf)$/.test(path)) return 'font';
	if (/\.(parquet|geojson|json|arrow|csv)$/.test(path)) return 'data';
	if (path.endsWith('.html') || !/\.[a-z0-9]+$/.test(path)) return 'html';
	return 'other';
}

interface TimedEntries {
	origin: number;
	entries: { name: string; end: number; encoded: number; decoded: number }[];
}

async function resources(page: Page, timeoutMs: number): Promise<ResourceRecord[]> {
	const grab = (): TimedEntries => {
		const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
		const list = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
		const entries = (nav ? [nav, ...list] : list).map((e) => ({
			name: e.name,
			end: e.responseEnd,
			encoded: e.encodedBodySize,
			decoded: e.decodedBodySize
		}));
		return { origin: performance.timeOrigin, entries };
	};
	const main = await withTimeout(page.evaluate(grab), timeoutMs, 'resource timing');
	const out: ResourceRecord[] = main.entries.map((e) => ({ url: e.name, kind: kindOf(e.name), ...e, from: 'page' }));
	// Workers fetch for themselves (DuckDB its wasm); their timelines start later than the page's.
	for (const worker of page.workers()) {
		try {
			const w = await withTimeout(worker.evaluate(grab), timeoutMs, 'worker resource timing');
			const shift = w.origin - main.origin;
			for (const e of w.entries)
				out.push({
					url: e.name,
					kind: kindOf(e.name),
					encoded: e.encoded,
					decoded: e.decoded,
					end: e.end + shift,
					from: 'worker'
				});
		} catch {
			// A worker that has gone away has nothing more to tell.
		}
	}
	return out;
}

export interface BytesSummary {
	/** Bytes transferred (gzip) that finished before the first choropleth was painted. */
	beforePaint: { js: number; wasm: number };
	total: { js: number; wasm: number; html: number; css: number; font: number; data: number; all: number };
}

export function summarizeBytes(records: readonly ResourceRecord[], paintAt: number | null): BytesSummary {
	const sum = (pick: (r: ResourceRecord) => boolean) => records.filter(pick).reduce((n, r) => n + r.encoded, 0);
	const before = (r: ResourceRecord) => paintAt !== null && r.end <= paintAt;
	return {
		beforePaint: { js: sum((r) => r.kind === 'js' && before(r)), wasm: sum((r) => r.kind === 'wasm' && before(r)) },
		total: {
			js: sum((r) => r.kind === 'js'),
			wasm: sum((r) => r.kind === 'wasm'),
			html: sum((r) => r.kind === 'html'),
			css: sum((r) => r.kind === 'css'),
			font: sum((r) => r.kind === 'font'),
			data: sum((r) => r.kind === 'data'),
			all: sum(() => true)
		}
	};
}

function failureOf(target: Target): string {
	if (target === 'coverage') return '.coverage [role="alert"]';
	return target === 'app' ? '[data-db="failed"], .explorer [role="alert"]' : '.baseline[data-status^="error"]';
}

/** The marks a load of `target` is complete with. */
function loadMarks(target: Target): string[] {
	if (target === 'app') return [...APP_MARKS, VIEW_UPDATED];
	if (target === 'coverage') return [...COVERAGE_MARKS, VIEW_UPDATED];
	return [...BASELINE_MARKS];
}

/** One load in a fresh context (empty cache): navigation → every mark. */
export async function coldRun(
	browser: Browser,
	baseUrl: string,
	target: Target,
	run: number,
	{ timeoutMs, svgInHtml }: { timeoutMs: number; svgInHtml: boolean }
): Promise<ColdRun> {
	const context = await browser.newContext(CONTEXT_OPTIONS);
	const result: ColdRun = {
		target,
		run,
		fcp: null,
		marks: {},
		firstViewUpdated: null,
		svgFrame: null,
		choropleth: null,
		choroplethFrom: '',
		wasmLoaded: null,
		resources: []
	};
	try {
		const page = await context.newPage();
		page.setDefaultTimeout(timeoutMs);
		const pageErrors: string[] = [];
		page.on('pageerror', (e) => pageErrors.push(errorText(e)));
		if (target !== 'baseline') await page.addInitScript(svgWatcher, FIRST_PAINT_SVG);
		const marks = loadMarks(target);

		await page.goto(baseUrl + ROUTES[target], { waitUntil: 'commit', timeout: timeoutMs });
		try {
			await page.waitForFunction(
				({ marks, failure }) =>
					!!document.querySelector(failure) ||
					(performance.getEntriesByName('first-contentful-paint').length > 0 &&
						marks.every((m) => performance.getEntriesByName(m).length > 0)),
				{ marks, failure: failureOf(target) },
				{ timeout: timeoutMs, polling: 50 }
			);
		} catch (e) {
			result.error = `waiting for ${marks.join(', ')}: ${errorText(e)}`;
		}
		const seen = await withTimeout(
			page.evaluate(
				({ marks, optional, failure }) => {
					const times = Object.fromEntries(
						[...marks, ...optional, 'first-contentful-paint', 'bench:svg-frame'].map((m) => [
							m,
							performance.getEntriesByName(m)[0]?.startTime ?? null
						])
					);
					return {
						marks: Object.fromEntries([...marks, ...optional].map((m) => [m, times[m]])),
						fcp: times['first-contentful-paint'],
						svgFrame: times['bench:svg-frame'],
						failure: document.querySelector(failure)?.textContent?.trim().slice(0, 300) ?? null
					};
				},
				{
					marks: [...marks],
					optional: target === 'baseline' ? [] : [...APP_OPTIONAL_MARKS],
					failure: failureOf(target)
				}
			),
			timeoutMs,
			'reading marks'
		);
		if (seen.failure) result.error = `page reports an error: ${seen.failure}`;
		if (pageErrors.length)
			result.error = [result.error, `page errors: ${pageErrors.join('; ')}`].filter(Boolean).join('; ');
		result.fcp = seen.fcp;
		result.svgFrame = seen.svgFrame;
		result.marks = seen.marks;
		if (target === 'app' || target === 'coverage') {
			result.firstViewUpdated = seen.marks[VIEW_UPDATED];
			delete result.marks[VIEW_UPDATED];
			if (svgInHtml && seen.fcp !== null) {
				// First paint that shows the SVG: FCP, or the frame after the SVG arrived if the parser was slower.
				result.choropleth = Math.max(seen.fcp, seen.svgFrame ?? seen.fcp);
				result.choroplethFrom = `first-contentful-paint (${FIRST_PAINT_SVG} in the HTML)`;
			} else if (target === 'app') {
				result.choropleth = seen.marks[FIRST_PAINT_FALLBACK_MARK];
				result.choroplethFrom = FIRST_PAINT_FALLBACK_MARK;
			} else {
				// Coloured by the first answer from the partner and project tables, with the points.
				result.choropleth = result.firstViewUpdated;
				result.choroplethFrom = VIEW_UPDATED;
			}
		} else {
			result.choropleth = seen.marks['baseline:map-idle'];
			result.choroplethFrom = 'baseline:map-idle';
		}
		result.resources = await resources(page, timeoutMs);
		result.wasmLoaded = result.resources.find((r) => r.kind === 'wasm')?.end ?? null;
	} catch (e) {
		result.error = [result.error, errorText(e)].filter(Boolean).join('; ');
	} finally {
		await context.close().catch(() => {});
	}
	return result;
}

// ---------------------------------------------------------------------------
// Interactions

/**
 * The app's view key, as in `data-view` and the `detail` of view:updated:
 * indicator:year:zone:province (older builds: indicator:year). Parts the
 * harness does not know are carried along unchanged.
 */
export const VIEW_KEY_PARTS = ['indicator', 'year', 'zone', 'province'] as const;
/** The coverage page's view key: issue area, year ('' = any) and zone, as in its `data-view`. */
export const COVERAGE_KEY_PARTS = ['issue', 'year', 'zone'] as const;
export type ViewPart = (typeof VIEW_KEY_PARTS)[number] | (typeof COVERAGE_KEY_PARTS)[number];

export interface ViewState {
	parts: string[];
	/** What each part is (VIEW_KEY_PARTS or COVERAGE_KEY_PARTS). */
	names: readonly ViewPart[];
}

/** The view in a page's key; the explorer's must name an indicator and a year. */
export function parseViewKey(key: string, names: readonly ViewPart[] = VIEW_KEY_PARTS): ViewState | null {
	const parts = key.split(':');
	if (names === VIEW_KEY_PARTS)
		return parts.length >= 2 && parts[0] !== '' && /^\d{4}$/.test(parts[1]) ? { parts, names } : null;
	return parts.length === names.length ? { parts, names } : null;
}

export const viewKey = (s: ViewState): string => s.parts.join(':');

export const viewPart = (s: ViewState, part: ViewPart): string | undefined => {
	const i = s.names.indexOf(part);
	return i < 0 ? undefined : s.parts[i];
};

export function withPart(s: ViewState, part: ViewPart, value: string): ViewState {
	const parts = [...s.parts];
	parts[s.names.indexOf(part)] = value;
	return { parts, names: s.names };
}

/**
 * How the harness finds a control: by name attribute, else by the text of its label (Thai or English),
 * for a `<select>` set and followed by `change`; or, with `slider`, the range input that selector
 * finds, set and followed by `input` (the explorer's timeline).
 */
export interface ControlLookup {
	names: string[];
	labels: string[];
	slider?: string;
}

export interface AppInteraction {
	kind: string;
	label: string;
	/** The part of the view key it changes and the two values it alternates between. */
	part: ViewPart;
	values: readonly [string, string];
	control: ControlLookup;
}

const labelsOf = (key: keyof (typeof MESSAGES)['en']): string[] => [MESSAGES.th[key], MESSAGES.en[key]];

/** The interactions, used in turn. One that the app does not offer (no such control or key part) is reported as n/a. */
export const APP_INTERACTIONS: readonly AppInteraction[] = [
	{
		kind: 'year',
		label: 'year change',
		part: 'year',
		values: ['2022', '2023'],
		control: { names: ['year'], labels: labelsOf('filter_year') }
	},
	{
		kind: 'indicator',
		label: 'indicator change',
		part: 'indicator',
		values: ['road_death_rate', 'road_deaths'],
		control: { names: ['indicator'], labels: labelsOf('filter_indicator') }
	},
	{
		kind: 'zone',
		label: 'zone filter change',
		part: 'zone',
		// '' = all zones; 7 = Khon Kaen's health zone.
		values: ['', '7'],
		control: { names: ['zone'], labels: labelsOf('filter_zone') }
	},
	{
		// One step of the timeline's slider, as a play step or an arrow key makes it: the year change
		// before it leaves 2022 or 2023, so this is always one year on (2022 → 2023, 2023 → 2024).
		kind: 'timeline',
		label: 'timeline step',
		part: 'year',
		values: ['2023', '2024'],
		control: { names: [], labels: labelsOf('timeline_label'), slider: '.timeline input[type="range"]' }
	}
];

/** The coverage page's filters that change its answers and points (year, issue area) and one that does not (zone). */
export const COVERAGE_INTERACTIONS: readonly AppInteraction[] = [
	{
		kind: 'year',
		label: 'year change',
		part: 'year',
		// '' = any year.
		values: ['', '2020'],
		control: { names: ['year'], labels: labelsOf('filter_year') }
	},
	{
		kind: 'issue',
		label: 'issue area change',
		part: 'issue',
		values: ['', 'tobacco'],
		control: { names: ['issue'], labels: labelsOf('filter_issue') }
	},
	{
		kind: 'zone',
		label: 'zone filter change',
		part: 'zone',
		values: ['', '7'],
		control: { names: ['zone'], labels: labelsOf('filter_zone') }
	}
];

/** A page the harness interacts with: where it is, how its view key reads, what it changes. */
export interface InteractivePage {
	target: Exclude<Target, 'baseline'>;
	keyParts: readonly ViewPart[];
	interactions: readonly AppInteraction[];
}

export const EXPLORER_PAGE: InteractivePage = {
	target: 'app',
	keyParts: VIEW_KEY_PARTS,
	interactions: APP_INTERACTIONS
};
export const COVERAGE_PAGE: InteractivePage = {
	target: 'coverage',
	keyParts: COVERAGE_KEY_PARTS,
	interactions: COVERAGE_INTERACTIONS
};

const toggle = (current: string | undefined, pair: readonly [string, string]): string =>
	current === pair[0] ? pair[1] : pair[0];
const YEARS = ['2022', '2023'] as const;

export interface InteractionSample {
	kind: string;
	/** The view it led to (app) or the year (baseline). */
	to: string;
	ms: number | null;
	error?: string;
}

/** In the page: whether the control's select exists. No named inner functions (see svgWatcher). */
function findControl(control: ControlLookup): boolean {
	if (control.slider) return !!document.querySelector(control.slider);
	return (
		!!document.querySelector(control.names.map((n) => `select[name="${n}"]`).join(',')) ||
		[...document.querySelectorAll('select')].some((select) =>
			[...select.labels].some((label) =>
				control.labels.includes(
					[...label.childNodes]
						.filter((n) => n !== select)
						.map((n) => n.textContent ?? '')
						.join('')
						.trim()
				)
			)
		)
	);
}

/**
 * In the page: choose `value` in the control's select (or move its slider), marking bench:start
 * just before the change (or input) event, and resolve with the time to the first view:updated
 * for `expected` after it. No named inner functions (see svgWatcher).
 */
function interactInPage({
	control,
	value,
	expected,
	timeoutMs
}: {
	control: ControlLookup;
	value: string;
	expected: string;
	timeoutMs: number;
}) {
	let element: HTMLInputElement | HTMLSelectElement | null = null;
	if (control.slider) {
		const slider = document.querySelector<HTMLInputElement>(control.slider);
		if (!slider) throw new Error(`no slider ${control.slider}`);
		if (Number(value) < Number(slider.min) || Number(value) > Number(slider.max))
			throw new Error(`the slider ${control.slider} has no value ${value}`);
		element = slider;
	} else {
		const select =
			document.querySelector<HTMLSelectElement>(control.names.map((n) => `select[name="${n}"]`).join(',')) ??
			[...document.querySelectorAll('select')].find((candidate) =>
				[...candidate.labels].some((label) =>
					control.labels.includes(
						[...label.childNodes]
							.filter((n) => n !== candidate)
							.map((n) => n.textContent ?? '')
							.join('')
							.trim()
					)
				)
			);
		if (!select) throw new Error(`no select labelled ${control.labels.join(' / ')}`);
		if (![...select.options].some((o) => o.value === value))
			throw new Error(`the ${control.labels.at(-1)} select has no option ${value}`);
		element = select;
	}
	const section = document.querySelector('[data-view]');
	element.value = value;
	const start = performance.mark('bench:start').startTime;
	element.dispatchEvent(new Event(control.slider ? 'input' : 'change', { bubbles: true }));
	return new Promise<{ ms: number; detail: string | null }>((resolve, reject) => {
		const timer = setInterval(() => {
			const marks = performance
				.getEntriesByName('view:updated', 'mark')
				.filter((m) => m.startTime >= start) as PerformanceMark[];
			// With a detail, the mark names its view; without (older app), the section's data-view must match.
			const hit =
				marks.find((m) => m.detail === expected) ??
				(section?.getAttribute('data-view') === expected ? marks.find((m) => m.detail == null) : undefined);
			if (hit) {
				clearInterval(timer);
				resolve({ ms: hit.startTime - start, detail: (hit.detail as string | null) ?? null });
			} else if (performance.now() - start > timeoutMs) {
				clearInterval(timer);
				reject(
					new Error(
						`no view:updated for ${expected} within ${timeoutMs} ms (data-view=${section?.getAttribute('data-view')})`
					)
				);
			}
		}, 5);
	});
}

/** The interactions this page offers, in turn, from its current view. */
async function plan(
	page: Page,
	spec: InteractivePage,
	timeoutMs: number
): Promise<{ start: ViewState; available: AppInteraction[]; unavailable: string[] }> {
	const key = await page.locator('[data-view]').first().getAttribute('data-view', { timeout: timeoutMs });
	const start = parseViewKey(key ?? '', spec.keyParts);
	if (!start) throw new Error(`cannot read the page's view from data-view="${key}"`);
	const available: AppInteraction[] = [];
	const unavailable: string[] = [];
	for (const interaction of spec.interactions) {
		const found =
			viewPart(start, interaction.part) !== undefined &&
			(await withTimeout(page.evaluate(findControl, interaction.control), timeoutMs, 'finding controls'));
		if (found) available.push(interaction);
		else unavailable.push(interaction.kind);
	}
	if (available.length === 0) throw new Error('the page offers none of the interactions');
	return { start, available, unavailable };
}

async function interactOnce(page: Page, interaction: AppInteraction, state: ViewState, timeoutMs: number) {
	const value = toggle(viewPart(state, interaction.part), interaction.values);
	const next = withPart(state, interaction.part, value);
	const { ms } = await withTimeout(
		page.evaluate(interactInPage, { control: interaction.control, value, expected: viewKey(next), timeoutMs }),
		timeoutMs + 1000,
		interaction.label
	);
	return { ms, next };
}

const nextFrames = (page: Page, timeoutMs: number) =>
	withTimeout(
		page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))),
		timeoutMs,
		'waiting for two frames'
	);

async function openReady(browser: Browser, baseUrl: string, target: Target, timeoutMs: number) {
	const context = await browser.newContext(CONTEXT_OPTIONS);
	const page = await context.newPage();
	page.setDefaultTimeout(timeoutMs);
	await page.goto(baseUrl + ROUTES[target], { waitUntil: 'commit', timeout: timeoutMs });
	const marks = loadMarks(target);
	await page.waitForFunction(
		({ marks, failure }) => {
			if (document.querySelector(failure)) throw new Error(document.querySelector(failure)!.textContent ?? 'failed');
			return marks.every((m) => performance.getEntriesByName(m).length > 0);
		},
		{ marks, failure: failureOf(target) },
		{ timeout: timeoutMs, polling: 50 }
	);
	return { context, page };
}

export interface InteractionSeries {
	app: InteractionSample[];
	baseline: InteractionSample[];
	startView: string | null;
	/** Kinds of APP_INTERACTIONS the app does not offer. */
	unavailable: string[];
	error?: string;
}

/** `count` interactions with a page (in turn from its list) interleaved with `count` baseline ones, both pages warm. */
export async function interactions(
	browser: Browser,
	baseUrl: string,
	count: number,
	{ timeoutMs, loadTimeoutMs }: { timeoutMs: number; loadTimeoutMs: number },
	spec: InteractivePage = EXPLORER_PAGE
): Promise<InteractionSeries> {
	const series: InteractionSeries = { app: [], baseline: [], startView: null, unavailable: [] };
	const contexts: BrowserContext[] = [];
	try {
		const app = await openReady(browser, baseUrl, spec.target, loadTimeoutMs);
		contexts.push(app.context);
		const baseline = await openReady(browser, baseUrl, 'baseline', loadTimeoutMs);
		contexts.push(baseline.context);

		const { start, available, unavailable } = await plan(app.page, spec, timeoutMs);
		series.startView = viewKey(start);
		series.unavailable = unavailable;
		let state = start;
		let baselineYear = '2023';

		for (let i = 0; i < count; i++) {
			const interaction = available[i % available.length];
			const target = viewKey(
				withPart(state, interaction.part, toggle(viewPart(state, interaction.part), interaction.values))
			);
			try {
				const { ms, next } = await interactOnce(app.page, interaction, state, timeoutMs);
				series.app.push({ kind: interaction.kind, to: target, ms });
				state = next;
			} catch (e) {
				series.app.push({ kind: interaction.kind, to: target, ms: null, error: errorText(e) });
				// Carry on from whatever the page shows now.
				const shown = parseViewKey(
					(await app.page.locator('[data-view]').first().getAttribute('data-view')) ?? '',
					spec.keyParts
				);
				if (shown) state = shown;
			}
			await nextFrames(app.page, timeoutMs);

			baselineYear = toggle(baselineYear, YEARS);
			try {
				const ms = await withTimeout(
					baseline.page.evaluate(
						(year) => (window as unknown as { __baselineSetYear(y: number): Promise<number> }).__baselineSetYear(year),
						Number(baselineYear)
					),
					timeoutMs,
					'baseline year change'
				);
				series.baseline.push({ kind: 'year', to: baselineYear, ms });
			} catch (e) {
				series.baseline.push({ kind: 'year', to: baselineYear, ms: null, error: errorText(e) });
			}
			await nextFrames(baseline.page, timeoutMs);
		}
	} catch (e) {
		series.error = errorText(e);
	} finally {
		for (const c of contexts) await c.close().catch(() => {});
	}
	return series;
}

// ---------------------------------------------------------------------------
// Memory

export interface MemoryRun {
	target: Target;
	run: number;
	samples: number;
	/** Peak V8 heap of the page's main thread (CDP Performance.getMetrics JSHeapUsedSize), bytes. */
	mainHeapPeak: number | null;
	/** Peak of the summed V8 heaps of the page's dedicated workers (CDP Runtime.getHeapUsage), bytes. */
	workerHeapPeak: number | null;
	/** Peak resident set of the page's renderer process (VmHWM; includes wasm memory and workers), bytes. */
	rendererPeakRss: number | null;
	error?: string;
}

/** Talks to the page's workers through the (non-flattened) Target domain of one CDP session. */
class WorkerChannel {
	private next = 1;
	private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
	readonly workers = new Map<string, string>(); // sessionId → url

	constructor(private readonly cdp: CDPSession) {
		cdp.on('Target.attachedToTarget', (e) => {
			if (e.targetInfo.type === 'worker') this.workers.set(e.sessionId, e.targetInfo.url);
		});
		cdp.on('Target.detachedFromTarget', (e) => this.workers.delete(e.sessionId));
		cdp.on('Target.receivedMessageFromTarget', (e) => {
			const message = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
			const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
			if (!waiting) return;
			this.pending.delete(message.id!);
			if (message.error) waiting.reject(new Error(message.error.message));
			else waiting.resolve(message.result);
		});
	}

	start(): Promise<unknown> {
		return this.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
	}

	send<T>(sessionId: string, method: string, params: object, timeoutMs: number): Promise<T> {
		const id = this.next++;
		const answer = new Promise<T>((resolve, reject) =>
			this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
		);
		this.cdp
			.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
			.catch(() => {});
		return withTimeout(answer, timeoutMs, method).finally(() => this.pending.delete(id));
	}
}

export async function rendererPids(cdp: CDPSession): Promise<Map<number, number>> {
	const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
		processInfo: { type: string; id: number; cpuTime: number }[];
	};
	return new Map(processInfo.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]));
}

export async function peakRss(pid: number): Promise<number | null> {
	try {
		const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) * 1024 : null;
	} catch {
		return null;
	}
}

/** One cold load with memory sampled every `intervalMs` (not timed: sampling costs CPU). */
export async function memoryRun(
	browser: Browser,
	baseUrl: string,
	target: Target,
	run: number,
	{ timeoutMs, intervalMs = 100 }: { timeoutMs: number; intervalMs?: number }
): Promise<MemoryRun> {
	const result: MemoryRun = {
		target,
		run,
		samples: 0,
		mainHeapPeak: null,
		workerHeapPeak: null,
		rendererPeakRss: null
	};
	const browserCdp = await browser.newBrowserCDPSession();
	const context = await browser.newContext(CONTEXT_OPTIONS);
	let sampling = true;
	try {
		const before = await rendererPids(browserCdp);
		const page = await context.newPage();
		page.setDefaultTimeout(timeoutMs);
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		const channel = new WorkerChannel(cdp);
		await channel.start();

		const sample = async () => {
			const { metrics } = await withTimeout(cdp.send('Performance.getMetrics'), timeoutMs, 'Performance.getMetrics');
			const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
			if (heap !== null) result.mainHeapPeak = Math.max(result.mainHeapPeak ?? 0, heap);
			let workers = 0;
			for (const sessionId of [...channel.workers.keys()]) {
				try {
					workers += (await channel.send<{ usedSize: number }>(sessionId, 'Runtime.getHeapUsage', {}, 2000)).usedSize;
				} catch {
					// worker busy past the deadline or gone; next sample
				}
			}
			if (channel.workers.size > 0) result.workerHeapPeak = Math.max(result.workerHeapPeak ?? 0, workers);
			result.samples++;
		};
		const loop = (async () => {
			while (sampling) {
				const t = Date.now();
				await sample().catch(() => {});
				await new Promise((r) => setTimeout(r, Math.max(0, intervalMs - (Date.now() - t))));
			}
		})();

		await page.goto(baseUrl + ROUTES[target], { waitUntil: 'commit', timeout: timeoutMs });
		const marks = loadMarks(target);
		try {
			await page.waitForFunction(
				({ marks, failure }) =>
					!!document.querySelector(failure) || marks.every((m) => performance.getEntriesByName(m).length > 0),
				{ marks, failure: failureOf(target) },
				{ timeout: timeoutMs, polling: 100 }
			);
		} catch (e) {
			result.error = errorText(e);
		}
		sampling = false;
		await loop;
		await sample().catch(() => {});

		// The page's renderer: the busiest renderer process that appeared with this context.
		const after = await rendererPids(browserCdp);
		const fresh = [...after].filter(([pid]) => !before.has(pid)).sort((a, b) => b[1] - a[1]);
		if (fresh.length > 0) result.rendererPeakRss = await peakRss(fresh[0][0]);
	} catch (e) {
		result.error = [result.error, errorText(e)].filter(Boolean).join('; ');
	} finally {
		sampling = false;
		await context.close().catch(() => {});
		await browserCdp.detach().catch(() => {});
	}
	return result;
}

// ---------------------------------------------------------------------------
// CPU profiles (--profile): where a cold load and the interactions spend their time

export interface ThreadProfile {
	thread: string;
	profile: CpuProfile;
}

export interface ProfileRun {
	target: Target;
	load: ThreadProfile[];
	interactions: ThreadProfile[];
	error?: string;
}

/**
 * One cold load with the V8 sampling profiler on the page's main thread and
 * its workers (workers are held at start until their profiler runs), then,
 * for the app, `interactionCount` interactions profiled the same way.
 */
export async function profileRun(
	browser: Browser,
	baseUrl: string,
	target: Target,
	{ timeoutMs, interactionCount }: { timeoutMs: number; interactionCount: number }
): Promise<ProfileRun> {
	const result: ProfileRun = { target, load: [], interactions: [] };
	const context = await browser.newContext(CONTEXT_OPTIONS);
	try {
		const page = await context.newPage();
		page.setDefaultTimeout(timeoutMs);
		const cdp = await context.newCDPSession(page);
		const channel = new WorkerChannel(cdp);
		const workerName = (url: string) => `worker ${url.split('/').pop()}`;
		const started = new Set<string>();
		cdp.on('Target.attachedToTarget', (e) => {
			if (e.targetInfo.type !== 'worker') return;
			const id = e.sessionId;
			(async () => {
				await channel.send(id, 'Profiler.enable', {}, timeoutMs);
				await channel.send(id, 'Profiler.setSamplingInterval', { interval: 200 }, timeoutMs);
				await channel.send(id, 'Profiler.start', {}, timeoutMs);
				started.add(id);
			})()
				.catch(() => {})
				.finally(() => channel.send(id, 'Runtime.runIfWaitingForDebugger', {}, timeoutMs).catch(() => {}));
		});
		await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 200 });

		const stopAll = async (): Promise<ThreadProfile[]> => {
			const out: ThreadProfile[] = [
				{ thread: 'main', profile: (await cdp.send('Profiler.stop')).profile as CpuProfile }
			];
			for (const id of started) {
				try {
					const r = await channel.send<{ profile: CpuProfile }>(id, 'Profiler.stop', {}, timeoutMs);
					out.push({ thread: workerName(channel.workers.get(id) ?? id), profile: r.profile });
				} catch {
					// worker gone
				}
			}
			return out;
		};
		const startAll = async () => {
			await cdp.send('Profiler.start');
			for (const id of started) await channel.send(id, 'Profiler.start', {}, timeoutMs).catch(() => {});
		};

		await cdp.send('Profiler.start');
		await page.goto(baseUrl + ROUTES[target], { waitUntil: 'commit', timeout: timeoutMs });
		const marks = target === 'app' ? [...APP_MARKS, VIEW_UPDATED] : [...BASELINE_MARKS];
		await page.waitForFunction(
			({ marks, failure }) =>
				!!document.querySelector(failure) || marks.every((m) => performance.getEntriesByName(m).length > 0),
			{ marks, failure: failureOf(target) },
			{ timeout: timeoutMs, polling: 100 }
		);
		result.load = await stopAll();

		if (target === 'app' && interactionCount > 0) {
			const { start, available } = await plan(page, EXPLORER_PAGE, timeoutMs);
			let state = start;
			await startAll();
			for (let i = 0; i < interactionCount; i++) {
				state = (await interactOnce(page, available[i % available.length], state, timeoutMs)).next;
				await nextFrames(page, timeoutMs);
			}
			result.interactions = await stopAll();
		}
	} catch (e) {
		result.error = errorText(e);
	} finally {
		await context.close().catch(() => {});
	}
	return result;
}

export interface TraceRun {
	/** Per app interaction in turn: its kind (APP_INTERACTIONS) and its main-thread summary. */
	interactions: { kind: string; trace: InteractionTrace }[];
	error?: string;
}

/**
 * `count` app interactions while Chrome records a `devtools.timeline` trace, each followed by
 * AFTER_MS of quiet so the commits after its mark are in the trace too (tracing slows the page).
 */
export async function traceRun(
	browser: Browser,
	baseUrl: string,
	count: number,
	{ timeoutMs, loadTimeoutMs }: { timeoutMs: number; loadTimeoutMs: number }
): Promise<TraceRun> {
	const run: TraceRun = { interactions: [] };
	let context: BrowserContext | null = null;
	try {
		const app = await openReady(browser, baseUrl, 'app', loadTimeoutMs);
		context = app.context;
		const { start, available } = await plan(app.page, EXPLORER_PAGE, timeoutMs);
		let state = start;
		const kinds: string[] = [];
		await browser.startTracing(app.page, {
			categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing']
		});
		try {
			for (let i = 0; i < count; i++) {
				const interaction = available[i % available.length];
				state = (await interactOnce(app.page, interaction, state, timeoutMs)).next;
				kinds.push(interaction.kind);
				await app.page.waitForTimeout(AFTER_MS);
			}
		} finally {
			const buffer = await browser.stopTracing();
			const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
			const traces = summarizeTrace(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []));
			run.interactions = traces.map((trace, i) => ({ kind: kinds[i] ?? '?', trace }));
		}
	} catch (e) {
		run.error = errorText(e);
	} finally {
		await context?.close().catch(() => {});
	}
	return run;
}
