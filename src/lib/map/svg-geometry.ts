/**
 * Province outlines as SVG paths, projected exactly as MapLibre shows them (Web
 * Mercator, the same bounds fitted into the same box), so the prerendered map
 * and the interactive one overlap without a jump. The SVG export uses it too.
 */
import { geoArea, geoCentroid, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { ProjectedMap, ProvincePath, ZonePath } from '$lib/core/geometry';
import { THAILAND_BOUNDS } from './map-style';

export type { ProjectedMap, ProvincePath, ZonePath };

type Ring = Position[];

/** Signed planar area: positive for counter-clockwise rings (longitude right, latitude up). */
function signedArea(ring: Ring): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
		sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
	return sum / 2;
}

/** d3-geo wants clockwise outer rings (RFC 7946 says counter-clockwise); otherwise a province becomes "the world minus it". */
function rewindPolygon(rings: Ring[]): Ring[] {
	return rings.map((ring, i) => {
		const clockwise = signedArea(ring) < 0;
		const wantClockwise = i === 0;
		return clockwise === wantClockwise ? ring : [...ring].reverse();
	});
}

export function rewind(geometry: Geometry): Geometry {
	if (geometry.type === 'Polygon')
		return { type: 'Polygon', coordinates: rewindPolygon(geometry.coordinates) } satisfies Polygon;
	if (geometry.type === 'MultiPolygon')
		return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(rewindPolygon) } satisfies MultiPolygon;
	return geometry;
}

/** Mercator projection mapping `bounds` onto [0, width] × [0, height]. */
export function boundsProjection(width: number, bounds = THAILAND_BOUNDS) {
	const [west, south, east, north] = bounds;
	const unit = geoMercator().scale(1).translate([0, 0]);
	const [x0, y0] = unit([west, north])!;
	const [x1, y1] = unit([east, south])!;
	const k = width / (x1 - x0);
	return {
		projection: geoMercator()
			.scale(k)
			.translate([-x0 * k, -y0 * k]),
		height: (y1 - y0) * k
	};
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Where a province's name goes, as longitude and latitude: the centre of its largest part, so an
 * island province (Phuket, Trat's islands) is named on its main land, not in the sea between parts.
 */
export function labelPoint(geometry: Geometry): [number, number] {
	const wound = rewind(geometry);
	const parts: Geometry[] =
		wound.type === 'MultiPolygon' ? wound.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates })) : [wound];
	const largest = parts.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
	const [lon, lat] = geoCentroid(largest);
	return [Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4];
}

export function projectProvinces(
	provinces: FeatureCollection,
	zones: FeatureCollection | null = null,
	width = 600
): ProjectedMap {
	const { projection, height } = boundsProjection(width);
	const path = geoPath(projection).digits(1);
	const project = (feature: Feature, name: string) => {
		const geometry = rewind(feature.geometry);
		if (geoArea(geometry) > 2 * Math.PI) throw new Error(`${name}: ring winding`);
		return { d: path(geometry) ?? '', box: path.bounds(geometry).flat().map(round1) as ProvincePath['box'] };
	};
	const paths = provinces.features.map((f) => {
		const code = String(f.properties?.province_code);
		const label = projection(labelPoint(f.geometry))!.map(round1) as ProvincePath['label'];
		return { code, ...project(f, `province ${code}`), label };
	});
	const zonePaths = (zones?.features ?? []).map((f) => {
		const zone = Number(f.properties?.health_zone);
		return { zone, d: project(f, `zone ${zone}`).d };
	});
	return { width, height: round1(height), paths, zones: zonePaths };
}
