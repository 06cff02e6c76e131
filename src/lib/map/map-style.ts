/** A complete offline MapLibre style: a plain background and the province and zone polygons. No tiles, no glyphs. */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { NO_DATA_COLOUR } from './choropleth';
import { NO_DATA_PATTERN } from './layers';

export const PROVINCE_SOURCE = 'provinces';
export const ZONE_SOURCE = 'zones';
export const FILL_LAYER = 'province-fill';
export const NO_DATA_LAYER = 'province-no-data';
export const POINT_SOURCE = 'points';
export const DISTRICT_SOURCE = 'districts';
export const DISTRICT_LAYER = 'district-fill';
export const CLUSTER_LAYER = 'point-clusters';
export const POINT_LAYER = 'point-markers';

/** Pixels around the country; the prerendered SVG uses the same. */
export const MAP_PADDING = 16;

/** West, south, east, north. */
export const THAILAND_BOUNDS: [number, number, number, number] = [97.34, 5.61, 105.64, 20.47];

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const flag = (name: string): ExpressionSpecification => ['boolean', ['feature-state', name], false];

/**
 * Points (partners, projects) carry their colour in `properties.colour`; groups of
 * them (`point_count`) are sized by how many they hold.
 */
export function choroplethStyle(
	provinces: FeatureCollection,
	zones: FeatureCollection = EMPTY,
	points: FeatureCollection = EMPTY,
	districts: FeatureCollection = EMPTY
): StyleSpecification {
	return {
		version: 8,
		sources: {
			[PROVINCE_SOURCE]: { type: 'geojson', data: provinces },
			[ZONE_SOURCE]: { type: 'geojson', data: zones },
			// Not clustered by MapLibre: the page sends the groups of the zoom level in view.
			[POINT_SOURCE]: { type: 'geojson', data: points },
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
			},
			{
				id: CLUSTER_LAYER,
				type: 'circle',
				source: POINT_SOURCE,
				filter: ['has', 'point_count'],
				paint: {
					'circle-color': '#0f766e',
					'circle-opacity': 0.75,
					'circle-stroke-color': '#ffffff',
					'circle-stroke-width': 1.5,
					'circle-radius': ['step', ['get', 'point_count'], 7, 10, 10, 50, 14, 200, 19, 1000, 24]
				}
			},
			{
				id: POINT_LAYER,
				type: 'circle',
				source: POINT_SOURCE,
				filter: ['!', ['has', 'point_count']],
				paint: {
					'circle-color': ['coalesce', ['get', 'colour'], '#0f766e'],
					'circle-radius': 4.5,
					'circle-stroke-color': '#ffffff',
					'circle-stroke-width': 1
				}
			}
		]
	};
}
