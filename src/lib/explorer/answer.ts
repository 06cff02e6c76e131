/**
 * Which numbers the explorer draws for a request: the exact answer for that request, from the
 * database's cubes or else from the build's snapshot, or none at all, and then the views show
 * placeholders. Never another request's answer (the year before, the view before a filter change,
 * the snapshot's default view): a number on screen is always the number its labels name.
 *
 * Pure functions over cube sources, so the rule is tested without a DOM (answer.test.ts).
 */
import { NATION, type Target } from '$lib/data/atlas-db';
import { snapshotCubeRows, type Snapshot } from '$lib/data/snapshot';
import { buildCubes, buildHeadlines, explorerDataFromCube, type HeadlineCube, type IndicatorCube } from './cube';
import { focusOf, type ExplorerData, type ExplorerRequest } from '$lib/data/explorer-data';

/** Cubes an answer can be sliced from: DuckDB's (CubeStore, filled as they arrive) or the snapshot's. */
export interface CubeSource {
	get(indicator: string): IndicatorCube | null;
	/** Null while not fetched. */
	readonly headlines: HeadlineCube | null;
	/** The targets (`scope:id`) `headlines` holds; absent: every target (DuckDB's). */
	readonly headlineTargets?: ReadonlySet<string>;
	readonly provinceCodes: readonly string[];
}

/** The snapshot as a cube source: every view of the indicators it holds, the issue areas of the nation only. */
export function snapshotSource(snapshot: Snapshot): CubeSource {
	const provinceCodes = snapshot.provinces.map((p) => p.province_code);
	const cubes = buildCubes(provinceCodes, snapshotCubeRows(snapshot));
	return {
		get: (indicator) => (snapshot.indicatorIds.includes(indicator) ? (cubes.get(indicator) ?? null) : null),
		headlines: buildHeadlines(snapshot.headlineRows),
		headlineTargets: new Set(snapshot.headlineTargets),
		provinceCodes
	};
}

/**
 * The sources to answer from, first first: DuckDB's once open, then the snapshot unless the user's
 * own files may have changed what it was taken from (kept files not yet checked, or loaded).
 */
export function answerSources(live: CubeSource | null, built: CubeSource, userData: boolean): CubeSource[] {
	return [...(live ? [live] : []), ...(userData ? [] : [built])];
}

/** The years of an indicator with data, from the first source that holds it; null when none does yet. */
export function answerYears(sources: readonly CubeSource[], indicator: string): number[] | null {
	for (const source of sources) {
		const cube = source.get(indicator);
		if (cube) return cube.years;
	}
	return null;
}

const holds = (source: CubeSource, target: Target) =>
	source.headlines !== null && (!source.headlineTargets || source.headlineTargets.has(`${target.scope}:${target.id}`));

/**
 * The answer for exactly `request`, or null when no source holds its indicator. Its `headlines` are
 * null when no source holds those of its focus (the snapshot, for a zone or a province): only the
 * issue-area view then waits.
 */
export function explorerAnswer(request: ExplorerRequest | null, sources: readonly CubeSource[]): ExplorerData | null {
	if (!request) return null;
	const from = sources.find((s) => s.get(request.indicator) !== null);
	if (!from) return null;
	const focus = focusOf(request);
	const withHeadlines = sources.find((s) => holds(s, focus) && holds(s, NATION));
	const data = explorerDataFromCube(
		from.get(request.indicator)!,
		withHeadlines?.headlines ?? new Map(),
		from.provinceCodes,
		request
	);
	return withHeadlines ? data : { ...data, headlines: null };
}
