/**
 * Every character the app writes is in its self-hosted font (Noto Sans Thai from @fontsource, the
 * Thai, Latin and Latin Extended files, regular and semi-bold): a character that is not would be
 * drawn by a system font, or as a box where there is none. The browser test (tests/fonts.spec.ts)
 * checks what pages draw; this one checks the texts pages can show that no page shows on load
 * (every message of the catalogue, every component, e.g. the icons of a rejected file).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { woffCharacters } from '$lib/export/woff';
import { MESSAGES } from './messages';

const FILES = join(process.cwd(), 'node_modules/@fontsource/noto-sans-thai/files');

function fontCharacters(weight: number): Set<number> {
	const all = new Set<number>();
	for (const subset of ['thai', 'latin', 'latin-ext'])
		for (const c of woffCharacters(
			readFileSync(join(FILES, `noto-sans-thai-${subset}-${weight}-normal.woff`)),
			inflateSync
		))
			all.add(c);
	return all;
}
const regular = fontCharacters(400);
const bold = fontCharacters(600);

/** The characters of a text the font does not draw (white space and the zero-width joiners aside). */
const missing = (text: string) =>
	[...new Set(text)].filter((ch) => {
		const code = ch.codePointAt(0)!;
		return !/\s/.test(ch) && !(regular.has(code) && bold.has(code));
	});

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? svelteFiles(join(dir, entry.name))
			: entry.name.endsWith('.svelte')
				? [join(dir, entry.name)]
				: []
	);
}

describe('the self-hosted font draws every character the app writes', () => {
	it('reads the font files: Thai, Latin and the punctuation the app uses, not emoji or arrows', () => {
		expect(missing('ภาคี แอตลาส Phakhi Atlas 1–13 · … — “ ” × ÷ − ฿ ๑๒๓')).toEqual([]);
		expect(missing('🔒 ✓ ✗ ⚠ → ← ↑ ▲ ▼ 本')).toEqual(['🔒', '✓', '✗', '⚠', '→', '←', '↑', '▲', '▼', '本']);
	});

	for (const [lang, messages] of Object.entries(MESSAGES))
		it(`every message of the ${lang} catalogue`, () => {
			const bad = Object.entries(messages)
				.map(([key, text]) => [key, missing(text).join(' ')])
				.filter(([, chars]) => chars);
			expect(bad).toEqual([]);
		});

	it('every component (markup, styles and scripts)', () => {
		const bad = svelteFiles(join(process.cwd(), 'src'))
			.map((file) => [file, missing(readFileSync(file, 'utf8')).join(' ')])
			.filter(([, chars]) => chars);
		expect(bad).toEqual([]);
	});
});
