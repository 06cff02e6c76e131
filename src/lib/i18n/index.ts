import { DEFAULT_LANG, LANGS, MESSAGES, type Lang, type MessageKey } from './messages';

export { DEFAULT_LANG, LANGS, type Lang, type MessageKey };

export function isLang(value: unknown): value is Lang {
	return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Look up a message and fill its `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
	return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** Pick the Thai or English variant of a bilingual field (`name_th` / `name_en`), falling back to English. */
export function localized<F extends string>(
	record: Record<`${F}_${Lang}`, string | null>,
	field: F,
	lang: Lang
): string {
	return record[`${field}_${lang}`] ?? record[`${field}_en` as `${F}_${Lang}`] ?? '';
}

const locales: Record<Lang, string> = { th: 'th-TH', en: 'en-GB' };

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(lang: Lang, value: number | null | undefined, decimals = 0): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	const key = `${lang}:${decimals}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locales[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
		numberFormats.set(key, format);
	}
	return format.format(value);
}

/** Thai readers count years in the Buddhist era: พ.ศ. = ค.ศ. + 543. */
export function formatYear(lang: Lang, year: number): string {
	return lang === 'th' ? `พ.ศ. ${year + 543}` : String(year);
}

export function formatDate(lang: Lang, isoDate: string): string {
	const date = new Date(`${isoDate}T00:00:00Z`);
	const locale = lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB';
	return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
		date
	);
}
