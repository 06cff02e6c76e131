/**
 * The offline cache's plan, shared by the page and the service worker (src/service-worker.ts,
 * docs/offline.md). Pure: tested in Node (offline.test.ts).
 *
 * A first visit downloads each file once. The worker stores what passes through it once it controls
 * the page; what the page fetched before that is copied from the browser's HTTP cache
 * (`cache: 'only-if-cached'`, no request). After the page's load, when the browser is idle, the page
 * asks the worker to fill the cache (FILL_MESSAGE): first what offline use needs (the shell, the data,
 * the pages the user opened, the offline page), then, unless the user saves data or the connection is
 * cellular, other pages in the background, at low priority, within BACKGROUND_BUDGET_BYTES.
 */

/** The page's request to the worker. */
export const FILL_MESSAGE = 'phakhi-offline-fill';

export interface FillRequest {
	type: typeof FILL_MESSAGE;
	/** Same-origin addresses the page has fetched so far (the page itself first). */
	seen: string[];
	/** Whether other pages may be stored in the background. */
	background: boolean;
}

/** The worker's answer once the fill is done: the page then says so in `data-offline` on <html>. */
export const FILLED_MESSAGE = 'phakhi-offline-filled';
/** `data-offline` on <html> once the offline cache holds what this page needs ("stored"). */
export const OFFLINE_STORED = 'stored';

/** What the background fill may download, on the wire (gzip), in the whole life of a build's cache. */
export const BACKGROUND_BUDGET_BYTES = 2_000_000;

/** Files stored at once at most while filling (each at low priority). */
export const FILL_CONCURRENCY = 3;

/** The page a navigation to an address that was never stored gets while offline. */
export const OFFLINE_PAGE = '/offline';

/** What a `__data.json` that was never stored answers while offline (the error page then says so). */
export const OFFLINE_STATUS = 503;

/** The parts of the Network Information API the plan reads (Chromium; absent elsewhere). */
export interface ConnectionInfo {
	saveData?: boolean;
	type?: string;
	effectiveType?: string;
}

/** The background fill runs unless the user asked to save data or the connection is cellular or slow. */
export function backgroundAllowed(connection: ConnectionInfo | undefined): boolean {
	if (!connection) return true;
	if (connection.saveData) return false;
	if (connection.type === 'cellular') return false;
	return connection.effectiveType !== 'slow-2g' && connection.effectiveType !== '2g';
}

/** A build file the worker stores up front: not the WebAssembly builds (stored when fetched), not old font formats, not the workers only they use. */
export function isShellFile(path: string): boolean {
	if (path.endsWith('.wasm')) return false;
	// Every browser with a service worker reads woff2; the .woff copies are for older ones.
	if (path.endsWith('.woff')) return false;
	return !/duckdb-browser-mvp\.worker/.test(path);
}

/** A static file offline use needs: the data and the manifests' icons; not link-preview images or the benchmark. */
export function isNeededStatic(path: string, base = ''): boolean {
	return !path.startsWith(`${base}/preview/`) && !path.startsWith(`${base}/bench/`);
}

/** A prerendered page's data file, as SvelteKit's router fetches it on a navigation inside the app. */
export const dataFileOf = (pagePath: string, base = ''): string =>
	pagePath === `${base}/` || pagePath === base ? `${base}/__data.json` : `${pagePath}/__data.json`;

/** The key a response is stored under: the path without its query (`?lang=en` is read in the page). */
export const cacheKey = (url: URL): string => url.origin + url.pathname;

/**
 * Pages for the background fill, most useful first: the sections (fewest path segments), then the
 * profiles and briefs; each page with its `__data.json`. Link previews and the benchmark are left out.
 */
export function backgroundPages(prerendered: readonly string[], base = ''): string[] {
	const pages = prerendered.filter(
		(p) => isNeededStatic(p, base) && !p.endsWith('__data.json') && !/\.[a-z0-9]+$/i.test(p.split('/').pop() ?? '')
	);
	const depth = (p: string) => p.split('/').filter(Boolean).length;
	const ordered = [...pages].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
	const known = new Set(prerendered);
	return ordered.flatMap((p) => [p, dataFileOf(p, base)].filter((f) => known.has(f)));
}

/** The page's own downloads are over when none has ended for this long (each ends with a resource timing entry)… */
export const QUIET_MS = 3000;
/** …or after this long, whatever happens. */
export const QUIET_MAX_MS = 30_000;

/** Resolves once no download of the page has ended for QUIET_MS (at most QUIET_MAX_MS). */
function networkQuiet(): Promise<void> {
	return new Promise((resolve) => {
		const start = performance.now();
		let timer = setTimeout(done, QUIET_MS);
		const observer = new PerformanceObserver(() => {
			clearTimeout(timer);
			timer = setTimeout(done, performance.now() - start > QUIET_MAX_MS ? 0 : QUIET_MS);
		});
		observer.observe({ type: 'resource' });
		function done() {
			observer.disconnect();
			resolve();
		}
	});
}

/**
 * Asks the active service worker to fill the cache, once the page has loaded, its own downloads are
 * over (a file the page is still fetching is not fetched a second time by the worker) and the
 * browser is idle.
 */
export function requestOfflineFill(): void {
	if (typeof window === 'undefined' || !('serviceWorker' in navigator)) return;
	const idle = (run: () => void) =>
		'requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 10_000 }) : setTimeout(run, 2000);
	navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
		if (event.data?.type === FILLED_MESSAGE) document.documentElement.dataset.offline = OFFLINE_STORED;
	});
	const ask = () =>
		networkQuiet().then(() =>
			idle(async () => {
				const registration = await navigator.serviceWorker.ready;
				const seen = [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)].filter(
					(url) => new URL(url).origin === location.origin
				);
				const connection = (navigator as Navigator & { connection?: ConnectionInfo }).connection;
				const request: FillRequest = { type: FILL_MESSAGE, seen, background: backgroundAllowed(connection) };
				registration.active?.postMessage(request);
			})
		);
	if (document.readyState === 'complete') ask();
	else addEventListener('load', ask, { once: true });
}
