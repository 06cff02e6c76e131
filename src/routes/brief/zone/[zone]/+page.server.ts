import { error } from '@sveltejs/kit';
import { bundledBriefs } from '$lib/brief/brief.server';
import { linkPreview } from '$lib/share/preview.server';

export async function entries() {
	return [...(await bundledBriefs()).zones.keys()].map((zone) => ({ zone: String(zone) }));
}

export async function load({ params }) {
	const brief = (await bundledBriefs()).zones.get(Number(params.zone));
	if (!brief || !/^\d{1,2}$/.test(params.zone)) error(404, `No health zone ${params.zone}`);
	return { brief, preview: await linkPreview({ kind: 'zone', zone: brief.zone }) };
}
