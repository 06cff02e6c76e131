import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { buildDistricts, roundRing } from './districts.ts';
import type { Geometry } from './geo.ts';
import { readProvinces } from './tables.ts';
import { ringArea2 } from './zones.ts';

const SOURCES = path.resolve(import.meta.dirname, '../sources');
const FILE = 'geo/th_adm2.geojson';
const source = JSON.parse(readFileSync(path.join(SOURCES, FILE), 'utf8')) as {
	features: { properties: Record<string, string>; geometry: unknown }[];
};
const provinces = readProvinces(parseCsv(readFileSync(path.join(SOURCES, 'provinces.csv'), 'utf8'), 'provinces.csv').table).rows;
const { rows, geojson, errors } = buildDistricts(source, FILE, provinces);
const polygonsOf = (g: Geometry) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

describe('roundRing', () => {
	it('rounds to 4 decimals, drops repeated positions, closes the ring', () => {
		expect(roundRing([[0, 0], [1.00001, 0], [1, 0.00002], [1, 1], [0, 1]], true)).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
	});
	it('winds exterior rings counter-clockwise and holes clockwise', () => {
		const cw = [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]];
		expect(ringArea2(roundRing(cw, true)!)).toBeGreaterThan(0);
		expect(ringArea2(roundRing(cw, false)!)).toBeLessThan(0);
	});
	it('gives null for a ring that collapses', () => {
		expect(roundRing([[0, 0], [0.00001, 0], [0, 0.00001], [0, 0]], true)).toBeNull();
		expect(roundRing([[0, 0], [1, 1], [2, 2], [0, 0]], true)).toBeNull();
	});
});

describe('buildDistricts on the real ADM2 boundaries', () => {
	it('makes the 928 districts, sorted, keyed by the 4-digit code, in known provinces', () => {
		expect(errors).toEqual([]);
		expect(rows).toHaveLength(928);
		expect(rows.map((r) => r.district_code)).toEqual([...rows.map((r) => r.district_code)].sort());
		const codes = new Set(provinces.map((p) => p.province_code));
		for (const r of rows) {
			expect(r.district_code).toMatch(/^\d{4}$/);
			expect(r.district_code.slice(0, 2)).toBe(r.province_code);
			expect(codes.has(r.province_code)).toBe(true);
			expect(r.name_th).not.toBe('');
			expect(r.name_en).not.toBe('');
		}
		expect(new Set(rows.map((r) => r.province_code)).size).toBe(77);
		expect(rows.filter((r) => r.province_code === '10')).toHaveLength(50);
		expect(rows.find((r) => r.district_code === '4711')).toEqual({
			district_code: '4711',
			province_code: '47',
			name_th: 'อากาศอำนวย',
			name_en: 'Akat Amnuai'
		});
	});

	it('keeps every district a valid polygon after rounding', () => {
		for (const f of geojson.features) {
			for (const polygon of polygonsOf(f.geometry)) {
				polygon.forEach((ring, i) => {
					expect(ring.length, f.properties.district_code).toBeGreaterThanOrEqual(4);
					expect(ring[0]).toEqual(ring[ring.length - 1]);
					expect(ringArea2(ring) > 0, f.properties.district_code).toBe(i === 0);
					for (let k = 1; k < ring.length; k++) expect(ring[k]).not.toEqual(ring[k - 1]);
					for (const x of ring.flat()) expect(Math.round(x * 1e4) / 1e4).toBe(x);
				});
			}
		}
		expect(geojson.features.filter((f) => f.geometry.type === 'MultiPolygon')).toHaveLength(5);
	});

	it('is small enough to ship as is (under 400 kB), so it is not simplified', () => {
		expect(JSON.stringify(geojson).length).toBeLessThan(400_000);
	});

	it('names a bad code, an unknown province, a duplicate and a bad geometry', () => {
		const broken = structuredClone(source);
		broken.features[0].properties.ADM2_PCODE = 'TH47X1';
		broken.features[1].properties.ADM2_PCODE = 'TH9901';
		broken.features[1].properties.ADM1_PCODE = 'TH99';
		broken.features[3].properties.ADM2_PCODE = broken.features[2].properties.ADM2_PCODE;
		broken.features[3].properties.ADM1_PCODE = broken.features[2].properties.ADM1_PCODE;
		broken.features[4].geometry = { type: 'Point', coordinates: [100, 15] };
		broken.features[5].properties.ADM2_TH = '';
		const result = buildDistricts(broken, FILE, provinces);
		expect(result.errors).toEqual([
			{ file: FILE, feature: 1, field: 'ADM2_PCODE', message: 'not a district code "TH47X1"' },
			{ file: FILE, feature: 2, field: 'ADM2_PCODE', message: 'unknown province code "99" (not in provinces.csv)' },
			{ file: FILE, feature: 4, field: 'ADM2_PCODE', message: `duplicate district "${source.features[2].properties.ADM2_PCODE}" (first in feature 3)` },
			{ file: FILE, feature: 5, field: 'geometry', message: 'not a Polygon or MultiPolygon' },
			{ file: FILE, feature: 6, field: 'ADM2_TH', message: 'empty value' }
		]);
		expect(buildDistricts({ type: 'Feature' }, FILE, provinces).errors).toEqual([{ file: FILE, message: 'not a GeoJSON FeatureCollection' }]);
	});
});
