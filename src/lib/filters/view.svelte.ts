/** The current view state, read from the page URL, and the one way to change it. */
import { browser } from '$app/environment';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { DEFAULT_VIEW, parseViewState, viewStateSearch, type ViewState } from './url-state';

/** During prerendering there is no query string; the browser reads the real one. */
export function currentView(): ViewState {
	return browser ? parseViewState(page.url.searchParams) : DEFAULT_VIEW;
}

export function hrefFor(patch: Partial<ViewState>, pathname: string = page.url.pathname): string {
	return pathname + viewStateSearch({ ...currentView(), ...patch });
}

export function updateView(patch: Partial<ViewState>): Promise<void> {
	return goto(hrefFor(patch), { keepFocus: true, noScroll: true });
}
