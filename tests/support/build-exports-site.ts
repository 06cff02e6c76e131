/**
 * The browser tests' second site: the app built from the exports fixture (tests/fixtures/exports-agency)
 * exactly as an organisation would build it (`npm run data -- --exports <folder>`, then the site build),
 * but into .exports-site/ (static/ with that data, and the built site), so static/data/ and build/, which
 * the other tests use, stay as they are. tests/exports-site.spec.ts serves it.
 *
 *   npm run build:exports-site
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXPORTS_SITE = path.join(root, '.exports-site');
export const EXPORTS_SITE_BUILD = path.join(EXPORTS_SITE, 'build');
export const FIXTURE_FOLDER = 'tests/fixtures/exports-agency';

function run(command: string, args: string[], env: Record<string, string> = {}): void {
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const staticDir = path.join(EXPORTS_SITE, 'static');
	rmSync(EXPORTS_SITE, { recursive: true, force: true });
	mkdirSync(staticDir, { recursive: true });
	cpSync(path.join(root, 'static'), staticDir, {
		recursive: true,
		filter: (src) => !src.startsWith(path.join(root, 'static/data'))
	});
	run('npx', [
		'tsx',
		'--tsconfig',
		'data/tsconfig.json',
		'data/build-data.ts',
		'--exports',
		FIXTURE_FOLDER,
		'--out',
		path.join(staticDir, 'data')
	]);
	run('npx', ['vite', 'build', '--logLevel', 'warn'], {
		PHAKHI_STATIC_DIR: staticDir,
		PHAKHI_BUILD_DIR: EXPORTS_SITE_BUILD
	});
	console.log(`exports site: built ${path.relative(root, EXPORTS_SITE_BUILD)}/ from ${FIXTURE_FOLDER}`);
}
