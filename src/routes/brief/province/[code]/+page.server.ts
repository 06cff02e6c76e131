import { error } from '@sveltejs/kit';
import { bundledBriefs } from '$lib/brief/brief.server';
import { linkPreview } from '$lib/share/preview.server';

export async function entries() {
	return [...(await bundledBriefs()).provinces.keys()].map((code) => ({ code }));
}

export async function load({ params }) {
	const brief = (await bundledBriefs()).provinces.get(params.code);
	if (!brief) error(404, `No province with code ${params.code}`);
	return { brief, preview: await linkPreview({ kind: 'province', code: params.code }) };
}
