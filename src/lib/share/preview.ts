/**
 * What a page carries for link previews (chat apps, social sites): its title and description in
 * each language and the file name of its preview image under /preview/ (drawn at build time by
 * preview.server.ts). A page's data may carry one as `preview`; the layout writes the tags.
 */
import type { Lang } from '$lib/i18n';

export interface LinkPreview {
	/** Address of the image, e.g. "https://atlas.example.org/preview/province-40.png" (root-relative without PHAKHI_SITE_URL). */
	image: string;
	text: Record<Lang, { title: string; description: string }>;
	sample: boolean;
}

export const PREVIEW_DIR = 'preview';

export const OG_LOCALE: Record<Lang, string> = { th: 'th_TH', en: 'en_US' };
