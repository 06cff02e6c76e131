import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from './support/ensure-chromium.mjs';

// Browser tests run against the production build in build/ (the test:browser
// script builds first), served by tests/support/serve.mjs exactly like `npm start`.

// PLAYWRIGHT_PORT lets two checkouts on one machine run their browser tests at once.
const PORT = Number(process.env.PLAYWRIGHT_PORT || 4173);
const baseURL = `http://127.0.0.1:${PORT}`;
const CI = !!process.env.CI;

const executablePath = findChromium();
if (!executablePath) {
	throw new Error(
		'No Chromium found for Playwright. Run `node tests/support/ensure-chromium.mjs` ' +
			'(installs one with apt-get when run as root on Debian/Ubuntu) or set CHROMIUM_PATH.'
	);
}

export default defineConfig({
	testDir: '.',
	testMatch: '**/*.spec.ts',
	outputDir: '../test-results',
	fullyParallel: false,
	forbidOnly: CI,
	workers: 2,
	retries: 0,
	reporter: 'list',
	// Generous for a 2-core machine: DuckDB-WASM alone needs ~1.5 s to start,
	// and two workers share the CPU with the static server.
	timeout: 90_000,
	globalTimeout: 35 * 60_000,
	expect: { timeout: 20_000 },
	use: {
		browserName: 'chromium',
		baseURL,
		viewport: { width: 1280, height: 800 },
		headless: true,
		screenshot: 'only-on-failure',
		trace: 'off',
		video: 'off',
		actionTimeout: 20_000,
		navigationTimeout: 45_000,
		// The app's service worker (src/service-worker.ts) would fill an offline cache in every test's fresh
		// context and answer requests that tests intercept with page.route. It is tested on its own in
		// offline.spec.ts, which allows it.
		serviceWorkers: 'block',
		launchOptions: {
			executablePath,
			args: CHROMIUM_ARGS
		}
	},
	projects: [{ name: 'chromium' }],
	webServer: {
		command: `node tests/support/serve.mjs --port ${PORT}`,
		cwd: fileURLToPath(new URL('..', import.meta.url)),
		url: `${baseURL}/`,
		reuseExistingServer: !CI,
		timeout: 60_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
