/**
 * The zone's and the nation's figures as the explorer draws them: a reference line labelled with
 * what it covers when some provinces had no value, no line at all when the query module withheld
 * it (too little of the place covered), and a sentence for each that the page prints under the title.
 */
import { isPartial, pointCoverage } from '$lib/core/aggregate-coverage';
import type { AggregateValue, Target, TrendValue } from '$lib/core/domain';
import type { TrendPoint, TrendSeries } from './trend';
import { formatCoverage, translate, type Lang } from '$lib/i18n';

export interface AggregateLine {
	/** What the line is labelled: the place, and what it covers when partial. */
	label: string;
	value: number;
}

export interface AggregateLines {
	/** Lines to draw, in the order asked. */
	lines: AggregateLine[];
	/** Sentences about partial and withheld figures, in the order asked. */
	notes: string[];
	/** The drawn value of each place asked for (null when none or withheld), by `scope:id`. */
	values: Map<string, number | null>;
	/** Each drawn line's label by `scope:id`. */
	labels: Map<string, string>;
}

export function aggregateLines(
	aggregates: readonly AggregateValue[],
	places: readonly (Target & { label: string })[],
	lang: Lang
): AggregateLines {
	const out: AggregateLines = { lines: [], notes: [], values: new Map(), labels: new Map() };
	for (const place of places) {
		const key = `${place.scope}:${place.id}`;
		const a = aggregates.find((x) => x.scope === place.scope && x.scope_id === place.id);
		out.values.set(key, a?.value ?? null);
		if (!a || a.provinces === 0) continue;
		const coverage = formatCoverage(lang, a);
		if (a.value === null) {
			out.notes.push(
				// The threshold in words is MIN_COVERAGE_SHARE (two thirds).
				translate(lang, 'aggregate_withheld', { place: place.label, coverage })
			);
			continue;
		}
		const label = isPartial(a) ? `${place.label} (${coverage})` : place.label;
		if (isPartial(a)) out.notes.push(translate(lang, 'aggregate_partial', { place: place.label, coverage }));
		out.labels.set(key, label);
		out.lines.push({ label, value: a.value });
	}
	return out;
}

/**
 * A trend's points, each year of a zone, region or the nation computed from part of its provinces
 * noted with what it covers ("60 of 77 provinces, 85% of the population"): the chart draws it as an
 * open point and says it in the tooltip and the table. A withheld year has no value, so no note.
 */
export function coveragePoints(points: readonly TrendValue[], lang: Lang): TrendPoint[] {
	return points.map((p) => {
		const coverage = pointCoverage(p);
		return {
			year: p.year,
			value: p.value,
			note: p.value !== null && isPartial(coverage) ? formatCoverage(lang, coverage) : null
		};
	});
}

/** The sentence under a trend with open points, or none. */
export function trendCoverageNote(series: readonly TrendSeries[], lang: Lang): string | null {
	return series.some((s) => s.points.some((p) => p.note)) ? translate(lang, 'trend_partial_note') : null;
}
