import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb } from './atlas-db';
import { NodeConnector } from './node-connector';
import { fromColumns, snapshotCubeRows, takeSnapshot, toColumns, type Snapshot } from './snapshot';

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
		expect(snapshotCubeRows(snapshot)).toEqual(await db.indicatorCubeRows(['road_death_rate']));
		expect(snapshotCubeRows(snapshot).values.length).toBeGreaterThan(0);
		expect(snapshotCubeRows(snapshot).aggregates.length).toBeGreaterThan(0);
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
		expect(snapshotCubeRows(base)).toEqual({ values: [], aggregates: [] });
		expect(base.headlineTargets).toEqual([]);
		expect(base.headlineRows).toEqual([]);
	});

	it('survives a JSON round trip, as it does inside the prerendered page', () => {
		const carried = JSON.parse(JSON.stringify(snapshot)) as Snapshot;
		expect(carried).toEqual(snapshot);
		expect(snapshotCubeRows(carried)).toEqual(snapshotCubeRows(snapshot));
	});

	it('writes rows by column and reads them back as they were, nulls and one-value columns too', () => {
		const rows = [
			{ id: 'a', year: 2022, value: 1.5, note: null },
			{ id: 'a', year: 2023, value: null, note: null },
			{ id: 'a', year: 2024, value: 0, note: 'x' }
		];
		const columns = toColumns(rows);
		expect(columns.columns).toEqual([{ all: 'a' }, [2022, 2023, 2024], [1.5, null, 0], [null, null, 'x']]);
		expect(fromColumns(JSON.parse(JSON.stringify(columns)))).toEqual(rows);
		expect(fromColumns(toColumns([]))).toEqual([]);
	});
});
