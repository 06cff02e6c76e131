import { error } from '@sveltejs/kit';
import { previewFile, previewPng, previewSubjects } from '$lib/share/preview.server';

export const prerender = true;

export async function entries() {
	return (await previewSubjects()).map((subject) => ({ file: previewFile(subject) }));
}

/** The link preview images (src/lib/share/preview.server.ts), drawn at build time. */
export async function GET({ params }) {
	const subject = (await previewSubjects()).find((s) => previewFile(s) === params.file);
	if (!subject) error(404);
	return new Response((await previewPng(subject)) as Uint8Array<ArrayBuffer>, {
		headers: { 'Content-Type': 'image/png' }
	});
}
