/** A complete offline MapLibre style: a plain background and the province polygons. No tiles, no glyphs. */
import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { NO_DATA_COLOUR } from './choropleth';

export const PROVINCE_SOURCE = 'provinces';
export const FILL_LAYER = 'province-fill';

/** Pixels around the country; the prerendered SVG uses the same. */
export const MAP_PADDING = 16;

/** West, south, east, north. */
export const THAILAND_BOUNDS: [number, number, number, number] = [97.34, 5.61, 105.64, 20.47];

export function choroplethStyle(provinces: FeatureCollection): StyleSpecification {
	return {
		version: 8,
		sources: { [PROVINCE_SOURCE]: { type: 'geojson', data: provinces } },
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } },
			{
				id: FILL_LAYER,
				type: 'fill',
				source: PROVINCE_SOURCE,
				paint: { 'fill-color': ['coalesce', ['feature-state', 'fill'], NO_DATA_COLOUR], 'fill-antialias': true }
			},
			{
				id: 'province-outline',
				type: 'line',
				source: PROVINCE_SOURCE,
				paint: { 'line-color': '#ffffff', 'line-width': 0.7 }
			},
			{
				id: 'province-highlight',
				type: 'line',
				source: PROVINCE_SOURCE,
				paint: {
					'line-color': '#111827',
					'line-width': ['case', ['boolean', ['feature-state', 'highlight'], false], 2.5, 0]
				}
			}
		]
	};
}
