import { COVERAGE_TABLES } from '$lib/coverage/coverage-filter';
import { gapFirstView } from '$lib/coverage/gap-result';
import { loadPageWith } from '$lib/data/first-view.server';

export const load = () => loadPageWith(COVERAGE_TABLES, gapFirstView);
