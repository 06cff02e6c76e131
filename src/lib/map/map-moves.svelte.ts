import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * A count that changes whenever `map()` moves or resizes, for what is placed over the map in screen
 * pixels (names written in the page's own font): read `moves.count` in a $derived and it is placed again.
 * Call while a component is created (it sets up an effect).
 */
export function mapMoves(map: () => MapLibreMap): { readonly count: number } {
	let count = $state(0);
	$effect(() => {
		const m = map();
		const again = () => count++;
		m.on('move', again);
		m.on('resize', again);
		return () => {
			m.off('move', again);
			m.off('resize', again);
		};
	});
	return {
		get count() {
			return count;
		}
	};
}
