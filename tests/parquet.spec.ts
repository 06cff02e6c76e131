import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { collectConsoleErrors, expect, test } from './fixtures';
import { consoleQuery as sql } from './helpers';
import { PARQUET_TESTING, PARQUET_TESTING_ABSENT, parquetTestingPresent } from './support/parquet-testing';

// Parquet as real systems write it, on the Your data page (issue 24, and issue 19's codecs): a file
// per compression codec (tests/parquet-files), Spark's INT96 timestamps, a projects export whose
// issue areas are a list of strings and whose other nested columns reach the SQL console (a VARIANT
// column, which the reader does not know, is left out and named on the file's card), and every
// malformed file of the Apache corpus, each refused in plain words while the loaded data stays.

const scratch = mkdtempSync(join(tmpdir(), 'phakhi-parquet-'));
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const CODECS = ['uncompressed', 'snappy', 'gzip', 'zstd', 'lz4_raw', 'brotli'];
const codecFile = (codec: string) => join('tests/parquet-files', `codec-${codec}.parquet`);
/** 40 projects; the even ones work on tobacco (20), written with ZSTD as Polars does by default. */
const PROJECTS = join(scratch, 'projects-lists.parquet');
const TOBACCO_PROJECTS = 20;

test.beforeAll(async () => {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	await conn.run(`COPY (
		SELECT printf('67-ก-%03d', i) AS project_code, 'แผนงานควบคุมยาสูบ' AS programme_th, 'โครงการที่ ' || i AS title_th,
		       'สมาคมที่ ' || i AS organisation_th, '2024-01-01' AS start_date, '2024-12-31' AS end_date,
		       10000.0 * (i + 1) AS budget, (['10', '40', '50', '90'])[1 + i % 4] AS province_code, 'active' AS status,
		       CASE WHEN i % 2 = 0 THEN ['tobacco', 'road_safety'] WHEN i % 3 = 0 THEN ['alcohol'] END AS issue_area_ids,
		       {'name': 'ผู้ประสานงาน ' || i, 'phone': '08' || lpad(i::VARCHAR, 8, '0')} AS contact,
		       MAP {'reported': i % 5 = 0} AS flags, i::VARIANT AS payload
		FROM range(40) t(i)
	) TO '${PROJECTS}' (FORMAT parquet, COMPRESSION zstd)`);
	conn.closeSync();
	db.closeSync();
});

async function openDataPage(page: Page) {
	await page.goto('/data?lang=en');
	await expect(page.locator('.user-data')).toHaveAttribute('data-db', 'ready', { timeout: 45_000 });
}

const card = (page: Page, path: string) => page.locator(`li[data-file="${path.split('/').at(-1)}"]`);

test('a file per codec and Spark INT96 timestamps are read, not refused', async ({ page }) => {
	test.setTimeout(180_000);
	const errors = collectConsoleErrors(page);
	await openDataPage(page);
	// Partner-like rows without every required column: read, and refused only for what the contract
	// misses (never as unreadable), naming the same rows whatever the codec.
	const read = async (name: string, text: string) => {
		const item = card(page, name);
		await expect(item).toHaveAttribute('data-status', /^(mapping|rejected)$/);
		await expect(item).toContainText(text);
		await expect(item.locator('[data-problem="parquet"], [data-problem="unreadable"]')).toHaveCount(0);
	};
	for (const codec of CODECS) {
		await page.locator('.drop input[type=file]').setInputFiles(codecFile(codec));
		await read(codecFile(codec), '"28" (rows 19, 96, 173, 250)');
	}
	// The older Hadoop LZ4 framing and Spark's INT96 come from the Apache corpus (no contract table: their headers are named).
	if (parquetTestingPresent)
		for (const [file, headers] of [
			['hadoop_lz4_compressed.parquet', 'c0, c1, v11'],
			['int96_from_spark.parquet', 'a']
		]) {
			await page.locator('.drop input[type=file]').setInputFiles(join(PARQUET_TESTING, 'data', file));
			await read(file, headers);
		}
	else console.warn(`parquet.spec: Hadoop LZ4 and INT96 not tried: ${PARQUET_TESTING_ABSENT}`);
	expect(errors).toEqual([]);
});

test('a list of issue areas becomes issue_area_ids, nested columns reach the console, and every malformed file is refused in plain words', async ({
	page
}) => {
	test.setTimeout(240_000);
	const errors = collectConsoleErrors(page);
	await openDataPage(page);
	await page.locator('.drop input[type=file]').setInputFiles(PROJECTS);
	await expect(card(page, PROJECTS)).toHaveAttribute('data-status', 'loaded');
	await expect(card(page, PROJECTS)).toContainText('Loaded as projects (40 rows)');
	// DuckDB 1.5 writes VARIANT, which the browser's reader does not know: that column alone is left out, and named.
	await expect(card(page, PROJECTS).locator('.notes')).toContainText(
		'Left out, of a type the browser cannot read (every other column was read): payload (VARIANT)'
	);
	const USER_PROJECTS = `SELECT count(*) AS n, count(*) FILTER (WHERE issue_area_ids = 'tobacco;road_safety') AS tobacco,
		 max(contact.name) AS contact, count(*) FILTER (WHERE flags['reported']) AS reported FROM projects`;
	const loaded = [['40', String(TOBACCO_PROJECTS), 'ผู้ประสานงาน 9', '8']];
	expect(await sql(page, USER_PROJECTS)).toEqual(loaded);
	// The schema browser names the nested columns with DuckDB's own types.
	await expect(page.locator('.console')).toContainText(/contact\s*STRUCT\("name" VARCHAR, phone VARCHAR\)/);
	await expect(page.locator('.console')).toContainText(/flags\s*MAP\(VARCHAR, BOOLEAN\)/);

	if (parquetTestingPresent) {
		const bad = readdirSync(join(PARQUET_TESTING, 'bad_data')).filter((f) => f.endsWith('.parquet'));
		for (const file of bad) {
			await page.locator('.drop input[type=file]').setInputFiles(join(PARQUET_TESTING, 'bad_data', file));
			const item = card(page, file);
			await expect(item).toHaveAttribute('data-status', /rejected|mapping/);
			const problem = item.locator('[data-problem="parquet"]');
			// One is sound and read, as DuckDB reads it (a one-entry dictionary with bit width 0): it only fits no table.
			if (file === 'ARROW-GH-43605.parquet') {
				await expect(problem).toHaveCount(0);
				continue;
			}
			await expect(problem).toContainText(`"${file}"`);
			await expect(problem).toContainText(/cannot be opened as Parquet|is damaged|too large to open|no column/);
			// The decoder's own words only under "details", never as the message.
			await expect(problem.locator('details summary')).toHaveText('Details');
			await expect(problem.locator('details')).not.toHaveAttribute('open');
			await expect(item).toContainText('Everything loaded before is unchanged.');
		}
		expect(await sql(page, USER_PROJECTS)).toEqual(loaded);
	} else console.warn(`parquet.spec: bad_data not tried: ${PARQUET_TESTING_ABSENT}`);

	// The coverage page's issue filter counts the projects whose list holds the issue.
	await page.goto('/coverage?lang=en&issue=tobacco');
	await expect(page.locator('.coverage')).toHaveAttribute('data-db', 'ready', { timeout: 45_000 });
	await expect(page.locator('[data-total="projects"]')).toHaveText(String(TOBACCO_PROJECTS));
	expect(errors).toEqual([]);
});
