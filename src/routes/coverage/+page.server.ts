import { loadBasePage } from '$lib/data/first-view.server';

export const load = () => loadBasePage();
