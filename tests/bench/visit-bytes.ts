/**
 * Bytes of a visit, counted at the server (issue 21): every request the page, its workers and the
 * service worker make reaches this server, so none is missed, and the bytes are what the server
 * wrote for the body (gzip where it compresses, as a production host serves it).
 *
 *   npx tsx tests/bench/visit-bytes.ts [--site build] [--path /?lang=en] [--seconds 60] [--no-sw] [--cellular]
 *
 * prints every request of a first visit by URL, then a return visit in the same browser.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright';
import { startServer } from '../support/serve.mjs';

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
		const sinceLast = now - (started + last);
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

const MB = 1e6;

export function formatLog(log: readonly Served[]): string {
	return log
		.map(
			(r) =>
				`${(r.at / 1000).toFixed(1).padStart(6)} s  ${String(r.status)}  ${(r.bytes / 1000).toFixed(1).padStart(8)} kB  ${r.dest.padEnd(13)} ${r.url}${r.range ? ` [${r.range}]` : ''}`
		)
		.join('\n');
}

async function main() {
	const args = process.argv.slice(2);
	const opt = (name: string, fallback: string) => {
		const i = args.indexOf(name);
		return i >= 0 ? args[i + 1] : fallback;
	};
	const root = path.resolve(opt('--site', 'build'));
	const target = opt('--path', '/?lang=en');
	const seconds = Number(opt('--seconds', '60'));
	const { chromium } = await import('playwright');
	const { findChromium } = await import('../support/ensure-chromium.mjs');
	const browser: Browser = await chromium.launch({
		executablePath: findChromium() ?? undefined,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--enable-unsafe-swiftshader']
	});
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
