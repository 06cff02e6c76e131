import type { DistrictRow, ProvinceRow } from '../../src/lib/data/contract.ts';
import type { BuildError } from './errors.ts';
import type { Geometry } from './geo.ts';
import { ringArea2 } from './zones.ts';

/**
 * Districts (อำเภอ; the khet of Bangkok) from the OCHA COD-AB ADM2 layer: the
 * `districts` table and `districts.geojson` for the map, with slim properties,
 * numeric ids and coordinates rounded to 4 decimals (about 11 m).
 *
 * The source is already simplified (about ten vertices per district), so after
 * rounding the file is about 350 kB and needs no further simplification; a
 * test keeps it under 400 kB. Rounding can make consecutive vertices equal;
 * those are dropped, and a ring left with fewer than four positions or no
 * area is an error.
 */

type Position = number[];
type PolygonCoords = Position[][];

export interface DistrictFeature {
	type: 'Feature';
	/** Number(district_code), e.g. 4001: MapLibre feature-state needs numeric ids. */
	id: number;
	properties: { district_code: string; province_code: string; name_th: string; name_en: string };
	geometry: Geometry;
}

export interface DistrictCollection {
	type: 'FeatureCollection';
	features: DistrictFeature[];
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isRing = (v: unknown): v is Position[] =>
	Array.isArray(v) &&
	v.every((p) => Array.isArray(p) && p.length >= 2 && p.every((x) => typeof x === 'number' && Number.isFinite(x)));
const isPolygon = (v: unknown): v is PolygonCoords => Array.isArray(v) && v.length > 0 && v.every(isRing);

/**
 * Rounds a ring to 4 decimals, drops repeated positions, closes it, and winds
 * it as RFC 7946 wants (exterior counter-clockwise, holes clockwise). Null
 * when fewer than four positions or no area is left.
 */
export function roundRing(ring: readonly Position[], exterior: boolean): Position[] | null {
	const out: Position[] = [];
	for (const p of ring) {
		const q = [round4(p[0]), round4(p[1])];
		const last = out[out.length - 1];
		if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
	}
	if (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
	if (out.length < 3) return null;
	const area = ringArea2(out);
	if (area === 0) return null;
	if (area > 0 !== exterior) out.reverse();
	out.push([...out[0]]);
	return out;
}

/** Joins the ADM2 boundary file to the provinces; every district must lie in a known province. */
export function buildDistricts(
	geo: unknown,
	file: string,
	provinces: readonly ProvinceRow[]
): { rows: DistrictRow[]; geojson: DistrictCollection; errors: BuildError[] } {
	const errors: BuildError[] = [];
	const features: DistrictFeature[] = [];
	const result = { rows: [] as DistrictRow[], geojson: { type: 'FeatureCollection' as const, features }, errors };
	if (!isRecord(geo) || geo.type !== 'FeatureCollection' || !Array.isArray(geo.features)) {
		errors.push({ file, message: 'not a GeoJSON FeatureCollection' });
		return result;
	}
	const known = new Set(provinces.map((p) => p.province_code));
	const seen = new Map<string, number>();
	geo.features.forEach((f: unknown, i: number) => {
		const feature = i + 1;
		const fail = (field: string, message: string): void => {
			errors.push({ file, feature, field, message });
		};
		const props = isRecord(f) && isRecord(f.properties) ? f.properties : {};
		const text = (field: string): string => {
			const v = typeof props[field] === 'string' ? (props[field] as string).trim() : '';
			if (v === '') fail(field, 'empty value');
			return v;
		};
		const pcode = text('ADM2_PCODE');
		const match = /^TH(\d{4})$/.exec(pcode);
		if (pcode !== '' && !match) fail('ADM2_PCODE', `not a district code "${pcode}"`);
		const code = match?.[1] ?? '';
		const province = code.slice(0, 2);
		const adm1 = text('ADM1_PCODE');
		const name_th = text('ADM2_TH');
		const name_en = text('ADM2_EN');
		let ok = code !== '' && name_th !== '' && name_en !== '';
		if (code !== '') {
			if (adm1 !== `TH${province}`) {
				fail('ADM1_PCODE', `"${adm1}" does not match district code "${pcode}"`);
				ok = false;
			}
			if (!known.has(province)) {
				fail('ADM2_PCODE', `unknown province code "${province}" (not in provinces.csv)`);
				ok = false;
			}
			const first = seen.get(code);
			if (first !== undefined) {
				fail('ADM2_PCODE', `duplicate district "${pcode}" (first in feature ${first})`);
				ok = false;
			} else seen.set(code, feature);
		}

		const g = isRecord(f) && isRecord(f.geometry) ? f.geometry : {};
		const polygons: unknown[] | null =
			g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' && Array.isArray(g.coordinates) ? g.coordinates : null;
		if (!polygons || !polygons.every(isPolygon)) {
			fail('geometry', 'not a Polygon or MultiPolygon');
			return;
		}
		const rounded: PolygonCoords[] = [];
		for (const [p, polygon] of (polygons as PolygonCoords[]).entries()) {
			const rings = polygon.map((ring, r) => roundRing(ring, r === 0));
			if (rings[0] === null) {
				fail('geometry', `polygon ${p + 1} collapses when rounded to 4 decimals`);
				ok = false;
				continue;
			}
			// A hole that collapses when rounded is dropped: it is smaller than the rounding.
			rounded.push(rings.filter((r): r is Position[] => r !== null));
		}
		if (!ok || rounded.length === 0) return;
		const geometry: Geometry =
			rounded.length === 1 ? { type: 'Polygon', coordinates: rounded[0] } : { type: 'MultiPolygon', coordinates: rounded };
		features.push({
			type: 'Feature',
			id: Number(code),
			properties: { district_code: code, province_code: province, name_th, name_en },
			geometry
		});
	});
	const withDistricts = new Set(features.map((f) => f.properties.province_code));
	const missing = provinces.map((p) => p.province_code).filter((c) => !withDistricts.has(c));
	if (missing.length > 0)
		errors.push({ file, message: `no district for province${missing.length === 1 ? '' : 's'} ${missing.join(', ')}` });

	features.sort((a, b) => a.id - b.id);
	result.rows = features.map((f) => ({ ...f.properties }));
	return result;
}
