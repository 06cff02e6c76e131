/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

/**
 * Offline after the first visit (docs/offline.md). On install the worker stores the whole app in a
 * cache named after the build: the app shell and its workers, the DuckDB-WASM build browsers use
 * (the "eh" one; the other, for old browsers, is stored when first fetched), the data files and every
 * prerendered page with its data. Then:
 *   - /_app/immutable/ (hashed file names, never change): cache first;
 *   - everything else (pages, data, config.json): the network first, so a new deployment shows at
 *     once, and the cache when the network fails or takes too long.
 * A new build gets a new cache; the old one is deleted once the new worker takes over.
 */
import { base, build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE = `phakhi-atlas-${version}`;
const PREFIX = 'phakhi-atlas-';

/** The WebAssembly builds: only the one browsers pick is stored up front (34 MB; the other is 39 MB). */
const isWasm = (path: string) => path.endsWith('.wasm');
const isUsedWasm = (path: string) => /duckdb-eh\.[^/]*\.wasm$/.test(path);
/** Pages not worth storing: the benchmark's baseline. */
const isSkipped = (path: string) => path.startsWith(`${base}/bench/`);
const IMMUTABLE_PATH = `${base}/_app/immutable/`;

const IMMUTABLE = build.filter((path) => !isWasm(path) || isUsedWasm(path));
const REVALIDATED = [...files, ...prerendered].filter((path) => !isSkipped(path));

/** How long a page or data file may take from the network before the stored copy is used instead. */
const NETWORK_TIMEOUT_MS = 4000;

/**
 * Stores the server's answer to a request. A redirected answer (a host that sends /coverage to
 * /coverage/) is stored as a plain one: browsers refuse a redirected response to a page request.
 */
async function store(cache: Cache, request: Request): Promise<void> {
	const response = await fetch(request);
	if (!response.ok) throw new Error(`${request.url}: ${response.status}`);
	const plain = response.redirected
		? new Response(await response.blob(), { status: response.status, headers: response.headers })
		: response;
	await cache.put(request.url, plain);
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			// Pages and data are not hashed: ask the server (not the HTTP cache) for this build's copy.
			const requests = [
				...IMMUTABLE.map((path) => new Request(path)),
				...REVALIDATED.map((path) => new Request(path, { cache: 'no-cache' }))
			];
			// All or nothing: a worker that could not store everything does not take over.
			await Promise.all(requests.map((request) => store(cache, request)));
		})()
	);
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
		(await cache.match(url.origin + url.pathname, { ignoreSearch: true, ignoreVary: true }))
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

async function cacheFirst(request: Request, url: URL): Promise<Response> {
	const hit = await stored(url);
	if (hit) return hit;
	const response = await fetch(request);
	if (response.ok && response.status === 200 && !response.redirected) {
		const copy = response.clone();
		caches.open(CACHE).then((cache) => cache.put(url.href, copy));
	}
	return response;
}

async function networkFirst(request: Request, url: URL): Promise<Response> {
	const network = fetch(request).then((response) => {
		// Keeps the newest copy of anything the app serves, without its query (one copy per page).
		if (response.ok && response.status === 200 && !response.redirected) {
			const copy = response.clone();
			caches.open(CACHE).then((cache) => cache.put(url.origin + url.pathname, copy));
		}
		return response;
	});
	// Answered from the cache after a timeout, a late failure of the network is nobody's error.
	network.catch(() => undefined);
	const slow = new Promise<undefined>((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, undefined));
	try {
		const first = await Promise.race([network, slow]);
		if (first) return first;
		return (await stored(url)) ?? (await network);
	} catch (error) {
		const hit = await stored(url);
		if (hit) return hit;
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
	event.respondWith(
		url.pathname.startsWith(IMMUTABLE_PATH) ? cacheFirst(request, url) : networkFirst(request, url)
	);
});
