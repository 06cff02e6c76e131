/** The upload queries' shortcuts held to what they stand for, in both engines (DuckDB in Node and DuckDB-WASM, the browser's). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWasm, type WasmConnection } from './duckdb-wasm-node.test-support';
import { NodeConnector } from './node-connector';
import { textKeptSql } from './upload-queries';

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
