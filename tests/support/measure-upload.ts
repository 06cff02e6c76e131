/**
 * Loads one file on the Your data page as a user would (the file input) and says how long each stage
 * took and how much memory the tab used (issue 19). Not a test: a measuring script for the figures in
 * docs/scaling.md. Needs `npm run build` first.
 *
 *   npx tsx tests/support/measure-upload.ts <file> [--port 4212] [--runs 1] [--trace] [--root build]
 *
 * Prints, per run: the time from choosing the file to each progress stage first shown and to the file's
 * final status, the renderer's peak RSS (VmHWM of its process, which holds DuckDB's and the decoder's
 * workers) and its RSS when each stage began, and the machine's load. `--trace` also prints the RSS every
 * half second (where the peak is, and what is given back when the decoder's worker ends). `--root`: another
 * build's folder (e.g. the one before a change, measured minutes apart at the same load).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { basename } from 'node:path';
import { chromium, type CDPSession } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './ensure-chromium.mjs';
import { startServer } from './serve.mjs';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : fallback;
};
const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
if (!file) throw new Error('usage: tsx tests/support/measure-upload.ts <file> [--port 4212] [--runs 1]');
const port = Number(option('--port', '4212'));
const runs = Number(option('--runs', '1'));
const query = option('--query', '');
const trace = args.includes('--trace');
readFileSync(file); // fails early on a missing file

async function rendererPids(cdp: CDPSession): Promise<Set<number>> {
	const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
		processInfo: { type: string; id: number }[];
	};
	return new Set(processInfo.filter((p) => p.type === 'renderer').map((p) => p.id));
}

async function status(pid: number): Promise<{ rss: number; hwm: number } | null> {
	try {
		const text = await readFile(`/proc/${pid}/status`, 'utf8');
		const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
		return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
	} catch {
		return null;
	}
}

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const root = option('--root', '');
const server = await startServer(root ? { port, root: realpathSync(root) } : { port });
const browser = await chromium.launch({
	executablePath: findChromium() ?? undefined,
	args: CHROMIUM_ARGS
});
try {
	for (let run = 1; run <= runs; run++) {
		const cdp = await browser.newBrowserCDPSession();
		const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
		const before = await rendererPids(cdp);
		const page = await context.newPage();
		await page.goto(`${server.url.replace(/\/$/, '')}/data?lang=en${query}`);
		await page.locator('.user-data[data-db="ready"]').waitFor({ timeout: 120_000 });
		// The page's renderer: the new one holding the most (DuckDB's wasm heap is in it by now).
		let pid: number | undefined;
		let most = -1;
		for (const p of await rendererPids(cdp)) {
			const rss = before.has(p) ? -1 : ((await status(p))?.rss ?? -1);
			if (rss > most) [pid, most] = [p, rss];
		}
		if (pid === undefined) throw new Error('no renderer process found');
		const ready = await status(pid);
		// Every change of the file's progress bar or status, with the page's clock.
		// A string, not a function: tsx would wrap a named function in a helper the page does not have.
		await page.evaluate(`(() => {
			const seen = [];
			window.__seen = seen;
			new MutationObserver(() => {
				const item = document.querySelector('li[data-file]');
				if (!item) return;
				const box = item.querySelector('[data-testid="progress"]');
				const what = item.getAttribute('data-status') + ' | ' + (box ? (box.textContent ?? '').trim() : '');
				if (seen.at(-1)?.what !== what) seen.push({ t: performance.now(), what });
			}).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
		})()`);
		const samples: { t: number; rss: number }[] = [];
		let sampling = true;
		const sampler = (async () => {
			while (sampling) {
				const st = await status(pid);
				if (st) samples.push({ t: Date.now(), rss: st.rss });
				await new Promise((r) => setTimeout(r, 100));
			}
		})();
		const load0 = loadavg()[0];
		const t0 = (await page.evaluate('performance.now()')) as number;
		const wall0 = Date.now();
		await page.locator('.drop input[type=file]').setInputFiles(file);
		const item = page.locator(`li[data-file^="${basename(file)}"]`);
		// A tab that runs out of memory crashes: say so, with the memory it had, instead of a Playwright error.
		const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
		const finished = page.waitForFunction(
			(name) =>
				['loaded', 'rejected', 'mapping'].includes(
					document.querySelector(`li[data-file^="${name}"]`)?.getAttribute('data-status') ?? ''
				),
			basename(file),
			{ timeout: 600_000, polling: 100 }
		);
		if ((await Promise.race([finished.then(() => 'done'), crashed.then(() => 'crashed')])) === 'crashed') {
			sampling = false;
			await sampler;
			const peak = samples.reduce((a, b) => (b.rss > a.rss ? b : a), samples[0]);
			console.log(
				`\nrun ${run}: ${basename(file)} → the tab CRASHED after ${s(Date.now() - wall0)}, load ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}; highest RSS sampled ${gb(peak?.rss ?? 0)} at ${s((peak?.t ?? wall0) - wall0)}`
			);
			finished.catch(() => {});
			await context.close().catch(() => {});
			continue;
		}
		const wall1 = Date.now();
		sampling = false;
		await sampler;
		const end = await status(pid);
		const seen = (await page.evaluate('window.__seen')) as { t: number; what: string }[];
		const final = await item.getAttribute('data-status');
		const summary = ((await item.locator('.state').textContent()) ?? '').trim();
		// A rejected file: what the page told the user.
		const told = final === 'rejected' ? ((await item.textContent()) ?? '').replace(/\s+/g, ' ').trim().slice(0, 600) : '';
		console.log(
			`\nrun ${run}: ${basename(file)} → ${final} (${summary}) in ${s(wall1 - wall0)}, load ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}`
		);
		if (told) console.log(`  the page said: ${told}`);
		console.log(
			`  renderer peak RSS ${gb(end?.hwm ?? 0)} (at ready: RSS ${gb(ready?.rss ?? 0)}, peak ${gb(ready?.hwm ?? 0)})`
		);
		// Stage changes (the first of each distinct text prefix), with the RSS sampled nearest.
		let lastKey = '';
		for (const { t, what } of seen) {
			const key = what.replace(/[\d,]+/g, '#');
			if (key === lastKey) continue;
			lastKey = key;
			const wall = wall0 + (t - t0);
			const near = samples.reduce((a, b) => (Math.abs(b.t - wall) < Math.abs(a.t - wall) ? b : a), samples[0]);
			console.log(`  ${s(t - t0).padStart(7)}  rss ${gb(near?.rss ?? 0)}  ${what}`);
		}
		const peak = samples.reduce((a, b) => (b.rss > a.rss ? b : a), samples[0]);
		if (peak) console.log(`  highest RSS sampled ${gb(peak.rss)} at ${s(peak.t - wall0)}`);
		if (trace) {
			const every = samples.filter((x, i) => i === 0 || Math.floor((x.t - wall0) / 500) > Math.floor((samples[i - 1].t - wall0) / 500));
			console.log(`  RSS: ${every.map((x) => `${s(x.t - wall0)} ${(x.rss / 2 ** 30).toFixed(2)}`).join(', ')}`);
		}
		await context.close();
		await cdp.detach();
	}
} finally {
	await browser.close();
	await server.close();
}
