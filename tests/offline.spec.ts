import type { BrowserContext, Page } from '@playwright/test';
import { DEFAULT_ROOT } from './support/serve.mjs';
import { countingServer, PHONE, summarizeVisit, type CountingServer } from './bench/visit-bytes';
import { collectConsoleErrors, expect, test as base } from './fixtures';
import { watchViolations } from './helpers';
import { inLang, LANGS, ROUTES } from './routes';
import { MESSAGES } from '../src/lib/i18n/messages';
import { OFFLINE_STORED } from '../src/lib/config/offline';

// Offline by construction (docs/offline.md). The build is served by a static server of the test's own;
// the pages are opened once online, which lets the service worker store them with the shell and the
// data. Then the server is stopped and the browser put offline (a real network cut, not only an
// emulated one). Every request to another origin is blocked and recorded: there must be none.

type Server = CountingServer;

const test = base.extend<{ server: Server }>({
	// The app's static server over build/, counting every response (tests/bench/visit-bytes.ts).
	server: async ({}, use) => {
		const server = await countingServer(DEFAULT_ROOT);
		let closed = false;
		await use({
			...server,
			close: async () => {
				if (!closed) await server.close();
				closed = true;
			}
		});
		if (!closed) await server.close();
	},
	// The same-origin check of fixtures.ts, for this server's origin.
	allowedOrigins: async ({ server }, use) => use([server.url])
});

test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker controls the page and has stored what offline use needs. */
async function stored(page: Page): Promise<void> {
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	await expect(page.locator('html')).toHaveAttribute('data-offline', OFFLINE_STORED, { timeout: 60_000 });
}

/** The paths the offline cache holds. */
const cachedPaths = (page: Page) =>
	page.evaluate(async () => {
		const keys = await caches.keys();
		const cache = await caches.open(keys.find((k) => k.startsWith('phakhi-atlas-'))!);
		return (await cache.keys()).map((r) => new URL(r.url).pathname);
	});

/** Blocks and records every request to another origin. */
async function blockForeign(context: BrowserContext, server: Server): Promise<string[]> {
	const origin = new URL(server.url).origin;
	const foreign: string[] = [];
	await context.route(
		(url) => url.origin !== origin && !['data:', 'blob:'].includes(url.protocol),
		(route) => {
			foreign.push(route.request().url());
			return route.abort('blockedbyclient');
		}
	);
	return foreign;
}

/** Stops the server and cuts the network; checks nothing answers any more. */
async function cut(page: Page, server: Server) {
	await server.close();
	await page.context().setOffline(true);
	const reachable = await page.evaluate(() =>
		fetch('/__offline_probe__').then(
			() => true,
			() => false
		)
	);
	expect(reachable, 'the server is gone').toBe(false);
}

/** The user's "save data" choice (navigator.connection.saveData), for this page. */
async function savingData(context: BrowserContext, page: Page) {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
}

test('after a visit every page opened works with the network cut, and nothing leaves the origin', async ({
	page,
	context,
	server
}) => {
	test.setTimeout(600_000);
	const foreign = await blockForeign(context, server);
	const errors = collectConsoleErrors(page, {
		// Chromium reports the failed update check of the service worker script while offline.
		ignore: [/service-worker\.js/, /__offline_probe__/]
	});

	const violations = await watchViolations(page);
	for (const route of ROUTES) {
		await page.goto(`${server.url}${route.path}`);
		await route.ready(page);
		await stored(page);
	}
	const paths = await cachedPaths(page);
	// The pages opened with their data, the shell and the data files; not the WebAssembly build for old browsers.
	for (const route of ROUTES) expect(paths).toContain(route.path);
	expect(paths).toContain('/data/provinces.geojson');
	expect(paths.filter((p) => p.includes('duckdb-mvp'))).toEqual([]);

	await cut(page, server);
	for (const route of ROUTES)
		for (const lang of LANGS) {
			const url = `${server.url}${inLang(route.path, lang)}`;
			const response = await page.goto(url);
			expect(response?.status(), url).toBe(200);
			await route.ready(page);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			// The worker and its cache live under the same policy as the network.
			expect(await violations(), url).toEqual([]);
		}
	// The page's web app manifest and its icons come from the worker too (installing works offline).
	const manifest = await page.evaluate(async () => {
		const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!;
		const { icons } = (await (await fetch(link.href)).json()) as { icons: { src: string }[] };
		const statuses = await Promise.all(icons.map(async (icon) => (await fetch(new URL(icon.src, link.href))).status));
		return { href: link.href, icons: icons.length, statuses };
	});
	expect(manifest.icons, manifest.href).toBeGreaterThan(2);
	expect(manifest.statuses, manifest.href).toEqual(manifest.statuses.map(() => 200));
	// A page opened by the app's own navigation, with filters, offline as well.
	await page.goto(`${server.url}/?lang=en`);
	await ROUTES[0].ready(page);
	await page.getByRole('combobox', { name: 'Health zone', exact: true }).selectOption('10');
	await expect(page.locator('.explorer')).toHaveAttribute('data-view', /:10:/);

	expect(foreign).toEqual([]);
	expect(errors).toEqual([]);
});

test('when the user saves data nothing is stored in the background, and a page never opened says so offline', async ({
	page,
	context,
	server
}) => {
	test.setTimeout(180_000);
	const foreign = await blockForeign(context, server);
	await savingData(context, page);
	await page.goto(`${server.url}/?lang=en`);
	expect(
		await page.evaluate(() => (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData)
	).toBe(true);
	await ROUTES[0].ready(page);
	await stored(page);
	const paths = await cachedPaths(page);
	expect(paths).toContain('/');
	expect(paths).toContain('/offline');
	// No other page: the background fill does not run when the user saves data.
	expect(paths.filter((p) => ['/coverage', '/gaps', '/networks', '/province/40'].includes(p))).toEqual([]);

	await cut(page, server);
	for (const lang of LANGS) {
		const url = `${server.url}${inLang('/coverage', lang)}`;
		await page.goto(url);
		await expect(page.getByRole('heading', { level: 1 }), url).toHaveText(MESSAGES[lang].offline_title);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await expect(page.getByRole('link', { name: MESSAGES[lang].offline_home })).toBeVisible();
	}
	// Inside the app: from the stored home page to a section never opened.
	await page.goto(`${server.url}/?lang=en`);
	await ROUTES[0].ready(page);
	const menu = page.getByRole('button', { name: 'Menu' });
	if (await menu.isVisible()) await menu.click();
	await page.getByRole('link', { name: 'Gaps', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(MESSAGES.en.offline_title);
	// …and back to a page that was stored.
	await page.getByRole('link', { name: MESSAGES.en.offline_home }).click();
	await ROUTES[0].ready(page);
	expect(foreign).toEqual([]);
});

test.describe('a first visit on a phone', () => {
	test.use(PHONE);

	test('fetches no file twice: the page, its workers and the service worker, counted at the server', async ({
		page,
		server
	}) => {
		test.setTimeout(180_000);
		// No context.route here: Playwright turns the HTTP cache off while it routes requests, and the
		// worker copies what the page fetched before it took control from that cache. Requests to other
		// origins are still checked, by the requestLog fixture.
		await page.goto(`${server.url}/?lang=en`);
		await ROUTES[0].ready(page);
		await stored(page);
		const visit = summarizeVisit(server.log);
		test.info().annotations.push({
			type: 'first visit',
			description: `${visit.requests} requests, ${(visit.bytes / 1e6).toFixed(2)} MB`
		});
		// The service worker stored the page and its shell, from what passed through it or the HTTP cache.
		expect(server.log.map((r) => r.file)).toContain('/service-worker.js');
		const paths = await cachedPaths(page);
		expect(paths).toContain('/');
		expect(paths).toContain('/data/provinces.geojson');
		expect(visit.twice).toEqual([]);
	});
});
