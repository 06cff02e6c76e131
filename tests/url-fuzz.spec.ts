import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ROUTES } from './routes';
import { hostileQueries } from './support/hostile-queries';

// 1 000 random and hostile query strings (seeded: the same on every run) against the pages.
// Loading 1 000 pages one after another would take minutes on two cores, so:
//   - REAL_LOADS of them are full page loads (HTML from the server, hydration, the page's own
//     start-up) spread over the light pages and the explorer;
//   - the rest are client-side navigations inside each view (a link with the hostile href, clicked),
//     which run the same parser and redraw the same view, much faster.
// Every one must give a page with its heading, a valid language, no uncaught error, no dialog and
// no element made from the query. The URL parser's unit test runs the same 1 000 through the parser.

const QUERIES = hostileQueries(1000);
// The two halves are independent: let both workers take one.
test.describe.configure({ mode: 'parallel' });
const REAL_LOADS = 120;

/** Counts uncaught errors and dialogs; nothing from a query may ever run. */
function watch(page: Page) {
	const problems: string[] = [];
	page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
	page.on('dialog', (d) => {
		problems.push(`dialog: ${d.message()}`);
		d.dismiss().catch(() => undefined);
	});
	return problems;
}

/** The page shows its view: a level-one heading, a language, nothing injected. */
async function expectWorking(page: Page, what: string) {
	const state = await page.evaluate(() => ({
		headings: document.querySelectorAll('main h1').length,
		lang: document.documentElement.lang,
		injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror]').length
	}));
	expect(state, what).toEqual({ headings: 1, lang: expect.stringMatching(/^(th|en)$/), injected: 0 });
}

const LIGHT = ['/province/40', '/brief/zone/10', '/brief/province/40', '/'];

test(`${REAL_LOADS} hostile query strings load working pages`, async ({ page }) => {
	test.setTimeout(240_000);
	const problems = watch(page);
	const started = Date.now();
	for (let i = 0; i < REAL_LOADS; i++) {
		const url = `${LIGHT[i % LIGHT.length]}?${QUERIES[i]}`;
		const response = await page.goto(url, { waitUntil: 'load' });
		expect(response?.status(), url).toBe(200);
		// Hydrated: the layout has set the language from the query.
		await page.waitForFunction(() => document.querySelector('nav.lang a[aria-current]') !== null);
		await expectWorking(page, url);
		expect(problems, url).toEqual([]);
	}
	console.log(`${REAL_LOADS} loads in ${Date.now() - started} ms`);
});

const VIEWS = ['/', '/coverage', '/gaps', '/networks'];

test(`${QUERIES.length - REAL_LOADS} hostile query strings as in-app navigations, in every view`, async ({ page }) => {
	test.setTimeout(300_000);
	const problems = watch(page);
	const rest = QUERIES.slice(REAL_LOADS);
	const per = Math.ceil(rest.length / VIEWS.length);
	const started = Date.now();
	for (const [v, path] of VIEWS.entries()) {
		const route = ROUTES.find((r) => r.path === path)!;
		await page.goto(path);
		await route.ready(page);
		const viewStart = Date.now();
		for (const query of rest.slice(v * per, (v + 1) * per)) {
			const href = `${path}?${query}`;
			// A link, as a hostile page or message would offer it, set through the DOM (not as markup),
			// clicked; then, in the same round trip, wait for the router to have shown its URL.
			const state = await page.evaluate(async (href) => {
				const a = document.createElement('a');
				a.href = href;
				a.textContent = 'go';
				document.querySelector('main')!.append(a);
				a.click();
				a.remove();
				const want = new URL(a.href);
				for (let i = 0; i < 500 && !(location.pathname === want.pathname && location.search === want.search); i++)
					await new Promise((resolve) => setTimeout(resolve, 5));
				await new Promise((resolve) => requestAnimationFrame(resolve));
				return {
					arrived: location.pathname === want.pathname && location.search === want.search,
					headings: document.querySelectorAll('main h1').length,
					lang: document.documentElement.lang,
					injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror]').length
				};
			}, href);
			expect(state, href).toEqual({ arrived: true, headings: 1, lang: expect.stringMatching(/^(th|en)$/), injected: 0 });
			expect(problems, href).toEqual([]);
		}
		console.log(`${path}: ${per} navigations in ${Date.now() - viewStart} ms`);
		// Still a working view afterwards.
		await page.goto(path);
		await route.ready(page);
	}
	console.log(`${rest.length} navigations in ${Date.now() - started} ms`);
});
