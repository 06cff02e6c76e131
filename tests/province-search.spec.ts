import { expect, test } from './fixtures';
import { audit, LATEST_ROAD_YEAR, waitForMap, waitForView } from './helpers';

// Find a province anywhere (issue 23): the search box takes names in Thai and English, their start,
// and the usual abbreviations, and selects the province picked: the map outlines it, the charts light it.

test('in Thai on the explorer: ขก finds Khon Kaen, Enter selects it on the map and in the charts', async ({
	page
}, testInfo) => {
	await page.goto('/');
	await waitForMap(page);
	const box = page.getByRole('combobox', { name: 'ค้นหาจังหวัด' });
	await box.fill('ขก');
	await expect(box).toHaveAttribute('aria-expanded', 'true');
	const options = page.getByRole('listbox', { name: 'ค้นหาจังหวัด' }).getByRole('option');
	await expect(options.first()).toContainText('ขอนแก่น');
	await expect(options.first()).toContainText('Khon Kaen');
	await expect(page.getByRole('status').filter({ hasText: 'พบ' })).toHaveText(/พบ \d+ จังหวัด/);
	expect(await audit(page, testInfo, 'explorer, search open')).toEqual([]);
	await box.press('Enter');
	await expect(page).toHaveURL(/province=40/);
	await expect(box).toHaveAttribute('aria-expanded', 'false');
	await expect(box).toHaveValue('ขอนแก่น');
	await waitForView(page, 'road_death_rate', LATEST_ROAD_YEAR, { zone: 7, province: '40' });
	await expect(page.locator('.map')).toHaveAttribute('data-selected', '40');
	await expect(page.locator('.selection strong')).toHaveText('ขอนแก่น');
	// The trend follows the province chosen.
	await expect(page.locator('#trend-table thead th').nth(1)).toHaveText('ขอนแก่น');

	// With จังหวัด / จ. and the arrows: the second of the Chiang provinces.
	await box.fill('จ.เชียง');
	await expect(options).toHaveCount(2);
	await box.press('ArrowDown');
	await box.press('ArrowDown');
	const second = await options.nth(1).getAttribute('data-code');
	await expect(box).toHaveAttribute('aria-activedescendant', `province-search-option-${second}`);
	await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
	await box.press('Enter');
	await expect(page).toHaveURL(new RegExp(`province=${second}`));
	// Escape closes the list, and then clears the box.
	await box.fill('กทม.');
	await expect(options.first()).toContainText('กรุงเทพมหานคร');
	await box.press('Escape');
	await expect(box).toHaveAttribute('aria-expanded', 'false');
	await box.press('Escape');
	await expect(box).toHaveValue('');
	// Nothing found, said so.
	await box.fill('ไม่มีจังหวัดนี้');
	await expect(page.getByRole('status').filter({ hasText: 'ไม่พบ' })).toHaveText('ไม่พบจังหวัดที่ตรงกัน');
});

test('in English on /coverage: "Ubon" selects Ubon Ratchathani, zooms to its districts and lights it in the ranking', async ({
	page
}, testInfo) => {
	await page.goto('/coverage?lang=en');
	await expect(page.locator('.coverage')).toHaveAttribute('data-db', 'ready', { timeout: 60_000 });
	await waitForMap(page);
	const box = page.getByRole('combobox', { name: 'Find a province' });
	await box.fill('ubn');
	const options = page.getByRole('listbox', { name: 'Find a province' }).getByRole('option');
	await expect(options).toHaveCount(1);
	await expect(options.first()).toContainText('Ubon Ratchathani');
	await expect(options.first()).toContainText('อุบลราชธานี · Health zone 10');
	expect(await audit(page, testInfo, 'coverage, search open')).toEqual([]);
	await options.first().click();
	await expect(page).toHaveURL(/province=34/);
	await expect(page.locator('[data-drill="34"]')).toBeVisible();
	await expect(page.locator('.map')).toHaveAttribute('data-selected', '34');
	await expect(page.locator('.ranking[role="img"]')).toHaveAttribute('data-highlighted', '34');
	await expect(page.getByRole('combobox', { name: 'Province', exact: true })).toHaveValue('34');

	// "Bangkok", with the zone filter on another zone: the zone follows the province.
	await page.getByRole('combobox', { name: 'Health zone' }).selectOption('1');
	await box.fill('Bangkok');
	await box.press('Enter');
	await expect(page).toHaveURL(/zone=13/);
	await expect(page).toHaveURL(/province=10/);
	await expect(page.locator('[data-drill="10"]')).toBeVisible();
});

test('in Thai on /gaps: กรุงเทพ selects Bangkok, outlined on the map and lit in the scatter', async ({ page }) => {
	await page.goto('/gaps');
	await expect(page.locator('.gaps')).toHaveAttribute('data-db', 'ready', { timeout: 60_000 });
	await waitForMap(page);
	const box = page.getByRole('combobox', { name: 'ค้นหาจังหวัด' });
	await box.fill('จังหวัดกรุงเทพ');
	await box.press('Enter');
	await expect(page).toHaveURL(/province=10/);
	await expect(page.locator('.map')).toHaveAttribute('data-selected', '10');
	await expect(page.locator('[data-highlighted="10"]').first()).toBeAttached();
});
