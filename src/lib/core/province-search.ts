/**
 * Finding a province from what a reader types into a search box: its Thai or English name or the
 * start of either (with or without จังหวัด / จ. / Province), a word of an English name ("Kaen"),
 * part of a Thai name (Thai has no spaces between words), the usual abbreviations (ขก / ข.ก.,
 * KKN, กทม., BKK, โคราช…) and codes ("40"). Pure; the search box (filters/ProvinceSearch.svelte)
 * shows its answers in this order.
 */
import {
	createProvinceResolver,
	englishKey,
	foldThai,
	stripProvinceWords,
	type ProvinceName
} from './province-names';

/**
 * Each province's official abbreviations: Thai (two letters, written ขก or ข.ก.) and Latin (three
 * letters), by province code. Bueng Kan (38), formed in 2011, has its Thai one only in older lists;
 * BKN is the Latin one in use.
 */
export const PROVINCE_ABBREVIATIONS: Readonly<Record<string, readonly [thai: string, latin: string]>> = {
	'10': ['กท', 'BKK'],
	'11': ['สป', 'SPK'],
	'12': ['นบ', 'NBI'],
	'13': ['ปท', 'PTE'],
	'14': ['อย', 'AYA'],
	'15': ['อท', 'ATG'],
	'16': ['ลบ', 'LRI'],
	'17': ['สห', 'SBR'],
	'18': ['ชน', 'CNT'],
	'19': ['สบ', 'SRI'],
	'20': ['ชบ', 'CBI'],
	'21': ['รย', 'RYG'],
	'22': ['จบ', 'CTI'],
	'23': ['ตร', 'TRT'],
	'24': ['ฉช', 'CCO'],
	'25': ['ปจ', 'PRI'],
	'26': ['นย', 'NYK'],
	'27': ['สก', 'SKW'],
	'30': ['นม', 'NMA'],
	'31': ['บร', 'BRM'],
	'32': ['สร', 'SRN'],
	'33': ['ศก', 'SSK'],
	'34': ['อบ', 'UBN'],
	'35': ['ยส', 'YST'],
	'36': ['ชย', 'CPM'],
	'37': ['อจ', 'ACR'],
	'38': ['บก', 'BKN'],
	'39': ['นภ', 'NBP'],
	'40': ['ขก', 'KKN'],
	'41': ['อด', 'UDN'],
	'42': ['ลย', 'LEI'],
	'43': ['นค', 'NKI'],
	'44': ['มค', 'MKM'],
	'45': ['รอ', 'RET'],
	'46': ['กส', 'KSN'],
	'47': ['สน', 'SNK'],
	'48': ['นพ', 'NPM'],
	'49': ['มห', 'MDH'],
	'50': ['ชม', 'CMI'],
	'51': ['ลพ', 'LPN'],
	'52': ['ลป', 'LPG'],
	'53': ['อต', 'UTD'],
	'54': ['พร', 'PRE'],
	'55': ['นน', 'NAN'],
	'56': ['พย', 'PYO'],
	'57': ['ชร', 'CRI'],
	'58': ['มส', 'MSN'],
	'60': ['นว', 'NSN'],
	'61': ['อน', 'UTI'],
	'62': ['กพ', 'KPT'],
	'63': ['ตก', 'TAK'],
	'64': ['สท', 'STI'],
	'65': ['พล', 'PLK'],
	'66': ['พจ', 'PCT'],
	'67': ['พช', 'PNB'],
	'70': ['รบ', 'RBR'],
	'71': ['กจ', 'KRI'],
	'72': ['สพ', 'SPB'],
	'73': ['นฐ', 'NPT'],
	'74': ['สค', 'SKN'],
	'75': ['สส', 'SKM'],
	'76': ['พบ', 'PBI'],
	'77': ['ปข', 'PKN'],
	'80': ['นศ', 'NRT'],
	'81': ['กบ', 'KBI'],
	'82': ['พง', 'PNA'],
	'83': ['ภก', 'PKT'],
	'84': ['สฎ', 'SNI'],
	'85': ['รน', 'RNG'],
	'86': ['ชพ', 'CPN'],
	'90': ['สข', 'SKA'],
	'91': ['สต', 'STN'],
	'92': ['ตง', 'TRG'],
	'93': ['พท', 'PLG'],
	'94': ['ปน', 'PTN'],
	'95': ['ยล', 'YLA'],
	'96': ['นธ', 'NWT']
};

/** How a province matched, best first: the whole of a name, code or abbreviation; a name's start; a word's start; part of a name. */
export type SearchMatchKind = 'exact' | 'prefix' | 'word' | 'part';
const RANK: Record<SearchMatchKind, number> = { exact: 0, prefix: 1, word: 2, part: 3 };

export interface SearchMatch<P extends ProvinceName> {
	province: P;
	how: SearchMatchKind;
}

/** Matches typed text against the provinces; build it once per list of provinces. */
export type ProvinceSearch<P extends ProvinceName> = (query: string, limit?: number) => SearchMatch<P>[];

/**
 * A search over `provinces`. Answers are ranked by how they matched, then in the order of the
 * language the query is written in (Thai names for Thai text, English names otherwise).
 */
export function createProvinceSearch<P extends ProvinceName>(provinces: readonly P[]): ProvinceSearch<P> {
	const resolve = createProvinceResolver(provinces);
	const byCode = new Map(provinces.map((p) => [p.province_code, p]));
	const abbreviations = new Map<string, string>();
	for (const [code, [thai, latin]] of Object.entries(PROVINCE_ABBREVIATIONS))
		if (byCode.has(code)) abbreviations.set(thai, code).set(latin.toLowerCase(), code);
	const keyed = provinces.map((p) => ({
		province: p,
		thai: foldThai(p.name_th),
		english: englishKey(p.name_en),
		words: p.name_en
			.toLowerCase()
			.split(/[^a-z]+/)
			.filter(Boolean)
	}));

	return (query: string, limit = 8) => {
		const text = query.normalize('NFC').trim();
		if (text === '') return [];
		const found = new Map<string, SearchMatchKind>();
		const add = (code: string, how: SearchMatchKind) => {
			const before = found.get(code);
			if (before === undefined || RANK[how] < RANK[before]) found.set(code, how);
		};
		// A whole name, alias or code, as the import of users' files reads it; an abbreviation with or without dots.
		const exact = resolve(text);
		if (exact) add(exact.code, 'exact');
		const bare = stripProvinceWords(text);
		const abbreviation = abbreviations.get(foldThai(bare).replace(/\./g, '')) ?? abbreviations.get(englishKey(bare));
		if (abbreviation) add(abbreviation, 'exact');
		// The start of a name or of one of its words, or part of a Thai name.
		const thai = foldThai(bare).replace(/[.ฯ]/g, '');
		const english = englishKey(bare);
		const isThai = /[\u0e00-\u0e7f]/.test(thai);
		for (const k of keyed) {
			const code = k.province.province_code;
			if (isThai && thai !== '') {
				if (k.thai.startsWith(thai)) add(code, 'prefix');
				else if (thai.length >= 2 && k.thai.includes(thai)) add(code, 'part');
			} else if (english !== '') {
				if (k.english.startsWith(english)) add(code, 'prefix');
				else if (k.words.some((w) => w.startsWith(english))) add(code, 'word');
				else if (english.length >= 3 && k.english.includes(english)) add(code, 'part');
			}
		}
		const name = (p: P) => (isThai ? p.name_th : p.name_en);
		return [...found]
			.map(([code, how]) => ({ province: byCode.get(code)!, how }))
			.sort(
				(a, b) =>
					RANK[a.how] - RANK[b.how] ||
					name(a.province).localeCompare(name(b.province), isThai ? 'th' : 'en')
			)
			.slice(0, limit);
	};
}
