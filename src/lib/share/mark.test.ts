import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { maskableMarkSvg, markSvg, THEME_COLOUR } from './mark';
import { svgToPng } from './raster.server';

const rgb = (png: PNG, x: number, y: number) => {
	const i = (y * png.width + x) * 4;
	return (
		'#' +
		[0, 1, 2].map((k) => png.data[i + k].toString(16).padStart(2, '0')).join('') +
		(png.data[i + 3] === 0 ? ' transparent' : '')
	);
};

describe('the mark', () => {
	it('is the favicon (one drawing, not two copies)', () => {
		expect(readFileSync(join(process.cwd(), 'static/favicon.svg'), 'utf8').trim()).toBe(markSvg());
		expect(THEME_COLOUR).toBe(
			/--accent:\s*(#[0-9a-f]{6})/.exec(readFileSync(join(process.cwd(), 'src/app.css'), 'utf8'))?.[1]
		);
	});

	it('rasterises: the icon has the colour in a circle, the maskable one fills its square', () => {
		const icon = PNG.sync.read(Buffer.from(svgToPng(markSvg(192))));
		expect([icon.width, icon.height]).toEqual([192, 192]);
		expect(rgb(icon, 0, 0)).toMatch(/transparent/);
		expect(rgb(icon, 96, 20)).toBe(THEME_COLOUR);
		expect(rgb(icon, 66, 78)).toBe('#ffffff'); // a partner (11, 13 in the 32-unit drawing)
		const maskable = PNG.sync.read(Buffer.from(svgToPng(maskableMarkSvg(512))));
		expect([maskable.width, maskable.height]).toEqual([512, 512]);
		expect(rgb(maskable, 0, 0)).toBe(THEME_COLOUR);
		expect(rgb(maskable, 511, 511)).toBe(THEME_COLOUR);
	});
});
