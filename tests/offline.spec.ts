import type { Page } from '@playwright/test';
import { startServer } from './support/serve.mjs';
import { collectConsoleErrors, expect, test as base } from './fixtures';
import { watchViolations } from './helpers';
import { inLang, LANGS, ROUTES } from './routes';

// Offline by construction. The build is served by a static server of the test's own; one visit
// to the home page installs the service worker, which stores the app. Then the server is stopped
// and the browser put offline (a real network cut, not only an emulated one), and every page is
// opened in Thai and English: each must work as it does online (map painted, DuckDB ready where
// the page uses it). Every request to another origin is blocked and recorded: there must be none.

type Server = { url: string; close: () => Promise<void> };

const test = base.extend<{ server: Server }>({
	server: async ({}, use) => {
		const server = await startServer({ port: 0 });
		let closed = false;
		await use({
			url: server.url.replace(/\/$/, ''),
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

/** Waits until the service worker has stored the app and serves this page. */
async function installed(page: Page): Promise<{ cache: string; entries: number }> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	return page.evaluate(async () => {
		const keys = await caches.keys();
		const cache = keys.find((k) => k.startsWith('phakhi-atlas-'))!;
		return { cache, entries: (await (await caches.open(cache)).keys()).length };
	});
}

test('after one visit every page works with the network cut, and nothing leaves the origin', async ({
	page,
	context,
	server
}) => {
	test.setTimeout(240_000);
	const origin = new URL(server.url).origin;
	const foreign: string[] = [];
	await context.route(
		(url) => url.origin !== origin && !['data:', 'blob:'].includes(url.protocol),
		(route) => {
			foreign.push(route.request().url());
			return route.abort('blockedbyclient');
		}
	);
	const errors = collectConsoleErrors(page, {
		// Chromium reports the failed update check of the service worker script while offline.
		ignore: [/service-worker\.js/, /__offline_probe__/]
	});

	const violations = await watchViolations(page);
	await page.goto(`${server.url}/`);
	await ROUTES[0].ready(page);
	const { cache, entries } = await installed(page);
	// The shell, the data files and every prerendered page with its data.
	expect(entries, cache).toBeGreaterThan(400);

	await server.close();
	await context.setOffline(true);
	const reachable = await page.evaluate(() =>
		fetch('/__offline_probe__').then(
			() => true,
			() => false
		)
	);
	expect(reachable, 'the server is gone').toBe(false);

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
