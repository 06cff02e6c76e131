/** The names written over a province's districts when the coverage map drills down. */
import type { FeatureCollection } from 'geojson';
import { lngLatBounds, type DistrictLayer } from './layers';
import { labelPoint } from './svg-geometry';

/** A district's name and where to write it. */
export interface DistrictLabel {
	key: string;
	name: string;
	at: [number, number];
}

/** The districts' names at their label points, the largest district first (it is placed first). */
export function districtLabels(districts: DistrictLayer | null): DistrictLabel[] {
	const names = districts?.names;
	if (!names) return [];
	return districts.features.features
		.map((f) => ({ f, size: extent(f.geometry) }))
		.sort((a, b) => b.size - a.size)
		.flatMap(({ f }) => {
			const name = names.get(Number(f.id ?? f.properties?.district_code));
			return name ? [{ key: String(f.properties?.district_code ?? f.id), name, at: labelPoint(f.geometry) }] : [];
		});
}

/** A polygon's extent in degrees squared (its bounds), enough to name the large ones first. */
function extent(g: FeatureCollection['features'][number]['geometry']): number {
	const rings = g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
	const b = lngLatBounds(rings.flat());
	return b ? (b[2] - b[0]) * (b[3] - b[1]) : 0;
}
