/**
 * A snapshot: the answers the default view needs, taken at build time with the
 * same queries the browser runs, so the page paints (and answers its default
 * questions) before DuckDB starts.
 */
import { loadExplorerData, requestKey, type ExplorerData, type ExplorerRequest } from '$lib/explorer/explorer-data';
import type { ProjectedMap } from '$lib/map/svg-geometry';
import type { AtlasQueries } from './atlas-db';
import type { IndicatorRow, IssueAreaRow, ProvinceRow, SourceRow } from './contract';

export interface Snapshot {
	provinces: ProvinceRow[];
	indicators: IndicatorRow[];
	issueAreas: IssueAreaRow[];
	sources: SourceRow[];
	/** Years with data, for the indicators the snapshot holds views of. */
	years: Record<string, number[]>;
	/** Explorer data by request key. */
	views: Record<string, ExplorerData>;
}

/** What the prerendered page carries: the snapshot and the projected province outlines. */
export interface FirstView {
	snapshot: Snapshot;
	outline: ProjectedMap;
}

/** Takes every year of each indicator's national view (no zone or province selected). */
export async function takeSnapshot(queries: AtlasQueries, indicatorIds: readonly string[]): Promise<Snapshot> {
	const [provinces, indicators, issueAreas, sources] = await Promise.all([
		queries.provinces(),
		queries.indicators(),
		queries.issueAreas(),
		queries.sources()
	]);
	const years: Snapshot['years'] = {};
	const views: Snapshot['views'] = {};
	for (const indicator of indicatorIds) {
		years[indicator] = await queries.years(indicator);
		for (const year of years[indicator]) {
			const data = await loadExplorerData(queries, { indicator, year, zone: null, province: null });
			views[data.key] = data;
		}
	}
	return { provinces, indicators, issueAreas, sources, years, views };
}

/** Years the snapshot holds for an indicator, or null when it holds none (ask the database). */
export function snapshotYears(snapshot: Snapshot, indicatorId: string): number[] | null {
	return snapshot.years[indicatorId] ?? null;
}

export function snapshotView(snapshot: Snapshot, request: ExplorerRequest): ExplorerData | null {
	return snapshot.views[requestKey(request)] ?? null;
}
