// The zone brief as the zone 10 committee uses it (issue 23), in Thai: every indicator for each of
// the zone's five provinces, equal to their profile pages, ranked within the zone and compared with
// the zone and the nation in words and by shading; no sideways scroll on a desktop or a phone; axe
// clean; and every zone brief prints to one A4 page, in Thai and English.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const ZONE_10 = ['33', '34', '35', '37', '49'];

async function noSidewaysScroll(page: Page) {
	return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

/** The profile page's value of each indicator, as shown (the first line of the value cell). */
async function profileValues(
	page: Page,
	code: string
): Promise<Map<string, { value: string; zone: string; nation: string }>> {
	await page.goto(`/province/${code}`);
	await expect(page.locator('tr[data-indicator]').first()).toBeVisible();
	const rows = await page.locator('tr[data-indicator]').evaluateAll((trs) =>
		trs.map((tr) => {
			const cells = [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.split('\n')[0].trim());
			const valueCell = tr.querySelector('td.value') as HTMLElement;
			const at = [...tr.querySelectorAll('td')].indexOf(valueCell as HTMLTableCellElement);
			return {
				id: tr.getAttribute('data-indicator')!,
				value: cells[at],
				zone: cells[at + 1],
				nation: cells[at + 2]
			};
		})
	);
	return new Map(rows.map((r) => [r.id, r]));
}

const number = (text: string) => Number(text.replace(/,/g, '').replace(/\s.*$/, ''));

test('zone 10 committee (Thai): the brief holds every indicator of each of the five provinces, as on their profiles', async ({
	page
}) => {
	await page.goto('/brief/zone/10');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('สรุปข้อมูลเขตสุขภาพที่ 10');
	const table = page.locator('.zone-table table');
	await expect(table.locator('thead th[data-province]')).toHaveCount(5);
	expect(
		(
			await table
				.locator('thead th[data-province]')
				.evaluateAll((ths) => ths.map((th) => th.getAttribute('data-province')))
		).sort()
	).toEqual(ZONE_10);
	await expect(table.locator('thead')).toContainText('อุบลราชธานี');

	const brief = await table.locator('tbody tr[data-indicator]').evaluateAll((trs) =>
		trs.map((tr) => ({
			id: tr.getAttribute('data-indicator')!,
			direction: tr.querySelector('.direction')!.textContent!.trim(),
			cells: [...tr.querySelectorAll('td[data-province]')].map((td) => ({
				code: td.getAttribute('data-province')!,
				value: td.querySelector('.value')!.textContent!.trim(),
				rank: td.querySelector('.rank')?.textContent?.trim() ?? '',
				words: td.querySelector('.words')?.textContent?.trim() ?? '',
				tone: td.getAttribute('data-tone')
			}))
		}))
	);

	for (const code of ZONE_10) {
		const profile = await profileValues(page, code);
		// Every indicator of the profile is in the brief, and nothing else.
		expect(brief.map((r) => r.id).sort(), code).toEqual([...profile.keys()].sort());
		for (const row of brief) {
			const cell = row.cells.find((c) => c.code === code)!;
			const shown = profile.get(row.id)!;
			expect(cell.value, `${code} ${row.id}`).toBe(shown.value);
			expect(cell.rank).toMatch(/^\d+\/5$/);
			if (['road_deaths', 'dengue_cases'].includes(row.id)) {
				// Counts are ranked, not compared with the zone's and nation's totals.
				expect([cell.words, cell.tone]).toEqual(['', '']);
				continue;
			}
			// The words say how the value stands against the zone's and the nation's figures on the profile.
			const side = (other: string) => {
				const [a, b] = [number(shown.value), number(other)];
				return a > b ? 'สูงกว่า' : a < b ? 'ต่ำกว่า' : 'เท่ากับ';
			};
			const [zone, nation] = [side(shown.zone), side(shown.nation)];
			expect(cell.words, `${code} ${row.id}`).toBe(
				zone === nation ? `${zone}เขตและประเทศ` : `${zone}เขต ${nation}ประเทศ`
			);
			// …and the shading says whether that is worse or better, by the indicator's direction.
			const worse = row.direction === 'ค่าสูง = แย่' ? 'สูงกว่า' : 'ต่ำกว่า';
			const better = worse === 'สูงกว่า' ? 'ต่ำกว่า' : 'สูงกว่า';
			expect(cell.tone).toBe(
				zone === worse && nation === worse ? 'worse' : zone === better && nation === better ? 'better' : 'between'
			);
		}
	}
});

test('the zone brief: axe clean and no sideways scroll on a desktop and a phone (Thai and English)', async ({
	page
}) => {
	for (const [width, height] of [
		[1280, 800],
		[390, 844]
	]) {
		await page.setViewportSize({ width, height });
		for (const path of ['/brief/zone/10', '/brief/zone/1?lang=en', '/brief/province/40']) {
			await page.goto(path);
			await expect(page.locator('.zone-table, .headlines').first()).toBeVisible();
			expect(await noSidewaysScroll(page), `${path} at ${width}px`).toBe(true);
			const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
			const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			expect(
				blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
				`${path} at ${width}px`
			).toEqual([]);
		}
	}
	// Nothing clipped: the map's legend fits its picture (it read "(15" before).
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/brief/zone/10');
	const clipped = await page.locator('.brief .map > svg').evaluate((svg: SVGSVGElement) => {
		const width = svg.viewBox.baseVal.width;
		return [...svg.querySelectorAll('.legend text')].filter((t) => {
			const box = (t as SVGGraphicsElement).getBBox();
			const ctm = (t as SVGGraphicsElement).getCTM()!;
			const outer = svg.getCTM()!.inverse().multiply(ctm);
			return outer.a * (box.x + box.width) + outer.e > width + 0.5;
		}).length;
	});
	expect(clipped).toBe(0);
});

test('every zone brief prints to one A4 page, in Thai and English', async ({ page }) => {
	test.setTimeout(180_000);
	for (let zone = 1; zone <= 13; zone++)
		for (const lang of ['th', 'en'] as const) {
			await page.emulateMedia({ media: 'screen' });
			await page.goto(`/brief/zone/${zone}${lang === 'en' ? '?lang=en' : ''}`);
			await expect(page.locator('article.brief')).toHaveAttribute('lang', lang);
			await page.evaluate(() => document.fonts.ready);
			await page.emulateMedia({ media: 'print' });
			const pdf = await page.pdf({ format: 'A4' });
			expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g), `zone ${zone} (${lang})`).toHaveLength(1);
		}
});
