import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { hoverPlace, KHON_KAEN } from './helpers';
import { inLang, LANGS, ROUTES } from './routes';

// Every glyph in the app's own font. The test Chromium has no Thai system font (nor an emoji one),
// so a text that is not drawn with the self-hosted Noto Sans Thai falls back to a system font there
// (boxes for Thai). Chromium's DevTools protocol says, per element, which fonts drew its text
// (CSS.getPlatformFontsForNode): on every page in both languages, every text must have been drawn by
// the web font only. Form controls are checked on their own too: they must inherit the page's font.

/** The self-hosted font; its bold weight reports itself as "Noto Sans Thai SemiBold". */
const APP_FONT = 'Noto Sans Thai';

interface DomNode {
	nodeId: number;
	nodeType: number;
	nodeName: string;
	nodeValue: string;
	attributes?: string[];
	children?: DomNode[];
	shadowRoots?: DomNode[];
	contentDocument?: DomNode;
}

/** Elements (and shadow roots' elements) with a text child that is not only white space. */
function elementsWithText(root: DomNode): { node: DomNode; text: string }[] {
	const found: { node: DomNode; text: string }[] = [];
	const walk = (node: DomNode) => {
		const kids = [...(node.shadowRoots ?? []), ...(node.children ?? [])];
		if (node.nodeType === 1 && !['SCRIPT', 'STYLE', 'TITLE', 'NOSCRIPT'].includes(node.nodeName)) {
			const text = kids
				.filter((k) => k.nodeType === 3)
				.map((k) => k.nodeValue)
				.join('')
				.trim();
			if (text) found.push({ node, text });
		}
		for (const kid of kids) walk(kid);
	};
	walk(root);
	return found;
}

/** Every text on the page drawn with a font that is not the app's: "<element> "text": font". */
async function fallbackTexts(page: Page, cdp: CDPSession): Promise<string[]> {
	await cdp.send('DOM.enable');
	await cdp.send('CSS.enable');
	const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
	const bad: string[] = [];
	let drawn = 0;
	for (const { node, text } of elementsWithText(root)) {
		// A node the page replaced after the walk (a view still updating) has no fonts to ask for.
		const answer = (await cdp
			.send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId })
			.catch((e: Error) => {
				if (/Could not find node/.test(e.message)) return null;
				throw e;
			})) as { fonts: { familyName: string; isCustomFont: boolean; glyphCount: number }[] } | null;
		if (!answer) continue;
		const { fonts } = answer;
		if (fonts.length > 0) drawn++;
		for (const font of fonts)
			if (!font.isCustomFont || !font.familyName.startsWith(APP_FONT))
				bad.push(
					`<${node.nodeName.toLowerCase()}> "${text.slice(0, 60)}": ${font.familyName} (${font.glyphCount} glyphs)`
				);
	}
	// The walk found the page's text (a page with nothing drawn would pass vacuously).
	expect(drawn).toBeGreaterThan(5);
	return bad;
}

/** Form controls whose font is not the page's (they do not inherit it by default). */
function controlsNotInheriting(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const pageFont = getComputedStyle(document.body).fontFamily;
		return [...document.querySelectorAll('button, select, input, textarea')]
			.filter((el) => getComputedStyle(el).fontFamily !== pageFont)
			.map((el) => `${el.outerHTML.slice(0, 80)}: ${getComputedStyle(el).fontFamily}`);
	});
}

async function expectAppFontOnly(page: Page) {
	await page.evaluate(() => document.fonts.ready);
	const cdp = await page.context().newCDPSession(page);
	expect(await controlsNotInheriting(page), 'controls that do not inherit the font').toEqual([]);
	expect(await fallbackTexts(page, cdp), 'texts drawn in a fallback font').toEqual([]);
	await cdp.detach();
}

for (const route of ROUTES)
	for (const lang of LANGS)
		test(`app font only: ${route.path} in ${lang === 'th' ? 'Thai' : 'English'}`, async ({ page }) => {
			await page.goto(inLang(route.path, lang));
			await route.ready(page);
			await expectAppFontOnly(page);
		});

test('app font only: a project record (its close button, named in the issue) and the map tooltip', async ({ page }) => {
	await page.goto(`/coverage?lang=th&project=${encodeURIComponent('60-ข-087')}`);
	await ROUTES.find((r) => r.path === '/coverage')!.ready(page);
	const record = page.getByRole('dialog');
	await expect(record).toBeVisible();
	await expect(record.getByRole('button')).toHaveText('ปิด');
	await expectAppFontOnly(page);

	await page.goto('/');
	await ROUTES[0].ready(page);
	await hoverPlace(page, KHON_KAEN);
	await expect(page.getByRole('tooltip')).toContainText('ขอนแก่น');
	await expectAppFontOnly(page);
});
