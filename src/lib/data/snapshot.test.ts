import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb } from './atlas-db';
import { NodeConnector } from './node-connector';
import { snapshotValues, snapshotYears, takeSnapshot, type Snapshot } from './snapshot';

let db: AtlasDb;
let snapshot: Snapshot;

beforeAll(async () => {
	const dir = join(process.cwd(), 'static/data');
	db = await AtlasDb.open(await NodeConnector.open(), async (f) => new Uint8Array(readFileSync(join(dir, f))));
	snapshot = await takeSnapshot(db, ['road_death_rate']);
});

afterAll(() => db?.close());

describe('build-time snapshot', () => {
	it('answers exactly what the database answers for the indicators it holds', async () => {
		expect(snapshotYears(snapshot, 'road_death_rate')).toEqual(await db.years('road_death_rate'));
		for (const year of await db.years('road_death_rate'))
			expect(snapshotValues(snapshot, 'road_death_rate', year)).toEqual(await db.indicatorValues('road_death_rate', year));
		expect(snapshot.provinces).toEqual(await db.provinces());
	});

	it('says so when it cannot answer, so the view asks the database', () => {
		expect(snapshotYears(snapshot, 'road_deaths')).toBeNull();
		expect(snapshotValues(snapshot, 'road_deaths', 2023)).toBeNull();
		expect(snapshotValues(snapshot, 'road_death_rate', 1999)).toBeNull();
	});

	it('survives a JSON round trip, as it does inside the prerendered page', () => {
		expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
	});
});
