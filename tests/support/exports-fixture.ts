/**
 * An organisation's exports folder, written the way a provincial office's would be: a Windows-874 CSV of
 * partners from an older Thai system, an Excel workbook with a projects sheet, an instalments sheet (the
 * funder's headers, seeds/002) and a notes sheet, Thai headers, Buddhist-era dates as text and as date
 * cells, amounts with commas, misspelt and abbreviated province names, statuses, partner types and issue
 * areas in Thai words, one province nobody knows and one status nobody can place; a UTF-8 CSV of an
 * indicator's values from the office's own survey (and one indicator the site does not have); mapping.json (one
 * province fix, as the Your data page would download it) and config.json (the deployment's settings).
 *
 * Deterministic: the committed folder tests/fixtures/exports-agency/ is this script's output
 * (`npx tsx --tsconfig data/tsconfig.json tests/support/exports-fixture.ts tests/fixtures/exports-agency`),
 * and exports-fixture.test.ts checks that it still is. EXPECTED is what a correct build makes of it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { utils, write } from '@e965/xlsx';
import { encodeWindows874 } from '../../src/lib/upload/encoding.ts';
import { shapeSignature, suggestMapping } from '../../src/lib/upload/mapping.ts';
import { mappingFileText } from '../../src/lib/upload/mapping-file.ts';

export const PARTNERS_CSV = 'partners.csv';
export const WORKBOOK = 'projects-2568.xlsx';
export const PROJECT_SHEET = 'โครงการ';
export const INSTALMENT_SHEET = 'งวด';
export const NOTES_SHEET = 'คำอธิบาย';
export const INDICATORS_CSV = 'indicators-2567.csv';

const PARTNER_HEADERS = [
	'รหัสภาคี',
	'ชื่อองค์กร',
	'ประเภทองค์กร',
	'จังหวัด',
	'อำเภอ',
	'ละติจูด',
	'ลองจิจูด',
	'ประเด็นงาน',
	'ปีที่เข้าร่วม',
	'ยังดำเนินงาน'
];
const PARTNERS: string[][] = [
	[
		'ภ-001',
		'สมาคมสร้างสุขเชียงใหม่',
		'องค์กรพัฒนาเอกชน',
		'จ.เชียงใหม่',
		'5001',
		'18.7873',
		'98.9581',
		'บุหรี่, เหล้า',
		'2560',
		'ใช่'
	],
	// Districts by name, within the row's province: อ.เมืองภูเก็ต, Mueang Khon Kaen, and "อ.เมือง" for Korat's.
	['ภ-002', 'อบต.ตัวอย่าง ภูเก็ต', 'อบต.', 'ภูเก็ต', 'อ.เมืองภูเก็ต', '7.8645', '98.3579', 'อุบัติเหตุ', '2562', 'ใช่'],
	['ภ-003', 'มหาวิทยาลัยตัวอย่าง', 'มหาวิทยาลัย', 'ขอนแก่น', 'Mueang Khon Kaen', '16.4273', '102.8261', 'มลพิษ', '2558', 'ใช่'],
	[
		'ภ-004',
		'กลุ่มชุมชนพระนคร',
		'กลุ่มชุมชน',
		'กทม.',
		'1001',
		'13.7556',
		'100.4989',
		'ออกกำลังกาย; อาหารปลอดภัย',
		'2563',
		'ไม่ใช่'
	],
	// Misspelt (one letter off): the resolver's near match.
	['ภ-005', 'ชมรมคนรักสุขภาพ', 'ชมรม', 'เชียงไหม่', '5001', '18.7873', '98.9581', 'บุหรี่', '2561', 'ใช่'],
	// A local name no resolver knows: mapping.json's fix places it (Chon Buri).
	['ภ-006', 'มูลนิธิเมืองชล', 'มูลนิธิ', 'เมืองชล', '2001', '13.3496', '100.9874', 'สุขภาพจิต', '2564', 'ใช่'],
	// A province nobody knows: left out, and listed.
	['ภ-007', 'ภาคีเมืองลับแล', 'สื่อ', 'เมืองลับแล', '5001', '18.7873', '98.9581', 'บุหรี่', '2565', 'ใช่'],
	['ภ-008', 'สมาคมโคราชรักสุขภาพ', 'สมาคม', 'โคราช', 'อ.เมือง', '14.9646', '102.0851', 'บุหรี่', '2559', 'ใช่']
];

const PROJECT_HEADERS = [
	'รหัสโครงการ',
	'ชื่อโครงการ',
	'แผนงาน',
	'องค์กรที่รับผิดชอบ',
	'สถานะ',
	'จังหวัด',
	'งบประมาณ (บาท)',
	'วันเริ่มต้น',
	'วันสิ้นสุด',
	'ประเด็น'
];
const PROJECTS: (string | number | Date | null)[][] = [
	[
		'67-ก-001',
		'ชุมชนปลอดบุหรี่',
		'แผนงานควบคุมยาสูบ',
		'สมาคมสร้างสุขเชียงใหม่',
		'ดำเนินการ',
		'เชียงใหม่',
		'1,250,000',
		'1 ต.ค. 2567',
		'30 ก.ย. 2568',
		'บุหรี่; เหล้า'
	],
	[
		'67-ก-002',
		'ถนนปลอดภัยภูเก็ต',
		'แผนงานอุบัติเหตุ',
		'อบต.ตัวอย่าง ภูเก็ต',
		'กำลังดำเนินการ',
		'จ.ภูเก็ต',
		800000,
		new Date(2024, 10, 1),
		new Date(2025, 8, 30),
		'อุบัติเหตุทางถนน'
	],
	// A blank row, as exports often have: the report still names the rows as Excel shows them.
	[null, null, null, null, null, null, null, null, null, null],
	[
		'66-ก-015',
		'อากาศสะอาดขอนแก่น',
		'แผนงานสิ่งแวดล้อม',
		'มหาวิทยาลัยตัวอย่าง',
		'ปิดโครงการ',
		'ขอนแก่น',
		'450,250.75',
		'1/6/2566',
		'31/5/2567',
		'มลพิษ'
	],
	[
		'68-ก-003',
		'ลานกีฬาชุมชน',
		'แผนงานกิจกรรมทางกาย',
		'กลุ่มชุมชนพระนคร',
		'อนุมัติ',
		'กรุงเทพฯ',
		'300,000',
		'1 ม.ค. 2568',
		'31 ธ.ค. 2568',
		'ออกกำลังกาย'
	],
	[
		'66-ก-020',
		'สุขภาพใจเมืองชล',
		'แผนงานสุขภาพจิต',
		'มูลนิธิเมืองชล',
		'ยกเลิก',
		'ชลบุรี',
		'200,000',
		'1 มี.ค. 2566',
		'28 ก.พ. 2567',
		'สุขภาพจิต'
	],
	// A status nobody can place: left out, and listed.
	[
		'67-ก-030',
		'ร้านค้าปลอดเหล้า',
		'แผนงานสุรา',
		'สมาคมโคราชรักสุขภาพ',
		'รอตรวจสอบเอกสาร',
		'นครราชสีมา',
		'600,000',
		'1 ก.พ. 2567',
		'31 ม.ค. 2568',
		'สุรา'
	],
	[
		'67-ก-031',
		'บุหรี่ไฟฟ้าในโรงเรียน',
		'แผนงานควบคุมยาสูบ',
		'ชมรมคนรักสุขภาพ',
		'ดำเนินการ',
		'เชียงใหม่',
		'2,000,000',
		'1 พ.ค. 2567',
		'30 เม.ย. 2568',
		'บุหรี่ไฟฟ้า'
	]
];

/** Instalments as the funder's system shows them: งวด | วันที่งวดโครงการ (จากวันที่, ถึงวันที่) | วันที่งวดรายงาน (จากวันที่, ถึงวันที่) | งบประมาณ (บาท). */
const INSTALMENT_HEADERS = ['รหัสโครงการ', 'งวด', 'จากวันที่', 'ถึงวันที่', 'จากวันที่', 'ถึงวันที่', 'งบประมาณ (บาท)'];
const INSTALMENTS: (string | number | null)[][] = [
	['67-ก-001', 1, '1 ต.ค. 2567', '31 มี.ค. 2568', '1 เม.ย. 2568', '15 เม.ย. 2568', '750,000'],
	['67-ก-001', 2, '1 เม.ย. 2568', '30 ก.ย. 2568', '1 ต.ค. 2568', '15 ต.ค. 2568', '500,000'],
	['67-ก-002', 1, '1 พ.ย. 2567', '30 ก.ย. 2568', null, null, '800,000'],
	['66-ก-015', 1, '1 มิ.ย. 2566', '31 พ.ค. 2567', null, null, '450,250.75']
];

/**
 * The province office's own survey of smoking (Excel's "CSV UTF-8", with its byte-order mark): Thai
 * headers, Buddhist-era years, the indicator by its id, the count and the population surveyed; and one
 * indicator the site does not have.
 */
const INDICATOR_HEADERS = ['ตัวชี้วัด', 'จังหวัด', 'ปี', 'ค่า', 'จำนวน', 'ประชากร'];
const INDICATOR_ROWS: string[][] = [
	['smoking_prevalence', 'ชลบุรี', '2566', '17.4', '1,740', '10,000'],
	['smoking_prevalence', 'ชลบุรี', '2567', '16.9', '1,690', '10,000'],
	['smoking_prevalence', 'จ.ระยอง', '2566', '19.2', '960', '5,000'],
	['smoking_prevalence', 'จ.ระยอง', '2567', '18.6', '930', '5,000'],
	['smoking_prevalence', 'จันทบุรี', '2567', '21.5', '860', '4,000'],
	// Not an indicator of this site: left out, and listed.
	['obesity_prevalence', 'ชลบุรี', '2567', '35.1', '3,510', '10,000']
];

/** What a correct build (and the Your data page) makes of the folder. */
export const EXPECTED = {
	partners: {
		rows: 7,
		codes: {
			'ภ-001': {
				province_code: '50',
				partner_type: 'ngo',
				issue_area_ids: 'tobacco;alcohol_drugs',
				year_joined: 2017,
				active: true
			},
			'ภ-002': {
				province_code: '83',
				district_code: '8301',
				partner_type: 'local_government',
				issue_area_ids: 'road_safety',
				year_joined: 2019,
				active: true
			},
			'ภ-004': {
				province_code: '10',
				partner_type: 'community_group',
				issue_area_ids: 'food;physical_activity',
				year_joined: 2020,
				active: false
			},
			'ภ-005': { province_code: '50', partner_type: 'community_group' },
			'ภ-006': { province_code: '20', partner_type: 'ngo', issue_area_ids: 'mental_health' },
			'ภ-003': { province_code: '40', district_code: '4001' },
			'ภ-008': { province_code: '30', district_code: '3001', partner_type: 'ngo' }
		},
		leftOut: ['ภ-007']
	},
	projects: {
		rows: 6,
		budget: 5_000_250.75,
		codes: {
			'67-ก-001': {
				status: 'active',
				province_code: '50',
				budget: 1_250_000,
				start_date: '2024-10-01',
				end_date: '2025-09-30',
				issue_area_ids: 'tobacco;alcohol_drugs'
			},
			'67-ก-002': {
				status: 'active',
				province_code: '83',
				budget: 800_000,
				start_date: '2024-11-01',
				end_date: '2025-09-30',
				issue_area_ids: 'road_safety'
			},
			'66-ก-015': {
				status: 'closed',
				province_code: '40',
				budget: 450_250.75,
				start_date: '2023-06-01',
				end_date: '2024-05-31',
				issue_area_ids: 'environment'
			},
			'68-ก-003': { status: 'planned', province_code: '10', issue_area_ids: 'physical_activity' },
			'66-ก-020': { status: 'cancelled', province_code: '20', issue_area_ids: 'mental_health' },
			'67-ก-031': { status: 'active', province_code: '50', issue_area_ids: 'tobacco' }
		},
		leftOut: ['67-ก-030']
	},
	instalments: { rows: 4 },
	/** Every value of smoking_prevalence on the site: the survey's, none of the sample's. */
	indicatorValues: {
		indicator: 'smoking_prevalence',
		rows: [
			{ province_code: '20', year: 2023, value: 17.4, numerator: 1740, denominator: 10_000 },
			{ province_code: '20', year: 2024, value: 16.9, numerator: 1690, denominator: 10_000 },
			{ province_code: '21', year: 2023, value: 19.2, numerator: 960, denominator: 5000 },
			{ province_code: '21', year: 2024, value: 18.6, numerator: 930, denominator: 5000 },
			{ province_code: '22', year: 2024, value: 21.5, numerator: 860, denominator: 4000 }
		]
	},
	/** The coverage page (active partners; projects not cancelled, unless the status filter says otherwise). */
	coverage: {
		all: { partners: 6, projects: 5, budget: 4_800_250.75 },
		active: { projects: 3, budget: 4_050_000 },
		tobacco: { partners: 3, projects: 2, budget: 3_250_000 }
	},
	/** The planted problems: where, which field, the value as written. */
	problems: [
		{
			file: PARTNERS_CSV,
			sheet: null,
			unit: 'line',
			row: 8,
			field: 'province_code',
			value: 'เมืองลับแล',
			code: 'unknown_province'
		},
		{
			file: WORKBOOK,
			sheet: PROJECT_SHEET,
			unit: 'row',
			row: 8,
			field: 'status',
			value: 'รอตรวจสอบเอกสาร',
			code: 'unknown_code'
		},
		{ file: WORKBOOK, sheet: NOTES_SHEET, unit: null, row: null, field: null, value: null, code: 'no_table' },
		{
			file: INDICATORS_CSV,
			sheet: null,
			unit: 'line',
			row: 7,
			field: 'indicator_id',
			value: 'obesity_prevalence',
			code: 'unknown_indicator'
		}
	]
} as const;

/** The deployment's settings the fixture ships (config.json). */
export const FIXTURE_CONFIG = {
	title_th: 'แผนที่ภาคีเครือข่ายจังหวัดตัวอย่าง',
	title_en: 'Example Province Partner Map',
	organisation_th: 'สำนักงานสาธารณสุขจังหวัดตัวอย่าง',
	organisation_en: 'Example Provincial Health Office',
	showSampleIndicators: false,
	defaultIndicator: 'dengue_rate',
	defaultYear: 2020
};

const csvLine = (cells: readonly string[]) =>
	cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');

/** The workbook's bytes; the zip's timestamps are pinned so the file is the same on every run. */
export function agencyProjectsWorkbook(): Uint8Array {
	const book = utils.book_new();
	book.Props = {
		Title: 'โครงการ 2568',
		Author: 'สำนักงานสาธารณสุขจังหวัดตัวอย่าง',
		CreatedDate: new Date(Date.UTC(2025, 0, 15))
	};
	utils.book_append_sheet(book, utils.aoa_to_sheet([PROJECT_HEADERS, ...PROJECTS], { cellDates: true }), PROJECT_SHEET);
	utils.book_append_sheet(book, utils.aoa_to_sheet([INSTALMENT_HEADERS, ...INSTALMENTS]), INSTALMENT_SHEET);
	utils.book_append_sheet(
		book,
		utils.aoa_to_sheet([['หมายเหตุ'], ['ส่งออกจากระบบติดตามโครงการ ปีงบประมาณ 2568'], ['งบประมาณเป็นบาท']]),
		NOTES_SHEET
	);
	return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

export function partnersCsv(): Uint8Array {
	return encodeWindows874([PARTNER_HEADERS, ...PARTNERS].map(csvLine).join('\r\n') + '\r\n');
}

export function indicatorsCsv(): Uint8Array {
	return new TextEncoder().encode('\ufeff' + [INDICATOR_HEADERS, ...INDICATOR_ROWS].map(csvLine).join('\r\n') + '\r\n');
}

/** mapping.json as the Your data page would download it after the user placed "เมืองชล". */
export function fixtureMapping(): string {
	return mappingFileText([
		{
			file: PARTNERS_CSV,
			signature: shapeSignature(PARTNER_HEADERS),
			table: 'partners',
			mapping: suggestMapping('partners', PARTNER_HEADERS),
			provinceFixes: { เมืองชล: '20' },
			codeFixes: {},
			indicators: []
		}
	]);
}

/** Writes the folder. */
export function writeExportsFixture(dir: string): void {
	mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(dir, PARTNERS_CSV), partnersCsv());
	writeFileSync(path.join(dir, WORKBOOK), agencyProjectsWorkbook());
	writeFileSync(path.join(dir, INDICATORS_CSV), indicatorsCsv());
	writeFileSync(path.join(dir, 'mapping.json'), fixtureMapping());
	writeFileSync(path.join(dir, 'config.json'), JSON.stringify(FIXTURE_CONFIG, null, 2) + '\n');
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
	const dir = process.argv[2];
	if (!dir) throw new Error('usage: tsx tests/support/exports-fixture.ts <folder>');
	writeExportsFixture(dir);
	console.log(`wrote ${dir}`);
}
