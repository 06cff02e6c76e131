/** The browser's Parquet decoder, checked against DuckDB's own reader on the real exports. */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataType, tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TABLE_NAMES, TABLES } from './contract';
import { NodeConnector } from './node-connector';
import { parquetRowCount } from './parquet-footer';
import { omittedColumns, parquetBatches, parquetToArrow, ParquetDecodeError } from './parquet-to-arrow';

const DATA = join(process.cwd(), 'static/data');
const CODEC_FILES = join(process.cwd(), 'tests/parquet-files');

/** The bundled projects three times over (new codes), written by DuckDB in row groups of `rowGroupSize`. */
async function projectsFile(rowGroupSize: number): Promise<Uint8Array> {
	const path = join(tmpdir(), `phakhi-projects-${rowGroupSize}-${process.pid}.parquet`);
	const duck = await NodeConnector.open();
	await duck.query(
		`COPY (SELECT * REPLACE (project_code || '-' || i AS project_code) FROM read_parquet('${join(DATA, 'projects.parquet')}'), range(3) t(i))
		 TO '${path}' (FORMAT parquet, ROW_GROUP_SIZE ${rowGroupSize})`
	);
	await duck.close();
	const bytes = new Uint8Array(readFileSync(path));
	rmSync(path);
	return bytes;
}

describe('parquetBatches', () => {
	it('decodes a file row group by row group into the same rows as the whole file, telling the rows done', async () => {
		const bytes = await projectsFile(1000);
		const whole = await parquetToArrow(bytes, 'p.parquet');
		expect(parquetRowCount(bytes)).toBe(whole.numRows);
		const rows: unknown[] = [];
		const done: number[] = [];
		for await (const batch of parquetBatches(bytes, 'p.parquet')) {
			expect(batch.rowsTotal).toBe(whole.numRows);
			done.push(batch.rowsDone);
			rows.push(...batch.table.toArray().map((r) => r.toJSON()));
		}
		expect(done.length).toBeGreaterThan(2);
		expect(done.at(-1)).toBe(whole.numRows);
		expect(rows).toEqual(whole.toArray().map((r) => r.toJSON()));
		expect(parquetRowCount(new TextEncoder().encode('not parquet'))).toBeNull();
	});
});

describe('parquetBatches of one large row group', () => {
	it('hands it out in slices of at most sliceRows rows, the same rows as the whole group', async () => {
		const bytes = await projectsFile(1_000_000);
		const whole = await parquetToArrow(bytes, 'p.parquet');
		const rows: unknown[] = [];
		const done: number[] = [];
		for await (const batch of parquetBatches(bytes, 'p.parquet', 700)) {
			expect(batch.table.numRows).toBeLessThanOrEqual(700);
			done.push(batch.rowsDone);
			rows.push(...batch.table.toArray().map((r) => r.toJSON()));
		}
		expect(done.length).toBeGreaterThan(2);
		expect(done).toEqual(
			Array.from({ length: Math.ceil(whole.numRows / 700) }, (_, i) => Math.min(whole.numRows, (i + 1) * 700))
		);
		expect(rows).toEqual(whole.toArray().map((r) => r.toJSON()));
	});
});

describe('parquetToArrow', () => {
	it.each(TABLE_NAMES)('decodes %s exactly as DuckDB reads it', async (name) => {
		const path = join(DATA, TABLES[name].file);
		const table = await parquetToArrow(new Uint8Array(readFileSync(path)), TABLES[name].file);
		const duck = await NodeConnector.open();
		const expected = await duck.query(`SELECT * FROM read_parquet(?)`, [path]);
		await duck.close();
		expect(table.schema.fields.map((f) => f.name)).toEqual(TABLES[name].columns.map((c) => c.name));
		const decoded = table.toArray().map((r) => {
			const row = r.toJSON() as Record<string, unknown>;
			for (const k of Object.keys(row)) if (typeof row[k] === 'bigint') row[k] = Number(row[k]);
			return row;
		});
		expect(decoded).toEqual(expected);
	});

	it('stores repeated strings once, as dictionaries that survive the IPC stream to DuckDB', async () => {
		const read = async (name: 'indicator_values' | 'projects') =>
			parquetToArrow(new Uint8Array(readFileSync(join(DATA, TABLES[name].file))), TABLES[name].file);
		const values = await read('indicator_values');
		const province = values.getChild('province_code')!;
		expect(DataType.isDictionary(province.type)).toBe(true);
		expect(province.data[0].dictionary!.length).toBe(77);
		const back = tableFromIPC(tableToIPC(values, 'stream'));
		expect(back.toArray().map((r) => r.toJSON())).toEqual(values.toArray().map((r) => r.toJSON()));
		// A column of distinct values (every project's code) stays plain strings.
		const projects = await read('projects');
		expect(DataType.isUtf8(projects.getChild('project_code')!.type)).toBe(true);
		expect(DataType.isDictionary(projects.getChild('status')!.type)).toBe(true);
	});

	// Issue 19: every codec the format defines for data pages (the Hadoop LZ4 framing, which DuckDB
	// cannot write, is in the conformance test's corpus).
	it.each(['uncompressed', 'snappy', 'gzip', 'zstd', 'lz4_raw', 'brotli'])(
		'reads a %s-compressed file as DuckDB reads it',
		async (codec) => {
			const path = join(CODEC_FILES, `codec-${codec}.parquet`);
			const table = await parquetToArrow(new Uint8Array(readFileSync(path)), `codec-${codec}.parquet`);
			const duck = await NodeConnector.open();
			const [{ compression }] = await duck.query(`SELECT DISTINCT compression FROM parquet_metadata(?)`, [path]);
			const expected = await duck.query(
				`SELECT * REPLACE (CAST(joined_on AS VARCHAR) AS joined_on) FROM read_parquet(?)`,
				[path]
			);
			await duck.close();
			expect(String(compression)).toBe(codec.toUpperCase());
			const decoded = table.toArray().map((r) => {
				const row = r.toJSON() as Record<string, unknown>;
				row.joined_on = new Date(row.joined_on as number).toISOString().slice(0, 10);
				return row;
			});
			expect(decoded).toHaveLength(300);
			expect(decoded).toEqual(expected);
		}
	);

	it('loads an INTERVAL column as a struct of its months, days and milliseconds (Arrow JS has no type for it)', async () => {
		const path = join(tmpdir(), `interval-${process.pid}.parquet`);
		const duck = await NodeConnector.open();
		await duck.query(
			`COPY (SELECT 1 AS id, INTERVAL '1 year 2 months 3 days 4 seconds' AS period UNION ALL SELECT 2, NULL)
			 TO '${path}' (FORMAT parquet)`
		);
		await duck.close();
		const table = await parquetToArrow(new Uint8Array(readFileSync(path)), 'interval.parquet');
		rmSync(path);
		expect(omittedColumns(table)).toEqual([]);
		expect(table.toArray().map((r) => r.toJSON())).toEqual([
			{ id: 1, period: expect.objectContaining({ months: 14, days: 3, milliseconds: 4000 }) },
			{ id: 2, period: null }
		]);
	});

	it('compiles no code from strings (the pages forbid eval)', async () => {
		const evaluated: string[] = [];
		vi.stubGlobal(
			'Function',
			new Proxy(Function, {
				construct: (target, args) => (evaluated.push(String(args.at(-1))), Reflect.construct(target, args)),
				apply: (target, self, args) => (evaluated.push(String(args.at(-1))), Reflect.apply(target, self, args))
			})
		);
		for (const name of TABLE_NAMES) {
			const table = await parquetToArrow(new Uint8Array(readFileSync(join(DATA, TABLES[name].file))), name);
			expect(table.numRows).toBeGreaterThan(0);
		}
		expect(evaluated).toEqual([]);
	});
	afterEach(() => vi.unstubAllGlobals());

	it('names the file when the bytes are not Parquet', async () => {
		const error = await parquetToArrow(new TextEncoder().encode('code,year\n10,2022\n'), 'export.csv').catch((e) => e);
		expect(error).toBeInstanceOf(ParquetDecodeError);
		expect(error.message).toMatch(/^export\.csv: not a readable Parquet file/);
	});

	it('rejects a truncated file with its name', async () => {
		const bytes = new Uint8Array(readFileSync(join(DATA, TABLES.provinces.file)));
		const error = await parquetToArrow(bytes.slice(0, bytes.length / 2), 'cut.parquet').catch((e) => e);
		expect(error).toBeInstanceOf(ParquetDecodeError);
		expect(error.message).toMatch(/^cut\.parquet: /);
	});
});
