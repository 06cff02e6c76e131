import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * Origins a deployment with internet access adds for an optional basemap (static/config.json,
 * `basemapStyleUrl`): its style, tiles, glyphs and sprites. Space-separated, e.g.
 *   PHAKHI_BASEMAP_ORIGINS="https://tiles.example.org https://fonts.example.org" npm run build
 * Empty by default: the policy then allows nothing but the app's own origin.
 */
const basemapOrigins = (process.env.PHAKHI_BASEMAP_ORIGINS ?? '')
	.split(/\s+/)
	.filter(Boolean)
	.map((origin) => {
		const url = new URL(origin);
		if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`PHAKHI_BASEMAP_ORIGINS: ${origin}`);
		return url.origin;
	});

/**
 * The Content-Security-Policy of every page, written by SvelteKit into a <meta http-equiv> of the
 * prerendered HTML, with the hash of its one inline bootstrap script (docs/security.md says why each
 * source is there, and which headers a server should add that a <meta> cannot carry).
 * @type {import('@sveltejs/kit').CspDirectives}
 */
const directives = {
	'default-src': ['self'],
	'script-src': ['self'],
	// Same-origin workers only: DuckDB's worker script and MapLibre's module worker.
	'worker-src': ['self'],
	// Stylesheets from the app; style="" attributes (Svelte's style:, ECharts' tooltips, MapLibre) inline.
	'style-src': ['self'],
	'style-src-attr': ['unsafe-inline'],
	// data: and blob: for the exports (SVG drawn to a canvas, fonts embedded as data: URLs) and the map's images.
	'img-src': ['self', 'data:', 'blob:', ...basemapOrigins],
	'font-src': ['self', 'data:'],
	'connect-src': ['self', ...basemapOrigins],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self'],
	'frame-src': ['none'],
	'manifest-src': ['self']
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		prerender: { handleHttpError: 'fail' },
		csp: { mode: 'hash', directives }
	}
};

export default config;
