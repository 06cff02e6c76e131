/**
 * The validation report of a build from an organisation's exports (exports.ts): every problem with its
 * file, sheet, row and field, in Thai and English, what the build did about it (row left out, file not
 * used), and what each file became. Written beside the data as JSON (the site's /data/report page reads
 * it) and as Markdown (for the people who send the exports); `--strict` fails with the same sentences.
 */
import { EXPORTS_SOURCE_ID, type SourceRow } from '../../src/lib/data/contract.ts';
import {
	placeText,
	REPORT_FILE,
	REPORT_MARKDOWN_FILE,
	type ExportsReport,
	type ReportProblem
} from '../../src/lib/upload/exports-report.ts';

export { REPORT_FILE, REPORT_MARKDOWN_FILE };

/** The sources row of a build from exports: the partners, projects and instalments are the organisation's own. */
export const EXPORTS_SOURCE: SourceRow = {
	source_id: EXPORTS_SOURCE_ID,
	name_th: 'ข้อมูลที่ส่งออกจากระบบขององค์กร',
	name_en: "The organisation's own exports",
	publisher: 'the deploying organisation',
	url: null,
	licence: 'as set by the organisation',
	note_th:
		'ภาคี โครงการ งวดเงิน และค่าตัวชี้วัด (เท่าที่มีในไฟล์) อ่านจากไฟล์ที่องค์กรส่งออกจากระบบของตนเอง (npm run data -- --exports) แถวที่ใช้ไม่ได้ถูกตัดออกและแสดงไว้ในรายงานการตรวจข้อมูล',
	note_en:
		'Partners, projects, instalments and indicator values (those the files hold) read from the files the organisation exported from its own systems (npm run data -- --exports); rows that could not be used are left out and listed in the validation report.'
};

/** One problem as a line of text, in one language: where, then what. */
export function problemLine(p: ReportProblem, lang: 'th' | 'en'): string {
	const field = p.field ? (lang === 'th' ? `, ช่อง ${p.field}` : `, field ${p.field}`) : '';
	return `${placeText(p)}${field}: ${lang === 'th' ? p.message_th : p.message_en}`;
}

/** Thrown by a --strict build with problems: its message lists every one, as the report does. */
export class StrictExportsError extends Error {
	constructor(readonly problems: readonly ReportProblem[]) {
		super(
			`data build (--strict) failed: the exports have ${problems.length} problem${problems.length === 1 ? '' : 's'}; ` +
				`nothing was written.\n` +
				problems.map((p) => `  ${problemLine(p, 'en')}\n  ${problemLine(p, 'th')}`).join('\n')
		);
		this.name = 'StrictExportsError';
	}
}

const cell = (v: unknown) =>
	v === null || v === undefined ? '' : String(v).replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/g, ' ');
const row = (cells: unknown[]) => `| ${cells.map(cell).join(' | ')} |`;

const OUTCOME = {
	row_left_out: 'แถวนี้ไม่ได้ใช้ · row left out',
	file_not_used: 'ไฟล์นี้ไม่ได้ใช้ · file not used'
} as const;

/** The report as Markdown (null: a build from the bundled data alone). */
export function reportMarkdown(report: ExportsReport | null): string {
	const out = ['# รายงานการตรวจข้อมูล · Validation report', ''];
	if (!report) {
		out.push(
			'ข้อมูลชุดนี้สร้างจากข้อมูลที่มากับแอปเท่านั้น ไม่มีไฟล์ขององค์กร · Built from the bundled data only: no exports folder.',
			''
		);
		return out.join('\n');
	}
	const left = report.problems.filter((p) => p.outcome === 'row_left_out').length;
	const files = report.problems.filter((p) => p.outcome === 'file_not_used').length;
	out.push(
		`โฟลเดอร์ · Exports folder: \`${report.folder}\``,
		'',
		`ปัญหา ${report.problems.length} รายการ: ตัดแถวออก ${left} แถว, ไม่ได้ใช้ ${files} ไฟล์ · ` +
			`Problems: ${report.problems.length}. Rows left out: ${left}; files not used: ${files}.`,
		'',
		'## ไฟล์ · Files',
		'',
		row(['ไฟล์ · file', 'ชีต · sheet', 'ตาราง · table', 'รูปแบบ · format', 'แถว · rows', 'ใช้ · used', 'ตัดออก · left out']),
		row(['---', '---', '---', '---', '---:', '---:', '---:'])
	);
	for (const f of report.files)
		out.push(
			row([
				f.file,
				f.sheet,
				f.table ?? '—',
				[f.format, f.encoding].filter(Boolean).join(', '),
				f.rows,
				f.used,
				f.left_out
			])
		);
	out.push('', '## ปัญหา · Problems', '');
	if (report.problems.length === 0) out.push('ไม่มี · None.');
	else {
		out.push(
			row(['ไฟล์ · file', 'ชีต · sheet', 'แถว · row', 'ช่อง · field', 'ค่า · value', 'ปัญหา', 'Problem', 'ผล · outcome']),
			row(['---', '---', '---:', '---', '---', '---', '---', '---'])
		);
		for (const p of report.problems)
			out.push(
				row([
					p.file,
					p.sheet,
					p.row === null ? '' : `${p.unit === 'line' ? 'line' : 'row'} ${p.row}`,
					p.header && p.field && p.header !== p.field ? `${p.header} (${p.field})` : (p.field ?? p.header),
					p.value,
					p.message_th,
					p.message_en,
					OUTCOME[p.outcome]
				])
			);
	}
	out.push('');
	return out.join('\n');
}
