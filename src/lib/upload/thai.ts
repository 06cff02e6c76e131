/**
 * Thai realities of users' own exports, as pure functions: province names instead of codes
 * (with the common prefixes, abbreviations, spelling variants and romanisations), Buddhist-era
 * years, Thai dates ("1 ม.ค. 2561") and amounts written with thousands separators or Thai digits.
 * Every parser returns null for what it cannot read; it never guesses silently beyond the rules here.
 */
import { BE_OFFSET } from '$lib/core/calendar';
import { arabicDigits, englishKey, foldThai, SPACES } from '$lib/core/province-names';
import { MISSING_TEXT } from '$lib/core/written-values';

export { MISSING_TEXT };

export {
	arabicDigits,
	createProvinceResolver,
	foldThai,
	PROVINCE_ALIASES,
	type ProvinceMatch,
	type ProvinceName,
	type ProvinceResolver
} from '$lib/core/province-names';

// ---------------------------------------------------------------------------------------------
// Districts

export interface DistrictName {
	district_code: string;
	province_code: string;
	name_th: string;
	name_en: string;
}

/** Prefixes and suffixes that say "district": อำเภอ, อ., กิ่งอำเภอ, เขต (Bangkok), Amphoe, Khet, District. */
function stripDistrictWords(text: string): string {
	return text
		.normalize('NFC')
		.trim()
		.replace(/^(กิ่งอำเภอ|อำเภอ|อ\.|อ\s+|เขต)\s*/u, '')
		.replace(/^(king\s+)?(amphoe|amphur|amphor|khet)\s+/i, '')
		.replace(/\s+(district|dist\.?)$/i, '')
		.trim();
}

/** How a district was placed: its code, its name, or "เมือง" / "Mueang" for the province's capital district. */
export interface DistrictMatch {
	code: string;
	how: 'code' | 'name';
}

/** A district written as its code or its name, within its row's province (null when that is not known). */
export type DistrictResolver = (raw: string, provinceCode: string | null) => DistrictMatch | null;

/**
 * Reads a district as people write it: its four-digit code ("4001", "TH4001"), or its Thai or English
 * name within the row's province (อ.เมืองขอนแก่น, อำเภอบ้านไผ่, เขตพระนคร, Mueang Khon Kaen, Ban Phai
 * District), including the capital district as "อ.เมือง" / "Mueang". A name is only read within its
 * province: many districts share a name (there are several "Nong Bua"s), so without one it is not placed.
 */
export function createDistrictResolver(districts: readonly DistrictName[]): DistrictResolver {
	const codes = new Set(districts.map((d) => d.district_code));
	const byName = new Map<string, string | null>();
	const add = (key: string, code: string) => byName.set(key, byName.has(key) && byName.get(key) !== code ? null : code);
	for (const d of districts) {
		add(`${d.province_code}:${foldThai(d.name_th)}`, d.district_code);
		add(`${d.province_code}:${englishKey(d.name_en)}`, d.district_code);
		// The capital district (code ..01): "เมืองขอนแก่น" is "อ.เมือง" to the people of Khon Kaen.
		if (d.district_code.endsWith('01') && foldThai(d.name_th).startsWith('เมือง')) {
			add(`${d.province_code}:เมือง`, d.district_code);
			add(`${d.province_code}:mueang`, d.district_code);
			add(`${d.province_code}:muang`, d.district_code);
		}
	}
	return (raw: string, provinceCode: string | null): DistrictMatch | null => {
		const text = arabicDigits(raw.normalize('NFC')).replace(SPACES, ' ').trim();
		if (text === '') return null;
		const code = /^(?:TH)?(\d{4})(?:\.0+)?$/i.exec(text);
		if (code) return codes.has(code[1]) ? { code: code[1], how: 'code' } : null;
		if (provinceCode === null) return null;
		const stripped = stripDistrictWords(text);
		const english = englishKey(stripped);
		const found =
			byName.get(`${provinceCode}:${foldThai(stripped)}`) ??
			(english.length >= 2 ? byName.get(`${provinceCode}:${english}`) : undefined);
		return found ? { code: found, how: 'name' } : null;
	};
}

// ---------------------------------------------------------------------------------------------
// Years and dates

/** Earliest and latest Common Era years accepted. */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2200;

/** Buddhist-era years are BE_OFFSET (543) more than Common Era years; a year of 2400 or more is taken as BE. */
export { BE_OFFSET };
export const BE_THRESHOLD = 2400;

/** A year as written ("2561", "พ.ศ. 2561", "ปี 2018", "ค.ศ. 2018", "๒๕๖๑", 2561) → Common Era, or null. */
export function parseYear(raw: unknown): number | null {
	if (typeof raw === 'number') return raw % 1 === 0 ? yearFromNumber(raw, null) : null;
	if (typeof raw === 'bigint') return yearFromNumber(Number(raw), null);
	if (typeof raw !== 'string') return null;
	let text = arabicDigits(raw.normalize('NFC')).replace(SPACES, ' ').trim();
	let era: 'be' | 'ce' | null = null;
	if (/พ\.?\s*ศ\.?|\bB\.?\s*E\.?(?![a-z])/i.test(text)) era = 'be';
	if (/ค\.?\s*ศ\.?|\b(C\.?\s*E|A\.?\s*D)\.?(?![a-z])/i.test(text)) era = 'ce';
	text = text
		.replace(
			/ปีงบประมาณ|ปีงบฯ?|ปี|พ\.?\s*ศ\.?|ค\.?\s*ศ\.?|\b(fiscal\s+year|fy|year|B\.?\s*E|C\.?\s*E|A\.?\s*D)\.?(?![a-z])/gi,
			''
		)
		.trim();
	const m = /^(\d{2}|\d{4})(?:\.0+)?$/.exec(text);
	if (!m) return null;
	let year = Number(m[1]);
	if (m[1].length === 2) {
		// Two digits only with an explicit era: "พ.ศ. 61" = 2561.
		if (era === 'be') year += 2500;
		else return null;
	}
	return yearFromNumber(year, era);
}

function yearFromNumber(year: number, era: 'be' | 'ce' | null): number | null {
	if (!Number.isFinite(year) || year % 1 !== 0) return null;
	const ce = era === 'be' || (era === null && year >= BE_THRESHOLD) ? year - BE_OFFSET : year;
	return ce >= MIN_YEAR && ce <= MAX_YEAR ? ce : null;
}

/** Thai and English month names and abbreviations, folded (no dots or spaces), to month numbers. */
const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
	[1, ['มค', 'มกราคม', 'jan', 'january']],
	[2, ['กพ', 'กุมภาพันธ์', 'กุมภา', 'feb', 'february']],
	[3, ['มีค', 'มีนาคม', 'มีนา', 'mar', 'march']],
	[4, ['เมย', 'เมษายน', 'เมษา', 'apr', 'april']],
	[5, ['พค', 'พฤษภาคม', 'พฤษภา', 'may']],
	[6, ['มิย', 'มิถุนายน', 'มิถุนา', 'jun', 'june']],
	[7, ['กค', 'กรกฎาคม', 'กรกฎา', 'jul', 'july']],
	[8, ['สค', 'สิงหาคม', 'สิงหา', 'aug', 'august']],
	[9, ['กย', 'กันยายน', 'กันยา', 'sep', 'sept', 'september']],
	[10, ['ตค', 'ตุลาคม', 'ตุลา', 'oct', 'october']],
	[11, ['พย', 'พฤศจิกายน', 'พฤศจิกา', 'nov', 'november']],
	[12, ['ธค', 'ธันวาคม', 'ธันวา', 'dec', 'december']]
];
for (const [month, names] of MONTH_NAMES) for (const name of names) MONTHS[foldThai(name)] = month;

function monthOf(word: string): number | null {
	return MONTHS[foldThai(word).replace(/\./g, '')] ?? null;
}

/** A full year from a written one: 4 digits as is; 2 digits ≥ 40 are BE 25xx (Thai usage, "61" = 2561), else CE 20xx. */
function fullYear(digits: string, era: 'be' | 'ce' | null): number | null {
	let year = Number(digits);
	if (digits.length === 2) {
		if (era === 'ce') year += 2000;
		else if (era === 'be' || year >= 40) year += 2500;
		else year += 2000;
	} else if (digits.length !== 4) return null;
	return yearFromNumber(year, era);
}

function isoDate(year: number | null, month: number | null, day: number): string | null {
	if (year === null || month === null || month < 1 || month > 12 || day < 1 || day > 31) return null;
	const d = new Date(Date.UTC(year, month - 1, day));
	if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date as Thai systems and spreadsheets write it → ISO "YYYY-MM-DD" (Common Era), or null:
 * "1 ม.ค. 2561", "1 มกราคม พ.ศ. 2561", "วันที่ 1 ม.ค. 61", "01/01/2561" (day first), "1-1-61",
 * "2561-01-01", "2018-01-01", "2018-01-01 00:00:00", "1 Jan 2018", Thai digits. Two-digit years
 * of 40 or more are BE (61 = 2561 = 2018), below 40 are CE (18 = 2018).
 */
export function parseThaiDate(raw: unknown): string | null {
	if (raw instanceof Date) {
		if (Number.isNaN(raw.getTime())) return null;
		const y = raw.getUTCFullYear();
		return isoDate(y >= BE_THRESHOLD ? y - BE_OFFSET : y, raw.getUTCMonth() + 1, raw.getUTCDate());
	}
	if (typeof raw !== 'string') return null;
	let text = arabicDigits(raw.normalize('NFC')).replace(SPACES, ' ').trim();
	if (text === '') return null;
	let era: 'be' | 'ce' | null = null;
	if (/พ\.?\s*ศ\.?/.test(text)) era = 'be';
	if (/ค\.?\s*ศ\.?/.test(text)) era = 'ce';
	text = text
		.replace(/^วัน[ก-๛]*ที่\s*/u, '')
		.replace(/^วันที่\s*/u, '')
		.replace(/พ\.?\s*ศ\.?|ค\.?\s*ศ\.?/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(
		text
	);
	if (m) return isoDate(fullYear(m[1], era), Number(m[2]), Number(m[3]));
	m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
	if (m) return isoDate(fullYear(m[3], era), Number(m[2]), Number(m[1]));
	m = /^(\d{1,2})\s*[ -]?\s*([^\d\s-][^\d]*?)\s*[ -]?\s*(\d{4}|\d{2})$/u.exec(text);
	if (m) return isoDate(fullYear(m[3], era), monthOf(m[2]), Number(m[1]));
	// "Jan 1, 2018"
	m = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/i.exec(text);
	if (m) return isoDate(fullYear(m[3], era), monthOf(m[1]), Number(m[2]));
	return null;
}

// ---------------------------------------------------------------------------------------------
// Numbers and booleans

export function isMissingText(raw: unknown): boolean {
	if (raw === null || raw === undefined) return true;
	return typeof raw === 'string' && MISSING_TEXT.includes(raw.replace(SPACES, ' ').trim().toLowerCase());
}

const NUMBER_SHAPE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * An amount or count as written → number, or null: "1,000,000.00", "1 000 000", "฿1,000",
 * "1,000 บาท", "12.5%", "(1,000)" (negative), Thai digits. Commas are thousands separators
 * (Thai usage: the decimal mark is "."). Missing text ("", "-", "n/a") is null too: tell them
 * apart with isMissingText.
 */
export function parseAmount(raw: unknown): number | null {
	if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
	if (typeof raw === 'bigint') return Number(raw);
	if (typeof raw !== 'string' || isMissingText(raw)) return null;
	let text = arabicDigits(raw).trim();
	let sign = 1;
	const paren = /^\((.*)\)$/.exec(text);
	if (paren) {
		sign = -1;
		text = paren[1];
	}
	text = text.replace(/บาท|฿|THB|%|,|[\s\u00a0\u2007\u202f]/gi, '');
	if (!NUMBER_SHAPE.test(text)) return null;
	const value = sign * Number(text);
	return Number.isFinite(value) ? value : null;
}

const TRUE_WORDS = ['true', 't', 'yes', 'y', '1', 'ใช่', 'จริง', 'มี', '✓', 'x'];
const FALSE_WORDS = ['false', 'f', 'no', 'n', '0', 'ไม่ใช่', 'เท็จ', 'ไม่มี', '✗'];

/** "true", "yes", "1", "ใช่", "จริง" → true; "false", "no", "0", "ไม่ใช่", "เท็จ" → false; else null. */
export function parseBoolean(raw: unknown): boolean | null {
	if (typeof raw === 'boolean') return raw;
	if (typeof raw === 'number') return raw === 1 ? true : raw === 0 ? false : null;
	if (typeof raw !== 'string') return null;
	const word = arabicDigits(raw).replace(SPACES, '').toLowerCase();
	if (TRUE_WORDS.includes(word)) return true;
	if (FALSE_WORDS.includes(word)) return false;
	return null;
}
