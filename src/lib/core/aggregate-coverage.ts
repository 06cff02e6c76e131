/**
 * What a zone's, region's or the nation's figure covers. An aggregate is computed from the provinces
 * that have a value; when some have none it is a figure for part of the place, and every view says
 * so ("7 of 77 provinces, 18 % of the population"). Below a threshold it is not a figure for the
 * place at all: the query module withholds its value (NULL), so no chart, table, export or brief can
 * draw it as "Thailand" or as the zone (docs/data-contract.md, "Aggregates and their coverage").
 */

/** How much of its place an aggregate stands for. */
export interface AggregateCoverage {
	/** Provinces with a value that went into it. */
	provinces: number;
	/** Provinces of the zone, region or nation. */
	provinces_total: number;
	/** Share (0–1) of the place's population living in those provinces; null when unknown. */
	population_share: number | null;
}

/**
 * An aggregate is drawn as its place only when its provinces hold at least two thirds of the
 * place's population (or, with no population figures, two thirds of its provinces): a majority
 * large enough that the missing third could not usually turn the figure around.
 */
export const MIN_COVERAGE_SHARE = 2 / 3;

/** The share that decides: population when known, else provinces. */
export function coveredShare(c: AggregateCoverage): number {
	if (c.population_share !== null && Number.isFinite(c.population_share)) return c.population_share;
	return c.provinces_total > 0 ? c.provinces / c.provinces_total : 0;
}

/** True when the aggregate may be shown as its place (the query module withholds the others). */
export function coveredEnough(c: AggregateCoverage): boolean {
	return coveredShare(c) >= MIN_COVERAGE_SHARE - 1e-12;
}

/** True when some provinces of the place had no value: the figure must say what it covers. */
export function isPartial(c: AggregateCoverage | null | undefined): c is AggregateCoverage {
	return !!c && c.provinces < c.provinces_total;
}

/** The coverage of a profile row's zone or nation value (columns `zone_provinces`, … of ProfileRow). */
export function profileCoverage(
	row: Record<`${'zone' | 'nation'}_${'provinces' | 'provinces_total' | 'population_share'}`, number | null>,
	scope: 'zone' | 'nation'
): AggregateCoverage | null {
	const provinces = row[`${scope}_provinces`];
	const total = row[`${scope}_provinces_total`];
	if (provinces === null || total === null) return null;
	return { provinces, provinces_total: total, population_share: row[`${scope}_population_share`] };
}

/** What a trend's year covers: a zone's, region's or the nation's carries it; a province's has none. */
export function pointCoverage(p: {
	provinces?: number;
	provinces_total?: number;
	population_share?: number | null;
}): AggregateCoverage | null {
	return p.provinces === undefined || p.provinces_total === undefined
		? null
		: { provinces: p.provinces, provinces_total: p.provinces_total, population_share: p.population_share ?? null };
}
