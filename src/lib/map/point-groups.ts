/**
 * Points on the map, grouped the way MapLibre's clustering would group them, but computed by
 * the page for the zoom level on screen only. Handing MapLibre 100 000 points to cluster took
 * about 0.8 s per filter change (copying every feature to its worker and rebuilding the whole
 * cluster index); a level's groups are a few hundred features. Below POINTS_FROM_LEVEL, points
 * closer than GROUP_RADIUS pixels share a cell, drawn at their centre with their exact count;
 * from it on, the points in view are drawn one by one.
 */
import { mercatorX, mercatorY } from '$lib/core/geometry';

/** Pixels a group reaches, at the tile size MapLibre lays out in. */
export const GROUP_RADIUS = 32;
const TILE_SIZE = 512;
/** Zoom level from which points are drawn one by one (MapLibre's clusterMaxZoom + 1). */
export const POINTS_FROM_LEVEL = 9;

export type Bounds = readonly [west: number, south: number, east: number, north: number];

/** What part of the map the page draws points for: an integer zoom level and the bounds in view. */
export interface PointRequest {
	level: number;
	bounds: Bounds;
}

export interface PointCell {
	lon: number;
	lat: number;
	count: number;
}

export interface PointGroups {
	/** Cells holding two points or more. */
	cells: PointCell[];
	/** Points drawn alone: the only one of their cell, or every point in view from POINTS_FROM_LEVEL. */
	single: number[];
	/** More single points in view than `limit`; the first `limit` in row order are kept. */
	capped: boolean;
}

export { mercatorX, mercatorY };

function lonOf(x: number): number {
	return (x - 0.5) * 360;
}

function latOf(y: number): number {
	return (360 * Math.atan(Math.exp((1 - 2 * y) * Math.PI))) / Math.PI - 90;
}

/** The level whose groups are drawn at a zoom: the whole part, as MapLibre's clusters do. */
export function pointLevel(zoom: number): number {
	return Math.max(0, Math.min(POINTS_FROM_LEVEL, Math.floor(zoom)));
}

/** The bounds in view and half as much again on each side, so a short pan needs nothing new. */
export function paddedBounds([west, south, east, north]: Bounds): Bounds {
	const dx = (east - west) / 2;
	const dy = (north - south) / 2;
	return [Math.max(-180, west - dx), Math.max(-85, south - dy), Math.min(180, east + dx), Math.min(85, north + dy)];
}

/** 1.2k, 15k: the count a group shows, as MapLibre abbreviates its clusters'. */
export function abbreviatedCount(count: number): string {
	if (count >= 10_000) return `${Math.round(count / 1000)}k`;
	if (count >= 1000) return `${Math.round(count / 100) / 10}k`;
	return String(count);
}

/**
 * Groups the rows `rows` (indices into `x` and `y`, Web Mercator as above; NaN = no position)
 * that lie within `request.bounds`, for `request.level`. Cells are in order of their first row.
 * With `weight`, each row stands for that many points at its position (a district's, from the
 * summary): it is never drawn alone, and its cell counts and centres them all.
 */
export function groupPoints(
	x: ArrayLike<number>,
	y: ArrayLike<number>,
	rows: ArrayLike<number>,
	request: PointRequest,
	limit: number,
	weight?: ArrayLike<number>
): PointGroups {
	const [west, south, east, north] = request.bounds;
	const x0 = mercatorX(west);
	const x1 = mercatorX(east);
	const y0 = mercatorY(north);
	const y1 = mercatorY(south);
	const inView = (i: number) => x[i] >= x0 && x[i] <= x1 && y[i] >= y0 && y[i] <= y1;

	if (request.level >= POINTS_FROM_LEVEL && !weight) {
		const single: number[] = [];
		for (let k = 0; k < rows.length; k++) {
			const i = rows[k];
			if (!inView(i)) continue;
			if (single.length === limit) return { cells: [], single, capped: true };
			single.push(i);
		}
		return { cells: [], single, capped: false };
	}

	const cellsAcross = (TILE_SIZE * 2 ** request.level) / GROUP_RADIUS;
	const cellOf = new Map<number, number>();
	const first: number[] = [];
	const count: number[] = [];
	const sumX: number[] = [];
	const sumY: number[] = [];
	for (let k = 0; k < rows.length; k++) {
		const i = rows[k];
		if (!inView(i)) continue;
		const key = Math.floor(y[i] * cellsAcross) * cellsAcross + Math.floor(x[i] * cellsAcross);
		let c = cellOf.get(key);
		if (c === undefined) {
			c = first.length;
			cellOf.set(key, c);
			first.push(i);
			count.push(0);
			sumX.push(0);
			sumY.push(0);
		}
		const w = weight ? weight[i] : 1;
		count[c] += w;
		sumX[c] += x[i] * w;
		sumY[c] += y[i] * w;
	}
	const groups: PointGroups = { cells: [], single: [], capped: false };
	for (let c = 0; c < first.length; c++) {
		if (count[c] === 1 && !weight) groups.single.push(first[c]);
		else groups.cells.push({ lon: lonOf(sumX[c] / count[c]), lat: latOf(sumY[c] / count[c]), count: count[c] });
	}
	return groups;
}

/** Points under a filter with their Web Mercator positions, as the query module answers (CoverageAnswers.positioned). */
export interface PositionedPoints<P> {
	x: ArrayLike<number>;
	y: ArrayLike<number>;
	/** The rows under the filter: indices into `x`, `y`, `weight` and `pointOf`. */
	rows: ArrayLike<number>;
	/** How many points each row stands for; absent: one each. */
	weight?: ArrayLike<number>;
	pointOf(i: number): P;
	/** The answer is itself a sample (the SQL path's, at its limit). */
	capped: boolean;
}

/** The map's points for a zoom level and view: groups with their counts, and points alone. */
export interface MapPointGroups<P> {
	cells: PointCell[];
	points: P[];
	/** More points in view than the limit: an even sample of them is drawn. */
	capped: boolean;
}

/** Groups positioned points for the map (groupPoints) and names the ones drawn alone. */
export function groupForMap<P>(
	positioned: PositionedPoints<P>,
	request: PointRequest,
	limit: number
): MapPointGroups<P> {
	const groups = groupPoints(positioned.x, positioned.y, positioned.rows, request, limit, positioned.weight);
	return {
		cells: groups.cells,
		points: groups.single.map((i) => positioned.pointOf(i)),
		capped: groups.capped || positioned.capped
	};
}
