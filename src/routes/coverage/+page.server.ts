import { COVERAGE_TABLES, coverageFirstView } from '$lib/coverage/coverage-filter';
import { loadPageWith } from '$lib/server/first-view';
import { linkPreview } from '$lib/share/preview.server';

export const load = async () => ({
	...(await loadPageWith(COVERAGE_TABLES, coverageFirstView)),
	preview: await linkPreview({ kind: 'nation' }, 'nav_coverage')
});
