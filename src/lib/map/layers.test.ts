import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fitLabels, lngLatBounds, placeLabels, pointHoverOf, provinceCoordinates } from './layers';

describe('province coordinates', () => {
	const provinces = JSON.parse(
		readFileSync(join(process.cwd(), 'static/data/provinces.geojson'), 'utf8')
	) as FeatureCollection;

	it("keeps every ring's coordinates of each of the 77 provinces, islands included", () => {
		const coordinates = provinceCoordinates(provinces);
		expect(coordinates.size).toBe(77);
		// Phuket is an island province (a MultiPolygon in most sources): all its parts count.
		const phuket = provinces.features.find((f) => f.properties?.province_code === '83')!;
		const rings =
			phuket.geometry.type === 'MultiPolygon'
				? phuket.geometry.coordinates.flat()
				: (phuket.geometry as { coordinates: number[][][] }).coordinates;
		expect(coordinates.get('83')!.length).toBe(rings.reduce((n, r) => n + r.length, 0));
		// Khon Kaen's bounds lie inside Thailand's.
		const [w, s, e, n] = lngLatBounds(coordinates.get('40')!)!;
		expect(w).toBeGreaterThan(101);
		expect(e).toBeLessThan(104);
		expect(s).toBeGreaterThan(15);
		expect(n).toBeLessThan(18);
	});
});

describe('point hover', () => {
	it("tells a point's fields and a group's count, null for what a hit lacks", () => {
		expect(
			pointHoverOf({ properties: { id: 'P1', kind: 'partner', category: 'ngo', issue: 'tobacco' }, count: null })
		).toEqual({ id: 'P1', kind: 'partner', category: 'ngo', issue: 'tobacco', count: null });
		expect(pointHoverOf({ properties: { point_count: 12 }, count: 12 })).toEqual({
			id: null,
			kind: null,
			category: null,
			issue: null,
			count: 12
		});
	});
});

describe('label placement', () => {
	it('leaves labels that do not touch where they are, and moves one that would cover another by whole lines', () => {
		const box = (x: number, y: number) => ({ x, y, width: 40, height: 10 });
		expect(placeLabels([box(0, 0), box(100, 0)])).toEqual([
			{ x: 0, y: 0 },
			{ x: 100, y: 0 }
		]);
		// The second overlaps the first: one line down is free.
		expect(placeLabels([box(0, 0), box(20, 4)])).toEqual([
			{ x: 0, y: 0 },
			{ x: 20, y: 14 }
		]);
		// One line down and one line up are both taken: two lines down, the nearest free place.
		expect(placeLabels([box(0, 0), box(0, 10), box(5, 2)])[2]).toEqual({ x: 5, y: 22 });
		// Up is tried before two lines down: down is taken, up is free.
		expect(placeLabels([box(0, 0), box(0, 10), box(0, -20), box(0, 0)])[3]).toEqual({ x: 0, y: -10 });
		// No free place within reach: it stays at its anchor.
		const crowd = Array.from({ length: 8 }, (_, i) => box(0, (i - 4) * 10));
		expect(placeLabels([...crowd, box(0, 0)], 2).at(-1)).toEqual({ x: 0, y: 0 });
	});

	it('leaves out a label with no free place when asked to fit, and lets later labels use the room it did not take', () => {
		const box = (x: number, y: number) => ({ x, y, width: 40, height: 10 });
		const crowd = Array.from({ length: 5 }, (_, i) => box(0, (i - 2) * 10));
		const fitted = fitLabels([...crowd, box(0, 0), box(100, 0)], 2);
		expect(fitted.slice(0, 5).every((at) => at !== null)).toBe(true);
		expect(fitted[5]).toBeNull();
		expect(fitted[6]).toEqual({ x: 100, y: 0 });
		// A dropped label takes no room: one overlapping only it is kept at its anchor.
		expect(fitLabels([box(0, 0), box(10, 0), box(45, 0)], 0)).toEqual([{ x: 0, y: 0 }, null, { x: 45, y: 0 }]);
	});
});
