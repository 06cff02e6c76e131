import { collectConsoleErrors, expect, test } from './fixtures';
import { watchViolations } from './helpers';
import { inLang, ROUTES } from './routes';

// The static build carries a strict Content-Security-Policy in a <meta http-equiv> (svelte.config.js):
// every page must do all it does on load without breaking it, and the policy must be the strict one.

test('every page states a strict policy in its HTML', async ({ request }) => {
	for (const route of ROUTES) {
		const html = await (await request.get(route.path)).text();
		const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html);
		expect(meta, `${route.path} has a CSP meta`).not.toBeNull();
		const policy = new Map(
			meta![1]
				.replace(/&#39;|&apos;/g, "'")
				.split(';')
				.map((d) => d.trim().split(/\s+/))
				.map(([name, ...sources]) => [name, sources] as const)
		);
		expect(policy.get('default-src')).toEqual(["'self'"]);
		expect(policy.get('connect-src')).toEqual(["'self'"]);
		expect(policy.get('object-src')).toEqual(["'none'"]);
		expect(policy.get('base-uri')).toEqual(["'self'"]);
		const scripts = policy.get('script-src')!;
		expect(scripts[0]).toBe("'self'");
		// Nothing but hashes of the page's own inline scripts: no 'unsafe-inline', no 'unsafe-eval', no hosts.
		for (const source of scripts.slice(1)) expect(source, route.path).toMatch(/^'(sha256-[A-Za-z0-9+/=]+|wasm-unsafe-eval)'$/);
		// Every inline script of the page is covered by one of the hashes.
		const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
		expect(inline.length, route.path).toBeGreaterThan(0);
		for (const body of inline) {
			const hash = await sha256(body);
			expect(scripts, `${route.path}: inline script hashed`).toContain(`'sha256-${hash}'`);
		}
	}
});

async function sha256(text: string): Promise<string> {
	const { createHash } = await import('node:crypto');
	return createHash('sha256').update(text, 'utf8').digest('base64');
}

for (const route of ROUTES)
	test(`no policy violation on ${route.path}, in Thai and in English`, async ({ page }) => {
		const violations = await watchViolations(page);
		const errors = collectConsoleErrors(page);
		for (const lang of ['th', 'en'] as const) {
			await page.goto(inLang(route.path, lang));
			await route.ready(page);
			expect(await violations(), `${route.path} (${lang})`).toEqual([]);
		}
		expect(errors).toEqual([]);
	});

// A <meta> policy does not reach workers: a worker script is governed by the policy its own response
// carries. A server that sends the policy as a header (to add frame-ancestors, say) sends it with the
// DuckDB worker script too, and there DuckDB compiles WebAssembly: it needs 'wasm-unsafe-eval'.
for (const wasm of [false, true])
	test(`a header policy on DuckDB's worker ${wasm ? "with 'wasm-unsafe-eval' works" : 'without it stops DuckDB'}`, async ({
		page
	}) => {
		const policy = `default-src 'self'; script-src 'self'${wasm ? " 'wasm-unsafe-eval'" : ''}; connect-src 'self'`;
		await page.route('**/duckdb-browser-*.worker.*.js', async (route) => {
			const response = await route.fetch();
			await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
		});
		await page.goto('/data');
		if (wasm) await expect(page.locator('.user-data')).toHaveAttribute('data-db', 'ready');
		else {
			// DuckDB's worker cannot compile its module and never answers (it reports nothing either):
			// the only difference from the case above is the missing source.
			await page.waitForTimeout(10_000);
			await expect(page.locator('.user-data')).toHaveAttribute('data-db', 'loading');
		}
	});
