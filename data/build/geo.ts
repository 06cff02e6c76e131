import type { ProvinceRow } from '../../src/lib/data/contract.ts';
import type { BuildError } from './errors.ts';

/** Province polygons for the map: slim properties, numeric ids, rounded coordinates. */

type Position = number[];
type PolygonCoords = Position[][];
export type Geometry = { type: 'Polygon'; coordinates: PolygonCoords } | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };

export interface ProvinceFeature {
	type: 'Feature';
	/** Number(province_code): MapLibre feature-state needs numeric ids. */
	id: number;
	properties: { province_code: string; name_th: string; name_en: string; health_zone: number };
	geometry: Geometry;
}

export interface ProvinceCollection {
	type: 'FeatureCollection';
	features: ProvinceFeature[];
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
const roundRing = (ring: Position[]): Position[] => ring.map((p) => p.map(round4));
const roundPolygon = (polygon: PolygonCoords): PolygonCoords => polygon.map(roundRing);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isPositionArray = (v: unknown, depth: number): boolean =>
	Array.isArray(v) &&
	(depth === 0
		? v.length >= 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x))
		: v.every((x) => isPositionArray(x, depth - 1)));

function readGeometry(v: unknown): Geometry | null {
	if (!isRecord(v)) return null;
	if (v.type === 'Polygon' && isPositionArray(v.coordinates, 2))
		return { type: 'Polygon', coordinates: v.coordinates as PolygonCoords };
	if (v.type === 'MultiPolygon' && isPositionArray(v.coordinates, 3))
		return { type: 'MultiPolygon', coordinates: v.coordinates as PolygonCoords[] };
	return null;
}

/**
 * Joins the boundary file to provinces.csv by ADM1_PCODE ("TH40" → "40"). The
 * names come from provinces.csv (which took them from the same COD-AB layer).
 * Ring winding is kept as it is.
 */
export function buildProvinceGeojson(
	geo: unknown,
	file: string,
	provinces: readonly ProvinceRow[]
): { geojson: ProvinceCollection; errors: BuildError[] } {
	const errors: BuildError[] = [];
	const features: ProvinceFeature[] = [];
	const result = { geojson: { type: 'FeatureCollection' as const, features }, errors };
	if (!isRecord(geo) || geo.type !== 'FeatureCollection' || !Array.isArray(geo.features)) {
		errors.push({ file, message: 'not a GeoJSON FeatureCollection' });
		return result;
	}

	const byCode = new Map(provinces.map((p) => [p.province_code, p]));
	const seen = new Map<string, number>();
	geo.features.forEach((f: unknown, i: number) => {
		const feature = i + 1;
		const props = isRecord(f) && isRecord(f.properties) ? f.properties : {};
		const pcode = typeof props.ADM1_PCODE === 'string' ? props.ADM1_PCODE : '';
		const match = /^TH(\d{2})$/.exec(pcode);
		if (!match) {
			errors.push({ file, feature, field: 'ADM1_PCODE', message: `not a province code "${pcode}"` });
			return;
		}
		const code = match[1];
		const province = byCode.get(code);
		const geometry = readGeometry(isRecord(f) ? f.geometry : undefined);
		const first = seen.get(code);
		const fail = (field: string, message: string): void => {
			errors.push({ file, feature, field, message });
		};
		if (first !== undefined) fail('ADM1_PCODE', `duplicate province "${pcode}" (first in feature ${first})`);
		else seen.set(code, feature);
		if (!province) fail('ADM1_PCODE', `unknown province code "${code}" (not in provinces.csv)`);
		if (!geometry) fail('geometry', 'not a Polygon or MultiPolygon');
		if (!province || !geometry || first !== undefined) return;

		features.push({
			type: 'Feature',
			id: Number(code),
			properties: { province_code: code, name_th: province.name_th, name_en: province.name_en, health_zone: province.health_zone },
			geometry:
				geometry.type === 'Polygon'
					? { type: 'Polygon', coordinates: roundPolygon(geometry.coordinates) }
					: { type: 'MultiPolygon', coordinates: geometry.coordinates.map(roundPolygon) }
		});
	});

	const missing = provinces.map((p) => p.province_code).filter((c) => !seen.has(c));
	if (missing.length > 0)
		errors.push({ file, message: `no boundary for province${missing.length === 1 ? '' : 's'} ${missing.join(', ')}` });

	features.sort((a, b) => a.id - b.id);
	return result;
}
