import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { lngLatBounds, pointHoverOf, provinceCoordinates } from './layers';

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
