/**
 * The coverage pages' files read without DuckDB (coverage-files.ts) against the same questions asked of
 * DuckDB on the raw tables: the networks, the data-quality report and each network's detail, row for
 * row (the summary's answers: coverage-summary.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb } from './atlas-db';
import { parquetColumns } from './coded-columns';
import { rowsOfColumns } from './column-rows';
import {
	COVERAGE_INDEX,
	CoverageFiles,
	coverageDataOfDb,
	coverageDataOfFiles,
	type CoverageData
} from './coverage-files';
import { NodeConnector } from './node-connector';
import { TABLES } from './contract';
import { QUALITY_COLUMNS } from './coverage-queries';

const DATA = join(process.cwd(), 'static/data');
const fetchFile = async (file: string) => new Uint8Array(readFileSync(join(DATA, file)));

let db: AtlasDb;
let sql: CoverageData;
let files: CoverageData;
const read: string[] = [];

beforeAll(async () => {
	if (!existsSync(join(DATA, COVERAGE_INDEX))) throw new Error('run `npm run data` first (npm test does it for you)');
	db = await AtlasDb.open(await NodeConnector.open(), fetchFile);
	sql = coverageDataOfDb(db);
	files = coverageDataOfFiles(
		new CoverageFiles(
			(file) => (read.push(file), fetchFile(file)),
			async (file, text) => (read.push(file), parquetColumns(await fetchFile(file), file, text))
		)
	);
});

afterAll(() => db?.close());

describe("the coverage pages' files", () => {
	it('list the networks and the data-quality report as DuckDB does', async () => {
		const networks = await sql.networks();
		expect(networks.length).toBeGreaterThan(2);
		expect(await files.networks()).toEqual(networks);
		const quality = await sql.qualityIssues();
		expect(quality.length).toBeGreaterThan(0);
		expect(await files.qualityIssues()).toEqual(quality);
	});

	it("read the data-quality report with the contract's columns, each as its type", () => {
		expect(
			Object.fromEntries(
				TABLES.quality_issues.columns.map((c) => [c.name, c.type === 'VARCHAR' ? 'text' : c.type.toLowerCase()])
			)
		).toEqual(QUALITY_COLUMNS);
	});

	it("hold each network's provinces, events, partners and projects as DuckDB answers them", async () => {
		read.length = 0;
		let rows = 0;
		for (const { network_id } of await sql.networks()) {
			const [fromFiles, fromSql] = [await files.networkDetail(network_id), await sql.networkDetail(network_id)];
			expect(fromFiles, network_id).toEqual(fromSql);
			rows += fromSql.partners.length + fromSql.projects.length;
		}
		expect(rows).toBeGreaterThan(100);
		// Every network's lists are read from its own Parquet files, whatever their size (no DuckDB: none is given).
		expect(read.filter((f) => f.startsWith('coverage/networks/') && f.endsWith('.parquet')).length).toBe(
			2 * (await sql.networks()).length
		);
		// A network the build does not know has nothing, as SQL answers, still without DuckDB.
		expect(await files.networkDetail('no_such_network')).toEqual(await sql.networkDetail('no_such_network'));
	});
});

describe('rows of decoded columns', () => {
	const kinds = { a: 'text', n: 'number', b: 'boolean' } as const;
	it('reads texts, numbers and booleans back, no value as null', () => {
		const columns = {
			a: { codes: Int32Array.from([1, -1, 0]), dictionary: ['x', 'y'] },
			n: Float64Array.from([1.5, NaN, 0]),
			b: Float64Array.from([1, 0, NaN])
		};
		expect(rowsOfColumns(columns, kinds, 'f.parquet')).toEqual([
			{ a: 'y', n: 1.5, b: true },
			{ a: null, n: null, b: false },
			{ a: 'x', n: 0, b: null }
		]);
	});
	it('takes a file without rows, and names the file and column missing from one with rows', () => {
		expect(rowsOfColumns({}, kinds, 'f.parquet')).toEqual([]);
		expect(() => rowsOfColumns({ a: { codes: Int32Array.from([0]), dictionary: ['x'] } }, kinds, 'f.parquet')).toThrow(
			'f.parquet: column "n" is missing'
		);
	});
});
