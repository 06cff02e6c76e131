import type { Handle } from '@sveltejs/kit';
import { FIRST_PAINT_SCRIPT } from '$lib/config/first-paint.js';

/** Every page's head gets the script that hides prerendered numbers not meant for its address (first-paint.js). */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { transformPageChunk: ({ html }) => html.replace('%phakhi.first-paint%', FIRST_PAINT_SCRIPT) });
