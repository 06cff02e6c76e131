import { BE_OFFSET } from '../core/calendar';
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

/** A year as the reader counts it: Thai readers count in the Buddhist era (พ.ศ. = ค.ศ. + 543). */
export function calendarYear(lang: Lang, year: number): number {
	return lang === 'th' ? year + BE_OFFSET : year;
}

/** "พ.ศ. 2566" in Thai, "2023" in English. */
export function formatYear(lang: Lang, year: number): string {
	return lang === 'th' ? `พ.ศ. ${calendarYear(lang, year)}` : String(year);
}

/** The span of some years: "2011–2024", "พ.ศ. 2554–2567", or one year. */
export function yearSpan(lang: Lang, years: readonly number[]): string {
	const [first, last] = [Math.min(...years), Math.max(...years)];
	return first === last ? formatYear(lang, first) : `${formatYear(lang, first)}–${calendarYear(lang, last)}`;
}

export function formatDate(lang: Lang, isoDate: string): string {
	const date = new Date(`${isoDate}T00:00:00Z`);
	const locale = lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB';
	return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
		date
	);
}

/** The twelve months' short names, January first: "ม.ค." … "ธ.ค." / "Jan" … "Dec". */
export function monthNames(lang: Lang): string[] {
	const format = new Intl.DateTimeFormat(lang === 'th' ? 'th-TH' : 'en-GB', { month: 'short', timeZone: 'UTC' });
	return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2000, i, 1))));
}

/** A share (0–1) as a whole percentage, rounded down so a part never reads "100%": "18%". */
const shareFormats = new Map<Lang, Intl.NumberFormat>();

export function formatShare(lang: Lang, share: number): string {
	const floored = Math.floor(share * 100 + 1e-9) / 100;
	let format = shareFormats.get(lang);
	if (!format) {
		format = new Intl.NumberFormat(locales[lang], { style: 'percent', maximumFractionDigits: 0 });
		shareFormats.set(lang, format);
	}
	return format.format(floored);
}

/** What an aggregate covers, in words: "7 of 77 provinces, 18% of the population". */
export function formatCoverage(
	lang: Lang,
	c: { provinces: number; provinces_total: number; population_share: number | null }
): string {
	const vars = { provinces: c.provinces, total: c.provinces_total };
	return c.population_share === null || !Number.isFinite(c.population_share)
		? translate(lang, 'aggregate_coverage_provinces', vars)
		: translate(lang, 'aggregate_coverage', { ...vars, share: formatShare(lang, c.population_share) });
}

/**
 * An aggregate's value as tables print it: the number, with what it covers when some provinces had
 * no value ("21.4 (60 of 77 provinces, 85% of the population)"), or "–" with it when withheld.
 */
export function formatAggregate(
	lang: Lang,
	value: number | null,
	decimals: number,
	coverage: { provinces: number; provinces_total: number; population_share: number | null } | null
): string {
	const text = formatNumber(lang, value, decimals);
	return coverage && coverage.provinces < coverage.provinces_total
		? `${text} (${formatCoverage(lang, coverage)})`
		: text;
}

/** "2nd ", "3rd ", "11th ", "21st "; nothing for 1 ("worst of 4", not "1st worst of 4"). */
function englishOrdinal(n: number): string {
	if (n === 1) return '';
	const teen = n % 100 >= 11 && n % 100 <= 13;
	const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
	return `${n}${suffix} `;
}

/**
 * A rank in words, counted from the nearer end: "แย่เป็นอันดับ 2 จาก 4" / "2nd worst of 4", or
 * "ดีเป็นอันดับ 1 จาก 77" / "best of 77"; equal values share a place ("joint 2nd worst of 4").
 * Ranks come from src/lib/data/ranks.ts (1 = worst, by the indicator's direction).
 */
export function formatRank(lang: Lang, r: { worst: number; best: number; of: number } | null | undefined): string {
	if (!r) return '–';
	if (r.of <= 1) return translate(lang, 'rank_only');
	const fromWorst = r.worst <= r.best;
	const rank = fromWorst ? r.worst : r.best;
	const tied = r.worst + r.best <= r.of;
	const key = `rank_${fromWorst ? 'worst' : 'best'}${tied ? '_tied' : ''}` as const;
	// English writes the place as an ordinal ("2nd ", nothing for the first); Thai as the number.
	return translate(lang, key, { rank: lang === 'en' ? englishOrdinal(rank) : rank, of: r.of });
}
