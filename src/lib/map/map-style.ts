/** A complete offline MapLibre style: a plain background and the province and zone polygons. No tiles, no glyphs. */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { NO_DATA_COLOUR } from './choropleth';
import { NO_DATA_PATTERN } from './layers';

export const PROVINCE_SOURCE = 'provinces';
export const ZONE_SOURCE = 'zones';
export const FILL_LAYER = 'province-fill';
export const NO_DATA_LAYER = 'province-no-data';
export const DISTRICT_SOURCE = 'districts';
export const DISTRICT_LAYER = 'district-fill';

/** Pixels around the country; the prerendered SVG uses the same. */
export const MAP_PADDING = 16;

/** West, south, east, north. */
export const THAILAND_BOUNDS: [number, number, number, number] = [97.34, 5.61, 105.64, 20.47];

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const flag = (name: string): ExpressionSpecification => ['boolean', ['feature-state', name], false];

/** Provinces, zones and a drill-down's districts. Partners and projects are a custom layer on top (point-layer.ts). */
export function choroplethStyle(
	provinces: FeatureCollection,
	zones: FeatureCollection = EMPTY,
	districts: FeatureCollection = EMPTY
): StyleSpecification {
	return {
		version: 8,
		sources: {
			[PROVINCE_SOURCE]: { type: 'geojson', data: provinces },
			[ZONE_SOURCE]: { type: 'geojson', data: zones },
			[DISTRICT_SOURCE]: { type: 'geojson', data: districts }
		},
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } },
			{
				id: FILL_LAYER,
				type: 'fill',
				source: PROVINCE_SOURCE,
				paint: {
					'fill-color': ['coalesce', ['feature-state', 'fill'], NO_DATA_COLOUR],
					'fill-opacity': ['case', flag('dimmed'), 0.3, 1]
				}
			},
			{
				id: NO_DATA_LAYER,
				type: 'fill',
				source: PROVINCE_SOURCE,
				// Shown by feature state, not by a filter: a filter change would re-tile the source in the worker.
				paint: {
					'fill-pattern': NO_DATA_PATTERN,
					'fill-opacity': ['case', ['!', flag('noData')], 0, flag('dimmed'), 0.3, 1]
				}
			},
			{
				id: 'province-outline',
				type: 'line',
				source: PROVINCE_SOURCE,
				paint: { 'line-color': '#ffffff', 'line-width': 0.7 }
			},
			{
				// Districts of the selected province, coloured by the page (e.g. covered or not).
				id: DISTRICT_LAYER,
				type: 'fill',
				source: DISTRICT_SOURCE,
				paint: {
					'fill-color': ['coalesce', ['feature-state', 'fill'], 'rgba(0,0,0,0)'],
					'fill-outline-color': '#475569'
				}
			},
			{
				id: 'zone-outline',
				type: 'line',
				source: ZONE_SOURCE,
				paint: {
					'line-color': '#334155',
					'line-width': ['case', flag('focused'), 2.2, 0.9],
					'line-opacity': ['case', flag('focused'), 1, 0.55]
				}
			},
			{
				id: 'province-named',
				type: 'line',
				source: PROVINCE_SOURCE,
				paint: { 'line-color': '#111827', 'line-width': ['case', flag('named'), 1.6, 0] }
			},
			{
				id: 'province-selected',
				type: 'line',
				source: PROVINCE_SOURCE,
				paint: { 'line-color': '#1d4ed8', 'line-width': ['case', flag('selected'), 3, 0] }
			},
			{
				id: 'province-highlight',
				type: 'line',
				source: PROVINCE_SOURCE,
				paint: { 'line-color': '#111827', 'line-width': ['case', flag('highlight'), 2.5, 0] }
			}
		]
	};
}
