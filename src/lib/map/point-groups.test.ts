import { describe, expect, it } from 'vitest';
import {
	abbreviatedCount,
	groupPoints,
	mercatorX,
	mercatorY,
	paddedBounds,
	pointLevel,
	POINTS_FROM_LEVEL,
	type Bounds
} from './point-groups';

const WORLD: Bounds = [-180, -85, 180, 85];

/** A deterministic scatter of points around Khon Kaen and Bangkok, and one far away in Chiang Rai. */
function scatter(n: number) {
	let seed = 7;
	const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
	const lon: number[] = [];
	const lat: number[] = [];
	for (let i = 0; i < n; i++) {
		const [cx, cy] = i % 2 ? [102.83, 16.43] : [100.5, 13.75];
		lon.push(cx + (random() - 0.5) * 0.6);
		lat.push(cy + (random() - 0.5) * 0.6);
	}
	lon.push(99.83);
	lat.push(19.91);
	return {
		x: Float64Array.from(lon, mercatorX),
		y: Float64Array.from(lat, mercatorY),
		rows: Int32Array.from({ length: n + 1 }, (_, i) => i)
	};
}

describe('point groups', () => {
	it('projects to Web Mercator and back within a millionth of a degree', () => {
		expect(mercatorX(-180)).toBe(0);
		expect(mercatorX(180)).toBe(1);
		expect(mercatorY(0)).toBeCloseTo(0.5, 12);
		expect(mercatorY(85.0511287798)).toBeCloseTo(0, 6);
		const { cells } = groupPoints([mercatorX(100.5)], [mercatorY(13.75)], [0], { level: 5, bounds: WORLD }, 10);
		expect(cells).toEqual([]);
		const two = groupPoints(
			[mercatorX(100.5), mercatorX(100.5)],
			[mercatorY(13.75), mercatorY(13.75)],
			[0, 1],
			{ level: 5, bounds: WORLD },
			10
		);
		expect(two.cells).toHaveLength(1);
		expect(two.cells[0].lon).toBeCloseTo(100.5, 6);
		expect(two.cells[0].lat).toBeCloseTo(13.75, 6);
	});

	it('counts every point once: in a group, or alone when its cell holds no other', () => {
		const { x, y, rows } = scatter(2000);
		for (const level of [3, 5, 7, 8]) {
			const groups = groupPoints(x, y, rows, { level, bounds: WORLD }, 100);
			const grouped = groups.cells.reduce((n, c) => n + c.count, 0);
			expect(grouped + groups.single.length).toBe(2001);
			expect(groups.cells.every((c) => c.count >= 2)).toBe(true);
			// The point in Chiang Rai has no neighbour at any of these levels.
			expect(groups.single).toContain(2000);
			expect(groups.capped).toBe(false);
		}
		// Further in, cells are smaller: more of them, each holding fewer points.
		const at = (level: number) => groupPoints(x, y, rows, { level, bounds: WORLD }, 100).cells;
		expect(at(3).length).toBeLessThan(at(5).length);
		expect(at(5).length).toBeLessThan(at(8).length);
		expect(at(3).length).toBeLessThanOrEqual(4);
	});

	it('groups only the rows asked for, and only those in the bounds', () => {
		const { x, y } = scatter(2000);
		const odd = Int32Array.from({ length: 1000 }, (_, i) => 2 * i + 1);
		const khonKaen = groupPoints(x, y, odd, { level: 6, bounds: [102, 15.5, 104, 17.5] }, 100);
		expect(khonKaen.cells.reduce((n, c) => n + c.count, 0) + khonKaen.single.length).toBe(1000);
		const bangkok = groupPoints(x, y, odd, { level: 6, bounds: [100, 13, 101, 14.5] }, 100);
		expect(bangkok.cells).toEqual([]);
		expect(bangkok.single).toEqual([]);
	});

	it(`draws points one by one from level ${POINTS_FROM_LEVEL}, the first ones in row order up to the limit`, () => {
		const { x, y, rows } = scatter(2000);
		const all = groupPoints(x, y, rows, { level: POINTS_FROM_LEVEL, bounds: WORLD }, 5000);
		expect(all).toEqual({ cells: [], single: Array.from(rows), capped: false });
		const capped = groupPoints(x, y, rows, { level: 12, bounds: WORLD }, 300);
		expect(capped.single).toEqual(Array.from(rows.subarray(0, 300)));
		expect(capped.capped).toBe(true);
		const chiangRai = groupPoints(x, y, rows, { level: 12, bounds: [99.5, 19.5, 100.2, 20.2] }, 300);
		expect(chiangRai).toEqual({ cells: [], single: [2000], capped: false });
	});

	it('takes the level from the zoom as MapLibre clusters do, pads the view, and abbreviates counts', () => {
		expect([pointLevel(4.96), pointLevel(8.99), pointLevel(9), pointLevel(15), pointLevel(-1)]).toEqual([
			4, 8, 9, 9, 0
		]);
		expect(paddedBounds([100, 10, 102, 14])).toEqual([99, 8, 103, 16]);
		expect(paddedBounds([-170, -80, 170, 80])).toEqual([-180, -85, 180, 85]);
		expect([7, 999, 1000, 1249, 1250, 9999, 10_000, 15_400].map(abbreviatedCount)).toEqual([
			'7',
			'999',
			'1k',
			'1.2k',
			'1.3k',
			'10k',
			'10k',
			'15k'
		]);
	});
});
