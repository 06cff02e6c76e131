import { tick } from 'svelte';

/**
 * Marks the frame in which a page first shows the data of `key` (its filters, as in its `data-view`):
 * after Svelte has applied it to every view, in the next animation frame, when MapLibre draws too.
 * The benchmark (tests/bench) times interactions to this mark.
 */
export function markViewUpdated(key: string): void {
	tick().then(() => requestAnimationFrame(() => performance.mark('view:updated', { detail: key })));
}
