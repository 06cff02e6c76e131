import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtlasDb } from '$lib/data/atlas-db';
import { NodeConnector } from '$lib/data/node-connector';
import { focusOf, loadExplorerData, requestKey } from './explorer-data';

let db: AtlasDb;

beforeAll(async () => {
	const dir = join(process.cwd(), 'static/data');
	db = await AtlasDb.open(await NodeConnector.open(), async (f) => new Uint8Array(readFileSync(join(dir, f))));
});

afterAll(() => db?.close());

describe('explorer data', () => {
	it('focuses on the province, else the zone, else the nation', () => {
		expect(focusOf({ zone: 7, province: '40' })).toEqual({ scope: 'province', id: '40' });
		expect(focusOf({ zone: 7, province: null })).toEqual({ scope: 'zone', id: '7' });
		expect(focusOf({ zone: null, province: null })).toEqual({ scope: 'nation', id: 'TH' });
		expect(requestKey({ indicator: 'x', year: 2023, zone: null, province: null })).toBe('x:2023::');
	});

	it("gives a province's trend with its zone's and the nation's", async () => {
		const data = await loadExplorerData(db, { indicator: 'road_death_rate', year: 2023, zone: 7, province: '40' });
		expect(data.values).toHaveLength(77);
		expect(data.trend.focus).toEqual(await db.trend('road_death_rate', { scope: 'province', id: '40' }));
		expect(data.trend.zone).toEqual(await db.trend('road_death_rate', { scope: 'zone', id: '7' }));
		expect(data.trend.nation).toEqual(await db.trend('road_death_rate', { scope: 'nation', id: 'TH' }));
		expect(data.headlines.focus.every((r) => r.indicator_id)).toBe(true);
	});

	it('does not ask twice for the nation when the nation is the focus', async () => {
		const data = await loadExplorerData(db, { indicator: 'road_death_rate', year: 2023, zone: null, province: null });
		expect(data.trend.zone).toBeNull();
		expect(data.trend.nation).toBe(data.trend.focus);
		expect(data.headlines.nation).toBe(data.headlines.focus);
	});
});
