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
	/** What each province's feature state was last written as ("fill|dimmed|noData"). */
	#written = new Map<string, string>();
	#flagged = new Map<string, string | number | null>();

	/**
	 * Writes the fill, dimmed and no-data state of each province whose state differs from what was
	 * written last: of every province drawn before or now, so one coloured before and not now (the
	 * plain map while a view loads) goes back to plain, not to the colour of the view before. A year
	 * step changes the class of some provinces, not all: MapLibre recomputes the paint of each
	 * feature written, so the others are left alone. Says whether it wrote.
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
		this.#painted = { colours: layers.colours, dimmed: layers.dimmed, noData: layers.noData };
		const codes = new Set([...this.#written.keys(), ...layers.colours.keys(), ...layers.dimmed, ...layers.noData]);
		let wrote = false;
		for (const code of codes) {
			const state = {
				fill: layers.colours.get(code) ?? null,
				dimmed: layers.dimmed.has(code),
				noData: layers.noData.has(code)
			};
			const key = `${state.fill}|${state.dimmed}|${state.noData}`;
			if (this.#written.get(code) === key) continue;
			this.#written.set(code, key);
			map.setFeatureState({ source, id: Number(code) }, state);
			wrote = true;
		}
		return wrote;
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
