/** Coded columns from the Parquet decoder, checked against DuckDB's own reader. */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codedColumns, parquetColumns, type CodedColumns } from './coded-columns';
import { NodeConnector } from './node-connector';

/** Column `name` of `c` as plain values again (null for no value). */
function values(c: CodedColumns, name: string): unknown[] {
	const column = c[name];
	if (column instanceof Float64Array) return Array.from(column, (v) => (Number.isNaN(v) ? null : v));
	return Array.from(column.codes, (k) => (k < 0 ? null : column.dictionary[k]));
}

describe('coded columns', () => {
	it('read from a Parquet file of many row groups, texts dictionary-coded or not, with nulls, are its values', async () => {
		const path = join(tmpdir(), `phakhi-coded-${process.pid}.parquet`);
		const duck = await NodeConnector.open();
		// Row groups of 500 rows: each has a dictionary of its own, with values in another order.
		const select = `SELECT CAST(i % 7 AS TINYINT) AS kind,
				CASE WHEN i % 11 = 0 THEN NULL ELSE 'p' || ((i * 7919) % 13) END AS code,
				CASE WHEN i % 3 = 0 THEN NULL ELSE 'ชื่อ ' || i END AS name,
				CASE WHEN i % 5 = 0 THEN NULL ELSE CAST(2000 + i % 20 AS INTEGER) END AS year,
				CASE WHEN i % 4 = 0 THEN NULL ELSE CAST(i * 0.5 AS DOUBLE) END AS budget,
				CAST(i * 1000000007 AS BIGINT) AS big
			FROM range(2000) t(i)`;
		await duck.query(`COPY (${select}) TO '${path}' (FORMAT parquet, ROW_GROUP_SIZE 500)`);
		const expected = await duck.queryColumns(`${select} ORDER BY i`);
		await duck.close();
		const bytes = new Uint8Array(readFileSync(path));
		rmSync(path);
		const text = new Set(['code', 'name']);
		const decoded = await parquetColumns(bytes, 'coded.parquet', text);
		const fromQuery = codedColumns(expected, text);
		for (const name of ['kind', 'code', 'name', 'year', 'budget', 'big']) {
			expect(values(decoded, name), name).toEqual(
				Array.from(expected[name], (v) => (typeof v === 'bigint' ? Number(v) : (v ?? null)))
			);
			expect(values(fromQuery, name), name).toEqual(values(decoded, name));
		}
		// One dictionary for the whole file: each code once.
		const code = decoded.code as { dictionary: string[] };
		expect(new Set(code.dictionary).size).toBe(code.dictionary.length);
		expect(code.dictionary).toHaveLength(13);
	});
});
