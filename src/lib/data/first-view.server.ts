/** Build time only: what the prerendered first view shows, from the same exports and queries the browser uses. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { DEFAULT_INDICATOR } from '$lib/filters/url-state';
import { projectProvinces } from '$lib/map/svg-geometry';
import { AtlasDb } from './atlas-db';
import { NodeConnector } from './node-connector';
import { takeSnapshot, type FirstView } from './snapshot';

const DATA_DIR = join(process.cwd(), 'static/data');

export async function loadFirstView(): Promise<FirstView> {
	const db = await AtlasDb.open(
		await NodeConnector.open(),
		async (file) => new Uint8Array(await readFile(join(DATA_DIR, file)))
	);
	try {
		const snapshot = await takeSnapshot(db, [DEFAULT_INDICATOR]);
		const geometry = JSON.parse(await readFile(join(DATA_DIR, 'provinces.geojson'), 'utf8')) as FeatureCollection;
		return { snapshot, outline: projectProvinces(geometry) };
	} finally {
		await db.close();
	}
}
