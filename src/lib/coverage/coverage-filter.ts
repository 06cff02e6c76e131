import type { AtlasDb } from '$lib/data/atlas-db';
import { openAtlasDb } from '$lib/data/browser-db';
import type { TableName } from '$lib/data/contract';
import type { CoverageFilter } from '$lib/data/coverage-queries';
import type { ViewState } from '$lib/filters/url-state';

/**
 * Tables the coverage, gap and network pages load on top of the core ones. Instalments (three per
 * project) load only when a project record is opened: see CoverageView.
 */
export const COVERAGE_TABLES: readonly TableName[] = [
	'districts',
	'partners',
	'projects',
	'networks',
	'network_provinces',
	'network_events',
	'quality_issues'
];

export function coverageFilterOf(view: ViewState, issue: string | null = view.issue): CoverageFilter {
	return { issue, types: view.types, network: view.network, year: view.year, status: view.status };
}

/** The page's database with the partner-network tables loaded too. */
export async function openCoverageDb(): Promise<AtlasDb> {
	const db = await openAtlasDb();
	await db.ensureTables(COVERAGE_TABLES);
	performance.mark('coverage:loaded');
	return db;
}
