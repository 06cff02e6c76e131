import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PNG } from 'pngjs';
import { PALETTES } from '../src/lib/map/palettes';
import { expect, test } from './fixtures';

// Link previews: what a chat app or social site reads from a shared link is the prerendered HTML
// (it runs no script). Every page of the build carries Open Graph and Twitter card tags in its
// language (the HTML is the Thai page), whose image is a PNG of the build, 1200 × 630, with the
// map's colours in it. In the browser, an English page's tags are English.

const BUILD = join(process.cwd(), 'build');
const THAI = /[\u0E00-\u0E7F]/;
/** The map's classes (the explorer's default: quantiles, 5 classes, yellow–orange–red). */
const CLASS_COLOURS = PALETTES.ylorrd[5];

/** The pages people share: every prerendered page but the service worker's offline notice (offline.html). */
function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === '_app' || entry.name === 'bench' ? [] : htmlFiles(path);
		return entry.name.endsWith('.html') && !(dir === BUILD && entry.name === 'offline.html') ? [path] : [];
	});
}

const decode = (s: string) =>
	s
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

function metaTags(html: string): Map<string, string> {
	const tags = new Map<string, string>();
	for (const [, key, value] of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g))
		if (!tags.has(key)) tags.set(key, decode(value));
	return tags;
}

function colourCounts(png: PNG): number[] {
	const wanted = CLASS_COLOURS.map((c) => parseInt(c.slice(1), 16));
	const counts = wanted.map(() => 0);
	for (let i = 0; i < png.data.length; i += 4) {
		const k = wanted.indexOf((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
		if (k >= 0) counts[k]++;
	}
	return counts;
}

test('every prerendered page has Thai Open Graph and Twitter card tags, and its image is a 1200 × 630 map of the build', () => {
	const pages = htmlFiles(BUILD);
	// The sections, 77 profiles, 77 province briefs, 13 zone briefs.
	expect(pages.length).toBeGreaterThanOrEqual(5 + 77 + 77 + 13);
	const checked = new Map<string, number[]>();
	for (const file of pages) {
		const name = relative(BUILD, file);
		const tags = metaTags(readFileSync(file, 'utf8'));
		for (const key of ['og:title', 'og:description', 'og:image', 'og:site_name', 'twitter:card', 'twitter:image'])
			expect(tags.get(key), `${name}: ${key}`).toBeTruthy();
		expect(tags.get('twitter:card'), name).toBe('summary_large_image');
		expect(tags.get('og:locale'), name).toBe('th_TH');
		expect(tags.get('og:title'), name).toMatch(THAI);
		expect(tags.get('og:description'), name).toMatch(THAI);
		expect(tags.get('og:site_name'), name).toBe('ภาคี แอตลาส');

		const image = new URL(tags.get('og:image')!, 'http://site.invalid/').pathname;
		if (!checked.has(image)) {
			const path = join(BUILD, image);
			expect(existsSync(path), `${name}: ${image}`).toBe(true);
			const png = PNG.sync.read(readFileSync(path));
			expect([png.width, png.height], image).toEqual([1200, 630]);
			checked.set(image, colourCounts(png));
		}
		// Each class colour fills an area (the provinces and the legend's swatches).
		for (const [i, count] of checked.get(image)!.entries())
			expect(count, `${image}: ${CLASS_COLOURS[i]}`).toBeGreaterThan(50);
	}
	// One image per place: the country, each province (profile and brief share it), each zone.
	expect(checked.size).toBe(1 + 77 + 13);
});

test("a page's tags follow its language in the browser", async ({ page }) => {
	await page.goto('/province/40?lang=en');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'en_US');
	await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /^Khon Kaen/);
	await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
		'content',
		/Road traffic death rate, \d{4} · Khon Kaen: /
	);
	await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/preview\/province-40\.png$/);
});
