import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoArea } from 'd3-geo';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { boundsProjection, labelPoint, projectProvinces, rewind } from './svg-geometry';
import { THAILAND_BOUNDS } from './map-style';

const provinces = JSON.parse(
	readFileSync(join(process.cwd(), 'static/data/provinces.geojson'), 'utf8')
) as FeatureCollection;

describe('SVG geometry', () => {
	it('rewinds RFC 7946 rings so d3 sees each province, not the world minus it', () => {
		const square: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[100, 14],
					[101, 14],
					[101, 15],
					[100, 15],
					[100, 14]
				]
			]
		};
		expect(geoArea(square)).toBeGreaterThan(2 * Math.PI);
		expect(geoArea(rewind(square))).toBeLessThan(0.001);
	});

	it('maps the corners of the bounds to the corners of the box', () => {
		const { projection, height } = boundsProjection(600);
		const [west, south, east, north] = THAILAND_BOUNDS;
		expect(projection([west, north])![0]).toBeCloseTo(0, 6);
		expect(projection([west, north])![1]).toBeCloseTo(0, 6);
		expect(projection([east, south])![0]).toBeCloseTo(600, 6);
		expect(projection([east, south])![1]).toBeCloseTo(height, 6);
		// Thailand is taller than wide in Mercator.
		expect(height).toBeGreaterThan(900);
	});

	it('draws every province inside the box', () => {
		const map = projectProvinces(provinces, null, 600);
		expect(map.paths).toHaveLength(77);
		for (const { code, d, box } of map.paths) {
			expect(box[0]).toBeLessThan(box[2]);
			expect(box[1]).toBeLessThan(box[3]);
			expect(d, code).toMatch(/^M/);
			const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
			const xs = numbers.filter((_, i) => i % 2 === 0);
			const ys = numbers.filter((_, i) => i % 2 === 1);
			expect(Math.min(...xs), code).toBeGreaterThanOrEqual(-1);
			expect(Math.max(...xs), code).toBeLessThanOrEqual(601);
			expect(Math.min(...ys), code).toBeGreaterThanOrEqual(-1);
			expect(Math.max(...ys), code).toBeLessThanOrEqual(map.height + 1);
		}
	});

	it("writes each province's name inside its box, and an island province's on its largest part", () => {
		const map = projectProvinces(provinces, null, 600);
		for (const { code, box, label } of map.paths) {
			expect(label[0], code).toBeGreaterThanOrEqual(box[0]);
			expect(label[0], code).toBeLessThanOrEqual(box[2]);
			expect(label[1], code).toBeGreaterThanOrEqual(box[1]);
			expect(label[1], code).toBeLessThanOrEqual(box[3]);
		}
		// Trat (23) is a mainland strip and two islands: its name goes on the mainland, east of 102.3° E
		// and north of 12° N, not at the centre of all three parts together.
		const trat = provinces.features.find((f) => f.properties?.province_code === '23')!;
		const [lon, lat] = labelPoint(trat.geometry);
		expect(lon).toBeGreaterThan(102.3);
		expect(lat).toBeGreaterThan(12.0);
	});

	it('puts Khon Kaen north-east of Bangkok', () => {
		const { projection } = boundsProjection(600);
		const [bx, by] = projection([100.5, 13.75])!;
		const [kx, ky] = projection([102.8, 16.4])!;
		expect(kx).toBeGreaterThan(bx);
		expect(ky).toBeLessThan(by);
	});
});
