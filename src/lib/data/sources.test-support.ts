/**
 * A file of the data build's sources (data/sources/) as rows of fields, header left out: what the
 * query module's tests check the exports against (atlas-db.test.ts, aggregate-coverage.test.ts).
 * A plain split on commas: only for the source files without quoted commas in the fields read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const sourceRows = (file: string): string[][] =>
	readFileSync(join(process.cwd(), 'data/sources', file), 'utf8')
		.trim()
		.split(/\r?\n/)
		.slice(1)
		.map((line) => line.split(','));
