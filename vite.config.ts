import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	worker: { format: 'es' },
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	test: {
		include: ['src/**/*.test.ts', 'data/**/*.test.ts', 'tests/support/**/*.test.ts', 'tests/bench/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000
	}
});
