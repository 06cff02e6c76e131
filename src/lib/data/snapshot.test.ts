import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb } from './atlas-db';
import { NodeConnector } from './node-connector';
import { takeSnapshot, type Snapshot } from './snapshot';

let db: AtlasDb;
let snapshot: Snapshot;

beforeAll(async () => {
	const dir = join(process.cwd(), 'static/data');
	db = await AtlasDb.open(await NodeConnector.open(), async (f) => new Uint8Array(readFileSync(join(dir, f))));
	snapshot = await takeSnapshot(db, ['road_death_rate']);
});

afterAll(() => db?.close());

describe('build-time snapshot', () => {
	it('holds exactly the rows the database answers for its indicators, and the nation’s headlines', async () => {
		expect(snapshot.indicatorIds).toEqual(['road_death_rate']);
		expect(snapshot.cubeRows).toEqual(await db.indicatorCubeRows(['road_death_rate']));
		expect(snapshot.cubeRows.values.length).toBeGreaterThan(0);
		expect(snapshot.headlineTargets).toEqual(['nation:TH']);
		expect(snapshot.headlineRows).toEqual((await db.headlineRows()).filter((r) => r.scope === 'nation'));
		expect(snapshot.headlineRows.length).toBeGreaterThan(0);
		expect(snapshot.provinces).toEqual(await db.provinces());
		expect(snapshot.indicators).toEqual(await db.indicators());
		expect(snapshot.issueAreas).toEqual(await db.issueAreas());
	});

	it('holds no indicator rows for a page that asks for none', async () => {
		const base = await takeSnapshot(db, []);
		expect(base.indicatorIds).toEqual([]);
		expect(base.cubeRows).toEqual({ values: [], aggregates: [] });
		expect(base.headlineTargets).toEqual([]);
		expect(base.headlineRows).toEqual([]);
	});

	it('survives a JSON round trip, as it does inside the prerendered page', () => {
		expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
	});
});
