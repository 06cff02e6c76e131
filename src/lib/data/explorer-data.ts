/**
 * Everything the explorer shows for one request, asked of the query module in
 * one go. The build-time snapshot (the prerendered views) is taken with it; in
 * the browser the same answers come from per-indicator cubes (cube.ts), which
 * are tested equal to it. It returns plain rows, no layout.
 */
import {
	NATION,
	type AggregateValue,
	type AtlasQueries,
	type IndicatorYearValue,
	type ProvinceValue,
	type Target,
	type TrendValue
} from '$lib/data/atlas-db';

export interface ExplorerRequest {
	indicator: string;
	year: number;
	/** Zone whose trend and issue areas are shown when no province is selected. */
	zone: number | null;
	province: string | null;
}

/** The headline indicators (one per issue area) of the focus and of the nation, every year. */
export interface ExplorerHeadlines {
	focus: IndicatorYearValue[];
	nation: IndicatorYearValue[];
}

export interface ExplorerData {
	key: string;
	values: ProvinceValue[];
	aggregates: AggregateValue[];
	/** The focus: the selected province, else the selected zone, else the nation. */
	focus: Target;
	trend: { focus: TrendValue[]; zone: TrendValue[] | null; nation: TrendValue[] };
	/** Null: not known yet (the build's snapshot holds the nation's only); the issue-area view waits for them. */
	headlines: ExplorerHeadlines | null;
}

export function requestKey(r: ExplorerRequest): string {
	return [r.indicator, r.year, r.zone ?? '', r.province ?? ''].join(':');
}

/** The place a request's trend is about: its province, else its zone, else the nation. */
export function focusOf(r: Pick<ExplorerRequest, 'province' | 'zone'>): Target {
	if (r.province) return { scope: 'province', id: r.province };
	if (r.zone !== null) return { scope: 'zone', id: String(r.zone) };
	return NATION;
}

export async function loadExplorerData(
	queries: AtlasQueries,
	request: ExplorerRequest
): Promise<ExplorerData & { headlines: ExplorerHeadlines }> {
	const focus = focusOf(request);
	const zone = request.zone === null ? null : ({ scope: 'zone', id: String(request.zone) } satisfies Target);
	const atNation = focus.scope === 'nation';
	const [values, aggregates, focusTrend, zoneTrend, nationTrend, focusHeadlines, nationHeadlines] = await Promise.all([
		queries.indicatorValues(request.indicator, request.year),
		queries.aggregates(request.indicator, request.year),
		queries.trend(request.indicator, focus),
		zone && focus.scope === 'province' ? queries.trend(request.indicator, zone) : null,
		atNation ? null : queries.trend(request.indicator, NATION),
		queries.headlineTrends(focus),
		atNation ? null : queries.headlineTrends(NATION)
	]);
	return {
		key: requestKey(request),
		values,
		aggregates,
		focus,
		trend: { focus: focusTrend, zone: zoneTrend, nation: nationTrend ?? focusTrend },
		headlines: { focus: focusHeadlines, nation: nationHeadlines ?? focusHeadlines }
	};
}
