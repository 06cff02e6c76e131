/** The coverage pages' sources as the tests open them: the build's files in static/data read in Node, and the test's DuckDB. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { AtlasDb } from '$lib/data/atlas-db';
import { parquetColumns, type ReadColumns } from '$lib/data/coded-columns';
import { CoverageFiles } from '$lib/data/coverage-files';
import { CubeFiles } from '$lib/data/cube-files';
import { CoverageSource } from './coverage-source.svelte';

const dir = join(process.cwd(), 'static/data');
export const readDataFile = async (f: string) => new Uint8Array(readFileSync(join(dir, f)));
const readColumns: ReadColumns = async (file, text) => parquetColumns(await readDataFile(file), file, text);

/** The build's cube files, read in Node. */
export const testCubes = () => new CubeFiles(readDataFile, readColumns);

/**
 * A page's source on the test's database: the build's coverage files first, as in a browser that keeps no
 * user files (`kept`: DuckDB from the start). `opened` counts the times DuckDB was asked for.
 */
export function testSource(db: AtlasDb, kept = false): CoverageSource & { opened: number } {
	const source = new CoverageSource({
		files: () => (kept ? null : new CoverageFiles(readDataFile, readColumns)),
		database: async () => {
			source.opened++;
			return db;
		}
	}) as CoverageSource & { opened: number };
	source.opened = 0;
	return source;
}

/** Opens a page's state as its component does once mounted, and waits (2 s at most) for its first answer from data. */
export async function opened(state: { open(): void; readonly ready: boolean }): Promise<void> {
	state.open();
	for (let i = 0; i < 200 && !state.ready; i++) await new Promise((r) => setTimeout(r, 10));
	expect(state.ready).toBe(true);
}
