/**
 * Sequential, colour-blind-safe schemes, light to dark, for 3–7 classes.
 * ColorBrewer (Cynthia Brewer, Apache-2.0) and viridis (CC0), written out so the
 * page does not ship colour-interpolation code for a few constants.
 */
import type { SchemeId } from '$lib/core/choices';

type Ramps = Record<3 | 4 | 5 | 6 | 7, readonly string[]>;

export const PALETTES: Record<SchemeId, Ramps> = {
	ylorrd: {
		3: ['#ffeda0', '#feb24c', '#f03b20'],
		4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
		5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
		6: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
		7: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026']
	},
	purples: {
		3: ['#efedf5', '#bcbddc', '#756bb1'],
		4: ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#6a51a3'],
		5: ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'],
		6: ['#f2f0f7', '#dadaeb', '#bcbddc', '#9e9ac8', '#756bb1', '#54278f'],
		7: ['#f2f0f7', '#dadaeb', '#bcbddc', '#9e9ac8', '#807dba', '#6a51a3', '#4a1486']
	},
	blues: {
		3: ['#deebf7', '#9ecae1', '#3182bd'],
		4: ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'],
		5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
		6: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
		7: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594']
	},
	viridis: {
		3: ['#fde725', '#21918c', '#440154'],
		4: ['#fde725', '#35b779', '#31688e', '#440154'],
		5: ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'],
		6: ['#fde725', '#7ad151', '#22a884', '#2a788e', '#414487', '#440154'],
		7: ['#fde725', '#8fd744', '#35b779', '#21918c', '#31688e', '#443983', '#440154']
	}
};

/** Colours for `count` classes, light to dark; fewer than 3 classes take the dark end of the 3-class ramp. */
export function ramp(scheme: SchemeId, count: number): string[] {
	const k = Math.min(7, Math.max(3, count)) as keyof Ramps;
	const colours = [...PALETTES[scheme][k]];
	return count < 3 ? colours.slice(3 - count) : colours;
}
