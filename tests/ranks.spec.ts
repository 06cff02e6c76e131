import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { audit, hoverPlace, KHON_KAEN, rankingRows, waitForMap, waitForView as waitForExplorer } from './helpers';

/** Waits for the explorer's view; DuckDB answers every view but the default, which takes long on a busy machine. */
const waitForView = (page: Page, view: string) =>
	expect(page.locator('.explorer')).toHaveAttribute('data-view', view, { timeout: 60_000 });

// Ranks in words, counted from the nearer end by the indicator's direction: "2nd worst of 4",
// "best of 4", "แย่เป็นอันดับ 2 จาก 4", in the explorer's table and tooltip and in the profile.

/** The words for each place of a list of `n` distinct values, worst first. */
const expectedEn = (n: number) =>
	Array.from({ length: n }, (_, i) => {
		const fromBest = n - i;
		const ordinal = (k: number) => (k === 1 ? '' : `${k}${k === 2 ? 'nd' : k === 3 ? 'rd' : 'th'} `);
		return i + 1 <= fromBest ? `${ordinal(i + 1)}worst of ${n}` : `${ordinal(fromBest)}best of ${n}`;
	});
const expectedTh = (n: number) =>
	Array.from({ length: n }, (_, i) => (i + 1 <= n - i ? `แย่เป็นอันดับ ${i + 1} จาก ${n}` : `ดีเป็นอันดับ ${n - i} จาก ${n}`));

test('the ranking table and the tooltip say ranks in words, in English and Thai', async ({ page }) => {
	await page.goto('/?lang=en&indicator=road_death_rate&year=2023&zone=7');
	await waitForView(page, 'road_death_rate:2023:7:');
	const rows = await rankingRows(page);
	expect(rows).toHaveLength(4);
	// Worst first: the highest death rate (higher is worse) is "worst of 4", the lowest "best of 4".
	const values = rows.map((r) => Number(r[2]));
	expect(values).toEqual([...values].sort((a, b) => b - a));
	expect(new Set(values).size).toBe(4);
	expect(rows.map((r) => r[0])).toEqual(expectedEn(4));
	expect(rows.map((r) => r[0])).toEqual(['worst of 4', '2nd worst of 4', '2nd best of 4', 'best of 4']);
	await expect(page.getByText('Rank 1 = the worst')).toHaveCount(0);

	// The tooltip ranks Khon Kaen among all 77 provinces, in words.
	await waitForMap(page);
	await hoverPlace(page, KHON_KAEN);
	await expect(page.getByRole('tooltip').locator('.tip-rank')).toHaveText(/^(\d+(st|nd|rd|th) )?(worst|best) of 77$/);

	// Lower is worse: the least active province is the worst.
	await page.goto('/?lang=en&indicator=physically_active&year=2024&zone=7');
	await waitForView(page, 'physically_active:2024:7:');
	const active = await rankingRows(page);
	const shares = active.map((r) => Number(r[2]));
	expect(shares).toEqual([...shares].sort((a, b) => a - b));
	expect(active[0][0]).toBe('worst of 4');
	expect(active[3][0]).toBe('best of 4');

	await page.goto('/?indicator=road_death_rate&year=2023&zone=7');
	await waitForView(page, 'road_death_rate:2023:7:');
	expect((await rankingRows(page)).map((r) => r[0])).toEqual(expectedTh(4));
	await expect(page.getByText('อันดับ 1 = สถานการณ์แย่ที่สุด')).toHaveCount(0);
});

test("the province profile says each rank in words, the same as the explorer's", async ({ page }) => {
	await page.goto('/province/40?lang=en');
	const row = page.locator('tr[data-indicator="road_death_rate"] td');
	await expect(page.getByText('Rank 1 = the worst')).toHaveCount(0);
	await expect(row.nth(6)).toHaveText(/^(\d+(st|nd|rd|th) )?(worst|best) of 77$/);
	// The profile shows each indicator's latest year: the explorer ranks zone 7 the same that year.
	const year = Number(await row.nth(1).textContent());
	const inZone = await row.nth(5).textContent();

	await page.goto(`/?lang=en&indicator=road_death_rate&year=${year}&zone=7`);
	await waitForView(page, `road_death_rate:${year}:7:`);
	expect((await rankingRows(page)).find((r) => r[1] === 'Khon Kaen')![0]).toBe(inZone);

	await page.goto('/province/40');
	await expect(page.locator('tr[data-indicator="road_death_rate"] td').nth(5)).toHaveText(/^(แย่|ดี)เป็นอันดับ \d จาก 4$/);
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test("a provincial officer sees Khon Kaen's rank in zone 7 on the first screen of its profile, without scrolling sideways", async ({
		page
	}, testInfo) => {
		await page.goto('/province/40');
		const first = page.locator('tr[data-indicator]').first();
		const rank = first.locator('td.rank-zone');
		await expect(rank).toHaveText(/^(แย่|ดี)เป็นอันดับ \d จาก 4$/);
		// Its label shows with it, the indicator's name above it, all within the first screen.
		expect(await rank.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"อันดับในเขต"');
		for (const cell of [
			first.locator('td.indicator a'),
			first.locator('td.value'),
			rank,
			first.locator('td.rank-nation')
		]) {
			const box = (await cell.boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(390);
			expect(box.y + box.height).toBeLessThanOrEqual(844);
		}
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		// Every indicator's rank is beside it: no cell of any card is off the right edge.
		const rightmost = await page
			.locator('tr[data-indicator] td')
			.evaluateAll((cells) => Math.max(...cells.map((c) => c.getBoundingClientRect().right)));
		expect(rightmost).toBeLessThanOrEqual(390);
		expect(await audit(page, testInfo, 'profile on a phone')).toEqual([]);
	});

	test("the explorer's ranking says it scrolls and keeps the selected province in view through a year change", async ({
		page
	}) => {
		// Narathiwat chosen, near the foot of the 77 in each of these years (the view's key names its zone,
		// 12, the charts' reference): the box scrolls to it.
		const shows = (year: number) =>
			expect(page.locator('.explorer')).toHaveAttribute('data-view', `road_death_rate:${year}:12:96`);
		await page.goto('/?indicator=road_death_rate&year=2023&province=96');
		await shows(2023);
		await expect(page.locator('.ranking-frame g.row')).toHaveCount(77);
		const hint = page.getByTestId('ranking-scroll-hint');
		await expect(hint).toHaveText('ครบทั้ง 77 จังหวัด เลื่อนขึ้นลงในกรอบเพื่อดูทั้งหมด');
		const inView = () =>
			page.locator('.ranking-frame .viewport').evaluate((box) => {
				const bar = box.querySelector('g.row[data-code="96"] rect.bar')!.getBoundingClientRect();
				const frame = box.getBoundingClientRect();
				return bar.top >= frame.top && bar.bottom <= frame.bottom;
			});
		await expect.poll(inView).toBe(true);
		// Lit as a hovered one is, in the ranking and in the zone distribution.
		await expect(page.locator('.ranking-frame g.row[data-code="96"]')).toHaveClass(/\blit\b/);
		await expect(page.locator('.svg-chart.zone-distribution [data-code="96"]').first()).toHaveClass(/\blit\b/);
		for (const year of ['2012', '2020']) {
			await page.locator('.timeline input[type="range"]').fill(year);
			await shows(Number(year));
			await expect.poll(inView).toBe(true);
		}
		// A zone's five bars fit: nothing to scroll, nothing said.
		await page.goto('/?indicator=road_death_rate&year=2023&zone=10');
		await waitForExplorer(page, 'road_death_rate', 2023, { zone: 10 });
		await expect(page.locator('.ranking-frame g.row')).toHaveCount(5);
		await expect(hint).toHaveCount(0);
	});
});
