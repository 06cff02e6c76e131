import { test as base, expect, type Page } from '@playwright/test';

// Shared Playwright fixtures. Import `test` and `expect` from here instead of
// '@playwright/test' so every test automatically checks that the page never
// talks to another origin (the app must be fully self-hosted: no CDN fonts,
// tiles, wasm bundles or analytics).

export interface RecordedRequest {
	url: string;
	method: string;
	resourceType: string;
}

/** Schemes that never leave the machine. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/** `ws(s)://` is compared as `http(s)://` so a same-host WebSocket is allowed. */
function originOf(url: string): string | null {
	try {
		const u = new URL(url);
		if (LOCAL_SCHEMES.has(u.protocol)) return null;
		if (u.protocol === 'ws:') u.protocol = 'http:';
		if (u.protocol === 'wss:') u.protocol = 'https:';
		return u.origin;
	} catch {
		return url;
	}
}

type Fixtures = {
	/** Extra origins a test may talk to (default: none besides the app's own). */
	allowedOrigins: string[];
	/** Every request made by any page of the test's browser context, in order. */
	requestLog: RecordedRequest[];
};

export const test = base.extend<Fixtures>({
	allowedOrigins: [[], { option: true }],

	requestLog: [
		async ({ context, baseURL, allowedOrigins }, use, testInfo) => {
			if (!baseURL) throw new Error('requestLog fixture needs `use.baseURL` in playwright.config.ts');
			const allowed = new Set([new URL(baseURL).origin, ...allowedOrigins.map((o) => new URL(o).origin)]);

			const log: RecordedRequest[] = [];
			context.on('request', (req) => {
				log.push({ url: req.url(), method: req.method(), resourceType: req.resourceType() });
			});
			const onPage = (page: Page) =>
				page.on('websocket', (ws) => log.push({ url: ws.url(), method: 'GET', resourceType: 'websocket' }));
			context.pages().forEach(onPage);
			context.on('page', onPage);

			await use(log);

			const external = log.filter((r) => {
				const origin = originOf(r.url);
				return origin !== null && !allowed.has(origin);
			});
			if (external.length > 0) {
				await testInfo.attach('external-requests.json', {
					body: JSON.stringify(external, null, 2),
					contentType: 'application/json'
				});
			}
			expect(
				external.map((r) => `${r.method} ${r.url} (${r.resourceType})`),
				`requests left the app's origin ${[...allowed].join(', ')}`
			).toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

export interface ConsoleErrorOptions {
	/** Messages matching any of these are not collected. */
	ignore?: RegExp[];
}

/**
 * Start collecting `console.error` messages and uncaught page errors. Returns a
 * live array: call it before `page.goto`, assert on it at the end, e.g.
 *
 *   const errors = collectConsoleErrors(page);
 *   await page.goto('/');
 *   expect(errors).toEqual([]);
 */
export function collectConsoleErrors(page: Page, { ignore = [] }: ConsoleErrorOptions = {}): string[] {
	const errors: string[] = [];
	const push = (text: string) => {
		if (!ignore.some((re) => re.test(text))) errors.push(text);
	};
	page.on('console', (msg) => {
		if (msg.type() !== 'error') return;
		const { url, lineNumber } = msg.location();
		push(url ? `${msg.text()} (${url}:${lineNumber})` : msg.text());
	});
	page.on('pageerror', (err) => push(`Uncaught ${err.name}: ${err.message}`));
	return errors;
}
