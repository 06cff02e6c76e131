import { loadFirstView } from '$lib/data/first-view.server';

export const load = () => loadFirstView();
