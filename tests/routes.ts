import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Every kind of page the app has, with what "working" means on each: the accessibility, security
 * and offline tests walk this list (the benchmark page /bench/baseline is left out on purpose).
 */
export interface AppRoute {
	path: string;
	/** Waits until the page has done everything it does on load (map painted, DuckDB ready…). */
	ready(page: Page): Promise<void>;
}

const painted = async (page: Page) => {
	await expect(page.locator('.map')).toHaveAttribute('data-painted', 'true');
	await expect(page.locator('.map-stack')).toHaveAttribute('data-renderer', 'maplibre');
};

// DuckDB-WASM starts in a few seconds on a quiet machine, but CI shares 2 cores between two browser workers:
// the waits for the database are generous (tests never assert on time).
const DB_READY = { timeout: 60_000 };

export const ROUTES: AppRoute[] = [
	{
		path: '/',
		async ready(page) {
			await expect(page.locator('.explorer')).toHaveAttribute('data-db', 'ready', DB_READY);
			await expect(page.locator('.explorer')).not.toHaveAttribute('data-view', '');
			await expect(page.locator('.ranking[role="img"]')).toHaveAttribute('data-drawn', 'true');
			await painted(page);
		}
	},
	{
		path: '/province/40',
		async ready(page) {
			await expect(page.locator('article.profile')).toHaveAttribute('data-province', '40');
		}
	},
	{
		path: '/province/10',
		async ready(page) {
			await expect(page.locator('article.profile')).toHaveAttribute('data-province', '10');
		}
	},
	{
		path: '/coverage',
		async ready(page) {
			await expect(page.locator('.coverage')).toHaveAttribute('data-db', 'ready', DB_READY);
			await expect(page.locator('.coverage')).not.toHaveAttribute('data-coverage', '');
			await painted(page);
		}
	},
	{
		path: '/gaps',
		async ready(page) {
			await expect(page.locator('.gaps')).not.toHaveAttribute('data-gaps', '', DB_READY);
			await expect(page.locator('.gaps .echart')).toHaveAttribute('data-drawn', 'true');
			await painted(page);
		}
	},
	{
		path: '/networks',
		async ready(page) {
			await expect(page.locator('.networks')).not.toHaveAttribute('data-network', '');
			await painted(page);
		}
	},
	{
		path: '/data',
		async ready(page) {
			await expect(page.locator('.user-data')).toHaveAttribute('data-db', 'ready', DB_READY);
		}
	},
	{
		path: '/data/report',
		async ready(page) {
			await expect(page.locator('.exports-report h1')).toBeVisible();
		}
	},
	{
		path: '/brief/province/40',
		async ready(page) {
			await expect(page.locator('article.brief')).toHaveAttribute('data-province', '40');
		}
	},
	{
		path: '/brief/zone/10',
		async ready(page) {
			await expect(page.locator('article.brief')).toHaveAttribute('data-zone', '10');
		}
	},
	{
		// What the service worker shows for an address it never stored, while the network is gone.
		path: '/offline',
		async ready(page) {
			await expect(page.locator('.offline-notice h1')).toBeVisible();
		}
	}
];

export const LANGS = ['th', 'en'] as const;

/** The route's address in a language (Thai is the default and has no parameter). */
export const inLang = (path: string, lang: (typeof LANGS)[number]) => (lang === 'th' ? path : `${path}?lang=en`);
