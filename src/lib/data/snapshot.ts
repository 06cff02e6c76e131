/**
 * A snapshot: the answers the default view needs, taken at build time with the
 * same queries the browser runs, so the page paints (and answers its default
 * questions) before DuckDB starts.
 */
import { loadExplorerData, requestKey, type ExplorerData, type ExplorerRequest } from '$lib/explorer/explorer-data';
import type { ProjectedMap } from '$lib/map/svg-geometry';
import type { AtlasQueries } from './atlas-db';
import type { IndicatorRow, IssueAreaRow, ProvinceRow, SourceRow, TargetRow } from './contract';

export interface Snapshot {
	provinces: ProvinceRow[];
	indicators: IndicatorRow[];
	issueAreas: IssueAreaRow[];
	sources: SourceRow[];
	/** The national targets (few rows), so the first paint shows the target line. */
	targets: TargetRow[];
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
	const [provinces, indicators, issueAreas, sources, targets] = await Promise.all([
		queries.provinces(),
		queries.indicators(),
		queries.issueAreas(),
		queries.sources(),
		queries.targets()
	]);
	const years: Snapshot['years'] = {};
	const views: Snapshot['views'] = {};
	// The trend and the issue-area series are the same in every year's view: one object, shared, so
	// the page's serialiser (devalue keeps repeated references once) writes them once, not per year.
	const shared = new Map<string, unknown>();
	const once = <T>(value: T): T => {
		const key = JSON.stringify(value);
		if (!shared.has(key)) shared.set(key, value);
		return shared.get(key) as T;
	};
	for (const indicator of indicatorIds) {
		years[indicator] = await queries.years(indicator);
		for (const year of years[indicator]) {
			const data = await loadExplorerData(queries, { indicator, year, zone: null, province: null });
			views[data.key] = { ...data, trend: once(data.trend), headlines: once(data.headlines) };
		}
	}
	return { provinces, indicators, issueAreas, sources, targets, years, views };
}

/** Years the snapshot holds for an indicator, or null when it holds none (ask the database). */
export function snapshotYears(snapshot: Snapshot, indicatorId: string): number[] | null {
	return snapshot.years[indicatorId] ?? null;
}

export function snapshotView(snapshot: Snapshot, request: ExplorerRequest): ExplorerData | null {
	return snapshot.views[requestKey(request)] ?? null;
}
