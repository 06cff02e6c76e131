/** Summary statistics for the benchmark (npm run bench). Pure functions, unit-tested in stats.test.ts. */

export interface Summary {
	n: number;
	median: number | null;
	p95: number | null;
	min: number | null;
	max: number | null;
}

const finite = (values: readonly (number | null | undefined)[]): number[] =>
	values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);

/**
 * The q-quantile (0 ≤ q ≤ 1) with linear interpolation between the two closest
 * ranks (the "type 7" definition of R and NumPy's default). Missing values are
 * ignored; null when nothing is left.
 */
export function quantile(values: readonly (number | null | undefined)[], q: number): number | null {
	if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be within [0, 1], not ${q}`);
	const sorted = finite(values);
	if (sorted.length === 0) return null;
	const h = (sorted.length - 1) * q;
	const lo = Math.floor(h);
	const hi = Math.min(lo + 1, sorted.length - 1);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export const median = (values: readonly (number | null | undefined)[]): number | null => quantile(values, 0.5);

export const p95 = (values: readonly (number | null | undefined)[]): number | null => quantile(values, 0.95);

export function summarize(values: readonly (number | null | undefined)[]): Summary {
	const sorted = finite(values);
	return {
		n: sorted.length,
		median: median(sorted),
		p95: p95(sorted),
		min: sorted.length ? sorted[0] : null,
		max: sorted.length ? sorted[sorted.length - 1] : null
	};
}

/** app ÷ baseline; null when either is missing or the baseline is not positive. */
export function ratio(app: number | null | undefined, baseline: number | null | undefined): number | null {
	if (typeof app !== 'number' || typeof baseline !== 'number' || !Number.isFinite(app) || !Number.isFinite(baseline))
		return null;
	return baseline > 0 ? app / baseline : null;
}

/** Ratios of runs taken side by side (app run i with baseline run i); pairs with a missing side are skipped. */
export function pairedRatios(
	app: readonly (number | null | undefined)[],
	baseline: readonly (number | null | undefined)[]
): number[] {
	const out: number[] = [];
	for (let i = 0; i < Math.min(app.length, baseline.length); i++) {
		const r = ratio(app[i], baseline[i]);
		if (r !== null) out.push(r);
	}
	return out;
}
