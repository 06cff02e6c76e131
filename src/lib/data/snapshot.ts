/**
 * A snapshot: what the explorer's views are computed from, for the indicators it holds, taken at
 * build time from the same exports with the same queries the browser runs (AtlasDb.indicatorCubeRows,
 * headlineRows), so the page paints (and answers those views) before DuckDB starts. It holds rows, not
 * finished views: the explorer slices them exactly as it slices DuckDB's (src/lib/explorer/answer.ts),
 * and a view it cannot answer from them is not answered from it at all.
 */
import type { ProjectedMap } from '$lib/map/svg-geometry';
import { NATION, type AtlasDb, type HeadlineRow, type IndicatorAggregateRow, type IndicatorValueRow } from './atlas-db';
import type { IndicatorRow, IssueAreaRow, ProvinceRow, SourceRow, TargetRow } from './contract';

export interface Snapshot {
	provinces: ProvinceRow[];
	indicators: IndicatorRow[];
	issueAreas: IssueAreaRow[];
	sources: SourceRow[];
	/** The national targets (few rows), so the first paint shows the target line. */
	targets: TargetRow[];
	/** The indicators whose every value and aggregate (every year, province, zone, region, the nation) it holds. */
	indicatorIds: string[];
	/** Those rows, as AtlasDb.indicatorCubeRows returns them. */
	cubeRows: { values: IndicatorValueRow[]; aggregates: IndicatorAggregateRow[] };
	/** The targets (`scope:id`) whose headline rows it holds: the nation's only (every province's would weigh ~600 kB). */
	headlineTargets: string[];
	/** Their rows, as AtlasDb.headlineRows returns them. */
	headlineRows: HeadlineRow[];
}

/** What the prerendered page carries: the snapshot and the projected province outlines. */
export interface FirstView {
	snapshot: Snapshot;
	outline: ProjectedMap;
}

type SnapshotQueries = Pick<
	AtlasDb,
	'provinces' | 'indicators' | 'issueAreas' | 'sources' | 'targets' | 'indicatorCubeRows' | 'headlineRows'
>;

/** Takes the reference tables, and every row the explorer's views of `indicatorIds` are made of. */
export async function takeSnapshot(db: SnapshotQueries, indicatorIds: readonly string[]): Promise<Snapshot> {
	const [provinces, indicators, issueAreas, sources, targets] = await Promise.all([
		db.provinces(),
		db.indicators(),
		db.issueAreas(),
		db.sources(),
		db.targets()
	]);
	const held = indicatorIds.length > 0;
	const cubeRows = held ? await db.indicatorCubeRows(indicatorIds) : { values: [], aggregates: [] };
	const headlineTargets = held ? [`${NATION.scope}:${NATION.id}`] : [];
	const headlineRows = held
		? (await db.headlineRows()).filter((r) => headlineTargets.includes(`${r.scope}:${r.scope_id}`))
		: [];
	return {
		provinces,
		indicators,
		issueAreas,
		sources,
		targets,
		indicatorIds: [...indicatorIds],
		cubeRows,
		headlineTargets,
		headlineRows
	};
}
