/**
 * Province names as people write them, in Thai and English: the folding of Thai spelling variants,
 * English keys, the common aliases and abbreviations, and a resolver from a written value to a
 * province code. Pure; shared by the import of users' files (upload/thai.ts) and the province
 * search (core/province-search.ts).
 */
import { THAI_DIGITS } from './written-values';

/** Thai digits (๐–๙) to ASCII digits. */
export function arabicDigits(text: string): string {
	return text.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}

/** Spaces of every kind, including no-break and zero-width ones. */
export const SPACES = /[\s\u00a0\u2007\u202f\u200b-\u200d\ufeff]+/g;

/**
 * Folds the spelling variants of Thai text that look the same or are commonly confused:
 * Unicode NFC, ํ + า → ำ (two code points typed for sara am), เ + เ → แ, ฏ → ฎ
 * (สุราษฏร์ธานี / สุราษฎร์ธานี, กรกฏาคม / กรกฎาคม), and no spaces at all.
 */
export function foldThai(text: string): string {
	return arabicDigits(text.normalize('NFC'))
		.replace(SPACES, '')
		.replace(/\u0e4d\u0e32/g, '\u0e33')
		.replace(/\u0e40\u0e40/g, '\u0e41')
		.replace(/ฏ/g, 'ฎ')
		.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Provinces

export interface ProvinceName {
	province_code: string;
	name_th: string;
	name_en: string;
}

/**
 * Names people write for provinces that neither the Thai nor the English name gives, even after
 * folding: abbreviations, old or common names and romanisations. Keys are folded like the input.
 */
export const PROVINCE_ALIASES: Readonly<Record<string, string>> = {
	// Bangkok
	กทม: '10',
	กรุงเทพ: '10',
	กรุงเทพฯ: '10',
	กรุงเทพมหานคร: '10',
	bkk: '10',
	krungthep: '10',
	krungthepmahanakhon: '10',
	bangkokmetropolis: '10',
	bangkokmetropolitanadministration: '10',
	bma: '10',
	// Nakhon Ratchasima
	โคราช: '30',
	korat: '30',
	khorat: '30',
	// Phra Nakhon Si Ayutthaya
	อยุธยา: '14',
	กรุงศรีอยุธยา: '14',
	ayutthaya: '14',
	ayudhya: '14',
	ayuthaya: '14',
	ayudhaya: '14',
	// common misspellings and short forms
	ศรีษะเกษ: '33',
	ศรีสระเกษ: '33',
	sisaket: '33',
	srisaket: '33',
	อุบล: '34',
	ubon: '34',
	ประจวบ: '77',
	prachuap: '77',
	นครศรี: '80',
	nakhonsi: '80',
	สุราษ: '84',
	surat: '84',
	หนองบัว: '39',
	rajaburi: '70',
	rachaburi: '70',
	samutprakarn: '11',
	paknam: '11',
	lampoon: '51',
	songkla: '90',
	satul: '91',
	chumporn: '86',
	phetchaboon: '67',
	kampangphet: '62',
	kamphangphet: '62',
	supanburi: '72',
	chiengmai: '50',
	chiengrai: '57',
	phattalung: '93',
	pattalung: '93',
	phangnga: '82',
	pangnga: '82',
	burirum: '31',
	chainart: '18',
	nongbualumphu: '39',
	mahasarakam: '44',
	sakolnakorn: '47',
	nakornphanom: '48',
	udorn: '41',
	udonthani: '41'
};

/** English text to a key: lower case letters only ("Chon Buri", "Chonburi", "CHON-BURI" → "chonburi"). */
export function englishKey(text: string): string {
	return text
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z]/g, '');
}

/**
 * A looser English key for romanisation variants: "h" dropped (Nakhon / Nakon, Phuket / Puket),
 * "r" before a consonant dropped (Nakorn / Nakhon, Chumporn / Chumphon), ee → i, oo → u,
 * doubled letters once (Phatthalung / Pattalung).
 */
function skeleton(text: string): string {
	return englishKey(text)
		.replace(/h/g, '')
		.replace(/ee/g, 'i')
		.replace(/oo/g, 'u')
		.replace(/r(?=[^aeiou]|$)/g, '')
		.replace(/(.)\1+/g, '$1');
}

/** Prefixes and suffixes that say "province": จังหวัด, จ., Changwat, Province. */
export function stripProvinceWords(text: string): string {
	return text
		.normalize('NFC')
		.trim()
		.replace(/^(จังหวัด|จ\.|จ\s+)\s*/u, '')
		.replace(/^changwat\s+/i, '')
		.replace(/\s+(province|prov\.?)$/i, '')
		.replace(/^province\s+(of\s+)?/i, '')
		.trim();
}

export function levenshtein(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		let best = i;
		for (let j = 1; j <= b.length; j++) {
			cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
			best = Math.min(best, cur[j]);
		}
		if (best > max) return max + 1;
		prev = cur;
	}
	return prev[b.length];
}

/** A value resolved to a province code, or null; `how` says which rule matched (for the report). */
export interface ProvinceMatch {
	code: string;
	how: 'code' | 'name' | 'alias' | 'fix' | 'near';
}

export type ProvinceResolver = (raw: unknown) => ProvinceMatch | null;

/**
 * Builds a resolver from the provinces table. It accepts codes ("40", 40, "TH-40", "TH40"),
 * Thai names with or without จังหวัด / จ., folded spelling variants, English names in any case
 * and spacing, romanisation variants, the aliases above, the user's own fixes (`fixes`, raw
 * value → code), "40 ขอนแก่น" and "ขอนแก่น (Khon Kaen)"; last, a single near miss (one edit)
 * when it is the only one.
 */
export function createProvinceResolver(
	provinces: readonly ProvinceName[],
	fixes: Readonly<Record<string, string>> = {}
): ProvinceResolver {
	const codes = new Set(provinces.map((p) => p.province_code));
	const byThai = new Map<string, string>();
	const byEnglish = new Map<string, string>();
	const bySkeleton = new Map<string, string | null>();
	for (const p of provinces) {
		byThai.set(foldThai(p.name_th), p.province_code);
		byEnglish.set(englishKey(p.name_en), p.province_code);
		const s = skeleton(p.name_en);
		bySkeleton.set(s, bySkeleton.has(s) && bySkeleton.get(s) !== p.province_code ? null : p.province_code);
	}
	const aliases = new Map<string, string>();
	for (const [alias, code] of Object.entries(PROVINCE_ALIASES)) if (codes.has(code)) aliases.set(alias, code);
	const userFixes = new Map<string, string>();
	for (const [raw, code] of Object.entries(fixes)) if (codes.has(code)) userFixes.set(foldThai(raw), code);

	const byName = (text: string): ProvinceMatch | null => {
		const stripped = stripProvinceWords(text);
		if (stripped === '') return null;
		const thai = foldThai(stripped);
		const thaiNoMark = thai.replace(/ฯ/g, '');
		const english = englishKey(stripped);
		const found =
			byThai.get(thai) ?? byThai.get(thaiNoMark) ?? (english.length >= 2 ? byEnglish.get(english) : undefined);
		if (found) return { code: found, how: 'name' };
		const alias =
			aliases.get(thai) ??
			aliases.get(thaiNoMark) ??
			aliases.get(thai.replace(/\./g, '')) ??
			(english.length >= 2 ? aliases.get(english) : undefined);
		if (alias) return { code: alias, how: 'alias' };
		if (english.length >= 4) {
			const s = bySkeleton.get(skeleton(stripped));
			if (s) return { code: s, how: 'alias' };
		}
		return null;
	};

	const near = (text: string): ProvinceMatch | null => {
		const thai = foldThai(stripProvinceWords(text));
		const english = englishKey(stripProvinceWords(text));
		const candidates = new Set<string>();
		if (/[\u0e00-\u0e7f]/.test(thai) && thai.length >= 4) {
			for (const [name, code] of byThai) if (levenshtein(thai, name, 1) <= 1) candidates.add(code);
		} else if (english.length >= 6) {
			for (const [name, code] of byEnglish) if (levenshtein(english, name, 1) <= 1) candidates.add(code);
		}
		return candidates.size === 1 ? { code: [...candidates][0], how: 'near' } : null;
	};

	return (raw: unknown): ProvinceMatch | null => {
		if (raw === null || raw === undefined) return null;
		if (typeof raw === 'number' || typeof raw === 'bigint') {
			const code = String(raw).padStart(2, '0');
			return codes.has(code) ? { code, how: 'code' } : null;
		}
		if (typeof raw !== 'string') return null;
		const text = arabicDigits(raw.normalize('NFC')).replace(SPACES, ' ').trim();
		if (text === '') return null;
		const fix = userFixes.get(foldThai(text));
		if (fix) return { code: fix, how: 'fix' };
		const code = /^(?:TH-?)?(\d{1,2})(?:\.0+)?$/i.exec(text);
		if (code) {
			const c = code[1].padStart(2, '0');
			return codes.has(c) ? { code: c, how: 'code' } : null;
		}
		const direct = byName(text);
		if (direct) return direct;
		// "40 ขอนแก่น", "40 - Khon Kaen": a code and a name that agree (or a name alone after a number).
		const prefixed = /^(?:TH-?)?(\d{2})\s*[-–:.)]?\s*([^\d\s].*)$/i.exec(text);
		if (prefixed) {
			const named = byName(prefixed[2]);
			if (named) return named;
			if (codes.has(prefixed[1])) return { code: prefixed[1], how: 'code' };
		}
		// "ขอนแก่น (Khon Kaen)" or "Khon Kaen / ขอนแก่น"
		const parts = text.split(/\s*[()/|]\s*/).filter((p) => p !== '');
		if (parts.length > 1) {
			for (const part of parts) {
				const named = byName(part);
				if (named) return named;
			}
		}
		return near(text);
	};
}

