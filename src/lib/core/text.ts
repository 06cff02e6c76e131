/**
 * Text for standalone SVG: escaping, and width estimates for laying out and wrapping lines
 * without a browser (the same code runs at build time and in the page). SVG has no line
 * wrapping of its own, so titles and footnotes are broken into lines here.
 */

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** Thai marks drawn above or below the previous letter: they take no width. */
const THAI_COMBINING = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;
const NARROW = /[ilj.,:;|!'`()[\]{}\u00B7\-\u2013]/;
const WIDE = /[mwMW@%]/;

/** A character's advance in em (the estimate textWidth sums). */
function advance(ch: string): number {
	if (THAI_COMBINING.test(ch)) return 0;
	if (ch === ' ') return 0.26;
	if (/[\u0E00-\u0E7F]/.test(ch)) return 0.6;
	if (NARROW.test(ch)) return 0.3;
	if (WIDE.test(ch)) return 0.86;
	if (/[A-Z]/.test(ch)) return 0.66;
	if (/[0-9]/.test(ch)) return 0.57;
	return 0.55;
}

/** advance() of each UTF-16 code unit met so far (NaN: not yet), since charts measure the same labels on every change. */
const ADVANCES = new Float64Array(0x10000).fill(NaN);

/**
 * Approximate advance width of `text` in Noto Sans Thai at `size` px (within about 10 %:
 * enough to wrap lines and size boxes; lines are filled to 95 % of the room as a margin).
 */
export function textWidth(text: string, size: number, weight = 400): number {
	let em = 0;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
			// A character outside the Basic Multilingual Plane (two code units): an ordinary letter's width.
			em += advance(text.slice(i, i + 2));
			i++;
			continue;
		}
		let a = ADVANCES[unit];
		if (Number.isNaN(a)) a = ADVANCES[unit] = advance(text[i]);
		em += a;
	}
	return em * size * (weight >= 600 ? 1.05 : 1);
}

let segmenter: Intl.Segmenter | null | undefined;

/** Words with their trailing spaces: Thai has no spaces between words, so the segmenter finds them. */
function words(text: string): string[] {
	if (segmenter === undefined)
		segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('th', { granularity: 'word' }) : null;
	const parts = segmenter ? [...segmenter.segment(text)].map((s) => s.segment) : text.split(/(?<=\s)/);
	// Glue spaces and closing punctuation to the word before them, opening brackets to the word
	// after them, so a line never starts with a space or ")" nor ends with "(".
	const out: string[] = [];
	let opening = '';
	for (const part of parts) {
		if (/^[(\[“‘]+$/.test(part)) opening += part;
		else if (out.length > 0 && opening === '' && /^[\s,.;:)\]”’·–—]+$/.test(part)) out[out.length - 1] += part;
		else {
			out.push(opening + part);
			opening = '';
		}
	}
	if (opening) out.push(opening);
	return out;
}

/** Breaks `text` into lines no wider than `maxWidth` (a word longer than a line gets a line of its own). */
export function wrapText(text: string, maxWidth: number, size: number, weight = 400): string[] {
	const room = maxWidth * 0.95;
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		for (const word of words(paragraph)) {
			const candidate = line + word;
			if (line !== '' && textWidth(candidate.trimEnd(), size, weight) > room) {
				lines.push(line.trimEnd());
				line = word.trimStart();
			} else line = candidate;
		}
		lines.push(line.trimEnd());
	}
	return lines;
}

/** A number for an SVG attribute: at most two decimals, no trailing zeros. */
export const num = (x: number): string => String(Math.round(x * 100) / 100);
