/**
 * The choropleth as a standalone SVG block: the same projected paths as SvgChoropleth
 * (svg-geometry.ts, the projection MapLibre shows), the same colours and classes
 * (choropleth.ts), the no-data hatch, the zone outlines, the selected province, the
 * current zoom, and the legend drawn in SVG. Strokes are given in pixels of the output,
 * not with `vector-effect`, so any SVG reader draws them the same.
 */
import { NO_DATA_COLOUR } from '$lib/map/choropleth';
import { placeLabels, type ChoroplethLayers } from '$lib/map/layers';
import type { ProjectedMap } from '$lib/map/svg-geometry';
import type { SvgBlock } from './exportable';
import { hatchPattern, swatchLegend, type SwatchLegend } from './svg-frame';
import { escapeXml, num, textWidth } from '$lib/core/text';

export type MapLayers = Pick<
	ChoroplethLayers,
	'colours' | 'noData' | 'dimmed' | 'selected' | 'focus' | 'zone' | 'named'
>;

export interface MapSvgInput {
	outline: ProjectedMap;
	layers: MapLayers;
	/** A swatch legend, or any SVG block (e.g. a bivariate legend), drawn right of the map. */
	legend?: SwatchLegend | SvgBlock | null;
	/** Accessible name of the map. */
	label?: string;
	/** Id of the element in the same page with the map's numbers as text (aria-details). */
	details?: string;
	/** Largest drawing size of the map itself, in output pixels. */
	width?: number;
	maxHeight?: number;
	/** Leave out provinces wholly outside the view (smaller briefs); by default all are drawn, clipped. */
	cropToView?: boolean;
	/** Prefix for ids inside the SVG, so several maps can share a page. */
	idPrefix?: string;
	background?: string;
	/**
	 * Where the legend goes: right of the map (default), under it, or 'auto': right when map and
	 * legend fit in `width` side by side (a tall, narrow map), else under it.
	 */
	legendPlacement?: 'right' | 'below' | 'auto';
}

/** A named province's name, in output pixels. */
const NAME_SIZE = 11;

/** Same margin as SvgChoropleth's zoom. */
export const ZOOM_MARGIN = 0.08;

type Box = [number, number, number, number];

/** The view box (x, y, width, height) fitting the focus provinces, as SvgChoropleth computes it; the whole map without focus. */
export function focusBox(outline: ProjectedMap, focus: readonly string[]): Box {
	const boxes = outline.paths.filter((p) => focus.includes(p.code)).map((p) => p.box);
	if (boxes.length === 0) return [0, 0, outline.width, outline.height];
	const x0 = Math.min(...boxes.map((b) => b[0]));
	const y0 = Math.min(...boxes.map((b) => b[1]));
	const x1 = Math.max(...boxes.map((b) => b[2]));
	const y1 = Math.max(...boxes.map((b) => b[3]));
	const m = Math.max(x1 - x0, y1 - y0) * ZOOM_MARGIN;
	return [x0 - m, y0 - m, x1 - x0 + 2 * m, y1 - y0 + 2 * m];
}

const isBlock = (legend: SwatchLegend | SvgBlock): legend is SvgBlock => 'markup' in legend;

export function mapSvg({
	outline,
	layers,
	legend = null,
	label = '',
	details,
	width = 440,
	maxHeight = 720,
	cropToView = false,
	idPrefix = 'map',
	background = '#eef2f5',
	legendPlacement = 'right'
}: MapSvgInput): SvgBlock {
	const [vx, vy, vw, vh] = focusBox(outline, layers.focus);
	const k = Math.min(width / vw, maxHeight / vh);
	const w = vw * k;
	const h = vh * k;
	/** Output pixels in map units. */
	const px = (p: number) => num(p / k);
	const hatch = `${idPrefix}-no-data`;

	const inView = (b: Box) => b[2] >= vx && b[0] <= vx + vw && b[3] >= vy && b[1] <= vy + vh;
	const drawn = cropToView ? outline.paths.filter((p) => inView(p.box)) : outline.paths;

	const provinces = drawn
		.map((p) => {
			const fill = layers.noData.has(p.code) ? `url(#${hatch})` : (layers.colours.get(p.code) ?? NO_DATA_COLOUR);
			const dim = layers.dimmed.has(p.code) ? ' fill-opacity="0.3"' : '';
			return `<path d="${p.d}" data-code="${escapeXml(p.code)}" fill="${fill}"${dim}/>`;
		})
		.join('');
	const zones = outline.zones
		.map((z) => {
			const focused = z.zone === layers.zone;
			return `<path class="zone${focused ? ' focused' : ''}" d="${z.d}" stroke-width="${px(focused ? 2.2 : 0.9)}" stroke-opacity="${focused ? 1 : 0.55}"/>`;
		})
		.join('');
	const selected = layers.selected ? outline.paths.find((p) => p.code === layers.selected) : undefined;
	// Named provinces: outlined, and their names written at their label points with a white halo.
	const named = (layers.named ?? []).flatMap((n) => {
		const path = outline.paths.find((p) => p.code === n.code);
		return path ? [{ ...n, path }] : [];
	});
	// Names that would cover each other are moved up or down a line (sizes in map units: output pixels / k).
	const at = placeLabels(
		named.map((n) => ({
			x: n.path.label[0],
			y: n.path.label[1],
			width: (textWidth(n.name, NAME_SIZE, 600) + 4) / k,
			height: (NAME_SIZE * 1.25) / k
		}))
	);
	const names = named.length
		? `<g class="named" fill="none" stroke="#111827" stroke-width="${px(1.6)}" stroke-linejoin="round">` +
			named.map((n) => `<path d="${n.path.d}"/>`).join('') +
			`</g><g class="names" font-size="${px(NAME_SIZE)}" font-weight="600" text-anchor="middle" dominant-baseline="middle" fill="#111827" stroke="#ffffff" stroke-width="${px(NAME_SIZE / 4)}" stroke-linejoin="round" paint-order="stroke">` +
			named
				.map(
					(n, i) =>
						`<text x="${num(at[i].x)}" y="${num(at[i].y)}" data-code="${escapeXml(n.code)}">${escapeXml(n.name)}</text>`
				)
				.join('') +
			`</g>`
		: '';

	const map =
		`<svg class="map" x="0" y="0" width="${num(w)}" height="${num(h)}" viewBox="${num(vx)} ${num(vy)} ${num(vw)} ${num(vh)}"` +
		` preserveAspectRatio="xMidYMid meet" role="img" aria-label="${escapeXml(label)}"${details ? ` aria-details="${escapeXml(details)}"` : ''}>` +
		`<defs>${hatchPattern(hatch, 6 / k)}</defs>` +
		`<rect x="${num(vx)}" y="${num(vy)}" width="${num(vw)}" height="${num(vh)}" fill="${background}"/>` +
		`<g class="provinces" stroke="#ffffff" stroke-width="${px(0.7)}" stroke-linejoin="round">${provinces}</g>` +
		`<g class="zones" fill="none" stroke="#334155" stroke-linejoin="round">${zones}</g>` +
		(selected
			? `<path class="selected" d="${selected.d}" fill="none" stroke="#1d4ed8" stroke-width="${px(3)}" stroke-linejoin="round"/>`
			: '') +
		names +
		`</svg>`;

	if (!legend) return { width: Math.ceil(w), height: Math.ceil(h), markup: map };
	const hatchId = `${idPrefix}-legend-hatch`;
	const beside = isBlock(legend) ? legend : swatchLegend(legend, 230, hatchId);
	const below = legendPlacement !== 'right' && (legendPlacement === 'below' || w + 16 + beside.width > width);
	const block = below && !isBlock(legend) ? swatchLegend(legend, Math.max(w, 260, width), hatchId, 2) : beside;
	const gap = below ? 10 : legendPlacement === 'auto' ? 16 : 20;
	if (below)
		return {
			width: Math.ceil(Math.max(w, block.width)),
			height: Math.ceil(h + gap + block.height),
			markup: `${map}<g class="legend" transform="translate(0 ${num(h + gap)})">${block.markup}</g>`
		};
	return {
		width: Math.ceil(w + gap + block.width),
		height: Math.ceil(Math.max(h, block.height)),
		markup: `${map}<g class="legend" transform="translate(${num(w + gap)} ${num(Math.max(0, h - block.height))})">${block.markup}</g>`
	};
}
