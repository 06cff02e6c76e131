import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy of every page (docs/security.md). SvelteKit writes it into a
 * <meta http-equiv> of the prerendered HTML with the hash of its inline bootstrap script; the hash of
 * our own first-paint script (first-paint.js: it hides prerendered numbers that do not answer the
 * address) is added by svelte.config.js (`scriptHash`).
 *
 * `basemapOrigins`: servers of an optional basemap (static/config.json, `basemapStyleUrl`): its style,
 * tiles, glyphs and sprites. A deployment with internet access sets them at build time, e.g.
 *   PHAKHI_BASEMAP_ORIGINS="https://tiles.example.org https://fonts.example.org" npm run build
 * None by default: nothing but the app's own origin.
 *
 * @param {`${string}://${string}.${string}`[]} basemapOrigins
 * @param {`sha256-${string}`[]} scriptHashes
 * @returns {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>}
 */
export function cspDirectives(basemapOrigins = [], scriptHashes = []) {
	return {
		'default-src': ['self'],
		'script-src': ['self', ...scriptHashes],
		// Same-origin workers only: DuckDB's worker script, MapLibre's module worker, the service worker.
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
}

/**
 * Origins from a space-separated list; anything that is not an http(s) origin stops the build.
 * @param {string | undefined} list
 * @returns {`${string}://${string}.${string}`[]}
 */
export function parseOrigins(list) {
	return (list ?? '')
		.split(/\s+/)
		.filter(Boolean)
		.map((entry) => {
			let url;
			try {
				url = new URL(entry);
			} catch {
				throw new Error(`PHAKHI_BASEMAP_ORIGINS: "${entry}" is not a URL`);
			}
			if (url.protocol !== 'https:' && url.protocol !== 'http:')
				throw new Error(`PHAKHI_BASEMAP_ORIGINS: "${entry}" is not an http(s) origin`);
			return /** @type {`${string}://${string}.${string}`} */ (url.origin);
		});
}

/**
 * The hash of an inline script's text, as a CSP source.
 * @param {string} script
 * @returns {`sha256-${string}`}
 */
export function scriptHash(script) {
	return `sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}`;
}
