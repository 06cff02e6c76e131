/**
 * npm run bench: builds the site, serves it on 127.0.0.1, drives headless
 * Chromium and prints median, p95 and the ratio to a same-run baseline page for
 * cold start, interaction, bytes and memory, at the bundled size and at a
 * synthetic large size. Method: docs/performance.md.
 *
 *   npm run bench                       7 cold runs, 30 interactions, scale 500
 *   npm run bench -- --quick            3 cold runs, 10 interactions, 1 memory run
 *   npm run bench -- --runs 11 --interactions 60 --scale 1000 --no-build --write-docs
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../support/ensure-chromium.mjs';
import { startServer } from '../support/serve.mjs';
import {
	APP_INTERACTIONS,
	checkPrerenderedMap,
	COVERAGE_INTERACTIONS,
	COVERAGE_PAGE,
	coldRun,
	FIRST_PAINT_FALLBACK_MARK,
	FIRST_PAINT_SVG,
	interactions,
	memoryRun,
	profileRun,
	summarizeBytes,
	traceRun,
	type ColdRun,
	type FirstPaintCheck,
	type InteractionSeries,
	type MemoryRun,
	type TraceRun
} from './measure';
import { chunkLabel, summarizeProfile, type ProfileSummary } from './profile';
import { figure, formatTable, replaceBetween, TARGETS, type Figure } from './report';
import { SiteBuilder, type Site } from './site';
import { median, pairedRatios } from './stats';
import { AFTER_MS, medianTrace } from './trace';
import { routeVisits, visitFigures } from './visit-bytes';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DOC = path.join(ROOT, 'docs/performance.md');
const DOC_START = '<!-- bench:table:start -->';
const DOC_END = '<!-- bench:table:end -->';

interface Options {
	runs: number;
	interactions: number;
	memoryRuns: number;
	profile: boolean;
	trace: boolean;
	scale: number;
	/** Sample partners and projects in the large site. */
	partners: number;
	projects: number;
	seed: number | undefined;
	ref: string | undefined;
	build: boolean;
	writeDocs: boolean;
	timeoutMin: number;
	out: string;
	quick: boolean;
	/** Only the coverage page, at the large size only (no explorer, no bundled size, no bytes per route). */
	onlyCoverage: boolean;
}

const USAGE = `usage: npm run bench -- [--quick] [--runs N] [--interactions N] [--memory-runs N]
                       [--scale S] [--partners N] [--projects N] [--seed N] [--ref GIT-REF] [--no-build]
                       [--profile] [--trace] [--write-docs] [--only-coverage]
                       [--timeout-min M] [--out DIR]
  --quick          3 cold runs, 10 interactions, 1 memory run (scale unchanged)
  --runs N         cold loads per page and size (default 7), interleaved app/baseline
  --interactions N interactions per page and size (default 30)
  --memory-runs N  extra loads per page and size with memory sampling (default 2)
  --scale S        synthetic indicators for the large size (default 500 → S × 20 × 77 values; 0 skips it)
  --partners N     sample partners in the large size (default 100000; the bundled data has 3000)
  --projects N     sample projects in the large size (default 1000000, ≈ 3 instalments each; bundled 1500)
  --profile        also take CPU profiles (main thread and workers) of one cold load per page and of
                   10 app interactions per size: bench-results/profiles/*.cpuprofile + a summary
  --trace          also record a Chrome trace of 12 app interactions per size and print where each
                   kind's time goes on the main thread (script, style/layout/paint, commits, GC)
  --ref GIT-REF    build the app as committed at GIT-REF instead of the working tree
                   (the data build and this harness still come from the working tree)
  --no-build       serve the sites the last run built (bench-results/site-*) even if the sources changed
                   (without it, a site whose inputs are unchanged is reused, not rebuilt)
  --write-docs     put the table into docs/performance.md between its bench:table markers
  --only-coverage  build and measure only the large size, only /coverage (cold loads, interactions,
                   memory, bytes): for the sizes where the rest takes too long (--projects 10000000)
  --timeout-min M  stop everything after M minutes (default 40)`;

function parseArgs(argv: string[]): Options {
	const o: Options = {
		runs: 7,
		interactions: 30,
		memoryRuns: 2,
		profile: false,
		trace: false,
		scale: 500,
		partners: 100_000,
		projects: 1_000_000,
		seed: undefined,
		ref: undefined,
		build: true,
		writeDocs: false,
		timeoutMin: 40,
		out: path.join(ROOT, 'bench-results'),
		quick: false,
		onlyCoverage: false
	};
	const explicit = new Set<string>();
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
		const value = (): string => {
			const v = inline ?? argv[++i];
			if (v === undefined) throw new Error(`${flag} needs a value`);
			return v;
		};
		const int = (min: number): number => {
			const n = Number(value());
			if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be a whole number ≥ ${min}`);
			explicit.add(flag);
			return n;
		};
		switch (flag) {
			case '--quick':
				o.quick = true;
				break;
			case '--runs':
				o.runs = int(1);
				break;
			case '--interactions':
				o.interactions = int(1);
				break;
			case '--memory-runs':
				o.memoryRuns = int(0);
				break;
			case '--scale':
				o.scale = int(0);
				break;
			case '--partners':
				o.partners = int(0);
				break;
			case '--projects':
				o.projects = int(0);
				break;
			case '--seed':
				o.seed = int(0);
				break;
			case '--ref':
				o.ref = value();
				break;
			case '--profile':
				o.profile = true;
				break;
			case '--trace':
				o.trace = true;
				break;
			case '--no-build':
				o.build = false;
				break;
			case '--write-docs':
				o.writeDocs = true;
				break;
			case '--only-coverage':
				o.onlyCoverage = true;
				break;
			case '--timeout-min':
				o.timeoutMin = int(1);
				break;
			case '--out':
				o.out = path.resolve(value());
				break;
			case '--help':
			case '-h':
				console.log(USAGE);
				process.exit(0);
			// falls through (never reached)
			default:
				throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
		}
	}
	if (o.quick) {
		if (!explicit.has('--runs')) o.runs = 3;
		if (!explicit.has('--interactions')) o.interactions = 10;
		if (!explicit.has('--memory-runs')) o.memoryRuns = 1;
	}
	return o;
}

const log = (message: string) => console.error(`bench: ${message}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface SizeResult {
	size: string;
	siteDir: string;
	firstPaint: FirstPaintCheck | null;
	cold: ColdRun[];
	interactions: InteractionSeries | null;
	/** The network coverage page's interactions (its cold and memory runs are in `cold` and `memory`). */
	coverageInteractions: InteractionSeries | null;
	memory: MemoryRun[];
	profiles: ProfileEntry[];
	trace: TraceRun | null;
	/** Built script file → what it is, for reading profiles. */
	scripts: Record<string, string>;
}

interface ProfileEntry {
	target: string;
	phase: 'load' | 'interactions';
	thread: string;
	file: string;
	summary: ProfileSummary;
}

async function measureSize(
	browser: Browser,
	siteDir: string,
	size: string,
	o: Options,
	timeouts: { load: number; interaction: number }
): Promise<SizeResult> {
	const server = await startServer({ root: siteDir, port: 0 });
	const result: SizeResult = {
		size,
		siteDir: path.relative(ROOT, siteDir),
		firstPaint: null,
		cold: [],
		interactions: null,
		coverageInteractions: null,
		memory: [],
		profiles: [],
		trace: null,
		scripts: {}
	};
	try {
		const url = server.url;
		log(`${size}: serving ${result.siteDir}/ at ${url}`);
		try {
			result.firstPaint = await checkPrerenderedMap(browser, url, timeouts.load);
		} catch (e) {
			log(`${size}: first-paint check failed: ${(e as Error).message}`);
		}
		log(
			`${size}: choropleth in the initial HTML: ${result.firstPaint?.inHtml ? `yes (${result.firstPaint.coloured} of ${result.firstPaint.paths} paths coloured, ${result.firstPaint.fills} colours)` : `no → first paint = ${FIRST_PAINT_FALLBACK_MARK}`}`
		);
		const svgInHtml = !!result.firstPaint?.inHtml;
		if (!o.onlyCoverage) await measureExplorer(browser, url, size, o, timeouts, svgInHtml, result);

		// The network coverage page: the partner and project tables (a million projects at the large size).
		let coverageSvgInHtml = false;
		try {
			const check = await checkPrerenderedMap(browser, url, timeouts.load, 'coverage');
			coverageSvgInHtml = check.inHtml;
			log(`${size}: coverage choropleth in the initial HTML: ${check.inHtml ? `yes (${check.coloured} of ${check.paths} paths coloured, ${check.fills} colours)` : 'no'}`);
		} catch (e) {
			log(`${size}: coverage first-paint check failed: ${(e as Error).message}`);
		}
		for (let i = 0; i < o.runs; i++) {
			const r = await coldRun(browser, url, 'coverage', i, { timeoutMs: timeouts.load, svgInHtml: coverageSvgInHtml });
			result.cold.push(r);
			log(
				`${size}: cold coverage ${i + 1}/${o.runs}: summary loaded ${r.marks['coverage:loaded']?.toFixed(0) ?? '–'} ms, ` +
					`map coloured ${r.choropleth?.toFixed(0) ?? '–'} ms, points drawn ${r.firstViewUpdated?.toFixed(0) ?? '–'} ms` +
					(r.error ? `  (${r.error})` : '')
			);
		}
		log(`${size}: ${o.interactions} interactions with the coverage page`);
		result.coverageInteractions = await interactions(
			browser,
			url,
			o.interactions,
			{ timeoutMs: timeouts.interaction, loadTimeoutMs: timeouts.load },
			COVERAGE_PAGE
		);
		if (result.coverageInteractions.error) log(`${size}: coverage interactions: ${result.coverageInteractions.error}`);
		for (const s of result.coverageInteractions.app.filter((s) => s.error).slice(0, 3))
			log(`${size}: coverage interaction to ${s.to}: ${s.error}`);
		for (let i = 0; i < o.memoryRuns; i++) {
			const m = await memoryRun(browser, url, 'coverage', i, { timeoutMs: timeouts.load });
			result.memory.push(m);
			if (m.error) log(`${size}: memory coverage: ${m.error}`);
		}

		if (o.profile) {
			result.scripts = await scriptLabels(siteDir);
			const dir = path.join(o.out, 'profiles');
			await mkdir(dir, { recursive: true });
			for (const target of ['app', 'baseline'] as const) {
				const p = await profileRun(browser, url, target, {
					timeoutMs: timeouts.load,
					interactionCount: Math.min(10, o.interactions)
				});
				if (p.error) log(`${size}: profile ${target}: ${p.error}`);
				for (const [phase, threads] of [
					['load', p.load],
					['interactions', p.interactions]
				] as const) {
					for (const t of threads) {
						const slug = `${size.replace(/\W+/g, '-').replace(/-$/, '')}-${target}-${phase}-${t.thread.replace(/\W+/g, '-')}`;
						const file = path.join(dir, `${slug}.cpuprofile`);
						await writeFile(file, JSON.stringify(t.profile));
						result.profiles.push({
							target,
							phase,
							thread: t.thread,
							file: path.relative(ROOT, file),
							summary: summarizeProfile(t.profile)
						});
					}
				}
			}
		}

		if (o.trace) {
			result.trace = await traceRun(browser, url, TRACED_INTERACTIONS, {
				timeoutMs: timeouts.interaction,
				loadTimeoutMs: timeouts.load
			});
			if (result.trace.error) log(`${size}: trace: ${result.trace.error}`);
		}
	} finally {
		await server.close();
	}
	return result;
}

/** The explorer (`/`) against the baseline page: cold loads, interactions, memory. */
async function measureExplorer(
	browser: Browser,
	url: string,
	size: string,
	o: Options,
	timeouts: { load: number; interaction: number },
	svgInHtml: boolean,
	result: SizeResult
): Promise<void> {
	// Warm-up (not recorded): fills the server's gzip cache and the OS file cache.
	for (const target of ['app', 'baseline'] as const) {
		const warm = await coldRun(browser, url, target, -1, { timeoutMs: timeouts.load, svgInHtml });
		if (warm.error) log(`${size}: warm-up ${target}: ${warm.error}`);
	}

	for (let i = 0; i < o.runs; i++) {
		// Alternate which page goes first, so drift in machine load hits both alike.
		const order = i % 2 === 0 ? (['app', 'baseline'] as const) : (['baseline', 'app'] as const);
		for (const target of order) {
			const r = await coldRun(browser, url, target, i, { timeoutMs: timeouts.load, svgInHtml });
			result.cold.push(r);
			log(
				`${size}: cold ${target} ${i + 1}/${o.runs}: choropleth ${r.choropleth?.toFixed(0) ?? '–'} ms` +
					(r.error ? `  (${r.error})` : '')
			);
		}
	}

	log(`${size}: ${o.interactions} interactions per page`);
	result.interactions = await interactions(browser, url, o.interactions, {
		timeoutMs: timeouts.interaction,
		loadTimeoutMs: timeouts.load
	});
	if (result.interactions.error) log(`${size}: interactions: ${result.interactions.error}`);
	const failed = [...result.interactions.app, ...result.interactions.baseline].filter((s) => s.error);
	for (const s of failed.slice(0, 3)) log(`${size}: interaction to ${s.to}: ${s.error}`);

	for (let i = 0; i < o.memoryRuns; i++) {
		for (const target of ['app', 'baseline'] as const) {
			const m = await memoryRun(browser, url, target, i, { timeoutMs: timeouts.load });
			result.memory.push(m);
			if (m.error) log(`${size}: memory ${target}: ${m.error}`);
		}
	}
}

const TRACED_INTERACTIONS = 12;

/** Median main-thread time per kind of interaction, from the --trace runs. */
function formatTraces(sizes: readonly SizeResult[]): string {
	const ms = (v: number) => (v < 10 ? v.toFixed(1) : String(Math.round(v)));
	const rows: string[] = [];
	for (const s of sizes) {
		const kinds = [...new Set((s.trace?.interactions ?? []).map((i) => i.kind))];
		for (const kind of kinds) {
			const m = medianTrace(s.trace!.interactions.filter((i) => i.kind === kind).map((i) => i.trace));
			if (!m) continue;
			const p = m.parts;
			rows.push(
				`| ${s.size} | ${kind} | ${ms(m.total)} | ${ms(p.script)} | ${ms(p.rendering)} | ${ms(p.commit)} | ${ms(p.gc)} | ${ms(m.commitAfter)} |`
			);
		}
	}
	return rows.length
		? [
				`Main thread from bench:start to view:updated, from a Chrome trace (--trace; median ms of ${TRACED_INTERACTIONS / 3} per kind; tracing slows the page). Script includes layouts it forces; the last column is compositor commits in the ${AFTER_MS} ms after the mark.`,
				'',
				'| size | interaction | total | script | style, layout, paint | commit | GC | commits after |',
				'| --- | --- | --- | --- | --- | --- | --- | --- |',
				...rows
			].join('\n')
		: '';
}

async function scriptLabels(siteDir: string): Promise<Record<string, string>> {
	const labels: Record<string, string> = {};
	const root = path.join(siteDir, '_app/immutable');
	for (const sub of ['chunks', 'nodes', 'entry']) {
		const files = await readdir(path.join(root, sub)).catch(() => [] as string[]);
		for (const file of files.filter((f) => /\.m?js$/.test(f))) {
			const label =
				sub === 'nodes'
					? `route node ${file.split('.')[0]}`
					: chunkLabel(file, await readFile(path.join(root, sub, file), 'utf8'));
			if (label) labels[file] = label;
		}
	}
	return labels;
}

function formatProfiles(sizes: readonly SizeResult[]): string {
	const lines: string[] = [];
	for (const s of sizes) {
		const name = (script: string) => {
			const label = s.scripts[script] ?? (/^[0-9a-f]{8}$/.test(script) ? 'wasm module' : undefined);
			return label ? `${script} [${label}]` : script;
		};
		for (const p of s.profiles) {
			if (p.summary.busyMs < 1) continue;
			lines.push(
				`- **${s.size}, ${p.target}, ${p.phase}, ${p.thread}** — ${Math.round(p.summary.busyMs)} ms busy (${p.file})`
			);
			lines.push(
				`  - by script: ${p.summary.byScript
					.slice(0, 5)
					.map((x) => `${name(x.script)} ${Math.round(x.ms)}`)
					.join(', ')}`
			);
			lines.push(
				`  - top functions: ${p.summary.top
					.slice(0, 6)
					.map((f) => `${f.fn} (${name(f.script)}:${f.line}) ${Math.round(f.ms)}`)
					.join(', ')}`
			);
		}
	}
	return lines.length
		? `CPU self time in ms, from the --profile runs (sampled every 0.2 ms; profiling slows the page):\n\n${lines.join('\n')}`
		: '';
}

const MB = 1024 * 1024;
const kB = 1000;

function figuresFor(r: SizeResult, large: boolean): Figure[] {
	const size = r.size;
	const cold = (target: 'app' | 'baseline') => r.cold.filter((c) => c.target === target);
	const app = cold('app');
	const base = cold('baseline');
	const paired = (a: (c: ColdRun) => number | null, b: (c: ColdRun) => number | null) =>
		median(pairedRatios(app.map(a), base.map(b)));
	const group = `Cold start, empty cache — ${size}`;
	const f: Figure[] = [];

	const coldFigure = (
		label: string,
		a: (c: ColdRun) => number | null,
		b: ((c: ColdRun) => number | null) | null,
		target?: Parameters<typeof figure>[3],
		/** Said instead of a figure when the app's page never reaches this point (nothing to measure). */
		whenAbsent?: string
	) => {
		const out = figure({ group, label, size, unit: 'ms' }, app.map(a), b ? base.map(b) : null, target);
		if (b) out.pairedRatio = paired(a, b);
		if (whenAbsent && out.app.n === 0) out.note = whenAbsent;
		f.push(out);
	};
	const engineNotFetched = 'n/a: the page answers without DuckDB, fetched only when a question needs it';
	const fp = r.firstPaint?.inHtml ? 'FCP, SVG in HTML' : FIRST_PAINT_FALLBACK_MARK;
	coldFigure(
		`first choropleth painted (app: ${fp})`,
		(c) => c.choropleth,
		(c) => c.choropleth,
		TARGETS.firstPaint
	);
	coldFigure(
		'first contentful paint',
		(c) => c.fcp,
		(c) => c.fcp
	);
	coldFigure(
		'interactive MapLibre map idle (map:idle)',
		(c) => c.marks['map:idle'],
		(c) => c.marks['baseline:map-idle']
	);
	coldFigure(
		'DuckDB wasm downloaded (responseEnd)',
		(c) => c.wasmLoaded,
		(c) => c.wasmLoaded,
		undefined,
		engineNotFetched
	);
	coldFigure(
		'DuckDB ready (duckdb:ready)',
		(c) => c.marks['duckdb:ready'],
		(c) => c.marks['baseline:duckdb-ready'],
		undefined,
		engineNotFetched
	);
	coldFigure(
		'first query answered (app: explorer:cubes, read without DuckDB)',
		(c) => c.marks['explorer:cubes'],
		(c) => c.marks['baseline:first-query']
	);
	coldFigure('first view:updated (app)', (c) => c.firstViewUpdated, null);

	const ig = `Interaction → every view updated — ${size}`;
	const series = r.interactions;
	const baseMs = series?.baseline.map((s) => s.ms) ?? [];
	for (const interaction of APP_INTERACTIONS) {
		const label = interaction.label;
		if (series?.unavailable.includes(interaction.kind)) {
			const note = `n/a (no ${label.replace(/ change$/, '')} yet)`;
			f.push({
				...figure({ group: ig, label, size, unit: 'ms' }, [], null),
				target: TARGETS.interaction(large).text,
				note
			});
			continue;
		}
		const samples = series?.app.filter((s) => s.kind === interaction.kind).map((s) => s.ms) ?? [];
		f.push(figure({ group: ig, label, size, unit: 'ms' }, samples, baseMs, TARGETS.interaction(large)));
	}
	f.push(
		figure(
			{ group: ig, label: `all ${series?.app.length ?? 0} interactions`, size, unit: 'ms' },
			series?.app.map((s) => s.ms) ?? [],
			baseMs,
			TARGETS.interaction(large)
		)
	);

	if (!large) {
		const bg = 'Bytes transferred (gzip), / vs /bench/baseline';
		const bytes = (c: ColdRun) => summarizeBytes(c.resources, c.choropleth);
		const bf = (
			label: string,
			pick: (b: ReturnType<typeof summarizeBytes>) => number,
			target?: Parameters<typeof figure>[3]
		) =>
			f.push(
				figure(
					{ group: bg, label, size: '', unit: 'kB' },
					app.map((c) => pick(bytes(c)) / kB),
					base.map((c) => pick(bytes(c)) / kB),
					target
				)
			);
		bf('JS before first choropleth paint', (b) => b.beforePaint.js, TARGETS.belowBaseline);
		bf('wasm before first choropleth paint', (b) => b.beforePaint.wasm);
		bf('JS, whole load', (b) => b.total.js);
		bf('wasm, whole load', (b) => b.total.wasm);
		bf('HTML, whole load', (b) => b.total.html);
		bf('data (Parquet, GeoJSON), whole load', (b) => b.total.data);
	} else {
		const bg = `Bytes transferred (gzip) — ${size}`;
		f.push(
			figure(
				{ group: bg, label: 'data (Parquet, GeoJSON), whole load', size, unit: 'kB' },
				app.map((c) => summarizeBytes(c.resources, null).total.data / kB),
				base.map((c) => summarizeBytes(c.resources, null).total.data / kB)
			),
			figure(
				{ group: bg, label: 'HTML, whole load', size, unit: 'kB' },
				app.map((c) => summarizeBytes(c.resources, null).total.html / kB),
				base.map((c) => summarizeBytes(c.resources, null).total.html / kB)
			)
		);
	}

	const mg = `Memory during a cold load — ${size}`;
	const mem = (target: 'app' | 'baseline' | 'coverage', pick: (m: MemoryRun) => number | null) =>
		r.memory.filter((m) => m.target === target).map((m) => (pick(m) === null ? null : pick(m)! / MB));
	const memoryFigures = (group: string, target: 'app' | 'coverage') => {
		if (!r.memory.some((m) => m.target === target)) return;
		const mf = (label: string, pick: (m: MemoryRun) => number | null) =>
			f.push(figure({ group, label, size, unit: 'MB' }, mem(target, pick), mem('baseline', pick)));
		mf('peak JS heap, main thread', (m) => m.mainHeapPeak);
		mf('peak JS heap, workers (DuckDB + MapLibre + decoder)', (m) => m.workerHeapPeak);
		mf('renderer process peak RSS (all threads, incl. wasm memory)', (m) => m.rendererPeakRss);
	};
	memoryFigures(mg, 'app');

	// The network coverage page, against the same baseline (which loads only the indicator values).
	const coverage = r.cold.filter((c) => c.target === 'coverage');
	if (coverage.length > 0 || r.coverageInteractions) {
		const cg = `Network coverage page (/coverage): partners and projects — ${size}`;
		const cf = (
			label: string,
			a: (c: ColdRun) => number | null,
			b: (c: ColdRun) => number | null,
			whenAbsent?: string
		) => {
			const out = figure({ group: cg, label, size, unit: 'ms' }, coverage.map(a), base.map(b));
			if (whenAbsent && out.app.n === 0) out.note = whenAbsent;
			f.push(out);
		};
		cf(
			'cold: DuckDB ready (duckdb:ready)',
			(c) => c.marks['duckdb:ready'],
			(c) => c.marks['baseline:duckdb-ready'],
			'n/a: the page answers without DuckDB, fetched only when a question needs it'
		);
		cf(
			'cold: network tables and summary loaded (coverage:loaded)',
			(c) => c.marks['coverage:loaded'],
			(c) => c.marks['baseline:first-query']
		);
		cf(
			`cold: coverage choropleth painted (${coverage[0]?.choroplethFrom.startsWith('first-contentful') ? 'FCP, SVG in HTML' : 'first view:updated'})`,
			(c) => c.choropleth,
			(c) => c.choropleth
		);
		cf(
			'cold: points drawn, every view shown (first view:updated)',
			(c) => c.firstViewUpdated,
			(c) => c.choropleth
		);
		const cs = r.coverageInteractions;
		const cBase = cs?.baseline.map((s) => s.ms) ?? [];
		for (const interaction of COVERAGE_INTERACTIONS) {
			const samples = cs?.app.filter((s) => s.kind === interaction.kind).map((s) => s.ms) ?? [];
			f.push(
				figure(
					{ group: cg, label: `${interaction.label} → every view updated`, size, unit: 'ms' },
					samples,
					cBase,
					TARGETS.interaction(large)
				)
			);
		}
		f.push(
			figure(
				{ group: cg, label: `all ${cs?.app.length ?? 0} interactions`, size, unit: 'ms' },
				cs?.app.map((s) => s.ms) ?? [],
				cBase,
				TARGETS.interaction(large)
			)
		);
		const bytes = (pick: (b: ReturnType<typeof summarizeBytes>['total']) => number) =>
			coverage.map((c) => pick(summarizeBytes(c.resources, null).total) / kB);
		f.push(
			figure(
				{ group: cg, label: 'cold: data fetched (gzip), whole load', size, unit: 'kB' },
				bytes((b) => b.data),
				null
			),
			figure(
				{ group: cg, label: 'cold: JS and wasm fetched (gzip), whole load', size, unit: 'kB' },
				bytes((b) => b.js + b.wasm),
				null
			)
		);
		memoryFigures(`Memory during a cold load of /coverage — ${size}`, 'coverage');
	}
	return f;
}

function gitCommit(): string | null {
	try {
		const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
		const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
		return dirty ? `${head} + uncommitted changes` : head;
	} catch {
		return null;
	}
}

async function main(): Promise<number> {
	const o = parseArgs(process.argv.slice(2));
	const started = Date.now();
	let browser: Browser | null = null;

	const watchdog = setTimeout(async () => {
		log(`stopped: the whole run took longer than ${o.timeoutMin} min (--timeout-min)`);
		await browser?.close().catch(() => {});
		process.exit(2);
	}, o.timeoutMin * 60_000);
	const stop = async () => {
		await browser?.close().catch(() => {});
		process.exit(130);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);

	try {
		const executablePath = findChromium({ includePlaywright: false });
		if (!executablePath)
			throw new Error('no Chromium found (set CHROMIUM_PATH, or run node tests/support/ensure-chromium.mjs)');
		await mkdir(o.out, { recursive: true });
		const loadAvgBefore = os.loadavg();

		const sites: Site[] = [];
		const scales = o.scale > 0 ? (o.onlyCoverage ? [o.scale] : [0, o.scale]) : [0];
		const builtFrom = o.ref ? `${o.ref} (--ref)` : (gitCommit() ?? '?');
		if (o.build) {
			const builder = await SiteBuilder.snapshot(ROOT, o.out, o.ref);
			try {
				for (const scale of scales) {
					log(scale === 0 ? 'building the site …' : `building the site with ${o.scale} synthetic indicators …`);
					const network = scale > 0 ? { partners: o.partners, projects: o.projects } : {};
					const site = await builder.build(scale, o.seed, Math.max(15, o.timeoutMin) * 60_000, builtFrom, network);
					sites.push(site);
					if (site.reused) {
						log(`${path.relative(ROOT, site.dir)}/: inputs unchanged since ${site.builtAt}, reusing it`);
						continue;
					}
					log(
						`${path.relative(ROOT, site.dir)}/: ${site.manifest.tables.indicator_values.rows.toLocaleString('en')} value rows, ` +
							`${site.manifest.tables.partners.rows.toLocaleString('en')} partners, ${site.manifest.tables.projects.rows.toLocaleString('en')} projects ` +
							`(${(site.manifest.tables.indicator_values.bytes / MB).toFixed(2)} MB Parquet); data ${seconds(site.dataMs)}, site ${seconds(site.buildMs)}`
					);
				}
			} finally {
				await builder.dispose();
			}
		} else {
			for (const scale of scales) sites.push(await SiteBuilder.existing(o.out, scale));
			log(`serving the sites built from ${sites[0].builtFrom} at ${sites[0].builtAt} (--no-build)`);
		}

		browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
		const sizes: SizeResult[] = [];
		for (const site of sites) {
			const large = site.scale > 0;
			sizes.push(
				await measureSize(browser, site.dir, large ? `large (×${site.scale})` : 'bundled', o, {
					load: large ? 180_000 : 60_000,
					interaction: large ? 20_000 : 10_000
				})
			);
		}
		if (!o.onlyCoverage)
			log('bytes per route: a first and a return visit on a phone, with and without the background fill …');
		const visits = o.onlyCoverage ? [] : await routeVisits(browser, sites[0].dir);
		const scaleSite = sites.find((s) => s.scale > 0) ?? null;
		const chromiumVersion = browser.version();
		await browser.close();
		browser = null;

		const figures = [
			...sizes.flatMap((s, i) =>
				figuresFor(s, sites[i].scale > 0).filter((f) => !o.onlyCoverage || f.group.includes('/coverage'))
			),
			...visitFigures(visits)
		];
		const table = formatTable(figures);
		const when = new Date();
		const meta = {
			date: when.toISOString(),
			commit: sites[0]?.builtFrom ?? null,
			node: process.version,
			chromium: chromiumVersion,
			cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
			memory: `${(os.totalmem() / 1024 ** 3).toFixed(0)} GB`,
			loadAvgBefore,
			loadAvgAfter: os.loadavg(),
			durationS: Math.round((Date.now() - started) / 1000),
			options: { ...o, out: path.relative(ROOT, o.out) || '.' },
			firstPaintSelector: FIRST_PAINT_SVG,
			firstPaintFallback: FIRST_PAINT_FALLBACK_MARK,
			sites: sites.map((site) => ({
				dir: path.relative(ROOT, site.dir),
				builtFrom: site.builtFrom,
				builtAt: site.builtAt,
				inputs: site.inputs,
				reused: !!site.reused,
				scale: site.scale,
				synthetic: site.manifest.synthetic ?? null,
				valueRows: site.manifest.tables.indicator_values.rows,
				valueParquetBytes: site.manifest.tables.indicator_values.bytes,
				partnerRows: site.manifest.tables.partners.rows,
				projectRows: site.manifest.tables.projects.rows,
				instalmentRows: site.manifest.tables.instalments.rows,
				projectParquetBytes: site.manifest.tables.projects.bytes,
				dataMs: site.dataMs,
				buildMs: site.buildMs
			}))
		};
		const heading =
			`${meta.date.slice(0, 16).replace('T', ' ')} UTC · ${meta.cpus}, load average ${meta.loadAvgBefore[0].toFixed(1)} at start · Chromium ${meta.chromium} · ` +
			`app built from ${meta.commit ?? '?'} · ${o.runs} cold runs, ${o.interactions} interactions, ${o.memoryRuns} memory runs per page and size` +
			(scaleSite
				? `; large = ${scaleSite.manifest.tables.indicator_values.rows.toLocaleString('en')} value rows, ` +
					`${scaleSite.manifest.tables.partners.rows.toLocaleString('en')} partners, ` +
					`${scaleSite.manifest.tables.projects.rows.toLocaleString('en')} projects, ` +
					`${scaleSite.manifest.tables.instalments.rows.toLocaleString('en')} instalments`
				: '');

		const profiles = [formatTraces(sizes), formatProfiles(sizes)].filter(Boolean).join('\n\n');
		console.log(`\n${heading}\n\n${table}\n${profiles ? `\n${profiles}\n` : ''}`);
		const stamp = meta.date.replace(/[:.]/g, '-');
		const json = JSON.stringify({ meta, figures, sizes, visits }, null, 1);
		await writeFile(path.join(o.out, `bench-${stamp}.json`), json);
		await writeFile(path.join(o.out, 'latest.json'), json);
		await writeFile(path.join(o.out, 'latest.md'), `${heading}\n\n${table}\n${profiles ? `\n${profiles}\n` : ''}`);
		log(
			`wrote ${path.relative(ROOT, path.join(o.out, `bench-${stamp}.json`))}, latest.json and latest.md (${seconds(Date.now() - started)})`
		);

		if (o.writeDocs) {
			const doc = await readFile(DOC, 'utf8');
			await writeFile(DOC, replaceBetween(doc, DOC_START, DOC_END, `${heading}\n\n${table}`));
			log(`updated ${path.relative(ROOT, DOC)}`);
		}
		const missing = figures.filter((f) => !f.note && f.app.n === 0).map((f) => `${f.size} ${f.label}`);
		if (missing.length) log(`no data for: ${missing.join('; ')}`);
		return missing.length > 0 ? 1 : 0;
	} finally {
		clearTimeout(watchdog);
		await browser?.close().catch(() => {});
	}
}

main().then(
	(code) => process.exit(code),
	(e: unknown) => {
		console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
		process.exit(1);
	}
);
