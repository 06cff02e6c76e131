/**
 * A snapshot: what the explorer's views are computed from, for the indicators it holds, taken at
 * build time from the same exports with the same queries the browser runs (AtlasDb.indicatorCubeRows,
 * headlineRows), so the page paints (and answers those views) before DuckDB starts. It holds rows, not
 * finished views: the explorer slices them exactly as it slices DuckDB's (src/lib/explorer/answer.ts),
 * and a view it cannot answer from them is not answered from it at all.
 */
import type { ProjectedMap } from '$lib/core/geometry';
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
	/** Those rows (AtlasDb.indicatorCubeRows), by column: `snapshotCubeRows` gives the rows back. */
	cubeColumns: { values: Columns<IndicatorValueRow>; aggregates: Columns<IndicatorAggregateRow> };
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
	'referenceTables' | 'indicatorCubeRows' | 'headlineRows'
>;

/** Takes the reference tables, and every row the explorer's views of `indicatorIds` are made of. */
export async function takeSnapshot(db: SnapshotQueries, indicatorIds: readonly string[]): Promise<Snapshot> {
	const { provinces, indicators, issueAreas, sources, targets } = await db.referenceTables();
	const held = indicatorIds.length > 0;
	const cubeRows = held ? await db.indicatorCubeRows(indicatorIds) : { values: [], aggregates: [] };
	const cubeColumns = { values: toColumns(cubeRows.values), aggregates: toColumns(cubeRows.aggregates) };
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
		cubeColumns,
		headlineTargets,
		headlineRows
	};
}

/** The value and aggregate rows of the indicators the snapshot holds, as AtlasDb.indicatorCubeRows returns them. */
export function snapshotCubeRows(snapshot: Snapshot): {
	values: IndicatorValueRow[];
	aggregates: IndicatorAggregateRow[];
} {
	return { values: fromColumns(snapshot.cubeColumns.values), aggregates: fromColumns(snapshot.cubeColumns.aggregates) };
}

/**
 * Rows of one shape by column, so the page carries each key once rather than in every row (about a
 * third of the size for the default indicator's 14 years); a column holding one value throughout
 * (the indicator id) is carried once.
 */
export interface Columns<T> {
	length: number;
	keys: (keyof T & string)[];
	columns: ({ all: T[keyof T] } | T[keyof T][])[];
}

export function toColumns<T extends object>(rows: readonly T[]): Columns<T> {
	const keys = rows.length > 0 ? (Object.keys(rows[0]) as (keyof T & string)[]) : [];
	const columns = keys.map((key) => {
		const column = rows.map((row) => row[key]);
		return column.every((v) => v === column[0]) ? { all: column[0] } : column;
	});
	return { length: rows.length, keys, columns };
}

export function fromColumns<T>({ length, keys, columns }: Columns<T>): T[] {
	return Array.from(
		{ length },
		(_, i) =>
			Object.fromEntries(
				keys.map((key, k) => {
					const column = columns[k];
					return [key, Array.isArray(column) ? column[i] : column.all];
				})
			) as T
	);
}
