import type { FeatureCollection } from 'geojson';
import type { Snippet } from 'svelte';
import type { Bounds as ViewBounds } from './point-groups';

/** What the province map shows, independent of the renderer (MapLibre or SVG). */
export interface ChoroplethLayers {
	/** Fill colour per province code. */
	colours: Map<string, string>;
	/** Provinces without a value: hatched. */
	noData: Set<string>;
	/** Provinces outside the current filter: faded. */
	dimmed: Set<string>;
	/** Hovered here or in another view. */
	highlighted: string | null;
	/** Clicked: outlined. */
	selected: string | null;
	/** Provinces to fit the view to; empty for the whole country. */
	focus: string[];
	/** Health zone outlined more strongly, if any. */
	zone: number | null;
	/** Provinces outlined and named on the map itself (e.g. the gaps page's top priorities), in this order. */
	named?: readonly NamedProvince[];
}

/** A province named on the map: its code and the name written there. */
export interface NamedProvince {
	code: string;
	name: string;
}

/** A province's districts drawn over it (the coverage page's drill-down), by numeric district id. */
export interface DistrictLayer {
	features: FeatureCollection;
	/** Fill colour of each district. */
	colours: Map<number, string>;
	/** Name written over each district, in the page's language. */
	names?: Map<number, string>;
}

/** What the pointer is over on a points layer: one partner or project, or a cluster of them. */
export interface PointHover {
	id: string | null;
	kind: string | null;
	/** Partner type or project status, and issue area: what the point's colour stands for. */
	category: string | null;
	issue: string | null;
	/** Set for a cluster. */
	count: number | null;
}

/**
 * What a page gives its province map: the same for the prerendered SVG that paints first and for
 * the MapLibre map that takes over (ProvinceMap, ChoroplethMap).
 */
export interface ProvinceMapProps {
	layers: ChoroplethLayers;
	/**
	 * Partners and projects, shown once the interactive map has taken over: Point features with `id`,
	 * `kind` and `colour` properties, and groups of them with `point_count` and
	 * `point_count_abbreviated` (the page groups them: point-groups.ts).
	 */
	points?: FeatureCollection;
	/** District drill-down: the districts to draw over the provinces, their fill colours and names, by numeric id. */
	districts?: DistrictLayer | null;
	label: string;
	/** Id of the element holding the map's numbers as text, with a keyboard way to choose (its table): aria-details. */
	details?: string;
	onhover: (code: string | null) => void;
	onselect: (code: string | null) => void;
	/** A point (not a cluster) was clicked. */
	onpoint?: (id: string, kind: string) => void;
	/** `points` are on the map: processed by MapLibre's worker and drawn. */
	onpointsdrawn?: (points: FeatureCollection) => void;
	/** The interactive map has come to rest at a zoom and bounds (once loaded, then after each move). */
	onviewchange?: (view: { zoom: number; bounds: ViewBounds }) => void;
	tooltip: Snippet<[string]>;
	/** Tooltip for a point or cluster. */
	pointTooltip?: Snippet<[PointHover]>;
}

export const NO_DATA_PATTERN = 'no-data-hatch';

/** A small diagonal hatch as RGBA pixels, for MapLibre's fill-pattern (the SVG uses an equivalent <pattern>). */
export function hatchPattern(
	size = 8,
	background = [217, 217, 217],
	line = [120, 120, 120]
): {
	width: number;
	height: number;
	data: Uint8Array;
} {
	const data = new Uint8Array(size * size * 4);
	for (let y = 0; y < size; y++)
		for (let x = 0; x < size; x++) {
			const onLine = (x + y) % size < 2;
			const [r, g, b] = onLine ? line : background;
			data.set([r, g, b, 255], (y * size + x) * 4);
		}
	return { width: size, height: size, data };
}

type Bounds = [number, number, number, number];

/** Longitude/latitude bounds of a set of features' coordinates. */
export function lngLatBounds(coordinates: Iterable<number[]>): Bounds | null {
	let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [x, y] of coordinates) {
		if (x < w) w = x;
		if (x > e) e = x;
		if (y < s) s = y;
		if (y > n) n = y;
	}
	return Number.isFinite(w) ? [w, s, e, n] : null;
}

/** Every outline coordinate of each province, by province code: what a zoom to a set of provinces fits. */
export function provinceCoordinates(provinces: FeatureCollection): Map<string, number[][]> {
	const out = new Map<string, number[][]>();
	for (const f of provinces.features) {
		const g = f.geometry;
		const rings = g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
		out.set(String(f.properties?.province_code), rings.flat());
	}
	return out;
}

/** What a hit on the points layer tells the tooltip: the point's own fields, or a group's count. */
export function pointHoverOf(hit: { properties: Record<string, unknown>; count: number | null }): PointHover {
	const field = (name: string) => (hit.properties[name] as string | undefined) ?? null;
	return { id: field('id'), kind: field('kind'), category: field('category'), issue: field('issue'), count: hit.count };
}

/** A label to place: its anchor (the centre of its text) and its size, in one unit. */
export interface LabelBox {
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * Where each label goes so that none covers another: each in turn at its anchor, else moved up or
 * down by whole lines (nearest first, at most `maxLines`); one that finds no free place stays at its
 * anchor. Returns the centres, in the labels' order.
 */
export function placeLabels(labels: readonly LabelBox[], maxLines = 3): { x: number; y: number }[] {
	return arrange(labels, maxLines, true).map((at, i) => at ?? { x: labels[i].x, y: labels[i].y });
}

/**
 * As `placeLabels`, but a label that finds no free place is left out (null), so that none covers
 * another: for labels that may be dropped, such as a zoomed-in province's district names.
 */
export function fitLabels(labels: readonly LabelBox[], maxLines = 3): ({ x: number; y: number } | null)[] {
	return arrange(labels, maxLines, false);
}

/** Each label at the nearest free place; one without keeps its anchor (`keep`: still covering it) or is left out. */
function arrange(labels: readonly LabelBox[], maxLines: number, keep: boolean): ({ x: number; y: number } | null)[] {
	const placed: LabelBox[] = [];
	const overlaps = (a: LabelBox, b: LabelBox) =>
		Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;
	const shifts = [0, ...Array.from({ length: maxLines }, (_, i) => [i + 1, -(i + 1)]).flat()];
	return labels.map((label) => {
		const free = shifts
			.map((lines) => ({ ...label, y: label.y + lines * label.height }))
			.find((at) => !placed.some((p) => overlaps(p, at)));
		if (free || keep) placed.push(free ?? label);
		return free ? { x: free.x, y: free.y } : null;
	});
}

