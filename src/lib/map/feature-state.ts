/**
 * Keeps MapLibre's feature state in step with the map's layers (ChoroplethMap): each part is
 * written only when it changed, since `layers` is a new object whenever anything in it changes
 * (a hover, say) and a map of 77 provinces should not be repainted for a hover.
 */
import type { ChoroplethLayers } from './layers';

/** The part of a MapLibre map this needs (a map, or a recorder in tests). */
export interface FeatureStateTarget {
	setFeatureState(feature: { source: string; id: number }, state: Record<string, unknown>): void;
}

type Painted = Pick<ChoroplethLayers, 'colours' | 'dimmed' | 'noData'>;

export class FeatureStateSync {
	#painted: Painted | null = null;
	#flagged = new Map<string, string | number | null>();

	/**
	 * Writes every province's fill, dimmed and no-data state when any of the three changed: every
	 * province drawn before or now, so one coloured before and not now (the plain map while a view
	 * loads) goes back to plain, not to the colour of the view before. Says whether it wrote.
	 */
	paint(map: FeatureStateTarget, source: string, layers: ChoroplethLayers): boolean {
		const before = this.#painted;
		if (
			before &&
			before.colours === layers.colours &&
			before.dimmed === layers.dimmed &&
			before.noData === layers.noData
		)
			return false;
		const codes = new Set([
			...(before ? [...before.colours.keys(), ...before.dimmed, ...before.noData] : []),
			...layers.colours.keys(),
			...layers.dimmed,
			...layers.noData
		]);
		this.#painted = { colours: layers.colours, dimmed: layers.dimmed, noData: layers.noData };
		for (const code of codes)
			map.setFeatureState(
				{ source, id: Number(code) },
				{ fill: layers.colours.get(code) ?? null, dimmed: layers.dimmed.has(code), noData: layers.noData.has(code) }
			);
		return true;
	}

	/** One feature of `source` at a time carries `flag` (the hovered province, the chosen zone): moves it to `to`. */
	flag(map: FeatureStateTarget, source: string, flag: string, to: string | number | null): void {
		const key = `${source}:${flag}`;
		const from = this.#flagged.get(key) ?? null;
		if (from === to) return;
		if (from !== null) map.setFeatureState({ source, id: Number(from) }, { [flag]: false });
		if (to !== null) map.setFeatureState({ source, id: Number(to) }, { [flag]: true });
		this.#flagged.set(key, to);
	}
}
