#!/usr/bin/env node
// Find a Chromium that Playwright can drive, installing one with apt-get if we
// are root on Debian/Ubuntu and none is found.
//
//   node tests/support/ensure-chromium.mjs              find (and if needed install), print the path
//   node tests/support/ensure-chromium.mjs --no-install only look; exit 1 if none
//
// Search order:
//   1. $CHROMIUM_PATH
//   2. /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome
//   3. Playwright's own downloaded browser (playwright-core's chromium.executablePath())
//
// Uses only Node built-ins; playwright-core is loaded lazily for step 3, so this
// also works before `npm ci` (e.g. from .ci/run on a clean clone).

import { accessSync, constants, existsSync, readFileSync, statSync, realpathSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));

export const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** @param {string} file */
function isExecutableFile(file) {
	try {
		if (!statSync(file).isFile()) return false;
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** playwright-core's downloaded Chromium, if playwright-core is installed and the browser was downloaded. */
function playwrightChromium() {
	for (const base of [process.cwd(), SCRIPT_DIR]) {
		try {
			const require = createRequire(path.join(base, 'noop.js'));
			const { chromium } = require('playwright-core');
			const exe = chromium.executablePath();
			if (exe && isExecutableFile(exe)) return exe;
		} catch {
			// playwright-core not installed here, or no browser registry entry
		}
	}
	return null;
}

/**
 * How the tests, the bench and the measuring scripts start that Chromium (see STACK-NOTES: WebGL on
 * SwiftShader, no background traffic that would count as the page's).
 */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--enable-unsafe-swiftshader'
];

/**
 * Returns the path of a usable Chromium executable, or null.
 * @param {{ env?: Record<string, string | undefined>, candidates?: string[], includePlaywright?: boolean, quiet?: boolean }} [options]
 * @returns {string | null}
 */
export function findChromium({
	env = process.env,
	candidates = SYSTEM_CANDIDATES,
	includePlaywright = true,
	quiet = false
} = {}) {
	const fromEnv = env.CHROMIUM_PATH;
	if (fromEnv) {
		if (isExecutableFile(fromEnv)) return fromEnv;
		if (!quiet) console.warn(`ensure-chromium: CHROMIUM_PATH=${fromEnv} is not an executable file; ignoring it`);
	}
	for (const candidate of candidates) {
		if (isExecutableFile(candidate)) return candidate;
	}
	return includePlaywright ? playwrightChromium() : null;
}

/** @param {string} exe */
function chromiumVersion(exe) {
	const r = spawnSync(exe, ['--version'], { encoding: 'utf8', timeout: 20_000 });
	return r.status === 0 ? r.stdout.trim() : null;
}

function isDebianLike() {
	if (existsSync('/etc/debian_version')) return true;
	try {
		return /^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
	} catch {
		return false;
	}
}

function hasAptGet() {
	return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/** @param {string[]} cmd */
function run(cmd) {
	console.log(`ensure-chromium: $ ${cmd.join(' ')}`);
	const r = spawnSync(cmd[0], cmd.slice(1), {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
	});
	return r.status === 0;
}

const HOW_TO_INSTALL = `No Chromium found for the browser tests. Install one with either of:

  sudo apt-get update && sudo apt-get install -y chromium    # Debian / Ubuntu
  npx playwright install chromium                            # any machine with internet access

or point CHROMIUM_PATH at an existing Chrome/Chromium binary:

  CHROMIUM_PATH=/path/to/chrome npm run test:browser`;

function main() {
	const noInstall = process.argv.includes('--no-install');
	let exe = findChromium();

	if (!exe && !noInstall) {
		const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
		if (isRoot && isDebianLike() && hasAptGet()) {
			console.log('ensure-chromium: no Chromium found; installing the Debian "chromium" package with apt-get');
			if (run(['apt-get', 'update']) && run(['apt-get', 'install', '-y', 'chromium'])) {
				exe = findChromium();
			} else {
				console.error('ensure-chromium: apt-get failed');
			}
		}
	}

	if (!exe) {
		console.error(HOW_TO_INSTALL);
		process.exit(1);
	}

	const version = chromiumVersion(exe);
	if (version) console.log(`ensure-chromium: using ${exe} (${version})`);
	else console.warn(`ensure-chromium: using ${exe} (warning: \`${exe} --version\` failed)`);
}

const invokedDirectly = (() => {
	if (!process.argv[1]) return false;
	try {
		return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
	} catch {
		return false;
	}
})();
if (invokedDirectly) main();
