import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { tableRows, waitForMap } from './helpers';

// The policy maker's task on /gaps, in Thai: "the 5 provinces with the worst road deaths and the
// fewest partners, on a map" — named on the map itself, listed beside it, handed on as a file.

/** The province column of a gaps table (rank, province, burden, coverage, score). */
const provincesOf = (rows: string[][]) => rows.map((r) => r[1]);

test('the five biggest gaps are named on the map, listed beside it with their places, and chosen from either', async ({
	page
}) => {
	await page.goto('/gaps');
	await expect(page.locator('.gaps')).toHaveAttribute('data-db', 'ready');
	await expect(page.locator('.gaps')).not.toHaveAttribute('data-gaps', '');
	await waitForMap(page);

	const listed = provincesOf(await tableRows(page, 'priority-table'));
	expect(listed).toHaveLength(5);
	// Named on the interactive map, in the app's own font (not MapLibre glyphs), the list's five.
	const names = page.locator('.map-frame .province-name');
	await expect(names).toHaveCount(5);
	expect((await names.allTextContents()).sort()).toEqual([...listed].sort());
	// Each is drawn over its own province: the label's centre is inside the province under it.
	const first = names.first();
	const code = await first.getAttribute('data-code');
	const box = (await first.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await expect(page.locator('.map')).toHaveAttribute('data-highlighted', code!);
	// They are the top of the all-provinces ranking's gap cell: in the same order as there.
	const all = provincesOf(await tableRows(page, 'gaps-table'));
	expect(all.filter((p) => listed.includes(p))).toEqual(listed);
	// The legend names the gap cell.
	await expect(page.locator('.bivariate-legend .gap')).toHaveAttribute('data-cell', '20');
	await expect(page.locator('.bivariate-legend .gap-key')).toHaveText('ช่องว่าง: ภาระสูง ความครอบคลุมต่ำ');

	// Ten instead of five: named and listed.
	await page.getByRole('combobox', { name: 'ระบุชื่อบนแผนที่' }).selectOption('10');
	await expect(page).toHaveURL(/top=10/);
	await expect(names).toHaveCount(Math.min(10, all.length));
	const ten = provincesOf(await tableRows(page, 'priority-table'));
	expect(ten.slice(0, 5)).toEqual(listed);

	// A row chooses its province: outlined on the map, its profile a link away; again: unchosen.
	await page.locator('#priority-table tbody tr').first().getByRole('button').click();
	await expect(page).toHaveURL(/province=\d\d/);
	const chosen = new URL(page.url()).searchParams.get('province')!;
	await expect(page.locator('.map')).toHaveAttribute('data-selected', chosen);
	const profile = page.locator('.selection a');
	await expect(profile).toHaveAttribute('href', new RegExp(`/province/${chosen}\\?`));
	await profile.click();
	await expect(page).toHaveURL(new RegExp(`/province/${chosen}`));
	await page.goBack();
	await page.locator('#priority-table tbody tr').first().getByRole('button').click();
	await expect(page).not.toHaveURL(/province=/);
});

test('the gap map exports with the named provinces written on it and the key naming the gap cell', async ({
	page
}, testInfo) => {
	await page.goto('/gaps?lang=en');
	await expect(page.locator('.gaps')).not.toHaveAttribute('data-gaps', '');
	const listed = provincesOf(await tableRows(page, 'priority-table'));
	const menu = page.locator('[data-export-id="gap-map"]');
	await menu.locator('button.toggle').click();
	const [file] = await Promise.all([page.waitForEvent('download'), menu.locator('[data-format="svg"]').click()]);
	const path = testInfo.outputPath(file.suggestedFilename());
	await file.saveAs(path);
	const svg = readFileSync(path, 'utf8');
	for (const name of listed) expect(svg).toMatch(new RegExp(`data-code="\\d\\d">${name}</text>`));
	expect(svg).toContain('the gap: high burden, low coverage');
	expect(file.suggestedFilename()).toMatch(/^phakhi_gap-map_road-death-rate_district-share_en\.svg$/);
});

test('the scatter exports as a chart ("Export chart"), drawn as the page shows it', async ({ page }, testInfo) => {
	await page.goto('/gaps?lang=en');
	await expect(page.locator('.gaps')).not.toHaveAttribute('data-gaps', '');
	const menu = page.locator('[data-export-id="gap-scatter"]');
	await expect(menu.locator('button.toggle')).toContainText('Export chart');
	await menu.locator('button.toggle').click();
	const [file] = await Promise.all([page.waitForEvent('download'), menu.locator('[data-format="svg"]').click()]);
	const path = testInfo.outputPath(file.suggestedFilename());
	await file.saveAs(path);
	const svg = readFileSync(path, 'utf8');
	expect(svg).toContain('Road traffic death rate');
	expect(svg).toContain('Share of districts with a partner or project');
	expect(file.suggestedFilename()).toMatch(/^phakhi_gap-scatter_road-death-rate_district-share_en\.svg$/);
});

test('the gap brief prints to one A4 page, in Thai and English: the named provinces on its map, their list and the key', async ({
	page
}) => {
	for (const [lang, query, button] of [
		['th', '/gaps?top=10', 'พิมพ์สรุปช่องว่าง (A4)'],
		['en', '/gaps?lang=en&measure=partners_per_100k', 'Print the gap brief (A4)']
	] as const) {
		await page.goto(query);
		await expect(page.locator('.gaps')).toHaveAttribute('data-db', 'ready');
		await expect(page.locator('.gaps')).not.toHaveAttribute('data-gaps', '');
		const listed = provincesOf(await tableRows(page, 'priority-table'));
		expect(listed.length, lang).toBeGreaterThan(0);
		await expect(page.locator('.gap-brief')).toHaveCount(0);
		// The browser's print dialog is not what is tested: the page is printed to PDF below.
		await page.evaluate(() => (window.print = () => {}));
		await page.getByRole('button', { name: button }).click();
		const brief = page.locator('.gap-brief');
		await expect(brief).toHaveAttribute('lang', lang);
		// The list is the page's priority list, and its provinces are the ones named on the brief's map.
		expect(await brief.locator('tbody tr td:nth-child(2)').allTextContents()).toEqual(listed);
		expect((await brief.locator('svg text.province-name').allTextContents()).sort()).toEqual([...listed].sort());
		await expect(brief.locator('.bivariate-legend .gap')).toHaveCount(1);
		await expect(brief.locator('h1')).toContainText(lang === 'th' ? 'สรุปช่องว่าง' : 'Gap brief');

		await page.emulateMedia({ media: 'print' });
		await expect(brief).toBeVisible();
		await expect(page.locator('.gaps .two-columns')).toBeHidden();
		await expect(page.locator('body > header, header:not(.gap-brief header)').first()).toBeHidden();
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g), lang).toHaveLength(1);
		await page.emulateMedia({ media: 'screen' });
	}
});
