import { DuckDBInstance } from '@duckdb/node-api';
import { utils, write } from '@e965/xlsx';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { consoleQuery } from './helpers';

// "Your data" at scale (issue 19): a large projects export shows how far it is (stage and rows) while
// it loads, and a file that exhausts DuckDB's memory is named in plain words, leaving the data loaded
// before it as it was. The files are written here by DuckDB from the bundled projects, with new codes.

const scratch = mkdtempSync(join(tmpdir(), 'phakhi-scale-'));
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const file = (name: string) => join(scratch, name);

/** `rows` projects like the bundled ones (every contract column: they load without a mapping), in row groups of `group`. */
async function projects(name: string, rows: number, group = 50_000): Promise<string> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	await conn.run(
		`COPY (SELECT * REPLACE (project_code || '-' || i AS project_code)
		       FROM read_parquet('static/data/projects.parquet'), range(${Math.ceil(rows / 1000)}) t(i) LIMIT ${rows})
		 TO '${file(name)}' (FORMAT parquet, ROW_GROUP_SIZE ${group})`
	);
	conn.closeSync();
	db.closeSync();
	return file(name);
}

async function openDataPage(page: Page, query = '') {
	await page.goto(`/data?lang=en${query}`);
	await expect(page.locator('.user-data')).toHaveAttribute('data-db', 'ready', { timeout: 60_000 });
}

/** Records every state of the progress bars from now on (stage, value, max, text), in the page. */
async function watchProgress(page: Page) {
	await page.evaluate(() => {
		const seen: { stage: string; value: string | null; max: string | null; text: string }[] = [];
		const statuses: string[] = [];
		(window as unknown as { __progress: typeof seen; __statuses: string[] }).__progress = seen;
		(window as unknown as { __statuses: string[] }).__statuses = statuses;
		const record = () => {
			for (const item of document.querySelectorAll('li[data-file]')) {
				const status = item.getAttribute('data-status') ?? '';
				if (statuses.at(-1) !== status) statuses.push(status);
			}
			for (const box of document.querySelectorAll('[data-testid="progress"]')) {
				const bar = box.querySelector('progress')!;
				const entry = {
					stage: box.getAttribute('data-stage') ?? '',
					value: bar.getAttribute('value'),
					max: bar.getAttribute('max'),
					text: box.textContent!.trim()
				};
				const last = seen.at(-1);
				if (!last || JSON.stringify(last) !== JSON.stringify(entry)) seen.push(entry);
			}
		};
		new MutationObserver(record).observe(document.body, {
			subtree: true,
			childList: true,
			attributes: true,
			characterData: true
		});
	});
}

const progressSeen = (page: Page) =>
	page.evaluate(
		() =>
			(window as unknown as { __progress: { stage: string; value: string | null; max: string | null; text: string }[] })
				.__progress
	);

test('a 200 000-row projects export loads with a progress bar that shows the stage and the rows read and checked', async ({
	page
}) => {
	test.setTimeout(240_000);
	// One row group, as pyarrow and Polars write a file: it is still read, and shown, a slice at a time.
	const path = await projects('projects-200k.parquet', 200_000, 1_000_000);
	// A file this large, of plain columns, is read by parquet-wasm, from the app's own origin (issue 19).
	const fetched: string[] = [];
	page.on('request', (request) => fetched.push(request.url()));
	await openDataPage(page);
	await watchProgress(page);
	await page.locator('.drop input[type=file]').setInputFiles(path);
	const item = page.locator('li[data-file="projects-200k.parquet"]');
	await expect(item).toHaveAttribute('data-status', 'loaded', { timeout: 200_000 });
	await expect(item).toContainText('Loaded as projects (200,000 rows)');
	await expect(item.locator('[data-testid="progress"]')).toHaveCount(0);

	const seen = await progressSeen(page);
	// Never "needs its columns mapped" on its way: it was checked, then loaded.
	expect(await page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses)).not.toContain('mapping');
	const reading = seen.filter((s) => s.stage === 'reading' && s.max === '200000').map((s) => Number(s.value));
	// The bar advanced slice by slice within the one row group, and said so in words.
	expect(reading).toEqual([...reading].sort((a, b) => a - b));
	expect(new Set(reading.filter((done) => done > 0 && done < 200_000)).size).toBeGreaterThanOrEqual(2);
	expect(reading.at(-1)).toBe(200_000);
	expect(seen.map((s) => s.text)).toContain('Reading: 200,000 of 200,000 rows');
	// Then checked a range of rows at a time (100 000), and said so in rows too: the bar moved between 0 and all.
	const checking = seen.filter((s) => s.stage === 'checking' && s.max === '200000').map((s) => Number(s.value));
	expect(checking).toEqual([...checking].sort((a, b) => a - b));
	expect(checking.some((done) => done > 0 && done < 200_000)).toBe(true);
	expect(seen.map((s) => s.text)).toContain('Checking: 100,000 of 200,000 rows');
	expect(checking.at(-1)).toBe(200_000);
	expect(seen.map((s) => s.text)).toContain('Checking: 200,000 of 200,000 rows');
	expect(seen.some((s) => s.stage === 'loading' && s.text === 'Loading 200,000 rows into the atlas')).toBe(true);
	expect(await consoleQuery(page, `SELECT count(*) FROM projects`)).toEqual([['200000']]);
	const origin = new URL(page.url()).origin;
	expect(fetched.filter((url) => /parquet_wasm_bg[^/]*\.wasm$/.test(url)).map((url) => new URL(url).origin)).toEqual([
		origin
	]);
	expect(
		fetched.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
	).toEqual([]);
});

test('a national workbook of 130 000 projects, with blank rows, loads whole', async ({ page }) => {
	test.setTimeout(240_000);
	// The projects as an agency's .xlsx: a header, then the rows, with a blank row after every 10 000 (left out
	// of the table; the rows after it keep Excel's numbers: upload-queries.test.ts). Such a sheet failed before:
	// the widest row was found by spreading every row into one call (more than ≈ 120 000 overflowed the stack),
	// and its rows were numbered by a statement DuckDB-WASM ran out of memory on.
	const rows = 130_000;
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const result = await conn.runAndReadAll(
		`SELECT * EXCLUDE (is_sample) REPLACE (project_code || '-' || i AS project_code)
		 FROM read_parquet('static/data/projects.parquet'), range(${Math.ceil(rows / 1000)}) t(i) LIMIT ${rows}`
	);
	const cells = result.getRows().map((row) => row.map((v) => (v === null ? null : typeof v === 'bigint' ? Number(v) : typeof v === 'object' ? String(v) : v)));
	conn.closeSync();
	db.closeSync();
	const sheet: unknown[][] = [result.columnNames()];
	for (const [i, row] of cells.entries()) {
		sheet.push(row);
		if ((i + 1) % 10_000 === 0) sheet.push([]);
	}
	const book = utils.book_new();
	utils.book_append_sheet(book, utils.aoa_to_sheet(sheet, { dense: true }), 'โครงการ');
	writeFileSync(file('national.xlsx'), write(book, { type: 'buffer', bookType: 'xlsx', compression: true }));

	await openDataPage(page);
	await page.locator('.drop input[type=file]').setInputFiles(file('national.xlsx'));
	const item = page.locator('li[data-file="national.xlsx › โครงการ"]');
	await expect(item).toHaveAttribute('data-status', 'loaded', { timeout: 200_000 });
	await expect(item).toContainText('Loaded as projects (130,000 rows)');
	expect(await consoleQuery(page, `SELECT count(*), count(DISTINCT project_code) FROM projects`)).toEqual([['130000', '130000']]);
});

test('a file that exhausts DuckDB’s memory is named in plain words, and the data loaded before it stays', async ({
	page
}) => {
	test.setTimeout(240_000);
	const small = await projects('projects-small.parquet', 40);
	const big = await projects('projects-big.parquet', 300_000);
	// A deliberately small memory limit (the page never raises it above its own).
	await openDataPage(page, '&duckdb_memory_mb=96');
	await page.locator('.drop input[type=file]').setInputFiles(small);
	await expect(page.locator('li[data-file="projects-small.parquet"]')).toHaveAttribute('data-status', 'loaded', {
		timeout: 60_000
	});
	await page.locator('.drop input[type=file]').setInputFiles(big);
	const item = page.locator('li[data-file="projects-big.parquet"]');
	await expect(item).toHaveAttribute('data-status', 'rejected', { timeout: 200_000 });
	const problem = item.locator('[data-problem="out_of_memory"]');
	await expect(problem).toContainText('The browser ran out of memory working on "projects-big.parquet"');
	await expect(problem).toContainText('the data loaded before is all still there');
	await expect(problem).toContainText('by year or health zone');
	// DuckDB's own words only under "details"; no misleading status.
	await expect(item.locator('.state')).toHaveText('Rejected');
	await expect(item).not.toContainText('Needs its columns mapped');
	await problem.locator('summary').click();
	await expect(problem.locator('details code')).toContainText(/allocate|memory/i);
	await expect(page.locator('li[data-file="projects-small.parquet"]')).toHaveAttribute('data-status', 'loaded');
	expect(await consoleQuery(page, `SELECT count(*) FROM projects`)).toEqual([['40']]);
});

test('a file with more rows than a browser can load is refused from its footer, before any of it is read, saying why and what to do', async ({
	page
}) => {
	test.setTimeout(120_000);
	// Five million rows of one project repeated: a few hundred kB, but its footer says 5 000 000 rows.
	const path = file('projects-5m.parquet');
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	await conn.run(
		`COPY (SELECT p.* FROM (SELECT * FROM read_parquet('static/data/projects.parquet') LIMIT 1) p, range(5000000))
		 TO '${path}' (FORMAT parquet)`
	);
	conn.closeSync();
	db.closeSync();
	await openDataPage(page);
	await watchProgress(page);
	await page.locator('.drop input[type=file]').setInputFiles(path);
	const item = page.locator('li[data-file="projects-5m.parquet"]');
	await expect(item).toHaveAttribute('data-status', 'rejected', { timeout: 60_000 });
	await expect(item.locator('.state')).toHaveText('Rejected');
	await expect(item).toContainText(
		'"projects-5m.parquet" has 5,000,000 rows, more than the 2,000,000 a browser can load within an ordinary computer\'s memory, so nothing was read from it.'
	);
	await expect(item).toContainText('by year or health zone');
	await expect(item).toContainText('npm run data -- --exports');
	// Nothing was decoded: no bar ever counted its rows.
	expect((await progressSeen(page)).filter((s) => s.max !== null)).toEqual([]);
});
