import type { FeatureCollection, MultiPolygon } from 'geojson';
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import type { Geometry, ProvinceCollection } from './geo.ts';

/**
 * Health-zone outlines for the map: the province polygons dissolved into the
 * 13 health zones (เขตสุขภาพ). The provinces are turned into a topology, whose
 * shared arcs make the dissolve exact (no slivers), and merged per zone.
 */

/** A polygon or multipolygon of the topology, as merge() takes it. */
type TopoGeometry = Extract<Parameters<typeof merge>[1], unknown[]>[number];
type Position = number[];
type PolygonCoords = Position[][];

export interface ZoneFeature {
	type: 'Feature';
	/** The zone number, 1–13 (13 = Bangkok). */
	id: number;
	properties: { health_zone: number; province_codes: string[] };
	geometry: Geometry;
}

export interface ZoneCollection {
	type: 'FeatureCollection';
	features: ZoneFeature[];
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Twice the signed planar area: positive for a counter-clockwise ring. */
export function ringArea2(ring: readonly Position[]): number {
	let sum = 0;
	for (let i = 0, n = ring.length; i < n; i++) {
		const [x0, y0] = ring[i];
		const [x1, y1] = ring[(i + 1) % n];
		sum += x0 * y1 - x1 * y0;
	}
	return sum;
}

/** RFC 7946 winding: exterior ring counter-clockwise, holes clockwise (as in provinces.geojson). */
function rewindPolygon(polygon: PolygonCoords): PolygonCoords {
	return polygon.map((ring, i) => {
		const rounded = ring.map((p) => p.map(round4));
		const ccw = ringArea2(rounded) > 0;
		return ccw === (i === 0) ? rounded : rounded.reverse();
	});
}

/** One feature per health zone present in `provinces`, sorted by zone number. */
export function buildZoneGeojson(provinces: ProvinceCollection): ZoneCollection {
	// topology() may annotate its input; give it a copy.
	const topo = topology({ provinces: structuredClone(provinces) as FeatureCollection });
	const object = topo.objects.provinces as { geometries: (TopoGeometry & { properties?: { health_zone?: number } })[] };
	const zones = [...new Set(provinces.features.map((f) => f.properties.health_zone))].sort((a, b) => a - b);

	const features = zones.map((zone): ZoneFeature => {
		const members = object.geometries.filter((g) => g.properties?.health_zone === zone);
		const merged: MultiPolygon = merge(topo, members);
		const polygons = merged.coordinates.map((p) => rewindPolygon(p as PolygonCoords));
		const geometry: Geometry =
			polygons.length === 1
				? { type: 'Polygon', coordinates: polygons[0] }
				: { type: 'MultiPolygon', coordinates: polygons };
		const province_codes = provinces.features
			.filter((f) => f.properties.health_zone === zone)
			.map((f) => f.properties.province_code)
			.sort();
		return { type: 'Feature', id: zone, properties: { health_zone: zone, province_codes }, geometry };
	});
	return { type: 'FeatureCollection', features };
}
