/**
 * The app's mark (three partners joined in a circle, in the accent colour): the favicon
 * (static/favicon.svg is this drawing, checked by mark.test.ts) and the installed app's icons.
 */

/** The accent colour of app.css (--accent): the mark, the browser's theme colour. */
export const THEME_COLOUR = '#0f766e';

const PARTNERS =
	'<circle cx="11" cy="13" r="4" fill="#fff"/><circle cx="21" cy="13" r="4" fill="#fff"/><circle cx="16" cy="22" r="4" fill="#fff"/>';

/** The mark on a transparent square, as the favicon; `size` gives it pixel dimensions for a rasteriser. */
export function markSvg(size?: number): string {
	const dimensions = size ? ` width="${size}" height="${size}"` : '';
	return `<svg xmlns="http://www.w3.org/2000/svg"${dimensions} viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="${THEME_COLOUR}"/>${PARTNERS}</svg>`;
}

/**
 * The mark for a "maskable" icon: the colour fills the whole square (the system cuts its own shape
 * out of it) and the partners stay within the safe zone, the centre circle of 40 % of the size.
 */
export function maskableMarkSvg(size: number): string {
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32"><rect width="32" height="32" fill="${THEME_COLOUR}"/>${PARTNERS}</svg>`;
}
