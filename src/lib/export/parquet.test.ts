import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trendTable, type TrendSeries } from '$lib/charts/trend';
import { trendLine } from '$lib/charts/trend.test-support';
import { rankingTable } from '$lib/charts/ranking';
import { toParquet } from './parquet';

const dir = mkdtempSync(join(tmpdir(), 'phakhi-parquet-'));
let instance: DuckDBInstance;

beforeAll(async () => {
	instance = await DuckDBInstance.create(':memory:');
});
afterAll(() => {
	instance.closeSync();
	rmSync(dir, { recursive: true, force: true });
});

/** Reads a Parquet buffer back with DuckDB: column names and types, rows, and the file's key-value metadata. */
async function readBack(bytes: Uint8Array) {
	const path = join(dir, `${Math.random().toString(36).slice(2)}.parquet`);
	writeFileSync(path, bytes);
	const conn = await instance.connect();
	try {
		const describe = await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`);
		const columns = describe.getRowObjectsJS().map((r) => [r.column_name, r.column_type]);
		const rows = (await conn.runAndReadAll(`SELECT * FROM read_parquet('${path}')`)).getRowsJS();
		const meta = (
			await conn.runAndReadAll(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${path}')`)
		).getRowObjectsJS();
		return { columns, rows, meta: Object.fromEntries(meta.map((m) => [m.k, m.v])) };
	} finally {
		conn.closeSync();
	}
}

describe('Parquet export', () => {
	it('round-trips a ranking through DuckDB: Thai labels as names, typed columns, same rows', async () => {
		const items = [
			{ code: '40', label: 'ขอนแก่น', value: 21.345678, colour: '#000' },
			{ code: '10', label: 'กรุงเทพมหานคร', value: 9.5, colour: '#000' }
		];
		const table = rankingTable(items, (v) => v.toFixed(1), {
			rank: 'อันดับ',
			province: 'จังหวัด',
			value: 'ค่า (ต่อประชากรแสนคน)'
		});
		const back = await readBack(toParquet(table, { title: 'อัตราการเสียชีวิต', exported: '2026-11-24' }));
		expect(back.columns).toEqual([
			['อันดับ', 'INTEGER'],
			['จังหวัด', 'VARCHAR'],
			['ค่า (ต่อประชากรแสนคน)', 'DOUBLE']
		]);
		expect(back.rows).toEqual([
			[1, 'ขอนแก่น', 21.345678],
			[2, 'กรุงเทพมหานคร', 9.5]
		]);
		expect(back.meta).toMatchObject({ title: 'อัตราการเสียชีวิต', exported: '2026-11-24' });
	});

	it('keeps gaps as NULL and years as integers', async () => {
		const series: TrendSeries[] = [
			trendLine('p', 'Khon Kaen', 'province', [
				[2022, null],
				[2023, 18.25]
			]),
			trendLine('n', 'Thailand', 'nation', [
				[2022, 25],
				[2023, 24.5]
			])
		];
		const table = trendTable(series, (v) => v.toFixed(1), String, { year: 'Year' });
		const back = await readBack(toParquet(table));
		expect(back.columns).toEqual([
			['Year', 'INTEGER'],
			['Khon Kaen', 'DOUBLE'],
			['Thailand', 'DOUBLE']
		]);
		expect(back.rows).toEqual([
			[2022, null, 25],
			[2023, 18.25, 24.5]
		]);
	});

	it('writes an empty table with its columns', async () => {
		const table = rankingTable([], String, { rank: 'Rank', province: 'Province', value: 'Value' });
		const back = await readBack(toParquet(table));
		expect(back.columns.map((c) => c[0])).toEqual(['Rank', 'Province', 'Value']);
		expect(back.rows).toEqual([]);
	});
});
