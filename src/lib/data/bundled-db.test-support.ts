/**
 * For tests only: the bundled exports (static/data/) in the query module, on DuckDB in Node, with the
 * tests' own look under AtlasDb at what no view asks for: any table's rows (the upload's staging tables
 * too), the staging tables left over, a memory limit held for one piece of work. The features' tests
 * use it, so that only src/lib/data holds a connector; the features themselves ask AtlasDb.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AtlasDb, CORE_TABLES } from './atlas-db';
import type { Row } from './connector';
import type { TableName } from './contract';
import { NodeConnector } from './node-connector';

export const BUNDLED_DATA = join(process.cwd(), 'static/data');

export const fetchBundled = async (file: string) => new Uint8Array(readFileSync(join(BUNDLED_DATA, file)));

export interface BundledDb {
	db: AtlasDb;
	/** The rows of one statement, run on the engine under `db`. */
	rows(sql: string): Promise<Row[]>;
	/** The column `n` of a statement's one row (`SELECT count(*) AS n …`). */
	count(sql: string): Promise<number>;
	/** How many staging tables ("__…") are in the engine. */
	stagingLeft(): Promise<number>;
	/** Runs `work` with the engine's memory limit at `megabytes`, and puts the limit back after it. */
	withMemoryLimit<T>(megabytes: number, work: () => Promise<T>): Promise<T>;
	/** The statements the engine ran for `work` (whoever asked: AtlasDb, its upload queries), in order. */
	statementsOf(work: () => Promise<unknown>): Promise<string[]>;
	/** Runs `work` with every statement matching `statement` failing, as the engine would (running out of memory, say). */
	failing<T>(statement: RegExp, work: () => Promise<T>): Promise<T>;
}

export async function openBundledDb(tables: readonly TableName[] = CORE_TABLES): Promise<BundledDb> {
	const engine = await NodeConnector.open();
	let recording: string[] | null = null;
	let failing: RegExp | null = null;
	const query = engine.query.bind(engine);
	engine.query = (sql, params) => {
		recording?.push(sql);
		if (failing?.test(sql)) return Promise.reject(new Error(`failed on purpose: ${sql.slice(0, 80)}`));
		return query(sql, params);
	};
	const db = await AtlasDb.open(engine, fetchBundled, tables);
	const rows = (sql: string) => engine.query(sql);
	const count = async (sql: string) => Number((await rows(sql))[0].n);
	return {
		db,
		rows,
		count,
		stagingLeft: () => count(`SELECT count(*) AS n FROM duckdb_tables() WHERE starts_with(table_name, '__')`),
		async statementsOf(work) {
			const seen: string[] = [];
			recording = seen;
			try {
				await work();
			} finally {
				recording = null;
			}
			return seen;
		},
		async failing(statement, work) {
			failing = statement;
			try {
				return await work();
			} finally {
				failing = null;
			}
		},
		async withMemoryLimit(megabytes, work) {
			if (!Number.isInteger(megabytes) || megabytes <= 0) throw new Error(`not a memory limit: ${megabytes} MB`);
			await engine.query(`SET memory_limit = '${megabytes}MB'`);
			try {
				return await work();
			} finally {
				await engine.query(`RESET memory_limit`);
			}
		}
	};
}
