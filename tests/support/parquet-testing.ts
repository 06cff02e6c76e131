/**
 * Where the Apache parquet-testing corpus is: ../shared/parquet-testing beside the repository (as CI
 * lays it out), or PHAKHI_PARQUET_TESTING. Tests that need it skip, saying so, when it is absent.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PARQUET_TESTING =
	process.env.PHAKHI_PARQUET_TESTING ?? resolve(process.cwd(), '../shared/parquet-testing');

export const parquetTestingPresent = existsSync(join(PARQUET_TESTING, 'data'));

export const PARQUET_TESTING_ABSENT = `the Apache parquet-testing corpus is not at ${PARQUET_TESTING} (set PHAKHI_PARQUET_TESTING to its folder)`;
