import { COVERAGE_TABLES, coverageFirstView } from '$lib/coverage/coverage-filter';
import { loadPageWith } from '$lib/data/first-view.server';

export const load = () => loadPageWith(COVERAGE_TABLES, coverageFirstView);
