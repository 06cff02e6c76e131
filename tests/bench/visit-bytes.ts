/**
 * Bytes of a visit, counted at the server (issue 21): every request the page, its workers and the
 * service worker make reaches this server, so none is missed, and the bytes are what the server
 * wrote for the body (gzip where it compresses, as a production host serves it).
 *
 *   npx tsx tests/bench/visit-bytes.ts [--site build] [--path /?lang=en] [--seconds 60] [--no-sw] [--cellular]
 *   npx tsx tests/bench/visit-bytes.ts [--site build] --routes
 *
 * prints every request of a first visit by URL, then a return visit in the same browser; with --routes,
 * the table `npm run bench` prints: bytes per route, first and return visit, with and without the
 * service worker's background fill.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright';
import { startServer } from '../support/serve.mjs';
import { figure, formatTable, type Figure } from './report';

export interface Served {
	/** The request's path and query, as the browser asked. */
	url: string;
	/** The file it names: the path without its query (`/?lang=en` and `/` are one file). */
	file: string;
	status: number;
	/** Body bytes the server wrote (gzip when it compressed). */
	bytes: number;
	/** The request's Sec-Fetch-Dest (document, script, worker, serviceworker, empty for fetch()…). */
	dest: string;
	range: string | null;
	/** ms since the server started counting. */
	at: number;
}

export interface CountingServer {
	url: string;
	log: Served[];
	/** When counting started (Date.now()); `at` is relative to it. */
	readonly started: number;
	/** Forgets what was counted (the next visit starts from zero). */
	reset(): void;
	close(): Promise<void>;
}

const length = (chunk: unknown, encoding?: unknown): number =>
	typeof chunk === 'string'
		? Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
		: chunk instanceof Uint8Array
			? chunk.byteLength
			: 0;

/** The app's static server (tests/support/serve.mjs) over `root`, counting every response's body. */
export async function countingServer(root: string): Promise<CountingServer> {
	const server = await startServer({ root, port: 0 });
	const log: Served[] = [];
	let start = Date.now();
	server.server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
		let bytes = 0;
		const write = res.write.bind(res) as (...args: unknown[]) => boolean;
		const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
		res.write = ((chunk: unknown, ...rest: unknown[]) => {
			bytes += length(chunk, rest[0]);
			return write(chunk, ...rest);
		}) as typeof res.write;
		res.end = ((chunk?: unknown, ...rest: unknown[]) => {
			if (chunk !== undefined && typeof chunk !== 'function') bytes += length(chunk, rest[0]);
			return end(chunk, ...rest);
		}) as typeof res.end;
		const url = req.url ?? '/';
		res.on('finish', () =>
			log.push({
				url,
				file: new URL(url, 'http://x').pathname,
				status: res.statusCode,
				bytes,
				dest: String(req.headers['sec-fetch-dest'] ?? ''),
				range: req.headers.range ?? null,
				at: Date.now() - start
			})
		);
	});
	return {
		url: server.url.replace(/\/$/, ''),
		log,
		get started() {
			return start;
		},
		reset() {
			log.length = 0;
			start = Date.now();
		},
		close: () => server.close()
	};
}

/** A 390 px phone (the issue's). */
export const PHONE: BrowserContextOptions = {
	viewport: { width: 390, height: 844 },
	deviceScaleFactor: 2,
	isMobile: true,
	hasTouch: true
};

export interface VisitOptions {
	/** Stop once nothing was requested for this long (after the page's load event). */
	quietMs: number;
	/** …or after this long, whatever happens. */
	maxMs: number;
}

/** Opens `url` in `page` and waits until the server has been quiet for `quietMs` (or `maxMs` passed). */
export async function visit(page: Page, server: CountingServer, url: string, o: VisitOptions): Promise<Served[]> {
	server.reset();
	const started = Date.now();
	await page.goto(url, { waitUntil: 'load', timeout: o.maxMs });
	for (;;) {
		const now = Date.now();
		const last = server.log.at(-1)?.at ?? 0;
		const sinceLast = now - (server.started + last);
		if (now - started >= o.maxMs || sinceLast >= o.quietMs) break;
		await new Promise((r) => setTimeout(r, 250));
	}
	return [...server.log];
}

export interface VisitBytes {
	requests: number;
	bytes: number;
	/** Files asked for more than once (ranges of a file count as the file), with how often. */
	twice: { file: string; times: number; bytes: number }[];
}

export function summarizeVisit(log: readonly Served[]): VisitBytes {
	const byFile = new Map<string, { times: number; bytes: number }>();
	for (const r of log) {
		if (r.status === 304) continue;
		const key = r.range ? `${r.file} (${r.range})` : r.file;
		const e = byFile.get(key) ?? { times: 0, bytes: 0 };
		e.times++;
		e.bytes += r.bytes;
		byFile.set(key, e);
	}
	return {
		requests: log.length,
		bytes: log.reduce((n, r) => n + r.bytes, 0),
		twice: [...byFile].filter(([, e]) => e.times > 1).map(([file, e]) => ({ file, ...e }))
	};
}

/** The routes whose bytes the benchmark reports (issue 21), in English as the issue measured them. */
export const VISIT_ROUTES = ['/', '/coverage', '/gaps', '/networks', '/brief/province/40'] as const;

export interface RouteVisit {
	route: string;
	/** Whether the service worker's background fill ran (off: the user saves data). */
	fill: boolean;
	first: VisitBytes;
	/** The same address opened again in the same browser. */
	again: VisitBytes;
	error?: string;
}

/** Waits until the service worker says the offline cache holds the page (`data-offline` on <html>), then for quiet. */
async function settled(
	page: Page,
	server: CountingServer,
	timeoutMs: number,
	quietMs: number
): Promise<string | undefined> {
	let error: string | undefined;
	await page
		.waitForSelector('html[data-offline="stored"]', { state: 'attached', timeout: timeoutMs })
		.catch(() => (error = `the offline cache did not report "stored" within ${timeoutMs} ms`));
	const started = Date.now();
	for (;;) {
		const last = server.log.at(-1)?.at ?? 0;
		const quiet = Date.now() - (server.started + last);
		if (quiet >= quietMs || Date.now() - started > timeoutMs) break;
		await new Promise((r) => setTimeout(r, 200));
	}
	return error;
}

/**
 * A first and a return visit to each route on a phone, in a fresh browser context each, with and
 * without the background fill (the user's "save data" turns it off), counted at the server.
 */
export async function routeVisits(
	browser: Browser,
	root: string,
	{
		routes = VISIT_ROUTES,
		timeoutMs = 60_000,
		quietMs = 2000
	}: { routes?: readonly string[]; timeoutMs?: number; quietMs?: number } = {}
): Promise<RouteVisit[]> {
	const server = await countingServer(root);
	const out: RouteVisit[] = [];
	try {
		for (const route of routes)
			for (const fill of [true, false]) {
				const context = await browser.newContext({ ...PHONE, serviceWorkers: 'allow' });
				try {
					const page = await context.newPage();
					if (!fill)
						await (
							await context.newCDPSession(page)
						).send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
					const url = `${server.url}${route}?lang=en`;
					server.reset();
					await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
					const e1 = await settled(page, server, timeoutMs, quietMs);
					const first = summarizeVisit(server.log);
					server.reset();
					await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
					const e2 = await settled(page, server, timeoutMs, quietMs);
					out.push({ route, fill, first, again: summarizeVisit(server.log), error: e1 ?? e2 });
				} catch (e) {
					const none = { requests: 0, bytes: 0, twice: [] };
					out.push({
						route,
						fill,
						first: none,
						again: none,
						error: e instanceof Error ? e.message.split('\n')[0] : String(e)
					});
				} finally {
					await context.close().catch(() => {});
				}
			}
	} finally {
		await server.close();
	}
	return out;
}

const MB = 1e6;

/** The first minute of a first visit, offline cache included (issue 21). */
const FIRST_VISIT_BUDGET_MB = 10;

/** Bytes per route on a phone, first and return visit, with and without the background fill (issue 21). */
export function visitFigures(visits: readonly RouteVisit[]): Figure[] {
	const group =
		'Bytes per route, first and return visit — 390 px phone, ?lang=en, gzip counted at the server (page, workers, service worker)';
	const f: Figure[] = [];
	const firstTarget = {
		text: `≤ ${FIRST_VISIT_BUDGET_MB} MB`,
		check: ({ app }: { app: { median: number | null } }) =>
			app.median === null ? null : app.median <= FIRST_VISIT_BUDGET_MB
	};
	for (const v of visits) {
		const how = v.fill ? 'with background fill' : 'without background fill (save data)';
		const note = v.error ? `failed: ${v.error}` : undefined;
		f.push(
			figure(
				{ group, label: `${v.route} first visit, ${how} (${v.first.requests} requests)`, size: '', unit: 'MB', note },
				[v.first.bytes / MB],
				null,
				firstTarget
			),
			figure(
				{ group, label: `${v.route} return visit, ${how} (${v.again.requests} requests)`, size: '', unit: 'MB', note },
				[v.again.bytes / MB],
				null
			)
		);
	}
	if (visits.length) {
		const twice = visits.flatMap((v) => v.first.twice);
		f.push(
			figure(
				{
					group,
					label: `downloaded twice in a first visit${twice.length ? ` (${[...new Set(twice.map((t) => t.file))].slice(0, 4).join(', ')})` : ''}`,
					size: '',
					unit: 'kB'
				},
				[twice.reduce((n, t) => n + t.bytes, 0) / 1000],
				null,
				{ text: '0', check: ({ app }) => (app.median === null ? null : app.median === 0) }
			)
		);
	}
	return f;
}

export function formatLog(log: readonly Served[]): string {
	return log
		.map(
			(r) =>
				`${(r.at / 1000).toFixed(1).padStart(6)} s  ${String(r.status)}  ${(r.bytes / 1000).toFixed(1).padStart(8)} kB  ${r.dest.padEnd(13)} ${r.url}${r.range ? ` [${r.range}]` : ''}`
		)
		.join('\n');
}

/** A command line's `--name value` options, with defaults. */
export function options(args: readonly string[]) {
	return (name: string, fallback: string) => {
		const i = args.indexOf(name);
		return i >= 0 ? args[i + 1] : fallback;
	};
}

/** The machine's Chromium, as the scripts here drive it. */
export async function launchChromium(): Promise<Browser> {
	const { chromium } = await import('playwright');
	const { CHROMIUM_ARGS, findChromium } = await import('../support/ensure-chromium.mjs');
	return chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
}

async function main() {
	const args = process.argv.slice(2);
	const opt = options(args);
	const root = path.resolve(opt('--site', 'build'));
	const target = opt('--path', '/?lang=en');
	const seconds = Number(opt('--seconds', '60'));
	const browser = await launchChromium();
	if (args.includes('--routes')) {
		try {
			console.log(formatTable(visitFigures(await routeVisits(browser, root))));
		} finally {
			await browser.close();
		}
		return;
	}
	const server = await countingServer(root);
	try {
		const context = await browser.newContext({
			...PHONE,
			serviceWorkers: args.includes('--no-sw') ? 'block' : 'allow'
		});
		const page = await context.newPage();
		if (args.includes('--cellular')) {
			const cdp = await context.newCDPSession(page);
			await cdp.send('Network.emulateNetworkConditions', {
				offline: false,
				latency: 0,
				downloadThroughput: -1,
				uploadThroughput: -1,
				connectionType: 'cellular4g'
			});
		}
		const opts = { quietMs: seconds * 1000, maxMs: seconds * 1000 };
		for (const name of ['first visit', 'return visit']) {
			const log = await visit(page, server, server.url + target, opts);
			const s = summarizeVisit(log);
			console.log(`## ${name} to ${target} (${seconds} s)\n${formatLog(log)}`);
			console.log(
				`${name}: ${s.requests} requests, ${(s.bytes / MB).toFixed(2)} MB; fetched more than once: ${
					s.twice.map((t) => `${t.file} ×${t.times} (${(t.bytes / MB).toFixed(2)} MB)`).join(', ') || 'none'
				}\n`
			);
		}
		await context.close();
	} finally {
		await server.close();
		await browser.close();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
