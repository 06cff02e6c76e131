import { tick } from 'svelte';

/**
 * Marks the frame in which a page first shows the data of `key` (its filters, as in its `data-view`).
 * The benchmark (tests/bench) times interactions to this mark.
 *
 * - `next-frame` (after a change of data): once Svelte has applied it to every view, in the next
 *   animation frame, when MapLibre draws too.
 * - `this-frame`: called from inside an animation frame in which the last view has just drawn (the
 *   map's points, drawn by MapLibre's render) and Svelte has applied everything else: that frame.
 */
export function markViewUpdated(key: string, when: 'next-frame' | 'this-frame' = 'next-frame'): void {
	if (when === 'this-frame') performance.mark('view:updated', { detail: key });
	else tick().then(() => requestAnimationFrame(() => performance.mark('view:updated', { detail: key })));
}
