import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures';
import { inLang, LANGS, ROUTES } from './routes';

// The app installs: each language's page links a web app manifest with its names, start address and
// icons drawn from the app's mark; the icons exist and decode at their stated sizes; Chromium finds
// nothing that stops an install (the DevTools protocol's installability errors); the service worker
// stores the manifests and icons (offline.spec.ts fetches them with the network cut).

const BUILD = join(process.cwd(), 'build');

interface Manifest {
	name: string;
	short_name: string;
	lang: string;
	start_url: string;
	display: string;
	theme_color: string;
	icons: { src: string; sizes: string; type: string; purpose: string }[];
}

for (const lang of LANGS)
	test(`the ${lang === 'th' ? 'Thai' : 'English'} pages link a valid manifest whose icons decode, and Chromium can install the app`, async ({
		page,
		request,
		playwright,
		launchOptions,
		baseURL
	}) => {
		await page.goto(inLang('/', lang));
		// The head follows the language once the page runs (the prerendered HTML is the Thai one).
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', new RegExp(`manifest-${lang}\\.`));
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		const url = new URL(href!, page.url());
		const response = await request.get(url.href);
		expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
		const manifest = (await response.json()) as Manifest;
		expect(manifest.lang).toBe(lang);
		// The names in the page's language: Thai script in the Thai one, none in the English one.
		const appName = lang === 'th' ? 'ภาคี แอตลาส' : 'Phakhi Atlas';
		expect(manifest.short_name).toBe(appName);
		expect(manifest.name).toContain(appName);
		expect(/[\u0E00-\u0E7F]/.test(manifest.name)).toBe(lang === 'th');
		expect(manifest.display).toBe('standalone');
		expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
		await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', manifest.theme_color);
		// The start address opens the app in the manifest's language.
		const start = new URL(manifest.start_url, url);
		expect(start.origin).toBe(url.origin);
		expect(start.searchParams.get('lang') ?? 'th').toBe(lang);

		// Every PNG icon decodes at its stated size; a 192 and a 512 one, and a maskable one that fills its square.
		const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
		for (const icon of pngs) {
			const file = await request.get(new URL(icon.src, url).href);
			expect(file.status(), icon.src).toBe(200);
			const png = PNG.sync.read(await file.body());
			expect(`${png.width}x${png.height}`, icon.src).toBe(icon.sizes);
			const corner = [...png.data.subarray(0, 4)];
			if (icon.purpose === 'maskable') expect(corner[3], `${icon.src} fills its square`).toBe(255);
		}
		expect(pngs.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
		expect(pngs.some((icon) => icon.purpose === 'maskable')).toBe(true);

		// Chromium never offers to install from an incognito profile (a test's fresh context is one):
		// ask in a profile on disk, as a user's browser would have.
		const profile = mkdtempSync(join(tmpdir(), 'phakhi-install-'));
		const browser = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
		try {
			const user = browser.pages()[0] ?? (await browser.newPage());
			await user.goto(inLang('/', lang));
			await expect(user.locator('link[rel="manifest"]')).toHaveAttribute('href', new RegExp(`manifest-${lang}\\.`));
			const cdp = await browser.newCDPSession(user);
			const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
				installabilityErrors: { errorId: string }[];
			};
			expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
		} finally {
			await browser.close();
			rmSync(profile, { recursive: true, force: true });
		}
	});

test('every page of the build links the manifest of its language, and the service worker stores both', () => {
	const html = (path: string) => readFileSync(join(BUILD, path === '/' ? 'index.html' : `${path}.html`), 'utf8');
	for (const route of ROUTES) {
		const link = /<link rel="manifest" href="([^"]+)"/.exec(html(route.path));
		expect(link?.[1], route.path).toMatch(/manifest-th\.webmanifest$/);
	}
	const worker = readFileSync(join(BUILD, 'service-worker.js'), 'utf8');
	for (const file of ['manifest-th.webmanifest', 'manifest-en.webmanifest', 'icons/icon-192.png', 'icons/icon-512.png'])
		expect(worker, file).toContain(file);
});
