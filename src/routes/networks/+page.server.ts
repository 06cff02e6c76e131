import { coveragePreloads, loadBasePage } from '$lib/server/first-view';
import { linkPreview } from '$lib/share/preview.server';

export const load = async () => ({
	...(await loadBasePage()),
	preload: await coveragePreloads(false),
	preview: await linkPreview({ kind: 'nation' }, 'nav_networks')
});
