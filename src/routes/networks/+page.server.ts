import { loadBasePage } from '$lib/data/first-view.server';
import { linkPreview } from '$lib/share/preview.server';

export const load = async () => ({
	...(await loadBasePage()),
	preview: await linkPreview({ kind: 'nation' }, 'nav_networks')
});
