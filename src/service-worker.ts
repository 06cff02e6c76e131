/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

/**
 * Offline after the first visit, without downloading anything twice (docs/offline.md, issue 21).
 *
 * The install stores nothing: it must not compete with the page's first load. Once active the worker
 * takes control of the page (`clients.claim()`) and stores every response that passes through it.
 * When the page has loaded and the browser is idle, the page asks it to fill the cache
 * (`$lib/config/offline`):
 *   1. what the page fetched before the worker controlled it, copied from the HTTP cache
 *      (`cache: 'only-if-cached'`: no request; a file the HTTP cache did not keep, such as DuckDB's
 *      wasm, is stored the next time it is fetched);
 *   2. what offline use needs: the shell (the app's scripts, styles and fonts), the data files, the
 *      pages the user opened and the offline page;
 *   3. unless the user saves data or the connection is cellular: other pages, sections first, at low
 *      priority, within BACKGROUND_BUDGET_BYTES for the life of the build's cache.
 * Serving:
 *   - /_app/immutable/ (hashed file names, never change): cache first;
 *   - everything else (pages, data, config.json): the network first, so a new deployment shows at
 *     once, and the cache when the network fails or takes too long; a page never stored answers
 *     with the offline page, its `__data.json` with OFFLINE_STATUS (the error page says so).
 * A new build gets a new cache; the old one is deleted once the new worker takes over.
 */
import { base, build, files, prerendered, version } from '$service-worker';
import {
	BACKGROUND_BUDGET_BYTES,
	backgroundPages,
	cacheKey,
	dataFileOf,
	FILL_CONCURRENCY,
	FILL_MESSAGE,
	FILLED_MESSAGE,
	isNeededStatic,
	isShellFile,
	OFFLINE_PAGE,
	OFFLINE_STATUS,
	type FillRequest
} from '$lib/config/offline';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE = `phakhi-atlas-${version}`;
const PREFIX = 'phakhi-atlas-';
/** A stored note of the background fill's bytes so far (not a file of the app). */
const BUDGET_KEY = `${base}/__offline-background-bytes__`;

const IMMUTABLE_PATH = `${base}/_app/immutable/`;
const SHELL = build.filter(isShellFile);
const DATA = files.filter((path) => isNeededStatic(path, base));
const PAGES = prerendered.filter((path) => isNeededStatic(path, base));
/** Prerendered files that are not pages: the web app manifests and their icons (installing works offline). */
const PAGE_FILES = PAGES.filter((path) => /\.[a-z0-9]+$/i.test(path) && !path.endsWith('/__data.json'));
const OFFLINE = [`${base}${OFFLINE_PAGE}`, dataFileOf(`${base}${OFFLINE_PAGE}`, base)].filter((path) =>
	PAGES.includes(path)
);

/** How long a page or data file may take from the network before the stored copy is used instead. */
const NETWORK_TIMEOUT_MS = 4000;

const keyOf = (url: string) => cacheKey(new URL(url, sw.location.href));
const isImmutable = (url: URL) => url.pathname.startsWith(IMMUTABLE_PATH);

/** Responses being stored, by key: a file asked for while it is on its way is not fetched again. */
const storing = new Map<string, Promise<boolean>>();

/** A response the cache can keep: a whole, successful answer (a redirect is stored as the plain answer). */
async function storable(response: Response): Promise<Response | null> {
	if (!response.ok || response.status !== 200) return null;
	return response.redirected
		? new Response(await response.blob(), { status: response.status, headers: response.headers })
		: response;
}

async function put(key: string, response: Response): Promise<boolean> {
	const plain = await storable(response);
	if (!plain) return false;
	await (await caches.open(CACHE)).put(key, plain);
	return true;
}

/** Stores `url` once: from the HTTP cache (no request), else, with `network`, from the server at low priority. */
function store(url: string, network: boolean, onBytes?: (bytes: number) => void): Promise<boolean> {
	const key = keyOf(url);
	const pending = storing.get(key);
	if (pending) return pending;
	const done = (async () => {
		const cache = await caches.open(CACHE);
		if (await cache.match(key, { ignoreVary: true })) return true;
		const local = await fetch(url, { cache: 'only-if-cached', mode: 'same-origin' }).catch(() => null);
		if (local && (await put(key, local))) return true;
		if (!network) return false;
		const response = await fetch(url, { priority: 'low' } as RequestInit).catch(() => null);
		if (!response) return false;
		onBytes?.(Number(response.headers.get('content-length') ?? 0));
		return put(key, response);
	})().finally(() => storing.delete(key));
	storing.set(key, done);
	return done;
}

/** Runs `task` over `items`, a few at a time. */
async function pool<T>(items: readonly T[], task: (item: T) => Promise<unknown>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await task(items[next++]).catch(() => undefined);
	};
	await Promise.all(Array.from({ length: FILL_CONCURRENCY }, worker));
}

/** The pages the page has opened (its own address and the `__data.json` its router fetched). */
function openedPages(seen: readonly string[]): string[] {
	const pages = new Set<string>();
	for (const address of seen) {
		const path = new URL(address).pathname;
		const page = path.endsWith('/__data.json') ? path.slice(0, -'/__data.json'.length) || `${base}/` : path;
		if (PAGES.includes(page)) pages.add(page);
	}
	return [...pages].flatMap((page) => [page, dataFileOf(page, base)]).filter((path) => PAGES.includes(path));
}

let filling: Promise<void> | null = null;

async function fill({ seen, background }: FillRequest): Promise<void> {
	// 1. What the page already has: from the HTTP cache only.
	await pool(seen, (url) => store(url, false));
	// 2. What offline use needs.
	await pool([...OFFLINE, ...openedPages(seen), ...DATA, ...PAGE_FILES, ...SHELL], (path) => store(path, true));
	if (!background) return;
	// 3. Other pages, within the budget.
	const cache = await caches.open(CACHE);
	let spent = Number((await (await cache.match(BUDGET_KEY))?.text()) ?? 0);
	for (const path of backgroundPages(PAGES, base)) {
		if (spent >= BACKGROUND_BUDGET_BYTES) break;
		await store(path, true, (bytes) => (spent += bytes)).catch(() => false);
	}
	await cache.put(BUDGET_KEY, new Response(String(spent)));
}

sw.addEventListener('message', (event) => {
	const data = event.data as FillRequest | undefined;
	if (data?.type !== FILL_MESSAGE) return;
	// One fill at a time; a later page's request runs after (it finds most of it stored).
	filling = (filling ?? Promise.resolve())
		.then(() => fill(data))
		.then(() => (event.source as Client | null)?.postMessage({ type: FILLED_MESSAGE }))
		.catch(() => undefined);
	event.waitUntil(filling);
});

sw.addEventListener('install', () => {
	// Nothing up front: the page's first load keeps the network to itself.
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
			// The page that installed the worker is served by it from now on, not only after a reload.
			await sw.clients.claim();
		})()
	);
});

/** The stored response for a URL, whatever its query (?lang=en and the view's filters are read in the page). */
async function stored(url: URL): Promise<Response | undefined> {
	const cache = await caches.open(CACHE);
	return (
		(await cache.match(url.href, { ignoreVary: true })) ??
		(await cache.match(cacheKey(url), { ignoreSearch: true, ignoreVary: true }))
	);
}

/** A stored response cut to a single `Range: bytes=a-b` (readers of Parquet ask for parts). */
async function partial(response: Response, range: string): Promise<Response> {
	const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
	const body = await response.arrayBuffer();
	const size = body.byteLength;
	if (!match || (match[1] === '' && match[2] === '')) return new Response(body, response);
	const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
	const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	if (start >= size || end < start)
		return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } });
	const headers = new Headers(response.headers);
	headers.set('Content-Range', `bytes ${start}-${end}/${size}`);
	headers.set('Content-Length', String(end - start + 1));
	return new Response(body.slice(start, end + 1), { status: 206, headers });
}

/**
 * Fetches `request` and keeps a copy of the answer. A page's `__data.json` (a navigation inside the
 * app) brings its page's HTML along, so the page opens offline by its address too.
 */
function fetchAndKeep(request: Request, url: URL): Promise<Response> {
	const key = cacheKey(url);
	const network = fetch(request);
	const kept = network.then((response) => put(key, response.clone())).catch(() => false);
	if (!storing.has(key)) {
		storing.set(key, kept);
		kept.finally(() => storing.delete(key));
	}
	if (url.pathname.endsWith('/__data.json')) {
		const page = url.pathname.slice(0, -'/__data.json'.length) || `${base}/`;
		if (PAGES.includes(page)) kept.then((ok) => ok && store(page, true));
	}
	return network;
}

async function cacheFirst(request: Request, url: URL): Promise<Response> {
	// A file the fill is storing right now is waited for, not fetched a second time.
	await storing.get(cacheKey(url));
	return (await stored(url)) ?? fetchAndKeep(request, url);
}

/** What an address never stored answers offline: the offline page for a page, OFFLINE_STATUS for its data. */
async function offlineAnswer(request: Request, url: URL): Promise<Response | undefined> {
	if (request.mode === 'navigate') {
		const page = await stored(new URL(`${base}${OFFLINE_PAGE}`, url));
		if (page) return new Response(page.body, { status: OFFLINE_STATUS, headers: page.headers });
	}
	if (url.pathname.endsWith('/__data.json'))
		return new Response(JSON.stringify('offline'), {
			status: OFFLINE_STATUS,
			headers: { 'Content-Type': 'application/json' }
		});
	return undefined;
}

async function networkFirst(request: Request, url: URL): Promise<Response> {
	const network = fetchAndKeep(request, url);
	// Answered from the cache after a timeout, a late failure of the network is nobody's error.
	network.catch(() => undefined);
	const slow = new Promise<undefined>((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, undefined));
	try {
		const first = await Promise.race([network, slow]);
		if (first) return first;
		return (await stored(url)) ?? (await network);
	} catch (error) {
		const answer = (await stored(url)) ?? (await offlineAnswer(request, url));
		if (answer) return answer;
		throw error;
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	// Only the app's own files; nothing else is ever asked for.
	if (url.origin !== sw.location.origin) return;
	const range = request.headers.get('range');
	if (range) {
		// Parts of a file: from the network, else cut from the stored whole.
		event.respondWith(
			fetch(request).catch(async (error) => {
				const hit = await stored(url);
				if (!hit) throw error;
				return partial(hit, range);
			})
		);
		return;
	}
	event.respondWith(isImmutable(url) ? cacheFirst(request, url) : networkFirst(request, url));
});
