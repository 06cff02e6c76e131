/** The upload queries' shortcuts held to what they stand for, in both engines (DuckDB in Node and DuckDB-WASM, the browser's). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from './connector';
import { openWasm, wasmQueryConnector, type WasmConnection } from './duckdb-wasm-node.test-support';
import { NodeConnector } from './node-connector';
import { sheetRuns, textKeptSql, UploadQueries } from './upload-queries';

let native: NodeConnector;
let wasm: WasmConnection;
beforeAll(async () => {
	native = await NodeConnector.open();
	wasm = await openWasm();
});
afterAll(() => native?.close());

const engines: [string, (sql: string) => Promise<number>][] = [
	['DuckDB', async (sql) => Number((await native.query(sql))[0].n)],
	['DuckDB-WASM', async (sql) => Number(wasm.query(sql).toArray()[0].toJSON().n)]
];

/** The codepoints up to U+3100 and around U+FEFF: every one DuckDB's trim() takes, and their neighbours. */
const NEAR = `SELECT CAST(i AS INTEGER) AS i FROM range(0, 12544) t(i) UNION ALL SELECT CAST(i AS INTEGER) FROM range(65264, 65296) t(i)`;
/** Every Unicode scalar value (the surrogates are not characters). */
const CODEPOINTS = `SELECT CAST(i AS INTEGER) AS i FROM range(0, 55296) t(i) UNION ALL SELECT CAST(i AS INTEGER) FROM range(57344, 1114112) t(i)`;

/** What the reading does to a text cell: trimmed, blank as NULL; true when that leaves it as it is. */
const readingKeeps = (x: string) => `(NULLIF(trim(${x}), '') IS NOT DISTINCT FROM ${x})`;

describe('textKeptSql', () => {
	it.each(engines)('%s: never says a cell is kept that the reading changes, on any character at either end', async (_, count) => {
		// Each character alone, at the start, at the end, both, beside Thai with its marks; and blank, NULL, spaces.
		const cells = `SELECT x FROM (${NEAR}), unnest([chr(i), chr(i) || 'กา', 'ก' || chr(i), chr(i) || 'ข' || chr(i)]) u(x)
			UNION ALL SELECT x FROM unnest(['', NULL, ' ', 'ก ', ' ก', chr(160) || 'ก', 'ก' || chr(12288), chr(8203) || 'ก']) u(x)`;
		expect(await count(`SELECT count(*) AS n FROM (${cells}) WHERE ${textKeptSql('x')} AND NOT ${readingKeeps('x')}`)).toBe(0);
		// Not vacuous: the reading does change some of these cells.
		expect(await count(`SELECT count(*) AS n FROM (${cells}) WHERE NOT ${readingKeeps('x')}`)).toBeGreaterThan(50);
		// And no character beyond these is ever called kept at either end.
		expect(
			await count(
				`SELECT count(*) AS n FROM (${CODEPOINTS}) WHERE i >= 12544 AND (${textKeptSql("chr(i) || 'ก'")} OR ${textKeptSql("'ก' || chr(i)")})`
			)
		).toBe(0);
	}, 120_000);

	it.each(engines)('%s: says an ordinary Thai or English cell is kept, and a spaced or blank one not', async (_, count) => {
		const kept = async (text: string | null) =>
			(await count(`SELECT CAST(${textKeptSql('x')} AS INTEGER) AS n FROM (SELECT CAST(${text === null ? 'NULL' : `'${text}'`} AS VARCHAR) AS x)`)) === 1;
		for (const text of [null, 'โครงการ 1', 'ไม่ระบุ', '67-ก-087', 'Walk & Run 2024.', 'ส่งเสริมสุขภาพ', 'Élan', '(1)'])
			expect(await kept(text), String(text)).toBe(true);
		for (const text of ['', ' ', 'โครงการ ', ' ABC', 'a\u00a0', '\u3000ก']) expect(await kept(text), JSON.stringify(text)).toBe(false);
	});
});

describe('a workbook sheet renumbered with the rows Excel shows', () => {
	it('makes runs of consecutive row numbers, one more after each blank row left out', () => {
		expect(sheetRuns([1, 2, 3, 4])).toEqual([[1, 2]]);
		expect(sheetRuns([3, 4, 6, 7, 8, 20])).toEqual([[1, 4], [2, 6], [5, 20]]);
		expect(sheetRuns([1])).toEqual([]);
	});

	// A national sheet: every 1 000th row blank in Excel (left out of the CSV), so 200 runs, and 9 000 runs of
	// one row each at the end. A list of every number bound as one parameter was split again for each row:
	// 20 000 rows took 18 s in DuckDB-WASM and 170 000 crashed it.
	const rows = 200_000;
	const numbers = [1];
	for (let i = 1; i <= rows; i++) numbers.push(i < rows - 9000 ? i + 1 + Math.floor(i / 1000) : numbers[i - 1] + 2);

	it.each([
		['DuckDB', () => native as Connector],
		['DuckDB-WASM', () => wasmQueryConnector(wasm) as Connector]
	])('%s: a 200 000-row sheet keeps each row and numbers it as the sheet does', async (_, connector) => {
		const conn = connector();
		const q = new UploadQueries(conn);
		await conn.query(`CREATE OR REPLACE TABLE __t_load AS SELECT 'v' || range AS v FROM range(${rows})`);
		await conn.query(`CREATE OR REPLACE VIEW __t_raw AS SELECT CAST(rowid + 1 AS INTEGER) AS __row, * FROM __t_load`);
		await q.renumber('__t_raw', '__t_load', numbers);
		// Row i of the file (value "v{i-1}") has the sheet's number numbers[i]: every 997th row and the last 50.
		const sample = await conn.query(
			`SELECT CAST(substr(v, 2) AS INTEGER) + 1 AS i, __row FROM __t_raw
			 WHERE CAST(substr(v, 2) AS INTEGER) % 997 = 0 OR CAST(substr(v, 2) AS INTEGER) >= ${rows - 50} ORDER BY i`
		);
		expect(sample.length).toBe(251);
		expect(sample.map((r) => Number(r.__row))).toEqual(sample.map((r) => numbers[Number(r.i)]));
		const [order] = await conn.query(
			`SELECT min(__row) AS first, max(__row) AS last, bool_and(__row > prev) AS increasing
			 FROM (SELECT __row, lag(__row, 1, 0) OVER (ORDER BY rowid) AS prev FROM __t_raw)`
		);
		expect([Number(order.first), Number(order.last), order.increasing]).toEqual([2, numbers[rows], true]);
		await conn.query(`DROP TABLE __t_raw`);
	}, 120_000);
});
