import { HEALTH_ZONES } from '$lib/core/zones';
import { translate, type Lang } from '$lib/i18n';

/** The 13 health zones as select options. */
export function zoneOptions(lang: Lang): { value: string; label: string }[] {
	return HEALTH_ZONES.map((zone) => ({ value: String(zone), label: translate(lang, 'zone', { zone }) }));
}

/** Every calendar year from the first year with data to the last, gaps included (a gap is shown as missing). */
export function yearSpan(years: readonly number[]): number[] {
	if (years.length === 0) return [];
	const [first, last] = [Math.min(...years), Math.max(...years)];
	return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
