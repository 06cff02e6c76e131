import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { agencyWorkbook } from '../../../tests/support/agency-workbook';
import { detectTable } from './detect';
import { isWorkbook, workbookTables, WorkbookError } from './workbook';

const lines = (csv: Uint8Array) => new TextDecoder().decode(csv).trim().split('\n');

describe('workbooks', () => {
	it('makes each sheet with rows a table named "file › sheet", dates as ISO dates, blank rows dropped', () => {
		const bytes = agencyWorkbook();
		expect(isWorkbook('export.xlsx', bytes)).toBe(true);
		expect(isWorkbook('export.csv', bytes)).toBe(false);
		const sheets = workbookTables(bytes, 'export.xlsx');
		expect(sheets.map((s) => [s.name, s.rows])).toEqual([
			['export.xlsx › โครงการ', 2],
			['export.xlsx › งวด', 2]
		]);
		expect(lines(sheets[0].csv)).toEqual([
			'รหัสโครงการ,ชื่อโครงการ,แผนงาน,ชื่อองค์กร,สถานะ,จังหวัด,งบประมาณ (บาท),วันเริ่มต้น,วันสิ้นสุด,ประเด็น',
			'68-ก-001,"ชุมชน ""ปลอดบุหรี่""",แผนงานยาสูบ,สมาคมหนึ่ง,ดำเนินการ,ภูเก็ต,"1,000,000",2025-01-01,31 ธ.ค. 2568,บุหรี่; เหล้า',
			'68-ก-002,อากาศสะอาด,แผนงานสิ่งแวดล้อม,มูลนิธิสอง,ปิดโครงการ,เชียงใหม่,500000,2025-02-01,2025-12-31,มลพิษ'
		]);
	});

	it('recognises each sheet by its Thai headers, the instalment table as the funder’s system shows it', () => {
		const [projects, instalments] = workbookTables(agencyWorkbook(), 'export.xlsx');
		const headersOf = (csv: Uint8Array) => lines(csv)[0].split(',');
		const [p] = detectTable(headersOf(projects.csv));
		expect(p.table).toBe('projects');
		expect(p.mapping.organisation_th).toEqual({ kind: 'column', header: 'ชื่อองค์กร' });
		// DuckDB names a repeated header "จากวันที่_1": the second pair is the report period.
		const [i] = detectTable(['รหัสโครงการ', 'งวด', 'จากวันที่', 'ถึงวันที่', 'จากวันที่_1', 'ถึงวันที่_1', 'งบประมาณ (บาท)']);
		expect(detectTable(headersOf(instalments.csv))[0].table).toBe('instalments');
		expect(i.table).toBe('instalments');
		expect(i.missingRequired).toEqual([]);
		expect(i.mapping).toMatchObject({
			instalment_no: { kind: 'column', header: 'งวด' },
			period_start: { kind: 'column', header: 'จากวันที่' },
			period_end: { kind: 'column', header: 'ถึงวันที่' },
			report_start: { kind: 'column', header: 'จากวันที่_1' },
			report_end: { kind: 'column', header: 'ถึงวันที่_1' },
			amount: { kind: 'column', header: 'งบประมาณ (บาท)' }
		});
		// ชื่อองค์กร in a partners file is the partner's name.
		const [partners] = detectTable(['รหัสภาคี', 'ชื่อองค์กร', 'ประเภท', 'จังหวัด', 'อำเภอ', 'ละติจูด', 'ลองจิจูด', 'ปีที่เข้าร่วม']);
		expect(partners.table).toBe('partners');
		expect(partners.mapping.name_th).toEqual({ kind: 'column', header: 'ชื่อองค์กร' });
	});

	it('reads a sheet of 200 000 rows (a national export; more rows than a call can take as arguments)', () => {
		const rows = 200_000;
		const sheet = utils.aoa_to_sheet([
			['รหัสโครงการ', 'งบประมาณ (บาท)'],
			...Array.from({ length: rows }, (_, i) => (i === rows - 1 ? [`68-ก-${i}`, i, 'หมายเหตุ'] : [`68-ก-${i}`, i]))
		]);
		const book = utils.book_new();
		utils.book_append_sheet(book, sheet, 'โครงการ');
		const [table] = workbookTables(new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' })), 'national.xlsx');
		expect(table.rows).toBe(rows);
		const text = lines(table.csv);
		expect(text.length).toBe(rows + 1);
		// Every line has the widest row's three fields.
		expect(text[1]).toBe('68-ก-0,0,');
		expect(text[rows]).toBe(`68-ก-${rows - 1},${rows - 1},หมายเหตุ`);
		expect(table.excelRows.at(-1)).toBe(rows + 1);
	}, 60_000);

	it('names a damaged workbook instead of guessing', () => {
		const bytes = agencyWorkbook();
		expect(() => workbookTables(bytes.subarray(0, Math.floor(bytes.length / 2)), 'cut.xlsx')).toThrow(WorkbookError);
		expect(() => workbookTables(new TextEncoder().encode('PK not a zip'), 'fake.xlsx')).toThrow(WorkbookError);
	});
});
