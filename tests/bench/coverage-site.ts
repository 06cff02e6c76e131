/**
 * A site to measure the coverage pages on a data folder the full bench would take too long to rebuild
 * (issue 19): a built site of this code (`--site`, e.g. build/) with the data folder of a larger data
 * build (`--data`), whose coverage files (coverage.json, coverage/, coverage-points*) are written again by
 * this code's data build (data/build/coverage-files.ts), so the pages read what this code expects. The
 * raw tables are hard-linked, not copied. The prerendered first views stay the site's own. Prints the time
 * each step took and the files' sizes. Not a test.
 *
 *   npx tsx --tsconfig data/tsconfig.json tests/bench/coverage-site.ts --site build \
 *     --data bench-results/site-scale-500/data --out /tmp/coverage-site
 */
import { cp, link, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeCoverageFiles, writeCoverageIndex } from '../../data/build/coverage-files.ts';
import { COVERAGE_DIR, COVERAGE_INDEX } from '../../src/lib/data/coverage-files.ts';
import { COVERAGE_POINTS_DIR, COVERAGE_POINTS_INDEX } from '../../src/lib/data/coverage-summary.ts';
import { options } from './visit-bytes';

/** What this code's build writes for the coverage pages: never linked from the other data folder. */
const WRITTEN = new Set([COVERAGE_INDEX, COVERAGE_DIR, COVERAGE_POINTS_DIR, COVERAGE_POINTS_INDEX]);

async function bytesOf(target: string): Promise<number> {
	const s = await stat(target);
	if (!s.isDirectory()) return s.size;
	let n = 0;
	for (const entry of await readdir(target)) n += await bytesOf(path.join(target, entry));
	return n;
}

async function main() {
	const opt = options(process.argv.slice(2));
	const [siteArg, dataArg, outArg] = [opt('--site', 'build'), opt('--data', ''), opt('--out', '')];
	if (!dataArg || !outArg) throw new Error('usage: --site DIR --data DATA-DIR --out NEW-DIR');
	const [site, data, out] = [siteArg, dataArg, outArg].map((p) => path.resolve(p));
	if (out === site || out === path.dirname(data)) throw new Error('--out must be a new folder');
	await rm(out, { recursive: true, force: true });
	await cp(site, out, { recursive: true, filter: (from) => from !== path.join(site, 'data') });
	const dir = path.join(out, 'data');
	await mkdir(dir, { recursive: true });
	const linkTree = async (from: string, to: string) => {
		for (const entry of await readdir(from, { withFileTypes: true })) {
			if (from === data && WRITTEN.has(entry.name)) continue;
			if (entry.isDirectory()) {
				await mkdir(path.join(to, entry.name), { recursive: true });
				await linkTree(path.join(from, entry.name), path.join(to, entry.name));
			} else await link(path.join(from, entry.name), path.join(to, entry.name));
		}
	};
	await linkTree(data, dir);

	let t = Date.now();
	const coverage = await writeCoverageFiles(dir);
	const filesMs = Date.now() - t;
	t = Date.now();
	await writeCoverageIndex(dir, coverage);
	const indexMs = Date.now() - t;
	const mb = async (p: string) => `${((await bytesOf(path.join(dir, p))) / 1e6).toFixed(1)} MB`;
	console.log(
		[
			`${out}: coverage files written in ${(filesMs / 1000).toFixed(1)} s, coverage.json in ${(indexMs / 1000).toFixed(1)} s`,
			`summary ${coverage.summaryRows.toLocaleString('en')} rows, ${(coverage.summaryBytes / 1e6).toFixed(1)} MB`,
			`coverage.json ${await mb(COVERAGE_INDEX)}, ${COVERAGE_DIR}/ ${await mb(COVERAGE_DIR)}, ${COVERAGE_POINTS_DIR}/ ${await mb(COVERAGE_POINTS_DIR)}`
		].join('\n')
	);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
