/**
 * The data build's DuckDB (native, in Node): one for each step that writes files, opened the same way.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * The most memory one of the build's DuckDB instances takes; past it, DuckDB writes to its scratch folder.
 * Without a limit it takes 80 % of the machine's memory: 19–20 GB of this 24 GB machine at ten million
 * projects, while writing the projects sorted and while summarising them for the coverage page.
 */
export const BUILD_MEMORY_LIMIT = '4GB';

export interface BuildDuckDb {
	connection: DuckDBConnection;
	/** Closes the database and removes its scratch folder. */
	close(): Promise<void>;
}

/**
 * Opens a DuckDB with one thread, which keeps the output identical from run to run, and a database file
 * in a new scratch folder with the memory limit above, so that what does not fit is written to disk.
 */
export async function openBuildDuckDb(): Promise<BuildDuckDb> {
	const scratch = await mkdtemp(path.join(os.tmpdir(), 'phakhi-build-'));
	try {
		const instance = await DuckDBInstance.create(path.join(scratch, 'build.duckdb'), {
			threads: '1',
			memory_limit: BUILD_MEMORY_LIMIT,
			temp_directory: path.join(scratch, 'tmp')
		});
		const connection = await instance.connect();
		return {
			connection,
			async close() {
				connection.closeSync();
				instance.closeSync();
				await rm(scratch, { recursive: true, force: true });
			}
		};
	} catch (e) {
		await rm(scratch, { recursive: true, force: true });
		throw e;
	}
}
