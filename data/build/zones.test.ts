import { geoArea } from 'd3-geo';
import type { Geometry as GeoJsonGeometry } from 'geojson';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { buildProvinceGeojson, type Geometry, type ProvinceCollection } from './geo.ts';
import { readProvinces } from './tables.ts';
import { buildZoneGeojson, ringArea2 } from './zones.ts';

const SOURCES = path.resolve(import.meta.dirname, '../sources');
const provinceRows = readProvinces(
	parseCsv(readFileSync(path.join(SOURCES, 'provinces.csv'), 'utf8'), 'provinces.csv').table
).rows;
const { geojson: provinces, errors } = buildProvinceGeojson(
	JSON.parse(readFileSync(path.join(SOURCES, 'geo/th_adm1.geojson'), 'utf8')),
	'geo/th_adm1.geojson',
	provinceRows
);
const zones = buildZoneGeojson(provinces);

const polygonsOf = (g: Geometry) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
/** d3-geo wants exterior rings clockwise (the opposite of RFC 7946), so reverse every ring for it. */
const d3Area = (g: Geometry): number =>
	geoArea({
		type: 'MultiPolygon',
		coordinates: polygonsOf(g).map((p) => p.map((r) => [...r].reverse()))
	} as GeoJsonGeometry);

describe('buildZoneGeojson on the real boundaries', () => {
	it('makes one feature per health zone, ids 1–13', () => {
		expect(errors).toEqual([]);
		expect(zones.type).toBe('FeatureCollection');
		expect(zones.features.map((f) => f.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
		for (const f of zones.features) {
			expect(f.type).toBe('Feature');
			expect(Object.keys(f.properties)).toEqual(['health_zone', 'province_codes']);
			expect(f.properties.health_zone).toBe(f.id);
		}
	});

	it("lists each zone's provinces as provinces.csv does", () => {
		for (const f of zones.features) {
			const expected = provinceRows
				.filter((p) => p.health_zone === f.id)
				.map((p) => p.province_code)
				.sort();
			expect(f.properties.province_codes, `zone ${f.id}`).toEqual(expected);
		}
		const zone = (n: number) => zones.features.find((f) => f.id === n)!.properties.province_codes;
		// Si Sa Ket, Ubon Ratchathani, Yasothon, Amnat Charoen, Mukdahan.
		expect(zone(10)).toEqual(['33', '34', '35', '37', '49']);
		expect(zone(13)).toEqual(['10']);
		expect(zones.features.map((f) => f.properties.province_codes.length)).toEqual([
			8, 5, 5, 8, 8, 8, 4, 7, 4, 5, 7, 7, 1
		]);
	});

	it('has the area of its provinces (within 1 %)', () => {
		for (const f of zones.features) {
			const members = provinces.features.filter((p) => p.properties.health_zone === f.id);
			const sum = members.reduce((a, p) => a + d3Area(p.geometry), 0);
			const area = d3Area(f.geometry);
			expect(area, `zone ${f.id}`).toBeGreaterThan(0);
			expect(Math.abs(area / sum - 1), `zone ${f.id}`).toBeLessThan(0.01);
		}
	});

	it('dissolves inner borders: fewer rings than provinces, none shared with a neighbour inside the zone', () => {
		const zone4 = zones.features.find((f) => f.id === 4)!;
		expect(polygonsOf(zone4.geometry)).toHaveLength(1);
		const vertices = (g: Geometry) => polygonsOf(g).flat(2).length;
		const memberVertices = provinces.features
			.filter((p) => p.properties.health_zone === 4)
			.reduce((n, p) => n + vertices(p.geometry), 0);
		expect(vertices(zone4.geometry)).toBeLessThan(memberVertices / 2);
		// Bangkok alone is its own outline.
		const bangkok = provinces.features.find((p) => p.id === 10)!;
		expect(polygonsOf(zones.features.find((f) => f.id === 13)!.geometry).flat(2).length).toBeLessThanOrEqual(
			vertices(bangkok.geometry)
		);
	});

	it('keeps RFC 7946 winding as provinces.geojson has it, closed rings and 4-decimal coordinates', () => {
		const check = (g: Geometry, what: string) => {
			for (const polygon of polygonsOf(g))
				polygon.forEach((ring, i) => {
					expect(ring.length, what).toBeGreaterThanOrEqual(4);
					expect(ring[0], what).toEqual(ring[ring.length - 1]);
					expect(ringArea2(ring) > 0, `${what} ring ${i}`).toBe(i === 0);
					for (const x of ring.flat()) expect(Math.round(x * 1e4) / 1e4).toBe(x);
				});
		};
		for (const p of provinces.features) check(p.geometry, `province ${p.id}`);
		for (const z of zones.features) check(z.geometry, `zone ${z.id}`);
	});

	it('is deterministic and leaves its input alone', () => {
		const before = JSON.stringify(provinces);
		expect(JSON.stringify(buildZoneGeojson(provinces))).toBe(JSON.stringify(zones));
		expect(JSON.stringify(provinces)).toBe(before);
	});
});

describe('buildZoneGeojson on a small example', () => {
	const square = (x: number, y: number): number[][][] => [
		[
			[x, y],
			[x + 1, y],
			[x + 1, y + 1],
			[x, y + 1],
			[x, y]
		]
	];
	const feature = (code: string, zone: number, coordinates: number[][][]) => ({
		type: 'Feature' as const,
		id: Number(code),
		properties: { province_code: code, name_th: code, name_en: code, health_zone: zone },
		geometry: { type: 'Polygon' as const, coordinates }
	});

	it('merges neighbours of one zone and keeps apart what does not touch; clockwise input comes out counter-clockwise', () => {
		const input: ProvinceCollection = {
			type: 'FeatureCollection',
			features: [
				feature('11', 1, square(0, 0)),
				feature('12', 1, square(1, 0)),
				feature('13', 2, square(0, 1)),
				feature('14', 1, [[...square(5, 5)[0]].reverse()])
			]
		};
		const out = buildZoneGeojson(input);
		expect(out.features.map((f) => [f.id, f.properties.province_codes])).toEqual([
			[1, ['11', '12', '14']],
			[2, ['13']]
		]);
		const one = out.features[0].geometry;
		expect(one.type).toBe('MultiPolygon');
		const polygons = polygonsOf(one);
		expect(polygons.map((p) => Math.abs(ringArea2(p[0])) / 2).sort()).toEqual([1, 2]);
		for (const p of polygons) expect(ringArea2(p[0])).toBeGreaterThan(0);
		expect(out.features[1].geometry).toEqual({ type: 'Polygon', coordinates: square(0, 1) });
	});
});
