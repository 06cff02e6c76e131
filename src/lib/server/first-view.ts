/** Build time only: what prerendered pages carry, from the same exports and queries the browser uses. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { DEFAULT_INDICATOR } from '$lib/filters/url-state';
import { projectProvinces, type ProjectedMap } from '$lib/map/svg-geometry';
import type { AtlasDb } from '$lib/data/atlas-db';
import { DATA_DIR, withBundledDb } from '$lib/data/bundled.server';
import type { TableName } from '$lib/data/contract';
import { takeSnapshot, type FirstView } from '$lib/data/snapshot';
import { COVERAGE_INDEX, type CoverageFilesIndex } from '$lib/data/coverage-files';

export async function projectedOutline(): Promise<ProjectedMap> {
	const read = async (file: string) => JSON.parse(await readFile(join(DATA_DIR, file), 'utf8')) as FeatureCollection;
	return projectProvinces(await read('provinces.geojson'), await read('zones.geojson'));
}

/** The explorer's first view: the snapshot of the default indicator's views, and the outlines. */
export async function loadFirstView(): Promise<FirstView> {
	const snapshot = await withBundledDb((db) => takeSnapshot(db, [DEFAULT_INDICATOR]));
	return { snapshot, outline: await projectedOutline() };
}

/** Reference tables and outlines, for pages whose data all comes from DuckDB in the browser. */
export async function loadBasePage(): Promise<FirstView> {
	const snapshot = await withBundledDb((db) => takeSnapshot(db, []));
	return { snapshot, outline: await projectedOutline() };
}

/**
 * Reference tables and outlines, and `first`: what the page shows first, worked out at build time
 * with the database the page would open (the bundled exports, every table `tables` names loaded).
 */
export async function loadPageWith<T>(
	tables: readonly TableName[],
	first: (db: AtlasDb) => Promise<T>
): Promise<FirstView & { first: T }> {
	const [snapshot, answer] = await withBundledDb(async (db) => {
		const snapshot = await takeSnapshot(db, []);
		await db.ensureTables(tables);
		return [snapshot, await first(db)] as const;
	});
	return { snapshot, outline: await projectedOutline(), first: answer };
}

/**
 * The build's coverage files a coverage page reads first, under the data folder: `coverage.json`, and with
 * `summary` the encoded summary's parts. The page names them for the browser to fetch while its scripts
 * load (PreloadData.svelte): at a national size the summary is megabytes, and it was asked for only once
 * the page had started (issue 19).
 */
export async function coveragePreloads(summary: boolean): Promise<string[]> {
	if (!summary) return [COVERAGE_INDEX];
	const index = JSON.parse(await readFile(join(DATA_DIR, COVERAGE_INDEX), 'utf8')) as CoverageFilesIndex;
	return [COVERAGE_INDEX, ...index.summary];
}
