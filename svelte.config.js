import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { cspDirectives, parseOrigins, scriptHash } from './src/lib/config/csp.js';
import { FIRST_PAINT_SCRIPT } from './src/lib/config/first-paint.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		prerender: { handleHttpError: 'fail' },
		// A strict policy in every page's HTML; see src/lib/config/csp.js and docs/security.md.
		csp: {
			mode: 'hash',
			directives: cspDirectives(parseOrigins(process.env.PHAKHI_BASEMAP_ORIGINS), [scriptHash(FIRST_PAINT_SCRIPT)])
		}
	}
};

export default config;
