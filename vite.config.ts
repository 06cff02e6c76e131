import { sveltekit } from '@sveltejs/kit/vite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/** The deployment's settings the data build wrote (src/lib/config/site-config.ts); null: the defaults. */
function siteSettings(): unknown {
	try {
		return JSON.parse(readFileSync(join(process.env.PHAKHI_STATIC_DIR ?? 'static', 'data', 'site.json'), 'utf8'));
	} catch {
		return null;
	}
}

export default defineConfig({
	plugins: [sveltekit()],
	define: { __PHAKHI_SITE__: JSON.stringify(siteSettings()) },
	worker: { format: 'es' },
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	test: {
		include: ['src/**/*.test.ts', 'data/**/*.test.ts', 'tests/support/**/*.test.ts', 'tests/bench/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000
	}
});
