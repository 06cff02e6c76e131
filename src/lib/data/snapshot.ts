/**
 * A snapshot: the few query answers the first view needs, taken at build time
 * so the page paints (and answers its default questions) before DuckDB starts.
 */
import type { AtlasQueries, ProvinceValue } from './atlas-db';
import type { ProjectedMap } from '$lib/map/svg-geometry';
import type { IndicatorRow, ProvinceRow, SourceRow } from './contract';

export interface Snapshot {
	provinces: ProvinceRow[];
	indicators: IndicatorRow[];
	sources: SourceRow[];
	/** indicator id → year → one row per province. */
	values: Record<string, Record<number, ProvinceValue[]>>;
}

/** What the prerendered page carries: the snapshot and the projected province outlines. */
export interface FirstView {
	snapshot: Snapshot;
	outline: ProjectedMap;
}

export async function takeSnapshot(queries: AtlasQueries, indicatorIds: readonly string[]): Promise<Snapshot> {
	const [provinces, indicators, sources] = await Promise.all([
		queries.provinces(),
		queries.indicators(),
		queries.sources()
	]);
	const values: Snapshot['values'] = {};
	for (const id of indicatorIds) {
		values[id] = {};
		for (const year of await queries.years(id)) values[id][year] = await queries.indicatorValues(id, year);
	}
	return { provinces, indicators, sources, values };
}

/** Years the snapshot holds for an indicator, or null when it holds none (ask the database). */
export function snapshotYears(snapshot: Snapshot, indicatorId: string): number[] | null {
	const byYear = snapshot.values[indicatorId];
	return byYear
		? Object.keys(byYear)
				.map(Number)
				.sort((a, b) => a - b)
		: null;
}

export function snapshotValues(snapshot: Snapshot, indicatorId: string, year: number): ProvinceValue[] | null {
	return snapshot.values[indicatorId]?.[year] ?? null;
}
