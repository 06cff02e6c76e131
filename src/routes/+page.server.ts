import { loadFirstView } from '$lib/server/first-view';
import { linkPreview } from '$lib/share/preview.server';

export const load = async () => ({
	...(await loadFirstView()),
	preview: await linkPreview({ kind: 'nation' }, 'nav_explorer')
});
