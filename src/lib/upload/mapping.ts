/**
 * Column mapping: which column of a user's file feeds which contract column. Headers are matched
 * by the contract name or a known alias (Thai headers such as จังหวัด, ปี, งบประมาณ included);
 * a mapping the user confirmed is remembered for the next file with the same headers (its shape).
 */
import { TABLES, type ColumnSpec, type TableName } from '$lib/data/contract';
import { CODED_COLUMNS } from './codes';
import { foldThai } from './thai';

/** Where a contract column's values come from: a column of the file, a constant, or nowhere. */
export type ColumnSource = { kind: 'column'; header: string } | { kind: 'constant'; value: string } | { kind: 'none' };

/** Contract column name → source. */
export type Mapping = Record<string, ColumnSource>;

/** How a contract column's values are read from text. */
export type ValueKind = 'province' | 'district' | 'year' | 'date' | 'number' | 'boolean' | 'code' | 'text';

export function valueKind(column: ColumnSpec): ValueKind {
	if (column.name === 'province_code') return 'province';
	if (column.name === 'district_code') return 'district';
	if (column.name in CODED_COLUMNS) return 'code';
	if (column.type === 'BOOLEAN') return 'boolean';
	if (column.type !== 'VARCHAR') return /(^|_)year(_|$)/.test(column.name) ? 'year' : 'number';
	if (/_date$|^period_(start|end)$|^report_(start|end)$/.test(column.name)) return 'date';
	return 'text';
}

/** A header folded for matching: no case, spaces, underscores, dots, hyphens or (units in brackets). */
export function headerKey(header: string): string {
	return foldThai(header.replace(/\([^)]*\)|\[[^\]]*\]/g, '')).replace(/[_.\-:/#*'"]/g, '');
}

/** Header aliases (folded with headerKey) by contract column name, for every table that has the column. */
const ALIASES: Record<string, string[]> = {
	province_code: [
		'จังหวัด',
		'รหัสจังหวัด',
		'ชื่อจังหวัด',
		'จว',
		'province',
		'provincename',
		'provincecode',
		'prov',
		'changwat',
		'adm1pcode',
		'pcode'
	],
	year: ['ปี', 'ปีพศ', 'พศ', 'ปีงบประมาณ', 'ปีงบ', 'ปีคศ', 'year', 'yr', 'fiscalyear', 'fy'],
	value: ['ค่า', 'ค่าตัวชี้วัด', 'ผล', 'ผลลัพธ์', 'อัตรา', 'ร้อยละ', 'value', 'val', 'rate', 'percent'],
	indicator_id: ['ตัวชี้วัด', 'รหัสตัวชี้วัด', 'indicator', 'indicatorid', 'kpi', 'kpiid'],
	numerator: ['ตัวตั้ง', 'ผลงาน', 'จำนวน', 'numerator', 'count', 'cases'],
	denominator: ['ตัวหาร', 'เป้าหมาย', 'ประชากร', 'denominator', 'population'],
	budget: ['งบประมาณ', 'งบ', 'งบประมาณที่ได้รับ', 'งบประมาณอนุมัติ', 'budget'],
	project_code: ['รหัสโครงการ', 'เลขที่โครงการ', 'projectcode', 'projectid', 'project'],
	title_th: ['ชื่อโครงการ', 'โครงการ', 'title', 'projecttitle', 'projectname'],
	programme_th: ['แผนงาน', 'ชื่อแผนงาน', 'programme', 'program'],
	organisation_th: ['องค์กร', 'หน่วยงาน', 'ผู้รับผิดชอบ', 'องค์กรที่รับผิดชอบ', 'ชื่อองค์กร', 'organisation', 'organization', 'org'],
	start_date: ['วันเริ่มต้น', 'วันที่เริ่ม', 'วันเริ่ม', 'วันที่เริ่มต้น', 'เริ่ม', 'start', 'startdate', 'from'],
	end_date: ['วันสิ้นสุด', 'วันที่สิ้นสุด', 'สิ้นสุด', 'end', 'enddate', 'to'],
	event_date: ['วันที่', 'วันจัด', 'date', 'eventdate'],
	status: ['สถานะ', 'สถานะโครงการ', 'status'],
	district_code: ['อำเภอ', 'รหัสอำเภอ', 'เขต', 'district', 'districtcode', 'amphoe', 'adm2pcode'],
	lat: ['ละติจูด', 'lat', 'latitude'],
	lon: ['ลองจิจูด', 'lon', 'lng', 'long', 'longitude'],
	issue_area_ids: ['ประเด็น', 'ประเด็นงาน', 'issues', 'issueareas'],
	issue_area_id: ['ประเด็น', 'issue', 'issuearea'],
	network_id: ['เครือข่าย', 'network', 'networkid'],
	network_ids: ['เครือข่าย', 'networks'],
	partner_id: ['รหัสภาคี', 'partner', 'partnerid'],
	name_th: ['ชื่อ', 'ชื่อไทย', 'ชื่อภาษาไทย', 'thainame', 'nameth'],
	name_en: ['ชื่ออังกฤษ', 'ชื่อภาษาอังกฤษ', 'englishname', 'name'],
	total: ['ประชากร', 'ประชากรรวม', 'รวม', 'total', 'population'],
	male: ['ชาย', 'male', 'men'],
	female: ['หญิง', 'female', 'women'],
	households: ['ครัวเรือน', 'บ้าน', 'households'],
	instalment_no: ['งวด', 'งวดที่', 'instalment', 'installment', 'installmentno'],
	amount: ['จำนวนเงิน', 'เงิน', 'ยอดเงิน', 'amount'],
	paid: ['จ่ายแล้ว', 'paid'],
	population: ['ประชากร', 'population'],
	health_zone: ['เขตสุขภาพ', 'healthzone', 'zone'],
	year_joined: ['ปีที่เข้าร่วม', 'joined'],
	active: ['ยังดำเนินงาน', 'ยังทำงานอยู่', 'สถานะภาคี', 'ใช้งานอยู่', 'isactive'],
	partner_type: ['ประเภท', 'ประเภทองค์กร', 'ประเภทภาคี', 'type', 'partnertype'],
	unit_th: ['หน่วย', 'unit'],
	source: ['ที่มา', 'แหล่งข้อมูล'],
	participants: ['ผู้เข้าร่วม', 'จำนวนผู้เข้าร่วม'],
	// Instalments as the funder's project system shows them (seeds/002): งวด | วันที่งวดโครงการ จากวันที่ ถึงวันที่ |
	// วันที่งวดรายงาน จากวันที่ ถึงวันที่ | งบประมาณ (บาท); flattened, the second pair arrives as จากวันที่_1, ถึงวันที่_1.
	period_start: ['จากวันที่', 'ตั้งแต่วันที่', 'วันที่งวดโครงการจากวันที่', 'วันเริ่มงวด', 'periodstart'],
	period_end: ['ถึงวันที่', 'วันที่งวดโครงการถึงวันที่', 'วันสิ้นสุดงวด', 'periodend'],
	report_start: ['จากวันที่1', 'วันที่งวดรายงานจากวันที่', 'รายงานจากวันที่', 'reportstart'],
	report_end: ['ถึงวันที่1', 'วันที่งวดรายงานถึงวันที่', 'รายงานถึงวันที่', 'reportend']
};

/** Aliases that differ by table: a header that means one column here and another there. */
const TABLE_ALIASES: Partial<Record<TableName, Record<string, string[]>>> = {
	// ชื่อองค์กร is a partner's own name in a partners file, the responsible organisation in a projects file.
	partners: { name_th: [...ALIASES.name_th, 'ชื่อองค์กร', 'ชื่อหน่วยงาน', 'ชื่อภาคี', 'องค์กร', 'หน่วยงาน'] },
	instalments: { amount: [...ALIASES.amount, 'งบประมาณ', 'งบประมาณงวด', 'budget'] },
	population: { total: ALIASES.total, denominator: [] },
	provinces: { population: ALIASES.population, total: [] }
};

/** Folded header keys that feed a contract column of a table: its own name first, then aliases. */
export function aliasesFor(table: TableName, column: string): string[] {
	const own = TABLE_ALIASES[table]?.[column] ?? ALIASES[column] ?? [];
	return [headerKey(column), ...own.map(headerKey)];
}

/**
 * A mapping proposed from headers alone. Each header feeds at most one column; columns take
 * exact contract names first, then aliases in contract order. `is_sample` defaults to false:
 * a user's file is their own data, not generated.
 */
export function suggestMapping(table: TableName, headers: readonly string[]): Mapping {
	const spec = TABLES[table];
	const keys = headers.map(headerKey);
	const used = new Set<number>();
	const mapping: Mapping = {};
	for (const pass of ['exact', 'alias'] as const) {
		for (const column of spec.columns) {
			if (mapping[column.name]) continue;
			const wanted = pass === 'exact' ? [headerKey(column.name)] : aliasesFor(table, column.name);
			const exact = pass === 'exact' ? headers.findIndex((h, i) => !used.has(i) && h.trim() === column.name) : -1;
			let index = exact;
			if (index < 0)
				for (const w of wanted) {
					index = keys.findIndex((k, i) => !used.has(i) && k === w);
					if (index >= 0) break;
				}
			if (index >= 0) {
				used.add(index);
				mapping[column.name] = { kind: 'column', header: headers[index] };
			}
		}
	}
	for (const column of spec.columns) {
		if (mapping[column.name]) continue;
		mapping[column.name] = column.name === 'is_sample' ? { kind: 'constant', value: 'false' } : { kind: 'none' };
	}
	return mapping;
}

/** Required contract columns with no source. */
export function unmappedRequired(table: TableName, mapping: Mapping): string[] {
	const empty = (s: ColumnSource | undefined) =>
		!s || s.kind === 'none' || (s.kind === 'constant' && s.value.trim() === '');
	return TABLES[table].columns.filter((c) => c.required && empty(mapping[c.name])).map((c) => c.name);
}

/** True when every column source is a column named exactly like the contract column (no mapping step needed). */
export function isIdentity(mapping: Mapping): boolean {
	return Object.entries(mapping).every(
		([name, source]) =>
			source.kind === 'none' || (source.kind === 'column' && source.header === name) || name === 'is_sample'
	);
}

/** Headers of the file that no contract column takes (kept as extra columns). */
export function unusedHeaders(headers: readonly string[], mapping: Mapping): string[] {
	const used = new Set(
		Object.values(mapping)
			.filter((s): s is { kind: 'column'; header: string } => s.kind === 'column')
			.map((s) => s.header)
	);
	return headers.filter((h) => !used.has(h));
}

/** A file's shape: its headers, trimmed and sorted; files of one shape share a remembered mapping. */
export function shapeSignature(headers: readonly string[]): string {
	return JSON.stringify([...headers].map((h) => h.trim()).sort());
}

/** A mapping as remembered for a shape: only sources whose header exists in the new file are kept. */
export function adaptMapping(table: TableName, remembered: Mapping, headers: readonly string[]): Mapping {
	const present = new Set(headers);
	const suggested = suggestMapping(table, headers);
	const out: Mapping = {};
	for (const column of TABLES[table].columns) {
		const source = remembered[column.name];
		out[column.name] =
			source && (source.kind !== 'column' || present.has(source.header)) ? source : suggested[column.name];
	}
	return out;
}

/** Parses a stored mapping defensively (it comes back from IndexedDB, possibly from an older version). */
export function isMapping(value: unknown): value is Mapping {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
	return Object.values(value as Record<string, unknown>).every((s) => {
		if (!s || typeof s !== 'object') return false;
		const source = s as Record<string, unknown>;
		return (
			source.kind === 'none' ||
			(source.kind === 'column' && typeof source.header === 'string') ||
			(source.kind === 'constant' && typeof source.value === 'string')
		);
	});
}

/** An indicator id for a file of values without one: its name in lower-case ASCII ("My Survey 2566.csv" → "my_survey_2566"), else `user_<id>`. */
export function indicatorIdFor(fileName: string, id: string): string {
	const slug = fileName
		.replace(/\.[A-Za-z0-9]+$/, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 40);
	return /^[a-z]/.test(slug) ? slug : `user_${id}`;
}
