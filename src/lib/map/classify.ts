/** Classification of values into map classes: each method returns increasing class thresholds. */
import { ckmeans } from 'simple-statistics';
import type { ClassMethod } from '$lib/core/choices';

const finiteSorted = (values: readonly (number | null)[]): number[] =>
	values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);

/** Keeps thresholds that split the data: above the minimum and strictly increasing. */
function distinctThresholds(candidates: number[], min: number): number[] {
	const out: number[] = [];
	for (const t of candidates) if (t > min && (out.length === 0 || t > out[out.length - 1])) out.push(t);
	return out;
}

/**
 * Equal-count classes. Each threshold is a data value, so no class is empty;
 * ties collapse, so fewer distinct values give fewer classes.
 */
export function quantileThresholds(values: readonly (number | null)[], k: number): number[] {
	const sorted = finiteSorted(values);
	if (sorted.length === 0) return [];
	return distinctThresholds(
		Array.from({ length: k - 1 }, (_, i) => sorted[Math.ceil(((i + 1) * sorted.length) / k)] ?? Infinity),
		sorted[0]
	).filter(Number.isFinite);
}

/** Classes of equal width between the minimum and the maximum. */
export function equalIntervalThresholds(values: readonly (number | null)[], k: number): number[] {
	const sorted = finiteSorted(values);
	if (sorted.length === 0) return [];
	const [min, max] = [sorted[0], sorted[sorted.length - 1]];
	return distinctThresholds(
		Array.from({ length: k - 1 }, (_, i) => min + ((i + 1) * (max - min)) / k),
		min
	);
}

/** Natural breaks: optimal 1-D k-means (ckmeans, Wang & Song 2011), via simple-statistics. */
export function naturalBreaksThresholds(values: readonly (number | null)[], k: number): number[] {
	const sorted = finiteSorted(values);
	if (sorted.length === 0) return [];
	const clusters = ckmeans(sorted, Math.min(k, new Set(sorted).size));
	return distinctThresholds(
		clusters.slice(1).map((cluster) => cluster[0]),
		sorted[0]
	);
}

/**
 * Thresholds of at most `k` classes, and never more classes than distinct values: with `k` or
 * fewer distinct values each value is a class of its own, whatever the method.
 */
export function classThresholds(values: readonly (number | null)[], method: ClassMethod, k: number): number[] {
	const distinct = [...new Set(finiteSorted(values))];
	if (distinct.length <= k) return distinct.slice(1);
	switch (method) {
		case 'equal':
			return equalIntervalThresholds(values, k);
		case 'jenks':
			return naturalBreaksThresholds(values, k);
		default:
			return quantileThresholds(values, k);
	}
}

/** Index of the class a value falls in: values below thresholds[0] are class 0; a threshold opens its class. */
export function classIndex(value: number, thresholds: readonly number[]): number {
	let i = 0;
	while (i < thresholds.length && value >= thresholds[i]) i++;
	return i;
}
