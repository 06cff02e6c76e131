import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { audit } from './helpers';
import { inLang, LANGS, ROUTES } from './routes';

// axe-core on every page, in Thai and in English, once the page has done all it does on load
// (the interactive map has taken over, the charts are drawn): no serious or critical violation
// of WCAG 2.1 A/AA. Milder findings are attached to the report, not failed on.

/** Opens every closed table (closed tables keep no rows in the DOM). */
async function openAllTables(page: Page) {
	const closed = page.locator('details.data-table:not([open]) > summary');
	while ((await closed.count()) > 0) await closed.first().click();
}

for (const route of ROUTES)
	for (const lang of LANGS)
		test(`axe: ${route.path} in ${lang === 'th' ? 'Thai' : 'English'}`, async ({ page }, testInfo) => {
			await page.goto(inLang(route.path, lang));
			await route.ready(page);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			expect(await audit(page, testInfo, `${route.path} ${lang}`)).toEqual([]);
		});

test('axe: open tables, a project record and the export menu', async ({ page }, testInfo) => {
	await page.goto('/coverage?lang=en');
	await ROUTES.find((r) => r.path === '/coverage')!.ready(page);
	await openAllTables(page);
	expect(await audit(page, testInfo, 'coverage with tables')).toEqual([]);
	await page.goto(`/coverage?lang=th&project=${encodeURIComponent('60-ข-087')}`);
	await expect(page.getByRole('dialog')).toBeVisible();
	expect(await audit(page, testInfo, 'project record')).toEqual([]);

	await page.goto('/?lang=en&province=40');
	await ROUTES[0].ready(page);
	await openAllTables(page);
	await page.locator('.export-menu .toggle').first().click();
	expect(await audit(page, testInfo, 'explorer with tables and menu')).toEqual([]);
});

test('the map has a keyboard alternative: a sortable province table that selects and highlights', async ({ page }) => {
	await page.goto('/?lang=en');
	await ROUTES[0].ready(page);
	const map = page.locator('.map');
	// The map names its alternative.
	await expect(map).toHaveAttribute('aria-details', 'ranking-table');

	const table = page.locator('#ranking-table');
	await table.locator('summary').focus();
	await page.keyboard.press('Enter');
	await expect(table).toHaveAttribute('open', '');

	// Sort by value from the keyboard: the lowest first.
	const valueHeader = table.getByRole('button', { name: /^Value/ });
	await valueHeader.focus();
	await page.keyboard.press('Enter');
	await expect(table.locator('th[aria-sort="ascending"]')).toHaveCount(1);

	// Tab to the first province: its focus highlights it on the map, like hovering.
	const first = table.locator('tbody tr').first();
	const code = (await first.getAttribute('data-key'))!;
	const name = (await first.locator('button.choose').textContent())!.trim();
	// From the last column's sort button, Tab goes to the first row.
	await table.locator('thead button').last().focus();
	await page.keyboard.press('Tab');
	await expect(first.locator('button.choose')).toBeFocused();
	await expect(map).toHaveAttribute('data-highlighted', code);
	await expect(page.locator('.ranking[role="img"]')).toHaveAttribute('data-highlighted', code);

	// Enter selects it, as a click on the map does; Space clears it again.
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`province=${code}`));
	await expect(map).toHaveAttribute('data-selected', code);
	await expect(page.locator('.selection')).toContainText(name);
	await expect(table.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'true');
	await expect(table.getByRole('button', { name, exact: true })).toBeFocused();
	await page.keyboard.press('Space');
	await expect(page).not.toHaveURL(/province=/);
	await expect(map).toHaveAttribute('data-selected', '');

	// Leaving the table takes the highlight away.
	await page.keyboard.press('Shift+Tab');
	await expect(map).toHaveAttribute('data-highlighted', '');
});

test('every chart and map names a table of the same numbers (aria-details)', async ({ page }) => {
	for (const path of ['/?lang=en', '/coverage', '/gaps', '/networks', '/brief/province/40', '/brief/zone/10']) {
		await page.goto(path);
		await ROUTES.find((r) => r.path === path.replace(/\?.*/, ''))!.ready(page);
		const images = await page
			.locator('.echart[role="img"], .map[role="img"], [role="img"][aria-details]')
			.evaluateAll((els) =>
				els.map((el) => {
					const details = el.getAttribute('aria-details');
					const target = details ? document.getElementById(details) : null;
					return {
						what: `${el.className} ${el.getAttribute('aria-label')}`,
						named: (el.getAttribute('aria-label') ?? '').trim().length > 0,
						table: target ? target.tagName === 'TABLE' || target.querySelector('table') !== null : false
					};
				})
			);
		expect(images.length, path).toBeGreaterThan(0);
		for (const image of images) expect(image, path).toMatchObject({ named: true, table: true });
	}
});

test('focus is visible on everything the keyboard reaches', async ({ page }) => {
	for (const route of ROUTES) {
		await page.goto(route.path);
		await route.ready(page);
		const seen = new Set<string>();
		for (let i = 0; i < 60; i++) {
			await page.keyboard.press('Tab');
			const focus = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				if (!el || el === document.body) return null;
				const style = getComputedStyle(el);
				const describe = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
				return {
					describe,
					outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
					shadow: style.boxShadow !== 'none'
				};
			});
			if (!focus || seen.has(focus.describe)) continue;
			seen.add(focus.describe);
			expect(focus.outline || focus.shadow, `${route.path}: ${focus.describe}`).toBe(true);
		}
		expect(seen.size, route.path).toBeGreaterThan(3);
	}
});

test('reduced motion: no transitions, and the map jumps instead of flying', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/?lang=en');
	await ROUTES[0].ready(page);
	const moving = await page.evaluate(
		() =>
			[...document.querySelectorAll('*')].filter((el) => {
				const s = getComputedStyle(el);
				return s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || s.animationName !== 'none';
			}).length
	);
	expect(moving).toBe(0);
	await page.locator('.map').evaluate((el) => {
		const map = (el as HTMLElement & { __map: Record<string, (...args: unknown[]) => unknown> }).__map;
		const log: unknown[] = ((window as unknown as { __moves: unknown[] }).__moves = []);
		for (const name of ['fitBounds', 'easeTo', 'flyTo']) {
			const original = map[name].bind(map);
			map[name] = (...args: unknown[]) => {
				log.push({
					name,
					duration:
						(args[1] as { duration?: number } | undefined)?.duration ?? (args[0] as { duration?: number })?.duration
				});
				return original(...args);
			};
		}
	});
	await page.getByRole('combobox', { name: 'Health zone', exact: true }).selectOption('10');
	await expect(page.locator('.explorer')).toHaveAttribute('data-view', /:10:/);
	const moves = await page.evaluate(
		() => (window as unknown as { __moves: { name: string; duration?: number }[] }).__moves
	);
	expect(moves.length).toBeGreaterThan(0);
	for (const move of moves) expect(move.duration, move.name).toBe(0);
});

// WCAG 1.4.10 (reflow) at a phone's width: the page never scrolls sideways, at 390 px (a current
// phone) and 360 px (a small one); wide tables and the ranking scroll inside their own boxes. The
// explorer's and the coverage page's map starts within the first screen (header and filters fold).
const sidewaysScroll = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const route of ROUTES.filter((r) => !r.path.startsWith('/brief')))
	for (const lang of LANGS)
		test(`phone: ${route.path} in ${lang === 'th' ? 'Thai' : 'English'} fits 390 and 360 px wide screens`, async ({
			page
		}) => {
			await page.setViewportSize({ width: 390, height: 844 });
			await page.goto(inLang(route.path, lang));
			await route.ready(page);
			expect(await sidewaysScroll(page), '390 px').toBe(0);
			if (route.path === '/' || route.path === '/coverage') {
				const top = await page.locator('.map-stack').evaluate((el) => el.getBoundingClientRect().top);
				expect(top, 'the map starts within the first screen').toBeLessThan(844);
			}
			// A small phone, opened at its size.
			await page.setViewportSize({ width: 360, height: 740 });
			await page.goto(inLang(route.path, lang));
			await route.ready(page);
			expect(await sidewaysScroll(page), '360 px').toBe(0);
		});

test('phone: the section menu opens, moves focus, closes with Escape; the filters fold behind one button', async ({
	page
}, testInfo) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/?lang=en');
	// The page runs (the header and filters need no database).
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	const menu = page.getByRole('button', { name: 'Menu' });
	const sections = page.getByRole('navigation', { name: 'Main' });
	await expect(sections).toBeHidden();
	// The brand stays on one line; the language switch shows without opening anything.
	const brand = page.locator('header .name');
	expect(await brand.evaluate((el) => el.getClientRects().length === 1 && el.clientHeight < 40)).toBe(true);
	await expect(page.getByRole('navigation', { name: /language/i }).getByRole('link', { name: 'ไทย' })).toBeVisible();

	await menu.click();
	await expect(menu).toHaveAttribute('aria-expanded', 'true');
	await expect(sections).toBeVisible();
	await expect(sections.getByRole('link', { name: 'Indicators' })).toBeFocused();
	expect(await audit(page, testInfo, 'phone menu open')).toEqual([]);
	await page.keyboard.press('Tab');
	await expect(sections.getByRole('link', { name: 'Network coverage' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(sections).toBeHidden();
	await expect(menu).toBeFocused();

	// One button says what the filters select; it opens them. The province search stays out under it.
	const filters = page.locator('#explorer-filters');
	const zone = page.getByRole('combobox', { name: 'Health zone', exact: true });
	await expect(zone).toBeHidden();
	await expect(page.getByRole('combobox', { name: 'Find a province' })).toBeVisible();
	const toggle = page.getByRole('button', { name: /^Filters:/ });
	await expect(toggle).toContainText('Road traffic death rate');
	await expect(toggle).toContainText('Thailand');
	await toggle.click();
	await expect(zone).toBeVisible();
	await page.getByRole('combobox', { name: 'Health zone', exact: true }).selectOption('10');
	await expect(toggle).toContainText('Health zone 10');

	// On a desktop there is no menu button and no filter button: the sections and filters show.
	await page.setViewportSize({ width: 1280, height: 800 });
	await expect(menu).toBeHidden();
	await expect(toggle).toBeHidden();
	await expect(sections).toBeVisible();
	await expect(filters).toBeVisible();
});
