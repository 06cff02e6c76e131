/** The explorer's timeline: play/pause through the years, every view following, keyboard, URL and history. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { hoverPlace, KHON_KAEN, LATEST_ROAD_YEAR, rankingRows, roadDeathRows, waitForMap, waitForView } from './helpers';

const roadDeaths = roadDeathRows();
const rateOf = (code: string, year: number) => roadDeaths.find((r) => r.code === code && r.year === year)!.rate;
const worstOf = (year: number) => Math.max(...roadDeaths.filter((r) => r.year === year).map((r) => r.rate));

/** Records, at every change of the shown view, the view key, the map tooltip and the ranking's first value and length. */
async function recordSteps(page: Page): Promise<void> {
	await page.evaluate(() => {
		const w = window as unknown as { steps: { view: string; tooltip: string; top: string; rows: number }[] };
		w.steps = [];
		const explorer = document.querySelector('.explorer')!;
		new MutationObserver(() => {
			const view = explorer.getAttribute('data-view') ?? '';
			if (view === '' || w.steps.at(-1)?.view === view) return;
			w.steps.push({
				view,
				tooltip: document.querySelector('[role="tooltip"]')?.textContent ?? '',
				top: document.querySelector('.ranking[role="img"] g.row text.value')?.textContent ?? '',
				rows: document.querySelectorAll('.ranking[role="img"] g.row').length
			});
		}).observe(explorer, { attributes: true, attributeFilter: ['data-view'] });
	});
}
const steps = (page: Page) =>
	page.evaluate(() => (window as unknown as { steps: { view: string; tooltip: string; top: string; rows: number }[] }).steps);

test('play steps year by year to the last and stops by itself, map and ranking following; Back returns to the year before play', async ({ page }) => {
	await page.goto('/?lang=en&year=2020');
	await waitForMap(page);
	await expect(page.locator('.explorer')).toHaveAttribute('data-db', 'ready', { timeout: 60_000 });
	await waitForView(page, 'road_death_rate', 2020);
	await hoverPlace(page, KHON_KAEN);
	await expect(page.getByRole('tooltip')).toContainText(`${rateOf('40', 2020).toFixed(1)} per 100,000 population · 2020`);
	await recordSteps(page);

	// Started from the keyboard, so the pointer stays on Khon Kaen and its tooltip follows the years.
	const play = page.getByRole('button', { name: 'Play year by year' });
	await play.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
	await expect(page.locator('.timeline')).toHaveAttribute('data-playing', 'false', { timeout: 60_000 });
	await expect(page).toHaveURL(new RegExp(`year=${LATEST_ROAD_YEAR}`));
	await waitForView(page, 'road_death_rate', LATEST_ROAD_YEAR);

	const played = Array.from({ length: LATEST_ROAD_YEAR - 2020 }, (_, i) => 2021 + i);
	expect(played.length).toBeGreaterThanOrEqual(3);
	const recorded = await steps(page);
	expect(recorded.map((s) => s.view)).toEqual(played.map((y) => `road_death_rate:${y}::`));
	for (const [i, year] of played.entries()) {
		expect(recorded[i].tooltip, String(year)).toContain(`${rateOf('40', year).toFixed(1)} per 100,000 population · ${year}`);
		expect(recorded[i].top, String(year)).toBe(worstOf(year).toFixed(1));
		expect(recorded[i].rows).toBe(77);
	}
	// The trend marks the year on screen.
	await expect(page.locator('.svg-chart.trend line.year-marker')).toHaveAttribute('data-year', String(LATEST_ROAD_YEAR));
	// Stopped: still the last year, the button offers Play again.
	await expect(page.getByRole('button', { name: 'Play year by year' })).toHaveAttribute('aria-pressed', 'false');

	// The steps were one history entry: Back returns to the year before play.
	await page.goBack();
	await waitForView(page, 'road_death_rate', 2020);
	await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveValue('2020');
});

test('the slider works from the keyboard and keeps the year in the URL; Pause stops the play', async ({ page }) => {
	await page.goto('/?lang=en&year=2020');
	await waitForView(page, 'road_death_rate', 2020);
	const slider = page.getByRole('slider', { name: 'Timeline' });
	await expect(slider).toHaveAttribute('aria-valuetext', '2020');
	await slider.focus();
	await page.keyboard.press('ArrowLeft');
	await expect(page).toHaveURL(/year=2019/);
	await waitForView(page, 'road_death_rate', 2019);
	await expect(page.getByRole('heading', { level: 2 })).toContainText('2019');
	await page.keyboard.press('Home');
	await expect(page).toHaveURL(/year=2011/);
	await waitForView(page, 'road_death_rate', 2011);
	await page.keyboard.press('End');
	await waitForView(page, 'road_death_rate', LATEST_ROAD_YEAR);
	await page.goBack();
	await waitForView(page, 'road_death_rate', 2011);

	// Play, then Pause with the keyboard: it stays on the year it reached.
	await page.getByRole('button', { name: 'Play year by year' }).focus();
	await page.keyboard.press('Space');
	await waitForView(page, 'road_death_rate', 2012);
	await page.keyboard.press('Space');
	await expect(page.locator('.timeline')).toHaveAttribute('data-playing', 'false');
	// The view on screen is the year it stopped at; the address bar is written a frame later.
	await expect(page.locator('.explorer')).toHaveAttribute('data-view', /^road_death_rate:\d+::$/);
	const view = await page.locator('.explorer').getAttribute('data-view');
	const stoppedAt = Number(/^road_death_rate:(\d+)::$/.exec(view ?? '')?.[1]);
	expect(stoppedAt).toBeGreaterThanOrEqual(2012);
	expect(stoppedAt).toBeLessThan(LATEST_ROAD_YEAR);
	await expect(page).toHaveURL(new RegExp(`year=${stoppedAt}(&|$)`));
	await page.waitForTimeout(1500);
	await expect(page.locator('.explorer')).toHaveAttribute('data-view', `road_death_rate:${stoppedAt}::`);
});

test('a year without a province is shown as missing, not as another year: Bueng Kan in dengue before 2011', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/?lang=en&indicator=dengue_rate&year=2009');
	// Not in the build-time snapshot: answered once DuckDB is ready (slow on a shared CPU).
	await expect(page.locator('.explorer')).toHaveAttribute('data-db', 'ready', { timeout: 60_000 });
	await waitForView(page, 'dengue_rate', 2009);
	await expect(page.locator('.timeline')).toHaveAttribute('data-motion', 'reduced');
	expect(await rankingRows(page)).toHaveLength(76);
	await expect(page.locator('.legend')).toContainText('No data (1)');
	await expect(page.locator('.boundary-note')).toContainText('Bueng Kan became a province in 2011');
	await recordSteps(page);
	await page.getByRole('button', { name: 'Play year by year' }).click();
	await waitForView(page, 'dengue_rate', 2011, {});
	await page.getByRole('button', { name: 'Pause' }).click();
	const recorded = await steps(page);
	expect(recorded.slice(0, 2).map((s) => [s.view, s.rows])).toEqual([
		['dengue_rate:2010::', 76],
		['dengue_rate:2011::', 77]
	]);
});
