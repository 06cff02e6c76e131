/**
 * SVG to PNG at build time (the installed app's icons, the link preview images) with resvg, drawing
 * text with the app's own font only: the self-hosted Noto Sans Thai of @fontsource (its WOFF files
 * turned back into TrueType, since resvg reads font files), never a font of the build machine, so
 * the images are the same on every machine and Thai is drawn even where the system has no Thai font.
 */
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { woffToSfnt } from '$lib/export/woff';

export const APP_FONT_FAMILY = 'Noto Sans Thai';

let fontFiles: string[] | null = null;

/** The app's font as TrueType files in a temporary folder (written once per build). */
function appFontFiles(): string[] {
	if (fontFiles) return fontFiles;
	const require = createRequire(import.meta.url);
	const source = join(dirname(require.resolve('@fontsource/noto-sans-thai/package.json')), 'files');
	const folder = join(tmpdir(), `phakhi-atlas-fonts-${process.pid}`);
	mkdirSync(folder, { recursive: true });
	fontFiles = [];
	for (const subset of ['thai', 'latin', 'latin-ext'])
		for (const weight of [400, 600]) {
			const name = `noto-sans-thai-${subset}-${weight}-normal`;
			const file = join(folder, `${name}.ttf`);
			writeFileSync(file, woffToSfnt(readFileSync(join(source, `${name}.woff`)), inflateSync));
			fontFiles.push(file);
		}
	return fontFiles;
}

/** A PNG of an SVG document, `width` pixels wide (the SVG's own size when not given). */
export function svgToPng(svg: string, width?: number): Uint8Array {
	const resvg = new Resvg(svg, {
		fitTo: width ? { mode: 'width', value: width } : { mode: 'original' },
		font: { loadSystemFonts: false, fontFiles: appFontFiles(), defaultFontFamily: APP_FONT_FAMILY },
		textRendering: 1,
		shapeRendering: 2
	});
	return resvg.render().asPng();
}
