import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { districtLabels } from './district-labels';

const square = (code: number, west: number, size: number) => ({
	type: 'Feature' as const,
	id: code,
	properties: { district_code: code },
	geometry: {
		type: 'Polygon' as const,
		coordinates: [
			[
				[west, 15],
				[west + size, 15],
				[west + size, 15 + size],
				[west, 15 + size],
				[west, 15]
			]
		]
	}
});

describe('district labels', () => {
	const features: FeatureCollection = {
		type: 'FeatureCollection',
		features: [square(4001, 102, 0.1), square(4002, 103, 0.4)]
	};

	it('names the largest district first, at a point inside it, and skips a district without a name', () => {
		const labels = districtLabels({
			features,
			colours: new Map(),
			names: new Map([
				[4001, 'Mueang'],
				[4002, 'Phon']
			])
		});
		expect(labels.map((l) => l.name)).toEqual(['Phon', 'Mueang']);
		const [lon, lat] = labels[0].at;
		expect(lon).toBeGreaterThan(103);
		expect(lon).toBeLessThan(103.4);
		expect(lat).toBeGreaterThan(15);
		expect(lat).toBeLessThan(15.4);
		expect(districtLabels({ features, colours: new Map(), names: new Map([[4001, 'Mueang']]) })).toHaveLength(1);
	});

	it('has nothing to write without districts or names', () => {
		expect(districtLabels(null)).toEqual([]);
		expect(districtLabels({ features, colours: new Map() })).toEqual([]);
	});
});
