import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
	CLASS_METHODS,
	COVERAGE_MEASURES,
	PARTNER_TYPES,
	PROJECT_STATUSES,
	REGIONS,
	SCHEMES
} from '../src/lib/filters/url-state';
import { USER_FILES_HINT } from '../src/lib/config/first-paint.js';
import { expect, test } from './fixtures';

/*
 * Numbers that are never wrong (issue 22): on random addresses of the explorer, the coverage and the
 * gap pages, the page is sampled in the browser at DOMContentLoaded (what the first paint shows) and
 * every 250 ms until it has settled (the database ready, the view for the address drawn by MapLibre,
 * nothing changing between two samples). At every sample, each number-bearing view shows either the
 * settled view's numbers or a placeholder, never another view's numbers under this address's labels.
 *
 * What is sampled, per view (null = a placeholder: hidden, or without a single number or colour):
 * - map: each province's colour, from the SVG map's computed fills while it is shown, then from
 *   MapLibre's feature state (the colour it draws); a map whose every province is plain is a placeholder;
 * - legend: the classes' ranges and counts;
 * - ranking: each row's province, value label and bar colour; references: the reference lines' labels;
 * - totals / tables (coverage and gaps): the counts, and the table cells;
 * - region N: the numbers (chart text, table cells) of every element marked data-numbers.
 * First loads start cold (a new page, DuckDB starting); the other addresses are reached from the
 * previous one by a link, as a user changes a filter.
 */

const SEED = 22;
const EXPLORER_TESTS = 4;
const EXPLORER_URLS_PER_TEST = 25;
/** Every how many addresses a fresh page load (DuckDB from cold) instead of a link. */
const COLD_EVERY = 5;
const COVERAGE_URLS_PER_PAGE = 10;
const SETTLE_TIMEOUT = 75_000;

type Sampled = Record<string, string | null>;
interface Sample {
	at: number;
	search: string;
	ready: boolean;
	views: Sampled;
}
type PageKind = 'explorer' | 'coverage' | 'gaps';

/** Installed before any script of the page: samples into window.__samples. */
function installSampler(kind: PageKind) {
	const PLAIN = '#d9d9d9';
	const hex = (colour: string) => {
		const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
		return m
			? '#' +
					m
						.slice(1, 4)
						.map((n) => Number(n).toString(16).padStart(2, '0'))
						.join('')
			: colour.toLowerCase();
	};
	const visible = (el: Element | null): el is HTMLElement =>
		!!el && (el as HTMLElement).checkVisibility({ visibilityProperty: true, opacityProperty: true });
	const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
	/** A view's strings, or null when it shows nothing with a digit in it (a placeholder). */
	const numbers = (parts: string[]) => (parts.some((p) => /\d/.test(p)) ? parts.join(' | ') : null);
	const outsidePlaceholders = (el: Element) => !el.closest('[data-placeholder]');

	function mapColours(): string | null {
		const stack = document.querySelector('.map-stack');
		if (!stack) return null;
		const paths = [...stack.querySelectorAll('svg.svg-map path[data-code]')];
		let colours: string[];
		if (stack.getAttribute('data-renderer') === 'maplibre') {
			type Fs = { fill?: string | null; noData?: boolean };
			const map = (stack.querySelector('.map') as (Element & { __map?: { getFeatureState(f: object): Fs } }) | null)
				?.__map;
			if (!map) return null;
			colours = paths.map((p) => {
				const state = map.getFeatureState({ source: 'provinces', id: Number(p.getAttribute('data-code')) });
				return state.noData ? 'hatch' : hex(state.fill ?? PLAIN);
			});
		} else {
			if (!visible(stack.querySelector('svg.svg-map'))) return null;
			colours = paths.map((p) => {
				const fill = getComputedStyle(p).fill;
				return fill.startsWith('url(') ? 'hatch' : hex(fill);
			});
		}
		if (colours.every((c) => c === PLAIN)) return null;
		return paths.map((p, i) => `${p.getAttribute('data-code')}=${colours[i]}`).join(' ');
	}

	function views(): Sampled {
		const out: Sampled = { map: mapColours() };
		const legend = document.querySelector('.legend-overlay');
		out.legend = visible(legend) ? numbers([...legend.querySelectorAll('.legend li')].map(text)) : null;
		const ranking = document.querySelector('.ranking[role="img"]');
		if (visible(ranking)) {
			out.ranking = numbers(
				[...ranking.querySelectorAll('g.row')].map(
					(row) =>
						`${row.getAttribute('data-code')} ${text(row.querySelector('text.value')!)} ${row.querySelector('rect.bar')?.getAttribute('fill')}`
				)
			);
			out.references = numbers([...ranking.querySelectorAll('g.reference text')].map(text));
		} else out.ranking = out.references = null;
		if (kind === 'coverage') {
			const totals = document.querySelector('dl.totals');
			out.totals = visible(totals) ? numbers([...totals.querySelectorAll('dd')].map(text)) : null;
		}
		if (kind === 'gaps')
			for (const id of ['priority-table', 'gaps-table']) {
				const table = document.getElementById(id);
				const card = table?.closest('section');
				out[id] = visible(card ?? null)
					? numbers([...card!.querySelectorAll('h2, td')].filter(outsidePlaceholders).map(text))
					: null;
			}
		document.querySelectorAll('[data-numbers]').forEach((region, i) => {
			out[`region ${i}`] = visible(region)
				? numbers([...region.querySelectorAll('svg text, td, dd, .legend li')].filter(outsidePlaceholders).map(text))
				: null;
		});
		return out;
	}

	function ready(): boolean {
		const map = document.querySelector('.map-stack')?.getAttribute('data-renderer') === 'maplibre';
		const page = document.querySelector(`.${kind}`);
		if (!page || !map || page.getAttribute('data-db') !== 'ready') return false;
		if (kind === 'explorer')
			return (
				page.getAttribute('data-view') !== '' &&
				document.querySelector('.ranking[role="img"]')?.getAttribute('data-drawn') === 'true'
			);
		if (kind === 'coverage') return page.getAttribute('data-coverage') !== '' && page.getAttribute('data-view') !== '';
		return (
			page.getAttribute('data-gaps') !== '' && document.querySelector('.echart')?.getAttribute('data-drawn') === 'true'
		);
	}

	const samples: Sample[] = [];
	const take = () => {
		try {
			samples.push({ at: performance.now(), search: location.search, ready: ready(), views: views() });
		} catch (e) {
			samples.push({ at: performance.now(), search: location.search, ready: false, views: { error: String(e) } });
		}
	};
	Object.assign(window, { __samples: samples, __sample: take });
	// The prerendered document is sampled once parsed (a tick while the parser is half-way through a
	// table would read a prefix of its rows), then every 250 ms.
	document.addEventListener('DOMContentLoaded', take);
	setInterval(() => document.readyState !== 'loading' && take(), 250);
}

/** Waits until the page has settled on `search`; returns the samples taken for it and the settled one. */
async function settle(page: Page, search: string, from: number): Promise<{ samples: Sample[]; settled: Sample }> {
	await page.waitForFunction(
		({ search, from }) => {
			const all = (window as unknown as { __samples: Sample[] }).__samples.slice(from);
			const [a, b] = all.slice(-2);
			return (
				!!a &&
				!!b &&
				a.search === search &&
				b.search === search &&
				a.ready &&
				b.ready &&
				JSON.stringify(a.views) === JSON.stringify(b.views)
			);
		},
		{ search, from },
		{ timeout: SETTLE_TIMEOUT, polling: 250 }
	);
	const samples = (
		await page.evaluate((from) => (window as unknown as { __samples: Sample[] }).__samples.slice(from), from)
	).filter((s) => s.search === search);
	return { samples, settled: samples.at(-1)! };
}

/** Every sample's views either equal the settled view's or are placeholders; returns how many showed numbers. */
function checkSamples(url: string, samples: Sample[], settled: Sample): number {
	expect(settled.views.map, `${url}: the settled map is coloured`).not.toBeNull();
	const t0 = samples[0].at;
	let shown = 0;
	const reported = new Set<string>();
	for (const sample of samples) {
		expect(sample.views.error, `${url}: sampling failed`).toBeUndefined();
		for (const [view, value] of Object.entries(sample.views)) {
			if (value !== null) shown++;
			if (value === null || value === settled.views[view] || reported.has(view)) continue;
			reported.add(view); // the first wrong sample of each view, not every one
			const ms = Math.round(sample.at - t0);
			expect
				.soft(value, `${url} at +${ms} ms: "${view}" shows numbers that are not the settled view's (nor a placeholder)`)
				.toBe(settled.views[view] ?? null);
		}
	}
	return shown;
}

/** Goes to `url` by a link on the page, as a user does (a client-side navigation: no reload). */
async function follow(page: Page, url: string) {
	await page.evaluate((href) => {
		const a = document.createElement('a');
		a.href = href;
		document.body.append(a);
		a.click();
		a.remove();
	}, url);
}

/** Visits `urls` on one page: a cold load every COLD_EVERY, links in between; checks every sample. */
async function visit(page: Page, kind: PageKind, urls: string[]) {
	await page.addInitScript(installSampler, kind);
	const started = Date.now();
	let compared = 0;
	let withNumbers = 0;
	for (const [i, url] of urls.entries()) {
		const search = new URL(url, 'http://x').search;
		let from = 0;
		// The second cold load in a browser that keeps the user's files (none, in fact): nothing of the
		// build's may show until DuckDB has said they changed nothing.
		const userFiles = i === COLD_EVERY;
		if (userFiles) await page.evaluate((key) => localStorage.setItem(key, '1'), USER_FILES_HINT);
		if (i % COLD_EVERY === 0) await page.goto(url, { waitUntil: 'commit' });
		else {
			from = await page.evaluate(() => (window as unknown as { __samples: Sample[] }).__samples.length);
			await follow(page, url);
		}
		const { samples, settled } = await settle(page, search, from);
		withNumbers += checkSamples(url, samples, settled);
		if (userFiles) await page.evaluate((key) => localStorage.removeItem(key), USER_FILES_HINT);
		compared += samples.length;
	}
	expect(compared).toBeGreaterThan(urls.length * 2);
	const summary = `${urls.length} addresses (${Math.ceil(urls.length / COLD_EVERY)} cold loads), ${compared} samples, ${withNumbers} sampled views with numbers, ${Math.round((Date.now() - started) / 1000)} s`;
	test.info().annotations.push({ type: 'samples', description: summary });
	console.log(`${kind}: ${summary}`);
}

// --- random addresses, seeded --------------------------------------------------------------------

function random(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const chance = (p: number) => next() < p;
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
	return { chance, pick, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

interface Domain {
	indicators: string[];
	defaultIndicator: string;
	years: number[];
	provinces: string[];
	issues: string[];
	networks: string[];
}

async function readDomain(): Promise<Domain> {
	const data = (file: string) => join(process.cwd(), 'static/data', file);
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	const column = async (sql: string) =>
		(await connection.runAndReadAll(sql)).getRowObjectsJS().map((r) => Object.values(r)[0] as string | number);
	try {
		return {
			indicators: (await column(
				`SELECT indicator_id FROM read_parquet('${data('indicator_catalogue.parquet')}') ORDER BY 1`
			)) as string[],
			defaultIndicator: 'road_death_rate',
			years: (
				await column(`SELECT DISTINCT year FROM read_parquet('${data('indicator_values.parquet')}') ORDER BY 1`)
			).map(Number),
			provinces: (await column(
				`SELECT province_code FROM read_parquet('${data('provinces.parquet')}') ORDER BY 1`
			)) as string[],
			issues: (await column(
				`SELECT issue_area_id FROM read_parquet('${data('issue_areas.parquet')}') ORDER BY 1`
			)) as string[],
			networks: (await column(
				`SELECT network_id FROM read_parquet('${data('networks.parquet')}') ORDER BY 1`
			)) as string[]
		};
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

const address = (path: string, params: [string, string | number | null | false][]) => {
	const query = params
		.filter(([, v]) => v !== null && v !== false)
		.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
	return query.length ? `${path}?${query.join('&')}` : path;
};

function explorerUrls(d: Domain, seed: number, count: number): string[] {
	const r = random(seed);
	return Array.from({ length: count }, () => {
		const year = r.chance(0.5) ? r.pick(d.years) : r.chance(0.3) ? r.int(2000, 2030) : null;
		return address('/', [
			['lang', r.chance(0.5) && 'en'],
			['issue', r.chance(0.15) && r.pick(d.issues)],
			// The default indicator (the one the build holds) a third of the time, an unknown one now and then.
			['indicator', r.chance(0.35) ? d.defaultIndicator : r.chance(0.9) ? r.pick(d.indicators) : 'no_such'],
			['year', year !== null && (r.chance(0.2) ? year + 543 : year)],
			['region', r.chance(0.25) && r.pick(REGIONS)],
			['zone', r.chance(0.4) && r.int(1, 13)],
			['province', r.chance(0.3) && r.pick(d.provinces)],
			['method', r.chance(0.1) && r.pick(CLASS_METHODS)],
			['classes', r.chance(0.1) && r.int(3, 7)],
			['scheme', r.chance(0.1) && r.pick(SCHEMES)]
		]);
	});
}

function coverageUrls(d: Domain, seed: number, count: number, path: '/coverage' | '/gaps'): string[] {
	const r = random(seed);
	return Array.from({ length: count }, () =>
		address(path, [
			['lang', r.chance(0.5) && 'en'],
			path === '/gaps'
				? ['indicator', r.chance(0.6) && r.pick(d.indicators)]
				: ['issue', r.chance(0.4) && r.pick(d.issues)],
			['types', r.chance(0.2) && [r.pick(PARTNER_TYPES), r.pick(PARTNER_TYPES)].join(',')],
			['network', r.chance(0.15) && r.pick(d.networks)],
			['year', r.chance(0.3) && r.int(2016, 2025)],
			['status', r.chance(0.2) && r.pick(PROJECT_STATUSES)],
			['measure', r.chance(0.4) && r.pick(COVERAGE_MEASURES)],
			['zone', path === '/coverage' && r.chance(0.3) && r.int(1, 13)]
		])
	);
}

// --- the tests ------------------------------------------------------------------------------------

test.describe.configure({ mode: 'parallel' });

let domain: Domain;
test.beforeAll(async () => {
	domain = await readDomain();
});

for (let n = 0; n < EXPLORER_TESTS; n++)
	test(`explorer, addresses ${n * EXPLORER_URLS_PER_TEST + 1}–${(n + 1) * EXPLORER_URLS_PER_TEST}: every view shows its own numbers or a placeholder`, async ({
		page
	}) => {
		test.setTimeout(600_000);
		const urls = explorerUrls(domain, SEED * 100 + n, EXPLORER_URLS_PER_TEST);
		// The address without a query (the prerendered view) once, first.
		if (n === 0) urls[0] = '/';
		await visit(page, 'explorer', urls);
	});

for (const path of ['/coverage', '/gaps'] as const)
	test(`${path}, ${COVERAGE_URLS_PER_PAGE} addresses: every view shows its own numbers or a placeholder`, async ({
		page
	}) => {
		test.setTimeout(400_000);
		const urls = coverageUrls(domain, SEED * 100 + path.length, COVERAGE_URLS_PER_PAGE, path);
		// The address without a query (the prerendered view) first.
		urls[0] = path;
		await visit(page, path === '/coverage' ? 'coverage' : 'gaps', urls);
	});
