/**
 * Choropleth state without layout: from values to classes, colours and legend.
 * The MapLibre view, the ranking chart and (later) the SVG export all read it.
 */
import type { ClassMethod, SchemeId } from '$lib/core/choices';
import { rankPlaces, type RankPlace } from '$lib/core/ranks';
import { translate, type Lang } from '$lib/i18n';
import type { TargetRow } from '$lib/core/domain';
import { meetsTarget } from '$lib/core/targets';
import { classIndex, classThresholds } from './classify';
import { ramp } from './palettes';

export const NO_DATA_COLOUR = '#d9d9d9';

export interface ChoroplethInput {
	values: readonly { province_code: string; value: number | null }[];
	classes: number;
	method?: ClassMethod;
	scheme?: SchemeId;
	higherIsWorse: boolean;
	/** For method "target": the target that judges these values; without one, quantiles are used. */
	target?: Pick<TargetRow, 'comparator' | 'value'> | null;
}

export interface LegendClass {
	colour: string;
	min: number;
	max: number;
	count: number;
	/** For the target classes: which side of the target (the legend names it instead of a range). */
	meets?: boolean;
}

export interface Choropleth {
	thresholds: number[];
	legend: LegendClass[];
	noDataCount: number;
	colourOf: Map<string, string>;
	/** True when there were no more distinct values than classes asked for: one class per value. */
	onePerValue: boolean;
	/** Each province's place among all with a value, from the worst and the best end (src/lib/data/ranks.ts). */
	rankOf: Map<string, RankPlace>;
	/** The method actually used: "target" only when a target applied. */
	method: ClassMethod;
}

/** A class's range as the legend prints it: one value when its ends read the same ("15.2", not "15.2 – 15.2"). */
export function legendRange(cls: Pick<LegendClass, 'min' | 'max'>, format: (v: number) => string): string {
	const [lo, hi] = [format(cls.min), format(cls.max)];
	return lo === hi ? lo : `${lo} – ${hi}`;
}

/** What the legend prints for a class: "Meets the target (8.1 – 12.0)" for a target class, else its range. */
export function legendLabel(lang: Lang, cls: Pick<LegendClass, 'min' | 'max' | 'meets'>, format: (v: number) => string): string {
	if (cls.meets === undefined) return legendRange(cls, format);
	return `${translate(lang, cls.meets ? 'target_meets' : 'target_misses')} (${legendRange(cls, format)})`;
}

/** The legend's method line: "Quantiles, 5 classes", or that each of few values is its own class. */
export function legendMethod(
	lang: Lang,
	method: ClassMethod,
	choropleth: Pick<Choropleth, 'legend' | 'onePerValue'>
): string {
	const k = choropleth.legend.length;
	const text = translate(lang, `legend_method_${method}`, { k });
	return choropleth.onePerValue ? `${text} · ${translate(lang, 'legend_one_class_per_value', { k })}` : text;
}

/** The darkest colour always marks the worst class, whichever direction is worse. */
export function classColours(count: number, higherIsWorse: boolean, scheme: SchemeId = 'ylorrd'): string[] {
	const colours = ramp(scheme, count);
	return higherIsWorse ? colours : colours.reverse();
}

export function buildChoropleth({
	values,
	classes,
	method = 'quantile',
	scheme = 'ylorrd',
	higherIsWorse,
	target = null
}: ChoroplethInput): Choropleth {
	const present = values.filter(
		(v): v is { province_code: string; value: number } => v.value !== null && Number.isFinite(v.value)
	);
	const byTarget = method === 'target' && target?.value != null && target.comparator !== null;
	const used: ClassMethod = byTarget ? 'target' : method === 'target' ? 'quantile' : method;
	const thresholds = byTarget ? [] : classThresholds(present.map((v) => v.value), used, classes);
	// Meets the target: the light end of the scheme; misses it: the dark end ("darker = worse").
	const colours = byTarget ? [ramp(scheme, 3)[0], ramp(scheme, 3)[2]] : classColours(thresholds.length + 1, higherIsWorse, scheme);
	const legend: LegendClass[] = colours.map((colour, i) => ({
		colour,
		min: Infinity,
		max: -Infinity,
		count: 0,
		...(byTarget ? { meets: i === 0 } : {})
	}));
	const classOf = (value: number) => (byTarget ? (meetsTarget(target as TargetRow, value) ? 0 : 1) : classIndex(value, thresholds));
	const colourOf = new Map<string, string>();
	for (const { province_code, value } of present) {
		const cls = legend[classOf(value)];
		cls.min = Math.min(cls.min, value);
		cls.max = Math.max(cls.max, value);
		cls.count++;
		colourOf.set(province_code, cls.colour);
	}
	for (const v of values) if (!colourOf.has(v.province_code)) colourOf.set(v.province_code, NO_DATA_COLOUR);

	const rankOf = rankPlaces(
		present.map((v) => ({ key: v.province_code, value: v.value })),
		higherIsWorse
	);
	return {
		thresholds,
		legend: legend.filter((c) => c.count > 0),
		onePerValue: !byTarget && present.length > 0 && new Set(present.map((v) => v.value)).size <= classes,
		noDataCount: values.length - present.length,
		colourOf,
		rankOf,
		method: used
	};
}
