import { DuckDBInstance } from '@duckdb/node-api';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { collectConsoleErrors, expect, test } from './fixtures';
import { NO_DATA_COLOUR } from '../src/lib/map/choropleth';
import { agencyWorkbook } from './support/agency-workbook';
import { consoleQuery, KHON_KAEN, projectOnMap, rankingRows, sourceRows, waitForMap } from './helpers';

/** Khon Kaen's health zone, from the bundled source: a group of provinces to leave without a value. */
const ZONE_7 = sourceRows('provinces.csv')
	.filter((p) => p.health_zone === '7')
	.map((p) => p.code);

// "Your data": the user's own files, made here by the test itself in a temporary folder (nothing
// committed): a valid Parquet that replaces a bundled indicator, a truncated Parquet, a CSV in
// Windows-874 with Thai headers, Thai province names and Buddhist-era dates, a file with a missing
// required column, an empty file and a 200 MB file. Each is given to the page (file picker, and a
// synthetic drag-and-drop), its message checked, and the data loaded before it checked to survive.

const scratch = mkdtempSync(join(tmpdir(), 'phakhi-upload-'));
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const file = (name: string) => join(scratch, name);

/** Windows-874 (TIS-620) bytes: Thai letters U+0E01–U+0E5B are 0xA1–0xFB, ASCII as is. */
function windows874(text: string): Buffer {
	return Buffer.from(
		[...text].map((ch) => {
			const c = ch.codePointAt(0)!;
			if (c < 0x80) return c;
			if (c >= 0x0e01 && c <= 0x0e5b) return c - 0x0e01 + 0xa1;
			throw new Error(`no Windows-874 byte for ${ch}`);
		})
	);
}

/** Province codes of the bundled data, for building realistic files. */
let provinceCodes: string[] = [];

test.beforeAll(async () => {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const reader = await conn.runAndReadAll(
		`SELECT province_code FROM read_parquet('static/data/provinces.parquet') ORDER BY 1`
	);
	provinceCodes = reader.getRowObjectsJS().map((r) => String(r.province_code));
	// Valid: the user's own road death rates for 2023 replace the bundled ones (value = code / 10).
	await conn.run(`COPY (
		SELECT 'road_death_rate' AS indicator_id, province_code, 2023::SMALLINT AS year,
		       CAST(province_code AS DOUBLE) / 10 AS value
		FROM read_parquet('static/data/provinces.parquet')
	) TO '${file('valid.parquet')}' (FORMAT parquet)`);
	conn.closeSync();
	db.closeSync();
	const valid = readFileSync(file('valid.parquet'));
	writeFileSync(file('truncated.parquet'), valid.subarray(0, Math.floor(valid.length / 2)));
	writeFileSync(file('missing-column.csv'), 'province_code,total\n10,5000000\n40,1800000\n');
	writeFileSync(file('empty.csv'), '');
	// Thai project records, Windows-874, Thai headers, names instead of codes, BE dates, amounts with commas.
	writeFileSync(
		file('projects-874.csv'),
		windows874(
			'รหัสโครงการ,ชื่อโครงการ,แผนงาน,หน่วยงาน,วันเริ่มต้น,วันสิ้นสุด,งบประมาณ (บาท),จังหวัด,สถานะ,ประเด็น\r\n' +
				'67-ก-001,ลดบุหรี่ในชุมชน,แผนงานควบคุมยาสูบ,สมาคมหนึ่ง,1 ม.ค. 2567,31 ธ.ค. 2567,"1,000,000.00",กทม.,ดำเนินการ,"บุหรี่, เหล้า"\r\n' +
				'67-ก-002,ถนนปลอดภัย,แผนงานถนนปลอดภัย,มูลนิธิสอง,1 ก.พ. 2567,30 มิ.ย. 2567,"250,000",จ.สุราษฏร์ธานี,ปิดโครงการ,อุบัติเหตุ\r\n' +
				'67-ก-003,อาหารปลอดภัย,แผนงานอาหาร,สมาคมสาม,15 มี.ค. 2567,14 มี.ค. 2568,"75,500.50",โคราช,active,มลพิษ\r\n' +
				'67-ก-004,ลานกีฬาชุมชน,แผนงานกิจกรรมทางกาย,ชมรมสี่,1 ต.ค. 2566,30 ก.ย. 2567,"120,000",เมืองลับแล,รอพิจารณา,ออกกำลังกาย\r\n'
		)
	);
	// A new indicator with Thai headers and Buddhist-era years (UTF-8 with a byte-order mark, as Excel writes),
	// without a value for the Isan provinces of health zone 7 (Khon Kaen's): they show as "no data".
	writeFileSync(
		file('new-indicator.csv'),
		'\uFEFFจังหวัด,ปี พ.ศ.,ค่า\n' +
			provinceCodes
				.filter((c) => !ZONE_7.includes(c))
				.map((c, i) => `${c},2566,${(i + 1) * 1.5}`)
				.join('\n') +
			'\n'
	);
	// A new indicator with blank values: an empty cell, a dash and "n/a" in the value column, one blank numerator.
	writeFileSync(
		file('blank-cells.csv'),
		'province_code,year,value,numerator\n' +
			['10,2023,,5', '11,2023,2.5,6', '12,2023,-,7', '13,2023,3.5,', '14,2023,n/a,9', '15,2023,4.5,10'].join('\n') +
			'\n'
	);
	// An agency's workbook: a projects sheet (Thai headers, a date cell, a BE date as text, Thai statuses and issue
	// areas) and an instalments sheet with the funder's headers (seeds/002); and the same workbook cut in half.
	const xlsx = Buffer.from(agencyWorkbook());
	writeFileSync(file('agency.xlsx'), xlsx);
	writeFileSync(file('broken.xlsx'), xlsx.subarray(0, Math.floor(xlsx.length / 2)));
	// 200 MB of CSV, written in 1 MB blocks.
	const block = ('10,2023,' + '9'.repeat(1015) + '\n').repeat(1024);
	const fd = openSync(file('big.csv'), 'w');
	writeSync(fd, 'province_code,year,value\n');
	for (let i = 0; i < 200; i++) writeSync(fd, block);
	closeSync(fd);
});

/** What the map canvas shows in a 9 × 9 pixel square around a point: dark grey, light grey, any colour. */
async function greysAround(page: Page, x: number, y: number) {
	return page.locator('.maplibregl-canvas').evaluate(
		(canvas: HTMLCanvasElement, [x, y]) => {
			const copy = document.createElement('canvas');
			copy.width = canvas.width;
			copy.height = canvas.height;
			const ctx = copy.getContext('2d')!;
			ctx.drawImage(canvas, 0, 0);
			const { data } = ctx.getImageData(Math.round(x) - 4, Math.round(y) - 4, 9, 9);
			const seen = { dark: false, light: false, coloured: false };
			for (let i = 0; i < data.length; i += 4) {
				const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
				if (Math.max(r, g, b) - Math.min(r, g, b) > 12) seen.coloured = true;
				else if (r < 160) seen.dark = true;
				else seen.light = true;
			}
			return seen;
		},
		[x, y]
	);
}

async function openDataPage(page: Page, lang: 'th' | 'en' = 'en') {
	await page.goto(`/data${lang === 'en' ? '?lang=en' : ''}`);
	await expect(page.locator('.user-data')).toHaveAttribute('data-db', 'ready', { timeout: 45_000 });
}

const fileItem = (page: Page, name: string) => page.locator(`li[data-file="${name}"]`);

async function pick(page: Page, ...names: string[]) {
	await page.locator('.drop input[type=file]').setInputFiles(names.map(file));
}

/** Drops a file on the drop zone with a synthetic DataTransfer, as a drag from the desktop would. */
async function drop(page: Page, name: string) {
	const bytes = [...readFileSync(file(name))];
	await page.locator('[data-testid="drop-zone"]').evaluate(
		(zone, { name, bytes }) => {
			const transfer = new DataTransfer();
			transfer.items.add(new File([new Uint8Array(bytes)], name));
			zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
			zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
		},
		{ name, bytes }
	);
}

const query = consoleQuery;

const USER_RATES = `SELECT count(*) AS n, max(value) AS top FROM indicator_values WHERE indicator_id = 'road_death_rate'`;

test('each file gets its message, earlier data survives every bad one, and a reload keeps the loaded file', async ({
	page
}) => {
	test.setTimeout(150_000);
	const errors = collectConsoleErrors(page);
	await openDataPage(page);
	await expect(page.getByTestId('privacy')).toContainText('Nothing is uploaded anywhere');

	// A valid Parquet replaces the bundled road death rates, without a mapping step.
	await pick(page, 'valid.parquet');
	await expect(fileItem(page, 'valid.parquet')).toHaveAttribute('data-status', 'loaded');
	await expect(fileItem(page, 'valid.parquet')).toContainText('Loaded as indicator_values (77 rows)');
	expect(await query(page, USER_RATES)).toEqual([['77', '9.6']]);

	// A truncated Parquet, a file with a missing required column, an empty file, 200 MB: each refused with its reason.
	await pick(page, 'truncated.parquet');
	await expect(fileItem(page, 'truncated.parquet')).toHaveAttribute('data-status', 'rejected');
	await expect(fileItem(page, 'truncated.parquet')).toContainText('The Parquet file is incomplete');
	await expect(fileItem(page, 'truncated.parquet')).toContainText('Everything loaded before is unchanged.');

	await pick(page, 'missing-column.csv');
	await expect(fileItem(page, 'missing-column.csv')).toHaveAttribute('data-status', 'rejected');
	await expect(fileItem(page, 'missing-column.csv')).toContainText('Missing required column "year" (SMALLINT).');

	await pick(page, 'empty.csv');
	await expect(fileItem(page, 'empty.csv')).toHaveAttribute('data-status', 'rejected');
	await expect(fileItem(page, 'empty.csv')).toContainText('The file is empty.');

	await pick(page, 'big.csv');
	await expect(fileItem(page, 'big.csv')).toHaveAttribute('data-status', 'rejected');
	await expect(fileItem(page, 'big.csv')).toContainText('The file is 200 MB, more than the 100 MB');

	// The page still works and the earlier data is intact.
	expect(await query(page, USER_RATES)).toEqual([['77', '9.6']]);
	await expect(fileItem(page, 'valid.parquet')).toHaveAttribute('data-status', 'loaded');

	// A reload keeps the loaded file (IndexedDB) and loads it again; the rejected ones are gone.
	await page.reload();
	await expect(page.locator('.user-data')).toHaveAttribute('data-db', 'ready', { timeout: 45_000 });
	await expect(fileItem(page, 'valid.parquet')).toHaveAttribute('data-status', 'loaded');
	await expect(fileItem(page, 'valid.parquet')).toContainText('Kept in this browser');
	await expect(fileItem(page, 'truncated.parquet')).toHaveCount(0);
	expect(await query(page, USER_RATES)).toEqual([['77', '9.6']]);

	// Every view reads it: the explorer shows the user's values and source line, not the build-time snapshot.
	await page.goto('/?lang=en&indicator=road_death_rate&year=2023');
	await expect(page.locator('.explorer')).toHaveAttribute('data-view', 'road_death_rate:2023::');
	await expect(page.locator('.source-line')).toContainText('Your data: valid.parquet');
	await expect.poll(async () => (await rankingRows(page))[0]).toEqual(['worst of 77', 'Narathiwat', '9.6', '−2.4']); // 2.4 under the target of 12

	// Reset to bundled data: the bundled values are back, and stay back after a reload.
	await openDataPage(page);
	await page.getByTestId('reset').click();
	await expect(page.locator('.files .status')).toHaveText('Back to the bundled data.');
	await expect(fileItem(page, 'valid.parquet')).toHaveCount(0);
	expect((await query(page, USER_RATES))[0][0]).not.toBe('77');
	await page.reload();
	await expect(page.locator('.user-data')).toHaveAttribute('data-db', 'ready', { timeout: 45_000 });
	await expect(page.locator('.file-list')).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('a dropped Windows-874 CSV with Thai headers, province names and BE dates is mapped, fixed and loaded', async ({
	page
}) => {
	test.setTimeout(120_000);
	await openDataPage(page);
	await drop(page, 'projects-874.csv');
	const item = fileItem(page, 'projects-874.csv');
	await expect(item).toHaveAttribute('data-status', 'mapping');
	await expect(item).toContainText('Encoding windows-874');
	// Thai headers were mapped to the projects table.
	await expect(item.getByTestId('table-select')).toHaveValue('projects');
	await expect(item.locator('tr[data-column="budget"] select')).toHaveValue('h:งบประมาณ (บาท)');
	await expect(item.locator('tr[data-column="start_date"] select')).toHaveValue('h:วันเริ่มต้น');
	// Three Thai name variants resolved; one unknown name listed with its line for the user to fix.
	await expect(item.locator('[data-problem="unknown_province"]')).toContainText('"เมืองลับแล" (lines 5)');
	await item.locator('[data-fixes="province_code"] tr[data-unresolved="เมืองลับแล"] select').selectOption('53');
	// Thai statuses and issue areas become codes; the one status nobody can place is listed, with its line, to be chosen.
	await expect(item.locator('[data-problem="unknown_code"]')).toContainText('"รอพิจารณา" (lines 5)');
	await expect(item.getByTestId('load-why')).toContainText('fix the 2 problems listed above');
	await item.locator('[data-fixes="status"] tr[data-unresolved="รอพิจารณา"] select').selectOption('planned');
	await item.getByRole('button', { name: 'Check and load' }).click();
	await expect(item).toHaveAttribute('data-status', 'loaded');
	await expect(item).toContainText('Loaded as projects (4 rows)');
	await expect(item).toContainText('Turned province names into codes in 4 rows');
	expect(
		await query(
			page,
			`SELECT project_code, start_date, end_date, budget, province_code, status, issue_area_ids FROM projects ORDER BY 1`
		)
	).toEqual([
		['67-ก-001', '2024-01-01', '2024-12-31', '1000000', '10', 'active', 'tobacco;alcohol_drugs'],
		['67-ก-002', '2024-02-01', '2024-06-30', '250000', '84', 'closed', 'road_safety'],
		['67-ก-003', '2024-03-15', '2025-03-14', '75500.5', '30', 'active', 'environment'],
		['67-ก-004', '2023-10-01', '2024-09-30', '120000', '53', 'planned', 'physical_activity']
	]);

	// A new indicator from a Thai-headed file: described once, then in the explorer's indicator list.
	await pick(page, 'new-indicator.csv');
	const ind = fileItem(page, 'new-indicator.csv');
	await expect(ind).toHaveAttribute('data-status', 'mapping');
	// Without an indicator column, the file is one indicator named after the file; the user renames it.
	await expect(ind.getByLabel('Fixed value for indicator_id')).toHaveValue('new_indicator');
	await ind.getByLabel('Fixed value for indicator_id').fill('my_survey');
	await ind.getByRole('button', { name: 'Check again' }).click();
	const form = ind.locator('fieldset[data-indicator="my_survey"]');
	await expect(form).toContainText('New indicator');
	await form.getByLabel('Name (English)').fill('My survey');
	await form.getByTestId('issue-select').selectOption('tobacco');
	await ind.getByRole('button', { name: 'Check and load' }).click();
	await expect(ind).toHaveAttribute('data-status', 'loaded');
	await expect(ind).toContainText(`Converted Buddhist-era years to CE in ${77 - ZONE_7.length} rows`);

	// Both CSV files are kept: a reload loads them again through the same checks. (A file is written to
	// IndexedDB after it is loaded, and says so: a reload before that would rightly not find it.)
	await expect(item).toContainText('Kept in this browser');
	await expect(ind).toContainText('Kept in this browser');
	await page.reload();
	await expect(page.locator('.user-data')).toHaveAttribute('data-db', 'ready', { timeout: 45_000 });
	await expect(item).toHaveAttribute('data-status', 'loaded');
	await expect(ind).toHaveAttribute('data-status', 'loaded');
	expect(await query(page, `SELECT count(*) AS n FROM projects`)).toEqual([['4']]);
	await ind.getByRole('link', { name: /See it on the map/ }).click();
	await expect(page.locator('.explorer')).toHaveAttribute('data-view', 'my_survey:2023::');
	await expect(page.locator('.source-line')).toContainText('Your data: new-indicator.csv');

	// The provinces without a value are hatched on the map and counted in the legend's "no data" entry.
	await waitForMap(page);
	await expect(page.locator(`.legend li[data-colour="${NO_DATA_COLOUR}"]`)).toContainText(`(${ZONE_7.length})`);
	const map = await waitForMap(page);
	const { x, y } = await projectOnMap(map, KHON_KAEN);
	const box = (await map.boundingBox())!;
	// Stripes: both greys of the pattern around Khon Kaen, and no class colour.
	await expect
		.poll(() => greysAround(page, x - box.x, y - box.y))
		.toEqual({ dark: true, light: true, coloured: false });

	// The gap page offers the user's indicator as a burden too, with its values.
	await page.goto('/gaps?lang=en&indicator=my_survey');
	await expect(page.getByRole('combobox', { name: 'Burden (indicator)', exact: true })).toHaveValue('my_survey');
	await expect(page.locator('.gaps')).toHaveAttribute('data-gaps', /^my_survey:/);

	// The coverage page opens without the indicator tables, yet the kept files are loaded again there
	// too: it counts the user's four projects, not the build's.
	await page.goto('/coverage?lang=en');
	await expect(page.locator('.coverage')).toHaveAttribute('data-coverage', /status/);
	await expect(page.locator('[data-total="projects"]')).toHaveText('4');
});

test('a button that cannot act says why, required fields are marked, and blank cells are counted with their lines', async ({
	page
}) => {
	test.setTimeout(90_000);
	await openDataPage(page);
	await pick(page, 'blank-cells.csv');
	const item = fileItem(page, 'blank-cells.csv');
	await expect(item).toHaveAttribute('data-status', 'mapping');
	const form = item.locator('fieldset[data-indicator="blank_cells"]');
	await expect(form).toContainText('New indicator');

	// No issue area yet: "Check and load" cannot act, and says why next to it (and to assistive technology).
	const load = item.getByRole('button', { name: 'Check and load' });
	await expect(load).toBeDisabled();
	const why = item.getByTestId('load-why');
	await expect(why).toHaveText('Cannot load yet: choose an issue area for indicator blank_cells');
	await expect(load).toHaveAttribute('aria-describedby', (await why.getAttribute('id'))!);
	// The required fields are marked, visibly and for screen readers.
	const issue = form.getByTestId('issue-select');
	await expect(issue).toHaveAttribute('aria-required', 'true');
	await expect(issue).toHaveAttribute('aria-invalid', 'true');
	await expect(form.locator('label', { has: page.getByTestId('issue-select') })).toContainText('* required');
	await expect(form.getByLabel('Name (English)')).toHaveAttribute('aria-required', 'true');
	await expect(item.locator('tr[data-column="year"] select')).toHaveAttribute('aria-required', 'true');
	// Emptying the English name adds its reason; both go once the fields are filled.
	await form.getByLabel('Name (English)').fill('');
	await expect(why).toHaveText(
		'Cannot load yet: choose an issue area for indicator blank_cells; give indicator blank_cells a Thai and an English name'
	);
	await form.getByLabel('Name (English)').fill('Blank cells');
	await issue.selectOption('tobacco');
	await expect(issue).not.toHaveAttribute('aria-invalid', 'true');
	await expect(why).toHaveText('');
	await expect(load).toBeEnabled();

	// Loaded, with the blank cells counted per column and their lines (the header is line 1).
	await load.click();
	await expect(item).toHaveAttribute('data-status', 'loaded');
	const summary = item.getByTestId('cell-summary');
	await expect(summary.locator('tr[data-cells="value"] [data-kind="blank"]')).toHaveText('3 (lines 2, 4, 6)');
	await expect(summary.locator('tr[data-cells="value"] [data-kind="unreadable"]')).toHaveText('0');
	await expect(summary.locator('tr[data-cells="numerator"] [data-kind="blank"]')).toHaveText('1 (lines 5)');
	await expect(summary.locator('tr[data-cells]')).toHaveCount(2);
	expect(
		await query(page, `SELECT count(*) AS n FROM indicator_values WHERE indicator_id = 'blank_cells' AND value IS NULL`)
	).toEqual([['3']]);

	// The kept file's summary, in Thai, after a reload.
	await expect(item).toContainText('Kept in this browser');
	await openDataPage(page, 'th');
	await expect(item).toHaveAttribute('data-status', 'loaded');
	await expect(summary).toContainText('ช่องว่างและช่องที่อ่านไม่ได้');
	await expect(summary.locator('tr[data-cells="value"] [data-kind="blank"]')).toHaveText('3 (บรรทัดที่ 2, 4, 6)');
	await page.getByTestId('reset').click();
	await expect(page.locator('.file-list')).toHaveCount(0);
});

test('an Excel workbook loads sheet by sheet, each named "file › sheet"; a damaged one is named and changes nothing', async ({
	page
}) => {
	test.setTimeout(120_000);
	const errors = collectConsoleErrors(page);
	await openDataPage(page);
	await pick(page, 'broken.xlsx');
	await expect(fileItem(page, 'broken.xlsx')).toHaveAttribute('data-status', 'rejected');
	await expect(fileItem(page, 'broken.xlsx')).toContainText('This Excel file cannot be read');
	await expect(fileItem(page, 'broken.xlsx')).toContainText('Everything loaded before is unchanged.');

	await pick(page, 'agency.xlsx');
	const projects = fileItem(page, 'agency.xlsx › โครงการ');
	const instalments = fileItem(page, 'agency.xlsx › งวด');
	await expect(projects).toHaveAttribute('data-status', 'mapping');
	await expect(projects.getByTestId('table-select')).toHaveValue('projects');
	await expect(projects.locator('tr[data-column="organisation_th"] select')).toHaveValue('h:ชื่อองค์กร');
	await projects.getByRole('button', { name: 'Check and load' }).click();
	await expect(projects).toHaveAttribute('data-status', 'loaded');
	await expect(instalments).toHaveAttribute('data-status', 'mapping');
	await expect(instalments.getByTestId('table-select')).toHaveValue('instalments');
	await instalments.getByRole('button', { name: 'Check and load' }).click();
	await expect(instalments).toHaveAttribute('data-status', 'loaded');
	expect(
		await query(
			page,
			`SELECT project_code, organisation_th, status, province_code, budget, start_date, end_date, issue_area_ids FROM projects ORDER BY 1`
		)
	).toEqual([
		['68-ก-001', 'สมาคมหนึ่ง', 'active', '83', '1000000', '2025-01-01', '2025-12-31', 'tobacco;alcohol_drugs'],
		['68-ก-002', 'มูลนิธิสอง', 'closed', '50', '500000', '2025-02-01', '2025-12-31', 'environment']
	]);
	expect(
		await query(
			page,
			`SELECT project_code, instalment_no, period_start, period_end, amount FROM instalments ORDER BY 2`
		)
	).toEqual([
		['68-ก-001', '1', '2025-01-01', '2025-06-30', '600000'],
		['68-ก-001', '2', '2025-07-01', '2025-12-31', '400000']
	]);
	await page.getByTestId('reset').click();
	await expect(page.locator('.files .status')).toHaveText('Back to the bundled data.');
	await expect(projects).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('the SQL console answers read-only queries and refuses DROP and INSTALL', async ({ page }) => {
	await openDataPage(page);
	expect(await query(page, `SELECT count(*) AS n FROM provinces`)).toEqual([['77']]);
	await expect(page.locator('.schema li[data-table="provinces"]')).toContainText('77 rows');

	for (const [sql, text] of [
		['DROP TABLE provinces', 'DROP changes data, settings or the engine: this console is read-only.'],
		['INSTALL httpfs', 'INSTALL changes data, settings or the engine'],
		['SELECT 1; DROP TABLE provinces', 'One statement at a time'],
		["SELECT * FROM read_csv('https://example.org/x.csv')", 'read_csv reads files or URLs']
	]) {
		await page.locator('#sql-input').fill(sql);
		await page.locator('.console button.primary').click();
		await expect(page.locator('.console .error-box[data-error="refused"]')).toContainText(text);
	}
	await page.locator('#sql-input').fill('SELECT * FROM no_such_table');
	await page.locator('.console button.primary').click();
	await expect(page.locator('.console .error-box[data-error="error"]')).toContainText('no_such_table');
	expect(await query(page, `SELECT count(*) AS n FROM provinces`)).toEqual([['77']]);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.locator('.console button[data-format="csv"]').click()
	]);
	expect(download.suggestedFilename()).toBe('query-result.csv');
	const csv = readFileSync(await download.path(), 'utf8');
	expect(
		csv
			.replace(/^\uFEFF/, '')
			.trim()
			.split(/\r?\n/)
	).toEqual(['n', '77']);
});

test('the page reads in Thai', async ({ page }) => {
	await openDataPage(page, 'th');
	await expect(page.locator('h1')).toHaveText('ข้อมูลของคุณ');
	await expect(page.getByTestId('privacy')).toContainText('ไม่มีการอัปโหลดไปที่ใด');
	await pick(page, 'empty.csv');
	await expect(fileItem(page, 'empty.csv')).toContainText('ไฟล์ว่างเปล่า');
	await page.locator('#sql-input').fill('DROP TABLE provinces');
	await page.locator('.console button.primary').click();
	await expect(page.locator('.console .error-box')).toContainText('คอนโซลนี้อ่านได้อย่างเดียว');
});
