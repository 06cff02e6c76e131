/** Build time only: what the prerendered first view shows, from the same exports and queries the browser uses. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { DEFAULT_INDICATOR } from '$lib/filters/url-state';
import { projectProvinces } from '$lib/map/svg-geometry';
import { DATA_DIR, withBundledDb } from './bundled.server';
import { takeSnapshot, type FirstView } from './snapshot';

export async function loadFirstView(): Promise<FirstView> {
	const snapshot = await withBundledDb((db) => takeSnapshot(db, [DEFAULT_INDICATOR]));
	const read = async (file: string) => JSON.parse(await readFile(join(DATA_DIR, file), 'utf8')) as FeatureCollection;
	return { snapshot, outline: projectProvinces(await read('provinces.geojson'), await read('zones.geojson')) };
}
