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
import {
	COVERAGE_INDEX,
	CoverageFiles,
	coverageDataOfDb,
	coverageDataOfFiles,
	type CoverageData
} from './coverage-files';
import { NodeConnector } from './node-connector';

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
		),
		() => {
			throw new Error('DuckDB asked for');
		}
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

	it("hold each network's provinces, events, partners and projects as DuckDB answers them", async () => {
		for (const { network_id } of await sql.networks()) {
			const [fromFiles, fromSql] = [await files.networkDetail(network_id), await sql.networkDetail(network_id)];
			expect(fromFiles, network_id).toEqual(fromSql);
		}
		expect(read.some((f) => f.endsWith('.parquet'))).toBe(false);
		// A network no file names (too large for one, or unknown) is asked of DuckDB, and answered as SQL does.
		await expect(files.networkDetail('no_such_network')).rejects.toThrow('DuckDB asked for');
		const withEngine = coverageDataOfFiles(new CoverageFiles(fetchFile, async () => ({})), async () => db);
		expect(await withEngine.networkDetail('no_such_network')).toEqual(await sql.networkDetail('no_such_network'));
	});
});
