/** Map geometry shared by the layers: projected outlines (made by src/lib/map/svg-geometry.ts at build time) and Web Mercator. */

export interface ProvincePath {
	code: string;
	d: string;
	/** [x0, y0, x1, y1] in the map's own units, for zooming the SVG to a set of provinces. */
	box: [number, number, number, number];
	/** Where the province's name is written, in the map's own units: inside its largest part. */
	label: [number, number];
}

export interface ZonePath {
	zone: number;
	d: string;
}

export interface ProjectedMap {
	width: number;
	height: number;
	paths: ProvincePath[];
	zones: ZonePath[];
}

/** Web Mercator, as a share of the world's width and height (0 at 180° W and at the top). */
export function mercatorX(lon: number): number {
	return lon / 360 + 0.5;
}

export function mercatorY(lat: number): number {
	const sin = Math.sin((lat * Math.PI) / 180);
	const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
	return Math.min(1, Math.max(0, y));
}
