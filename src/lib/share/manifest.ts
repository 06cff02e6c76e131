/**
 * The web app manifest, one per language (the page links the one of its language): names from the
 * message catalogue, the mark's colour, icons drawn from the mark at build time (src/routes/icons).
 * Addresses are relative to the manifest, which sits at the site's root, so a base path needs nothing.
 */
import { translate, type Lang } from '$lib/i18n';
import { THEME_COLOUR } from './mark';

export const MANIFEST_FILE: Record<Lang, string> = { th: 'manifest-th.webmanifest', en: 'manifest-en.webmanifest' };

/** The PNG icons: the sizes browsers ask for (192 and 512), and a maskable one for shaped launchers. */
export const ICONS = [
	{ file: 'icon-192.png', size: 192, purpose: 'any' },
	{ file: 'icon-512.png', size: 512, purpose: 'any' },
	{ file: 'icon-maskable-512.png', size: 512, purpose: 'maskable' }
] as const;

export type IconFile = (typeof ICONS)[number]['file'];

export function webManifest(lang: Lang) {
	return {
		id: './',
		name: `${translate(lang, 'app_name')} — ${translate(lang, 'app_tagline')}`,
		short_name: translate(lang, 'app_name'),
		description: translate(lang, 'app_tagline'),
		lang,
		dir: 'ltr',
		start_url: lang === 'th' ? './' : './?lang=en',
		scope: './',
		display: 'standalone',
		theme_color: THEME_COLOUR,
		background_color: '#ffffff',
		icons: [
			{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
			...ICONS.map((icon) => ({
				src: `icons/${icon.file}`,
				sizes: `${icon.size}x${icon.size}`,
				type: 'image/png',
				purpose: icon.purpose
			}))
		]
	};
}
