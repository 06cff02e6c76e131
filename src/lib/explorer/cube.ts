/**
 * Per-indicator cubes: every value and pre-aggregated value of an indicator, held in memory, so a
 * change of year, zone or province is answered in the page without a round trip to DuckDB (the
 * idea behind Falcon's and Mosaic's pre-aggregated linked views). DuckDB computes the cubes
 * (AtlasDb.indicatorCubeRows, headlineRows); this module only slices them.
 *
 * The answer for a request equals loadExplorerData's for the same request, row for row and in
 * the same order (tested against DuckDB in cube.test.ts).
 */
import {
	NATION,
	type AggregateValue,
	type HeadlineRow,
	type IndicatorAggregateRow,
	type IndicatorValueRow,
	type IndicatorYearValue,
	type ProvinceValue,
	type Target,
	type TrendValue,
	valuesForProvinces
} from '$lib/data/atlas-db';
import { focusOf, requestKey, type ExplorerData, type ExplorerRequest } from '$lib/data/explorer-data';

export interface IndicatorCube {
	indicator: string;
	/** Years with at least one value, ascending. */
	years: number[];
	/** Every province (ordered by code) for every year that has rows; a missing value is null. */
	valuesByYear: Map<number, ProvinceValue[]>;
	aggregatesByYear: Map<number, AggregateValue[]>;
	/** Yearly values by target (`scope:id`), as the trend query returns them. */
	trends: Map<string, TrendValue[]>;
}

/** Headline indicators' yearly values by target (`scope:id`), ordered by indicator and year. */
export type HeadlineCube = Map<string, IndicatorYearValue[]>;

const targetKey = (scope: string, id: string) => `${scope}:${id}`;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** The cube of an indicator without any value. */
export function emptyCube(indicator: string): IndicatorCube {
	return { indicator, years: [], valuesByYear: new Map(), aggregatesByYear: new Map(), trends: new Map() };
}

/** Cubes of the indicators in `rows` (rows as AtlasDb.indicatorCubeRows orders them). */
export function buildCubes(
	provinceCodes: readonly string[],
	rows: { values: readonly IndicatorValueRow[]; aggregates: readonly IndicatorAggregateRow[] }
): Map<string, IndicatorCube> {
	const codes = [...provinceCodes].sort(byText);
	const cubes = new Map<string, IndicatorCube>();
	const cubeOf = (indicator: string) => {
		let cube = cubes.get(indicator);
		if (!cube) cubes.set(indicator, (cube = emptyCube(indicator)));
		return cube;
	};

	const found = new Map<string, Map<number, Map<string, IndicatorValueRow>>>();
	for (const row of rows.values) {
		const cube = cubeOf(row.indicator_id);
		let years = found.get(row.indicator_id);
		if (!years) found.set(row.indicator_id, (years = new Map()));
		let year = years.get(row.year);
		if (!year) years.set(row.year, (year = new Map()));
		year.set(row.province_code, row);
		push(cube.trends, targetKey('province', row.province_code), { year: row.year, value: row.value });
	}
	for (const [indicator, years] of found) {
		const cube = cubeOf(indicator);
		for (const [year, byCode] of years) {
			cube.valuesByYear.set(year, valuesForProvinces(codes, byCode));
			if ([...byCode.values()].some((r) => r.value !== null)) cube.years.push(year);
		}
		cube.years.sort((a, b) => a - b);
	}
	for (const { indicator_id, ...aggregate } of rows.aggregates) {
		const { scope, scope_id, year, value, provinces, provinces_total, population_share } = aggregate;
		const cube = cubeOf(indicator_id);
		push(cube.aggregatesByYear, year, aggregate);
		push(cube.trends, targetKey(scope, scope_id), { year, value, provinces, provinces_total, population_share });
	}
	return cubes;
}

export function buildHeadlines(rows: readonly HeadlineRow[]): HeadlineCube {
	const cube: HeadlineCube = new Map();
	for (const { scope, scope_id, indicator_id, year, value } of rows)
		push(cube, targetKey(scope, scope_id), { indicator_id, year, value });
	return cube;
}

function missingValues(codes: readonly string[]): ProvinceValue[] {
	return codes.map((province_code) => ({ province_code, value: null, numerator: null, denominator: null }));
}

/** What loadExplorerData would return for `request`, from memory. */
export function explorerDataFromCube(
	cube: IndicatorCube,
	headlines: HeadlineCube,
	provinceCodes: readonly string[],
	request: ExplorerRequest
): ExplorerData {
	const focus = focusOf(request);
	const trend = (target: Target) => cube.trends.get(targetKey(target.scope, target.id)) ?? [];
	const headlineOf = (target: Target) => headlines.get(targetKey(target.scope, target.id)) ?? [];
	const atNation = focus.scope === 'nation';
	const focusTrend = trend(focus);
	const focusHeadlines = headlineOf(focus);
	return {
		key: requestKey(request),
		values: cube.valuesByYear.get(request.year) ?? missingValues([...provinceCodes].sort(byText)),
		aggregates: cube.aggregatesByYear.get(request.year) ?? [],
		focus,
		trend: {
			focus: focusTrend,
			zone:
				request.zone !== null && focus.scope === 'province' ? trend({ scope: 'zone', id: String(request.zone) }) : null,
			nation: atNation ? focusTrend : trend(NATION)
		},
		headlines: { focus: focusHeadlines, nation: atNation ? focusHeadlines : headlineOf(NATION) }
	};
}
