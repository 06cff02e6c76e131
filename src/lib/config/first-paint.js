/**
 * The one script of ours that runs before the first paint. src/hooks.server.ts writes it into every
 * page's head (app.html's `%phakhi.first-paint%`); svelte.config.js puts its hash in the policy.
 *
 * The numbers in a prerendered page are the build's answer for the address without a query, from the
 * bundled data. For any other address, or in a browser that keeps the user's own files (which may
 * change them), it marks the page, and app.css hides those numbers (`[data-numbers]`) and the map's
 * colours until the page's own script has drawn what is asked for (+layout.svelte unmarks it).
 */

/** localStorage key holding how many files the user keeps, so pages without any skip the upload code. */
export const USER_FILES_HINT = 'phakhi-atlas:user-files';

/** The class on <html> that hides the prerendered numbers. */
export const PRERENDERED_HIDDEN = 'prerendered-hidden';

// A hint that cannot be read counts as files kept (browser-db.ts reads it the same way).
export const FIRST_PAINT_SCRIPT =
	'(function(){var h;try{h=localStorage.getItem(' +
	JSON.stringify(USER_FILES_HINT) +
	')}catch(e){h="?"}if(location.search.length>1||(h!==null&&h!=="0"))document.documentElement.classList.add(' +
	JSON.stringify(PRERENDERED_HIDDEN) +
	')})()';
