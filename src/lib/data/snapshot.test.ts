import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExplorerData } from '$lib/explorer/explorer-data';
import { AtlasDb } from './atlas-db';
import { NodeConnector } from './node-connector';
import { snapshotView, snapshotYears, takeSnapshot, type Snapshot } from './snapshot';

let db: AtlasDb;
let snapshot: Snapshot;

beforeAll(async () => {
	const dir = join(process.cwd(), 'static/data');
	db = await AtlasDb.open(await NodeConnector.open(), async (f) => new Uint8Array(readFileSync(join(dir, f))));
	snapshot = await takeSnapshot(db, ['road_death_rate']);
});

afterAll(() => db?.close());

describe('build-time snapshot', () => {
	it('answers exactly what the database answers for the views it holds', async () => {
		expect(snapshotYears(snapshot, 'road_death_rate')).toEqual(await db.years('road_death_rate'));
		for (const year of await db.years('road_death_rate')) {
			const request = { indicator: 'road_death_rate', year, zone: null, province: null };
			expect(snapshotView(snapshot, request)).toEqual(await loadExplorerData(db, request));
		}
		expect(snapshot.provinces).toEqual(await db.provinces());
		expect(snapshot.issueAreas).toEqual(await db.issueAreas());
	});

	it('says so when it cannot answer, so the view asks the database', () => {
		expect(snapshotYears(snapshot, 'road_deaths')).toBeNull();
		expect(snapshotView(snapshot, { indicator: 'road_deaths', year: 2023, zone: null, province: null })).toBeNull();
		expect(snapshotView(snapshot, { indicator: 'road_death_rate', year: 2023, zone: 7, province: null })).toBeNull();
		expect(snapshotView(snapshot, { indicator: 'road_death_rate', year: 1999, zone: null, province: null })).toBeNull();
	});

	it('survives a JSON round trip, as it does inside the prerendered page', () => {
		expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
	});
});
