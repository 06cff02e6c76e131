/** A trend series written as [year, value] pairs, for the tests of the trend and its exports (trend.test.ts, parquet.test.ts). */
import type { TrendKind, TrendSeries } from './trend';

export const trendLine = (
	key: string,
	label: string,
	kind: TrendKind,
	points: readonly [year: number, value: number | null][]
): TrendSeries => ({ key, label, kind, points: points.map(([year, value]) => ({ year, value })) });
