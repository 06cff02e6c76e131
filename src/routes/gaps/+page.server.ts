import { COVERAGE_TABLES } from '$lib/coverage/coverage-filter';
import { gapFirstView } from '$lib/coverage/gap-result';
import { coveragePreloads, loadPageWith } from '$lib/server/first-view';
import { linkPreview } from '$lib/share/preview.server';

export const load = async () => ({
	...(await loadPageWith(COVERAGE_TABLES, gapFirstView)),
	preload: await coveragePreloads(true),
	preview: await linkPreview({ kind: 'nation' }, 'nav_gaps')
});
