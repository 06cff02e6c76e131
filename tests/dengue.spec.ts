/** Monthly dengue (indicator_months) on the province profile: the season by month and year, with the source's caveats. */
import { expect, test } from './fixtures';
import { LATEST_ROAD_YEAR, sourceRows, tableRows, waitForView } from './helpers';

const monthly = sourceRows('dengue/dengue_cases_province_monthly.csv');

test("the profile shows Nong Khai's dengue cases by month and year, in Thai, equal to the source file, with its caveats", async ({
	page
}) => {
	await page.goto('/province/43');
	const season = page.locator('[data-season="dengue_cases"]');
	await expect(season.locator('h2')).toHaveText('ผู้ป่วยไข้เดงกี (DF) รายเดือน พ.ศ. 2546–2565');
	// One cell per month of the 20 years, drawn once the chart knows its width.
	await expect(season.locator('.seasonality svg rect[data-tip]')).toHaveCount(20 * 12);

	// The table: Thai month names, Buddhist-era years, every count as in the source file.
	const header = await season.locator('table thead th').allTextContents();
	expect(header.slice(0, 3).map((h) => h.trim())).toEqual(['ปี', 'ม.ค.', 'ก.พ.']);
	const rows = await tableRows(page, 'season-dengue_cases');
	expect(rows).toHaveLength(20);
	const own = monthly.filter((r) => r.province_code === '43');
	for (const [year, month] of [
		[2003, 1],
		[2013, 7],
		[2022, 12]
	]) {
		const row = rows.find((r) => r[0] === String(year + 543))!;
		const cases = Number(own.find((r) => Number(r.year) === year && Number(r.month) === month)!.cases);
		expect(Number(row[month].replace(/,/g, '')), `${year}-${month}`).toBe(cases);
	}
	// DF only (code 66), not DHF/DSS; Bueng Kan inside Nong Khai before 2011.
	await expect(season.locator('.caveat')).toContainText('รหัสโรค 66');
	await expect(season.locator('.caveat')).toContainText('DHF');
	await expect(season.locator('.boundary-note')).toContainText('บึงกาฬ');

	// Bueng Kan's months start in 2011, the year it became a province; English names in English.
	await page.goto('/province/38?lang=en');
	const buengKan = page.locator('[data-season="dengue_cases"]');
	await expect(buengKan.locator('h2')).toHaveText('Dengue fever (DF) cases by month, 2011–2022');
	await expect(buengKan.locator('.seasonality svg rect[data-tip]')).toHaveCount(12 * 12);
	await expect(buengKan.locator('table thead th').nth(1)).toHaveText('Jan');
});

test("the explorer's dengue trend shows the season of the selected province, then of the nation, equal to the source file", async ({
	page
}) => {
	/** The source's count of a month, for one province or summed over all. */
	const cases = (year: number, month: number, code?: string) =>
		monthly
			.filter((r) => Number(r.year) === year && Number(r.month) === month && (!code || r.province_code === code))
			.reduce((n, r) => n + Number(r.cases), 0);
	const season = page.locator('.explorer [data-season="dengue_cases"]');

	// The rate's count pair has the months: Nong Khai's, with the split of Bueng Kan said under them.
	await page.goto('/?indicator=dengue_rate&province=43&lang=en');
	await expect(season.locator('h3')).toHaveText('Dengue fever (DF) cases by month, 2003–2022: Nong Khai');
	await expect(season.locator('.seasonality svg rect[data-tip]')).toHaveCount(20 * 12);
	await expect(season.locator('.boundary-note')).toContainText('Bueng Kan');
	let rows = await tableRows(page, 'season-table');
	expect(rows).toHaveLength(20);
	for (const [year, month] of [
		[2003, 1],
		[2013, 7],
		[2022, 12]
	]) {
		const row = rows.find((r) => r[0] === String(year))!;
		expect(Number(row[month].replace(/,/g, '')), `${year}-${month}`).toBe(cases(year, month, '43'));
	}

	// No province selected: the nation's months, summed over the provinces.
	await page.getByRole('button', { name: 'Clear selection' }).click();
	await expect(season.locator('h3')).toHaveText('Dengue fever (DF) cases by month, 2003–2022: Thailand');
	await expect(season.locator('.seasonality svg rect[data-tip]')).toHaveCount(20 * 12);
	rows = await tableRows(page, 'season-table');
	const row2019 = rows.find((r) => r[0] === '2019')!;
	for (const month of [1, 6, 12]) expect(Number(row2019[month].replace(/,/g, ''))).toBe(cases(2019, month));

	// In Thai: Buddhist-era years and Thai month names; road deaths have no months, so no season.
	await page.goto('/?indicator=dengue_cases&zone=8');
	await expect(season.locator('h3')).toHaveText('ผู้ป่วยไข้เดงกี (DF) รายเดือน พ.ศ. 2546–2565: เขตสุขภาพที่ 8');
	await expect(season.locator('table thead th').nth(1)).toHaveText('ม.ค.');
	await page.goto('/?indicator=road_deaths');
	await expect(page.locator('.explorer')).toHaveAttribute('data-db', 'ready');
	await waitForView(page, 'road_deaths', LATEST_ROAD_YEAR);
	await expect(page.locator('.explorer [data-season]')).toHaveCount(0);
});
