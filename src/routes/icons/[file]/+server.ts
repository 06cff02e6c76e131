import { error } from '@sveltejs/kit';
import { ICONS } from '$lib/share/manifest';
import { markSvg, maskableMarkSvg } from '$lib/share/mark';
import { svgToPng } from '$lib/share/raster.server';

export const prerender = true;

export const entries = () => ICONS.map(({ file }) => ({ file }));

/** The installed app's icons, drawn from the mark at build time. */
export function GET({ params }) {
	const icon = ICONS.find((i) => i.file === params.file);
	if (!icon) error(404);
	const svg = icon.purpose === 'maskable' ? maskableMarkSvg(icon.size) : markSvg(icon.size);
	return new Response(svgToPng(svg) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
}
