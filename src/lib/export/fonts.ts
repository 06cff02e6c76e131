/**
 * The page's Noto Sans Thai as @font-face rules with data: URLs, for SVG documents that must draw
 * Thai on their own: an SVG drawn onto a canvas (the PNG export) loads no external fonts, and a
 * downloaded SVG opened elsewhere has no access to the app's font files. Browser only; the files
 * are the app's own (same origin), fetched once.
 */
import latin400 from '@fontsource/noto-sans-thai/files/noto-sans-thai-latin-400-normal.woff2?url';
import latin600 from '@fontsource/noto-sans-thai/files/noto-sans-thai-latin-600-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans-thai/files/noto-sans-thai-latin-ext-400-normal.woff2?url';
import thai400 from '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff2?url';
import thai600 from '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-600-normal.woff2?url';

const THAI = 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC';
const LATIN =
	'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
	'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

const FACES: { url: string; weight: number; range: string }[] = [
	{ url: thai400, weight: 400, range: THAI },
	{ url: thai600, weight: 600, range: THAI },
	{ url: latin400, weight: 400, range: LATIN },
	{ url: latin600, weight: 600, range: LATIN },
	{ url: latinExt400, weight: 400, range: LATIN_EXT }
];

async function dataUrl(url: string): Promise<string> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: ${response.status}`);
	const bytes = new Uint8Array(await response.arrayBuffer());
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return `data:font/woff2;base64,${btoa(binary)}`;
}

let css: Promise<string> | null = null;

/** CSS with the embedded font faces (about 60 kB). */
export function embeddedFontCss(): Promise<string> {
	css ??= Promise.all(
		FACES.map(
			async (f) =>
				`@font-face{font-family:'Noto Sans Thai';font-style:normal;font-weight:${f.weight};` +
				`src:url(${await dataUrl(f.url)}) format('woff2');unicode-range:${f.range};}`
		)
	)
		.then((rules) => rules.join(''))
		.catch((e) => {
			css = null;
			throw e;
		});
	return css;
}
