import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { cspDirectives, parseOrigins, scriptHash } from './src/lib/config/csp.js';
import { FIRST_PAINT_SCRIPT } from './src/lib/config/first-paint.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// PHAKHI_STATIC_DIR / PHAKHI_BUILD_DIR: a second site from other data, e.g. the browser tests' site built
		// from the exports fixture (tests/support/build-exports-site.ts), without touching static/ or build/.
		adapter: adapter({
			pages: process.env.PHAKHI_BUILD_DIR ?? 'build',
			assets: process.env.PHAKHI_BUILD_DIR ?? 'build',
			fallback: undefined,
			strict: true
		}),
		files: { assets: process.env.PHAKHI_STATIC_DIR ?? 'static' },
		prerender: { handleHttpError: 'fail' },
		// A strict policy in every page's HTML; see src/lib/config/csp.js and docs/security.md.
		csp: {
			mode: 'hash',
			directives: cspDirectives(parseOrigins(process.env.PHAKHI_BASEMAP_ORIGINS), [scriptHash(FIRST_PAINT_SCRIPT)])
		}
	}
};

export default config;
