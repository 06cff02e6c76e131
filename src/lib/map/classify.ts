/** Classification of values into map classes. */
import { quantileSorted } from 'd3-array';

/**
 * Quantile thresholds: `k` classes give at most `k - 1` increasing thresholds.
 * Ties collapse, so fewer distinct values give fewer classes.
 */
export function quantileThresholds(values: readonly (number | null)[], k: number): number[] {
	const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length === 0) return [];
	const thresholds: number[] = [];
	for (let i = 1; i < k; i++) {
		const t = quantileSorted(sorted, i / k)!;
		if (t > sorted[0] && (thresholds.length === 0 || t > thresholds[thresholds.length - 1])) thresholds.push(t);
	}
	return thresholds;
}

/** Index of the class a value falls in: values below thresholds[0] are class 0; a threshold opens its class. */
export function classIndex(value: number, thresholds: readonly number[]): number {
	let i = 0;
	while (i < thresholds.length && value >= thresholds[i]) i++;
	return i;
}
