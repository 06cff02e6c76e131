import { linkPreview } from '$lib/share/preview.server';

/** Only the link preview: the page's data is the user's own, in the browser. */
export const load = async () => ({ preview: await linkPreview({ kind: 'nation' }, 'nav_data') });
