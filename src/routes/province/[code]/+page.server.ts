import { error } from '@sveltejs/kit';
import { bundledProfiles } from '$lib/profile/profiles.server';
import { linkPreview } from '$lib/share/preview.server';

export async function entries() {
	return [...(await bundledProfiles()).keys()].map((code) => ({ code }));
}

export async function load({ params }) {
	const profile = (await bundledProfiles()).get(params.code);
	if (!profile) error(404, `No province with code ${params.code}`);
	return { profile, preview: await linkPreview({ kind: 'province', code: params.code }) };
}
