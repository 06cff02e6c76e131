/**
 * Gap analysis: burden against coverage, classed in tertiles on each axis
 * (a 3 × 3 bivariate map) and ranked so the worst gaps — high burden, thin
 * network — come first.
 */
import { quantileThresholds, classIndex } from '$lib/map/classify';

export interface GapInput {
	code: string;
	/** The burden indicator's value, already turned so that higher = worse. */
	burden: number | null;
	/** The coverage measure: higher = better covered. */
	coverage: number | null;
}

export interface GapCell {
	code: string;
	burden: number;
	coverage: number;
	/** 0 = low, 1 = middle, 2 = high tertile. */
	burdenClass: number;
	coverageClass: number;
	colour: string;
	/** Burden percentile minus coverage percentile, in [-1, 1]; higher = bigger gap. */
	gapScore: number;
}

/**
 * Joshua Stevens' blue–red bivariate scheme: burden in red (columns), coverage in
 * blue (rows). Index as BIVARIATE[coverageClass][burdenClass].
 */
export const BIVARIATE: readonly (readonly string[])[] = [
	['#e8e8e8', '#e4acac', '#c85a5a'],
	['#b0d5df', '#ad9ea5', '#985356'],
	['#64acbe', '#627f8c', '#574249']
];

function percentiles(values: number[]): Map<number, number> {
	const sorted = [...values].sort((a, b) => a - b);
	const out = new Map<number, number>();
	sorted.forEach((v, i) => {
		if (!out.has(v)) {
			const last = sorted.lastIndexOf(v);
			out.set(v, sorted.length === 1 ? 0.5 : (i + last) / 2 / (sorted.length - 1));
		}
	});
	return out;
}

export function gapCells(inputs: readonly GapInput[]): GapCell[] {
	const complete = inputs.filter(
		(i): i is GapInput & { burden: number; coverage: number } =>
			i.burden !== null && i.coverage !== null && Number.isFinite(i.burden) && Number.isFinite(i.coverage)
	);
	const bT = quantileThresholds(
		complete.map((c) => c.burden),
		3
	);
	const cT = quantileThresholds(
		complete.map((c) => c.coverage),
		3
	);
	const bP = percentiles(complete.map((c) => c.burden));
	const cP = percentiles(complete.map((c) => c.coverage));
	return complete
		.map((c) => {
			const burdenClass = Math.min(2, classIndex(c.burden, bT));
			const coverageClass = Math.min(2, classIndex(c.coverage, cT));
			return {
				code: c.code,
				burden: c.burden,
				coverage: c.coverage,
				burdenClass,
				coverageClass,
				colour: BIVARIATE[coverageClass][burdenClass],
				gapScore: bP.get(c.burden)! - cP.get(c.coverage)!
			};
		})
		.sort((a, b) => b.gapScore - a.gapScore || a.code.localeCompare(b.code));
}

export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const s = [...values].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Priority gaps: high-burden tertile and low-coverage tertile, worst first. */
export function priorityGaps(cells: readonly GapCell[]): GapCell[] {
	return cells.filter((c) => c.burdenClass === 2 && c.coverageClass === 0);
}
