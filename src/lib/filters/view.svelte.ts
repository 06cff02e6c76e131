/** The current view state, read from the page URL, and the one way to change it. */
import { browser } from '$app/environment';
import { afterNavigate, beforeNavigate, pushState, replaceState } from '$app/navigation';
import { page } from '$app/state';
import { DEFAULT_VIEW, parseViewState, viewStateSearch, type ViewState } from './url-state';

/**
 * The address bar's URL, when a filter change has put it there without a navigation. A filter
 * change is a new history entry but not a new page: SvelteKit's `goto` would re-run the router and
 * read the scroll position right after the views changed, forcing a layout of the whole page in the
 * middle of every change (docs/performance.md). `page.url` stays the URL the page was navigated to.
 */
let shown = $state.raw<URL | null>(null);

function viewUrl(): URL {
	return shown !== null && shown.pathname === page.url.pathname ? shown : page.url;
}

/** During prerendering there is no query string; the browser reads the real one. */
export function currentView(): ViewState {
	return browser ? parseViewState(viewUrl().searchParams) : DEFAULT_VIEW;
}

export function hrefFor(patch: Partial<ViewState>, pathname: string = viewUrl().pathname): string {
	return pathname + viewStateSearch({ ...currentView(), ...patch });
}

/** History entries the views already show, written after the frame that shows them (updateView). */
let unwritten: { href: string; replace: boolean }[] = [];

function writeHistory(): void {
	const writes = unwritten;
	unwritten = [];
	for (const { href, replace } of writes) (replace ? replaceState : pushState)(href, {});
}

/**
 * A new history entry with the patched view; Back returns to the one before. With `replace`, the
 * current entry is changed instead (the timeline's later steps: Back skips them all).
 * The views follow at once; the address bar right after the frame that shows them, since writing
 * history (and the scroll position SvelteKit saves with it) costs a few milliseconds that are not
 * the reader's answer (docs/performance.md). Entries are written in order, and before any navigation.
 */
export function updateView(patch: Partial<ViewState>, { replace = false }: { replace?: boolean } = {}): void {
	const href = hrefFor(patch);
	shown = new URL(href, location.href);
	if (unwritten.length === 0) requestAnimationFrame(() => setTimeout(writeHistory));
	unwritten.push({ href, replace });
}

/**
 * Keeps the view in step with the address bar: after a navigation, and when Back or Forward moves
 * between filter changes (SvelteKit then restores `page.url` to the page's own URL, not the entry's).
 * Called once, by the root layout.
 */
export function followAddressBar(): void {
	const follow = () => (shown = new URL(location.href));
	beforeNavigate(writeHistory);
	afterNavigate(follow);
	$effect(() => {
		addEventListener('popstate', follow);
		return () => removeEventListener('popstate', follow);
	});
}
