import { error } from '@sveltejs/kit';
import { isLang, LANGS } from '$lib/i18n';
import { webManifest } from '$lib/share/manifest';

export const prerender = true;

export const entries = () => LANGS.map((lang) => ({ lang }));

export function GET({ params }) {
	if (!isLang(params.lang)) error(404);
	return new Response(JSON.stringify(webManifest(params.lang), null, '\t'), {
		headers: { 'Content-Type': 'application/manifest+json; charset=utf-8' }
	});
}
