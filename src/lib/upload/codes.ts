/**
 * Coded values as organisations write them: project statuses, partner types and issue areas in
 * Thai or English words ("ดำเนินการ", "ปิดโครงการ", "บุหรี่; เหล้า", "NGO") resolved to the contract's
 * codes. One resolver for the Your data page and the data build. A value it cannot place is
 * returned as unknown, never passed through: the caller lists it for the user to resolve.
 */
import { PARTNER_TYPES, PROJECT_STATUSES, type IssueAreaRow } from '$lib/data/contract';
import { LANGS, MESSAGES, type MessageKey } from '$lib/i18n/messages';
import { foldThai } from './thai';

/** The coded fields: a single code (status, partner_type) or a list of codes (issue areas). */
export type CodeField = 'status' | 'partner_type' | 'issue_areas';

/** Contract columns that hold coded values, and which field each is. */
export const CODED_COLUMNS: Readonly<Record<string, CodeField>> = {
	status: 'status',
	partner_type: 'partner_type',
	issue_area_ids: 'issue_areas'
};

/** Words organisations use besides the app's own labels, by code (folded when compared). */
const SYNONYMS: Record<CodeField, Record<string, readonly string[]>> = {
	status: {
		planned: ['วางแผน', 'รอดำเนินการ', 'ยังไม่เริ่ม', 'อนุมัติ', 'อนุมัติแล้ว', 'plan', 'pending', 'approved', 'not started'],
		active: [
			'ดำเนินการ',
			'กำลังดำเนินการ',
			'อยู่ระหว่างดำเนินการ',
			'ระหว่างดำเนินการ',
			'ดำเนินการอยู่',
			'ongoing',
			'in progress',
			'running',
			'open'
		],
		closed: [
			'ปิดโครงการ',
			'ปิด',
			'ปิดแล้ว',
			'เสร็จสิ้น',
			'เสร็จสิ้นโครงการ',
			'สิ้นสุด',
			'สิ้นสุดโครงการ',
			'ดำเนินการเสร็จสิ้น',
			'completed',
			'complete',
			'finished',
			'done',
			'ended'
		],
		cancelled: ['ยกเลิก', 'ยกเลิกโครงการ', 'ยุติโครงการ', 'canceled', 'terminated', 'withdrawn']
	},
	partner_type: {
		community_group: ['กลุ่มชุมชน', 'กลุ่มและองค์กรชุมชน', 'องค์กรชุมชน', 'ชุมชน', 'ชมรม', 'community', 'cbo'],
		ngo: ['องค์กรพัฒนาเอกชน', 'เอ็นจีโอ', 'มูลนิธิ', 'สมาคม', 'non-governmental organisation', 'foundation'],
		academic: ['สถาบันวิชาการ', 'มหาวิทยาลัย', 'สถาบันการศึกษา', 'วิชาการ', 'university'],
		local_government: ['องค์กรปกครองส่วนท้องถิ่น', 'อปท.', 'อบต.', 'อบจ.', 'เทศบาล', 'ท้องถิ่น', 'municipality'],
		government_agency: ['หน่วยงานราชการ', 'หน่วยงานรัฐ', 'ภาครัฐ', 'ราชการ', 'government'],
		private: ['ภาคเอกชน', 'เอกชน', 'บริษัท', 'ธุรกิจ', 'private sector', 'business', 'company'],
		media: ['สื่อ', 'สื่อมวลชน'],
		health_assembly: ['สมัชชาสุขภาพ', 'สมัชชาสุขภาพจังหวัด']
	},
	issue_areas: {
		tobacco: ['ยาสูบ', 'บุหรี่', 'บุหรี่ไฟฟ้า', 'ควบคุมยาสูบ', 'smoking'],
		alcohol_drugs: ['สุรา', 'เหล้า', 'แอลกอฮอล์', 'ยาเสพติด', 'สารเสพติด', 'เหล้า-ยาเสพติด', 'alcohol', 'drugs'],
		road_safety: ['อุบัติเหตุ', 'อุบัติเหตุทางถนน', 'ถนนปลอดภัย', 'accidents'],
		food: ['โภชนาการ', 'อาหารปลอดภัย', 'nutrition'],
		physical_activity: ['ออกกำลังกาย', 'กีฬา', 'exercise'],
		mental_health: ['สุขภาพจิต', 'จิตใจ'],
		environment: ['มลพิษ', 'สิ่งแวดล้อม', 'อนามัยสิ่งแวดล้อม', 'ฝุ่น', 'pm2.5', 'pollution'],
		emerging_threats: ['โรคอุบัติใหม่', 'ภัยสุขภาพ', 'emerging threats']
	}
};

/** The message key of a code's label (statuses and partner types; issue areas are named in their table). */
export const CODE_LABEL_PREFIX: Record<Exclude<CodeField, 'issue_areas'>, string> = {
	status: 'status_',
	partner_type: 'ptype_'
};

/** Folded for comparison: Thai spelling variants, case, spaces, dots, hyphens and brackets do not count. */
export const codeKey = (text: string) => foldThai(text).replace(/[._\-()[\]"'“”]/g, '');

/** The codes of a field, in display order. */
export function codesOf(field: CodeField, issueAreas: readonly IssueAreaRow[]): string[] {
	if (field === 'status') return [...PROJECT_STATUSES];
	if (field === 'partner_type') return [...PARTNER_TYPES];
	return [...issueAreas].sort((a, b) => a.sort_order - b.sort_order).map((a) => a.issue_area_id);
}

/** Every word that names each code: the code itself, its labels in every language, the synonyms. */
export function vocabulary(field: CodeField, issueAreas: readonly IssueAreaRow[]): Map<string, string> {
	const words = new Map<string, string>();
	const add = (word: string, code: string) => {
		const key = codeKey(word);
		if (key !== '' && !words.has(key)) words.set(key, code);
	};
	const codes = codesOf(field, issueAreas);
	for (const code of codes) {
		add(code, code);
		if (field === 'issue_areas') {
			const area = issueAreas.find((a) => a.issue_area_id === code)!;
			add(area.name_th, code);
			add(area.name_en, code);
		} else for (const lang of LANGS) add(MESSAGES[lang][`${CODE_LABEL_PREFIX[field]}${code}` as MessageKey], code);
	}
	for (const [code, synonyms] of Object.entries(SYNONYMS[field]))
		if (codes.includes(code)) for (const word of synonyms) add(word, code);
	return words;
}

/** What a cell became: its codes (one for a single field; a list in display order for issue areas), and what could not be placed. */
export interface CodeMatch {
	codes: string[];
	unknown: string[];
}

/** A list cell's parts: split on semicolons, commas, slashes, vertical bars and line breaks. */
export const splitCodeList = (raw: string) =>
	raw
		.split(/[;,/|\n、，]+/)
		.map((s) => s.trim())
		.filter((s) => s !== '');

/**
 * A resolver for one field. `fixes` are the user's own answers for values nobody could place (the
 * part as written → code); a fix naming a code that does not exist is ignored.
 */
export function createCodeResolver(
	field: CodeField,
	issueAreas: readonly IssueAreaRow[],
	fixes: Readonly<Record<string, string>> = {}
): (raw: string) => CodeMatch {
	const words = vocabulary(field, issueAreas);
	const codes = codesOf(field, issueAreas);
	for (const [value, code] of Object.entries(fixes)) if (codes.includes(code)) words.set(codeKey(value), code);
	return (raw) => {
		const parts = field === 'issue_areas' ? splitCodeList(raw) : [raw.trim()].filter((s) => s !== '');
		const found = new Set<string>();
		const unknown: string[] = [];
		for (const part of parts) {
			const code = words.get(codeKey(part));
			if (code) found.add(code);
			else unknown.push(part);
		}
		return { codes: codes.filter((c) => found.has(c)), unknown };
	};
}
