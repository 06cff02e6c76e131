import { describe, expect, it } from 'vitest';
import { FeatureStateSync, type FeatureStateTarget } from './feature-state';
import type { ChoroplethLayers } from './layers';

/** Records what would be written to MapLibre's feature state (which needs WebGL, so no map runs in Node). */
function recorder() {
	const writes: string[] = [];
	const map: FeatureStateTarget = {
		setFeatureState: (f, state) => writes.push(`${f.source}/${f.id} ${JSON.stringify(state)}`)
	};
	return { map, writes };
}

const layers = (colours: [string, string][], noData: string[] = [], dimmed: string[] = []): ChoroplethLayers => ({
	colours: new Map(colours),
	noData: new Set(noData),
	dimmed: new Set(dimmed),
	highlighted: null,
	selected: null,
	focus: [],
	zone: null
});

/** A sync that has painted `first`, and the writes after it. */
function paintedWith(first: ChoroplethLayers) {
	const { map, writes } = recorder();
	const sync = new FeatureStateSync();
	sync.paint(map, 'provinces', first);
	writes.length = 0;
	return { map, writes, sync };
}

describe('feature state kept in step with the layers', () => {
	it('paints each province once, then not again for the same colours (a hover makes new layers, not new colours)', () => {
		const { map, writes } = recorder();
		const sync = new FeatureStateSync();
		const first = layers([['40', '#111']], ['38']);
		expect(sync.paint(map, 'provinces', first)).toBe(true);
		expect(writes).toEqual([
			'provinces/40 {"fill":"#111","dimmed":false,"noData":false}',
			'provinces/38 {"fill":null,"dimmed":false,"noData":true}'
		]);
		expect(sync.paint(map, 'provinces', { ...first, highlighted: '40' })).toBe(false);
		expect(writes).toHaveLength(2);
	});

	it('returns a province coloured before and not now to plain, not to the colour of the view before', () => {
		const { map, writes, sync } = paintedWith(
			layers([
				['40', '#111'],
				['41', '#222']
			])
		);
		sync.paint(map, 'provinces', layers([['41', '#333']]));
		expect(writes).toEqual([
			'provinces/40 {"fill":null,"dimmed":false,"noData":false}',
			'provinces/41 {"fill":"#333","dimmed":false,"noData":false}'
		]);
	});

	it('writes only the provinces whose state changed (a year step recolours some provinces, not all)', () => {
		const { map, writes, sync } = paintedWith(
			layers(
				[
					['40', '#111'],
					['41', '#222'],
					['42', '#333']
				],
				['38']
			)
		);
		// 40 keeps its class, 41 changes, 42 goes missing, 38 gets a value.
		const next = (): ChoroplethLayers =>
			layers(
				[
					['40', '#111'],
					['41', '#333'],
					['38', '#222']
				],
				['42']
			);
		expect(sync.paint(map, 'provinces', next())).toBe(true);
		expect(writes.sort()).toEqual([
			'provinces/38 {"fill":"#222","dimmed":false,"noData":false}',
			'provinces/41 {"fill":"#333","dimmed":false,"noData":false}',
			'provinces/42 {"fill":null,"dimmed":false,"noData":true}'
		]);
		// New maps with the same states: nothing to write, nothing to repaint.
		writes.length = 0;
		expect(sync.paint(map, 'provinces', next())).toBe(false);
		expect(writes).toEqual([]);
	});

	it('moves a flag from one feature to the next, each flag and source on its own', () => {
		const { map, writes } = recorder();
		const sync = new FeatureStateSync();
		sync.flag(map, 'provinces', 'highlight', '40');
		sync.flag(map, 'provinces', 'selected', '10');
		sync.flag(map, 'zones', 'focused', 7);
		sync.flag(map, 'provinces', 'highlight', '40');
		sync.flag(map, 'provinces', 'highlight', '41');
		sync.flag(map, 'zones', 'focused', null);
		expect(writes).toEqual([
			'provinces/40 {"highlight":true}',
			'provinces/10 {"selected":true}',
			'zones/7 {"focused":true}',
			'provinces/40 {"highlight":false}',
			'provinces/41 {"highlight":true}',
			'zones/7 {"focused":false}'
		]);
	});
});
