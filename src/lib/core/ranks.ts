/**
 * Where a value stands among others, counted from both ends: a province is "2nd worst of 4" or
 * "3rd best of 77" by the indicator's direction (the catalogue's `higher_is_worse`). Competition
 * ranking: equal values share a place, and the next place skips ("1, 2, 2, 4").
 */

export interface RankPlace {
	/** 1 = worst: 1 + how many values are strictly worse. */
	worst: number;
	/** 1 = best: 1 + how many values are strictly better. */
	best: number;
	/** How many values were ranked. */
	of: number;
}

/** True when other values share this place (then worst + best ≤ of). */
export const isTied = (r: RankPlace): boolean => r.worst + r.best <= r.of;

/** Ranks of every keyed value; null and non-finite values are left out. */
export function rankPlaces<K>(
	items: Iterable<{ key: K; value: number | null }>,
	higherIsWorse: boolean
): Map<K, RankPlace> {
	const present = [...items].filter(
		(i): i is { key: K; value: number } => i.value !== null && Number.isFinite(i.value)
	);
	// Ascending by "badness": worse values last.
	const badness = present.map((i) => (higherIsWorse ? i.value : -i.value)).sort((a, b) => a - b);
	const of = badness.length;
	/** How many are below `x` (or at it, with `orEqual`): a binary search in the sorted list. */
	const count = (x: number, orEqual: boolean) => {
		let [lo, hi] = [0, of];
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (badness[mid] < x || (orEqual && badness[mid] === x)) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
	const out = new Map<K, RankPlace>();
	for (const item of present) {
		const b = higherIsWorse ? item.value : -item.value;
		out.set(item.key, { worst: of - count(b, true) + 1, best: count(b, false) + 1, of });
	}
	return out;
}

/** A profile row's place in its zone or in the country (columns rank_zone, rank_zone_best, provinces_zone, …). */
export function profileRank(
	row: Record<`rank_${'zone' | 'nation'}${'' | '_best'}` | `provinces_${'zone' | 'nation'}`, number>,
	scope: 'zone' | 'nation'
): RankPlace {
	return { worst: row[`rank_${scope}`], best: row[`rank_${scope}_best`], of: row[`provinces_${scope}`] };
}
