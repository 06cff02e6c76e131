/**
 * Choropleth state without layout: from values to classes, colours and legend.
 * The MapLibre view, the ranking chart and (later) the SVG export all read it.
 */
import type { ClassMethod, SchemeId } from '$lib/filters/url-state';
import { rankPlaces, type RankPlace } from '$lib/data/ranks';
import { translate, type Lang } from '$lib/i18n';
import { classIndex, classThresholds } from './classify';
import { ramp } from './palettes';

export const NO_DATA_COLOUR = '#d9d9d9';

export interface ChoroplethInput {
	values: readonly { province_code: string; value: number | null }[];
	classes: number;
	method?: ClassMethod;
	scheme?: SchemeId;
	higherIsWorse: boolean;
}

export interface LegendClass {
	colour: string;
	min: number;
	max: number;
	count: number;
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
}

/** A class's range as the legend prints it: one value when its ends read the same ("15.2", not "15.2 – 15.2"). */
export function legendRange(cls: Pick<LegendClass, 'min' | 'max'>, format: (v: number) => string): string {
	const [lo, hi] = [format(cls.min), format(cls.max)];
	return lo === hi ? lo : `${lo} – ${hi}`;
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
	higherIsWorse
}: ChoroplethInput): Choropleth {
	const present = values.filter(
		(v): v is { province_code: string; value: number } => v.value !== null && Number.isFinite(v.value)
	);
	const thresholds = classThresholds(
		present.map((v) => v.value),
		method,
		classes
	);
	const colours = classColours(thresholds.length + 1, higherIsWorse, scheme);
	const legend: LegendClass[] = colours.map((colour) => ({ colour, min: Infinity, max: -Infinity, count: 0 }));
	const colourOf = new Map<string, string>();
	for (const { province_code, value } of present) {
		const cls = legend[classIndex(value, thresholds)];
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
		onePerValue: present.length > 0 && new Set(present.map((v) => v.value)).size <= classes,
		noDataCount: values.length - present.length,
		colourOf,
		rankOf
	};
}
