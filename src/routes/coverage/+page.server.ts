import { COVERAGE_TABLES, coverageFirstView } from '$lib/coverage/coverage-filter';
import { coveragePreloads, loadPageWith } from '$lib/server/first-view';
import { linkPreview } from '$lib/share/preview.server';

export const load = async () => ({
	...(await loadPageWith(COVERAGE_TABLES, coverageFirstView)),
	preload: await coveragePreloads(true),
	preview: await linkPreview({ kind: 'nation' }, 'nav_coverage')
});
