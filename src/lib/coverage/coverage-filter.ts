import { CORE_TABLES, type AtlasDb } from '$lib/data/atlas-db';
import type { CoverageAnswers } from '$lib/data/coverage-index';
import {
	buildCoverageFiles,
	buildCubeFiles,
	mayHaveUserFiles,
	openAtlasDb,
	userDataTables
} from '$lib/data/browser-db';
import type { CubeFiles } from '$lib/data/cube-files';
import type { CoverageFiles } from '$lib/data/coverage-files';
import type { TableName } from '$lib/data/contract';
import type { CoverageFilter, ProvinceCoverage, UncoveredDistrict } from '$lib/data/coverage-queries';
import { parseViewState, type ViewState } from '$lib/filters/url-state';

/**
 * Tables the coverage, gap and network pages load besides the provinces. Their counts come from the
 * build's summary and their points province by province (src/lib/data/coverage-summary.ts), so the
 * partners and projects themselves load only where a page lists them (NETWORK_TABLES), a project
 * record is opened, or the user's own files replaced them (then the summary is computed from them).
 * Instalments (three per project) load only when a project record is opened: see CoverageView.
 */
export const COVERAGE_TABLES: readonly TableName[] = [
	'districts',
	'networks',
	'network_provinces',
	'network_events',
	'quality_issues'
];

/** The raw partners and projects: the network page lists them. */
export const NETWORK_TABLES: readonly TableName[] = ['partners', 'projects'];

/**
 * What the coverage and network pages open their database with: the provinces and COVERAGE_TABLES,
 * not the explorer's indicator tables (CORE_TABLES), which they never read and which at a national
 * size take seconds to load (issue 19). The gaps page reads an indicator too: GAP_TABLES.
 */
export const COVERAGE_PAGE_TABLES: readonly TableName[] = ['provinces', ...COVERAGE_TABLES];
export const GAP_TABLES: readonly TableName[] = [...CORE_TABLES, ...COVERAGE_TABLES];

export function coverageFilterOf(view: ViewState, issue: string | null = view.issue): CoverageFilter {
	return { issue, types: view.types, network: view.network, year: view.year, status: view.status };
}

/**
 * The build's coverage files, read without DuckDB (issues 19 and 21), where no user file kept in this
 * browser can have changed what they were computed from; else null, and the page asks DuckDB.
 */
export function coverageFilesUsable(): CoverageFiles | null {
	return mayHaveUserFiles() ? null : buildCoverageFiles();
}

/** The build's cube files (the gap page's burden indicator), on the same terms as coverageFilesUsable. */
export function cubeFilesUsable(): CubeFiles | null {
	return mayHaveUserFiles() ? null : buildCubeFiles();
}

/**
 * The page's database with the partner-network tables loaded, and `extra`. Where the user's own
 * partners or projects are kept, both load, and the coverage summary is computed from them.
 */
export async function openCoverageDb(extra: readonly TableName[] = []): Promise<AtlasDb> {
	const db = await openAtlasDb([...COVERAGE_PAGE_TABLES, ...extra]);
	const own = [...userDataTables()].some((t) => (NETWORK_TABLES as readonly string[]).includes(t));
	if (own) await db.ensureTables(NETWORK_TABLES);
	return db;
}

/** What the coverage page shows for a filter: its counts by province and the districts nobody covers. */
export interface CoverageResult {
	/** The filter, as `coverageFilterKey` writes it. */
	key: string;
	rows: ProvinceCoverage[];
	uncovered: UncoveredDistrict[];
}

export const coverageFilterKey = (filter: CoverageFilter): string => JSON.stringify(filter);

/** The filter's counts, answered from memory (the summary) at once. */
export function coverageResult(answers: CoverageAnswers, filter: CoverageFilter): CoverageResult {
	return {
		key: coverageFilterKey(filter),
		rows: answers.byProvince(filter),
		uncovered: answers.uncoveredDistricts(filter)
	};
}

/** The page's first view, prerendered: the result for a URL without filters. */
export async function coverageFirstView(db: AtlasDb): Promise<CoverageResult> {
	return coverageResult(await db.coverageAnswers(), coverageFilterOf(parseViewState(new URLSearchParams())));
}
