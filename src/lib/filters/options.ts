import { translate, type Lang } from '$lib/i18n';

/** The 13 health zones as select options. */
export function zoneOptions(lang: Lang): { value: string; label: string }[] {
	return Array.from({ length: 13 }, (_, i) => ({ value: String(i + 1), label: translate(lang, 'zone', { zone: i + 1 }) }));
}
