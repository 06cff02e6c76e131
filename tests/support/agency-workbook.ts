/**
 * An agency's workbook, as the browser test and the unit tests use it: a projects sheet (Thai headers, a date
 * cell, a Buddhist-era date as text, amounts with commas, Thai statuses and issue areas) and an instalments sheet
 * with the funder's headers (seeds/002: งวด, จากวันที่, ถึงวันที่, งบประมาณ (บาท)).
 */
import { utils, write } from '@e965/xlsx';

export function agencyWorkbook(): Uint8Array {
	const book = utils.book_new();
	utils.book_append_sheet(
		book,
		utils.aoa_to_sheet(
			[
				[
					'รหัสโครงการ',
					'ชื่อโครงการ',
					'แผนงาน',
					'ชื่อองค์กร',
					'สถานะ',
					'จังหวัด',
					'งบประมาณ (บาท)',
					'วันเริ่มต้น',
					'วันสิ้นสุด',
					'ประเด็น'
				],
				[
					'68-ก-001',
					'ชุมชน "ปลอดบุหรี่"',
					'แผนงานยาสูบ',
					'สมาคมหนึ่ง',
					'ดำเนินการ',
					'ภูเก็ต',
					'1,000,000',
					new Date(2025, 0, 1),
					'31 ธ.ค. 2568',
					'บุหรี่; เหล้า'
				],
				[null, null, null, null, null, null, null, null, null, null],
				[
					'68-ก-002',
					'อากาศสะอาด',
					'แผนงานสิ่งแวดล้อม',
					'มูลนิธิสอง',
					'ปิดโครงการ',
					'เชียงใหม่',
					500000,
					new Date(2025, 1, 1),
					new Date(2025, 11, 31),
					'มลพิษ'
				]
			],
			{ cellDates: true }
		),
		'โครงการ'
	);
	utils.book_append_sheet(
		book,
		utils.aoa_to_sheet([
			['รหัสโครงการ', 'งวด', 'จากวันที่', 'ถึงวันที่', 'งบประมาณ (บาท)'],
			['68-ก-001', 1, '1 ม.ค. 2568', '30 มิ.ย. 2568', '600,000'],
			['68-ก-001', 2, '1 ก.ค. 2568', '31 ธ.ค. 2568', '400,000']
		]),
		'งวด'
	);
	utils.book_append_sheet(book, utils.aoa_to_sheet([]), 'ว่าง');
	return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
