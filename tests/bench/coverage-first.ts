/**
 * The coverage pages' first answers, cold (issue 19/21): for each route, a fresh phone context (service
 * worker blocked, empty cache), the marks from navigation to the page's first answers, the time a year
 * change then takes to show, and the bytes fetched before the first answer and whether the DuckDB wasm
 * was among them, and the peak resident memory of the page's renderer process (VmHWM: its workers and
 * wasm memory included). Not a test: it prints figures.
 *
 *   npx tsx tests/bench/coverage-first.ts [--site build] [--runs 3] [--routes /coverage,/gaps,/networks] [--requests]
 *
 * `--requests` lists each request before the first answer (when it finished, ms after the navigation started;
 * its bytes; its path) and every performance mark the page set (ms after navigation).
 */
import path from 'node:path';
import { peakRss, rendererPids } from './measure';
import { countingServer, launchChromium, options } from './visit-bytes';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const MARKS = ['duckdb:ready', 'coverage:loaded'];

async function main() {
	const opt = options(process.argv.slice(2));
	const root = path.resolve(opt('--site', 'build'));
	const runs = Number(opt('--runs', '3'));
	const routes = opt('--routes', '/coverage,/gaps,/networks').split(',');
	const listRequests = process.argv.includes('--requests');
	const browser = await launchChromium();
	const server = await countingServer(root);
	const cdp = await browser.newBrowserCDPSession();
	try {
		for (const route of routes)
			for (let run = 0; run < runs; run++) {
				server.reset();
				const before = await rendererPids(cdp);
				const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
				const page = await context.newPage();
				await page.goto(`${server.url}${route}?lang=en`);
				// The page's first answer from data (not the prerendered view): the data attribute each page sets.
				const ready = route === '/networks' ? '.networks[data-network]:not([data-network=""])' : '[data-db="ready"]';
				await page.waitForSelector(ready, { timeout: 120_000, state: 'attached' });
				const marks = await page.evaluate((names) => {
					const at: Record<string, number> = {};
					for (const name of names) {
						const m = performance.getEntriesByName(name)[0];
						if (m) at[name] = Math.round(m.startTime);
					}
					at.now = Math.round(performance.now());
					const updated = performance.getEntriesByName('view:updated')[0];
					if (updated) at['view:updated'] = Math.round(updated.startTime);
					return at;
				}, MARKS);
				const log = [...server.log];
				const bytes = log.reduce((n, r) => n + r.bytes, 0);
				const wasm = log.some((r) => r.file.endsWith('.wasm'));
				// The page's renderer: the busiest renderer process that appeared with this context.
				const fresh = [...(await rendererPids(cdp))].filter(([pid]) => !before.has(pid)).sort((a, b) => b[1] - a[1]);
				const rss = fresh.length > 0 ? await peakRss(fresh[0][0]) : null;
				console.log(
					`${route} run ${run + 1}: ${JSON.stringify(marks)} · ${(bytes / 1e6).toFixed(2)} MB in ${log.length} requests before ready, wasm ${wasm ? 'fetched' : 'not fetched'}, renderer peak RSS ${rss === null ? '?' : `${(rss / 1e9).toFixed(2)} GB`}`
				);
				if (listRequests) {
					for (const r of log)
						console.log(`  ${String(r.at).padStart(6)} ms ${String(r.bytes).padStart(10)} B ${r.file}`);
					const all = await page.evaluate(() =>
						performance.getEntriesByType('mark').map((m) => [Math.round(m.startTime), m.name] as const)
					);
					for (const [at, name] of all) console.log(`  ${String(at).padStart(6)} ms mark ${name}`);
				}
				await context.close();
			}
	} finally {
		await server.close();
		await browser.close();
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
