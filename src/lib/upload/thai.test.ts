import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
	arabicDigits,
	createDistrictResolver,
	createProvinceResolver,
	foldThai,
	isMissingText,
	parseAmount,
	parseBoolean,
	parseThaiDate,
	parseYear,
	type DistrictName,
	PROVINCE_ALIASES,
	type ProvinceName
} from './thai';
import { amountSql, isMissingSql } from '$lib/data/upload-queries';
import { MISSING_TEXT } from '$lib/core/written-values';

/** The real 77 provinces, from the bundled table (read with DuckDB once). */
async function provinces(): Promise<ProvinceName[]> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const reader = await conn.runAndReadAll(
		`SELECT province_code, name_th, name_en FROM read_parquet('static/data/provinces.parquet') ORDER BY 1`
	);
	const rows = reader.getRowObjectsJS() as unknown as ProvinceName[];
	conn.closeSync();
	db.closeSync();
	return rows;
}

const PROVINCES = await provinces();

describe('foldThai and arabicDigits', () => {
	it('folds the common Thai spelling variants', () => {
		expect(foldThai('สุราษฏร์ธานี')).toBe(foldThai('สุราษฎร์ธานี'));
		expect(foldThai('กรุงเทพ มหานคร')).toBe(foldThai('กรุงเทพมหานคร'));
		expect(foldThai('ลำปาง')).toBe(foldThai('ล\u0e4d\u0e32ปาง'));
		expect(foldThai('\u0e40\u0e40พร่')).toBe(foldThai('แพร่'));
		expect(foldThai('Chon\u00a0Buri')).toBe('chonburi');
	});
	it('turns Thai digits into ASCII digits', () => {
		expect(arabicDigits('๒๕๖๑')).toBe('2561');
		expect(arabicDigits('ปี ๒๕๖๖ ข้อ 3')).toBe('ปี 2566 ข้อ 3');
	});
});

describe('createProvinceResolver', () => {
	const resolve = createProvinceResolver(PROVINCES);
	const code = (raw: unknown) => resolve(raw)?.code ?? null;

	it('has 77 provinces to resolve against, and every alias points at one of them', () => {
		expect(PROVINCES).toHaveLength(77);
		const codes = new Set(PROVINCES.map((p) => p.province_code));
		for (const [alias, c] of Object.entries(PROVINCE_ALIASES)) expect(codes.has(c), alias).toBe(true);
	});

	it('resolves every Thai and English name to its own code', () => {
		for (const p of PROVINCES) {
			expect(code(p.name_th), p.name_th).toBe(p.province_code);
			expect(code(p.name_en), p.name_en).toBe(p.province_code);
			expect(code(`จังหวัด${p.name_th}`)).toBe(p.province_code);
			expect(code(`จ.${p.name_th}`)).toBe(p.province_code);
			expect(code(`จ. ${p.name_th}`)).toBe(p.province_code);
			expect(code(p.name_en.toUpperCase().replace(/ /g, ''))).toBe(p.province_code);
			expect(code(`${p.name_en} Province`)).toBe(p.province_code);
		}
	});

	it('says a code was read as a code', () => {
		expect(resolve('40')).toEqual({ code: '40', how: 'code' });
	});

	it.each<[unknown, string | null]>([
		// Codes written in any of the usual ways.
		[40, '40'],
		['TH-40', '40'],
		['th40', '40'],
		['๔๐', '40'],
		['40.0', '40'],
		['99', null],
		[99, null],
		['40 ขอนแก่น', '40'],
		['83 - Phuket', '83'],
		// Abbreviations, spelling variants and romanisations.
		['กทม.', '10'],
		['กทม', '10'],
		['กรุงเทพฯ', '10'],
		['Bangkok', '10'],
		['Krung Thep Maha Nakhon', '10'],
		['สุราษฏร์ธานี', '84'],
		['จ.สุราษฏร์ธานี', '84'],
		['Suratthani', '84'],
		['โคราช', '30'],
		['Korat', '30'],
		['Nakorn Ratchasima', '30'],
		['Chonburi', '20'],
		['chon-buri', '20'],
		['Buriram', '31'],
		['Sisaket', '33'],
		['ศรีษะเกษ', '33'],
		['Ayutthaya', '14'],
		['อยุธยา', '14'],
		['Chumporn', '86'],
		['Pattalung', '93'],
		['Nakhon Phanom', '48'],
		['ขอนแก่น (Khon Kaen)', '40'],
		['Khon Kaen / ขอนแก่น', '40']
	])(
		'resolves %s, a code in one of the usual ways, an abbreviation, a variant or a romanisation, to %s',
		(raw, want) => {
			expect(code(raw)).toBe(want);
		}
	);

	it('takes a single near miss but not an ambiguous or short one', () => {
		expect(resolve('กาญจณบุรี')).toEqual({ code: '71', how: 'near' });
		expect(code('Kanchanabury')).toBe('71');
		expect(code('เลบ')).toBeNull();
	});

	it('uses the user’s fixes before anything else', () => {
		const fixed = createProvinceResolver(PROVINCES, { เมืองย่าโม: '30', nowhere: '99' });
		expect(fixed('เมืองย่าโม')).toEqual({ code: '30', how: 'fix' });
		expect(fixed('nowhere')).toBeNull();
	});

	it('returns null for garbage and never throws', () => {
		for (const junk of [
			'',
			'   ',
			'อำเภอเมือง',
			'xyz',
			'12345',
			'TH-',
			null,
			undefined,
			{},
			[],
			true,
			NaN,
			'จังหวัด',
			'จ.'
		])
			expect(code(junk)).toBeNull();
	});
});

describe('parseYear', () => {
	it.each<[unknown, number]>([
		// Buddhist-era years become Common Era years.
		['2561', 2018],
		[2566, 2023],
		['พ.ศ. 2566', 2023],
		['พ.ศ.2566', 2023],
		['ปี 2566', 2023],
		['ปีงบประมาณ 2566', 2023],
		['๒๕๖๖', 2023],
		['พ.ศ. 66', 2023],
		['2566.0', 2023],
		// Common Era years stay.
		['2023', 2023],
		[2023, 2023],
		['ค.ศ. 2023', 2023],
		['2023 CE', 2023]
	])('reads the year %s as %s', (raw, want) => {
		expect(parseYear(raw)).toBe(want);
	});
	it('refuses what is not a plausible year', () => {
		for (const junk of ['', '66', 'abc', '20233', '1066', '9999', 2023.5, -5, null, undefined, '2023-01-01', NaN])
			expect(parseYear(junk), String(junk)).toBeNull();
	});
});

describe('parseThaiDate', () => {
	it.each<[string | Date, string]>([
		// Thai dates with abbreviated and full month names.
		['1 ม.ค. 2561', '2018-01-01'],
		['1 มค 2561', '2018-01-01'],
		['15 ก.ค. 2566', '2023-07-15'],
		['15 กรกฏาคม 2566', '2023-07-15'],
		['31 ธันวาคม พ.ศ. 2560', '2017-12-31'],
		['วันที่ 1 ม.ค. 61', '2018-01-01'],
		['๑ ม.ค. ๒๕๖๑', '2018-01-01'],
		['29 ก.พ. 2567', '2024-02-29'],
		['1 ต.ค. 2565', '2022-10-01'],
		// Numeric and English dates.
		['01/01/2561', '2018-01-01'],
		['31/12/2017', '2017-12-31'],
		['1-1-61', '2018-01-01'],
		['5/3/18', '2018-03-05'],
		['2561-01-01', '2018-01-01'],
		['2018-01-01', '2018-01-01'],
		['2018-01-01 00:00:00', '2018-01-01'],
		['1 Jan 2018', '2018-01-01'],
		['Jan 1, 2018', '2018-01-01'],
		[new Date(Date.UTC(2018, 0, 1)), '2018-01-01']
	])('reads the date %s (Thai with a month name, numeric or English) as %s', (raw, want) => {
		expect(parseThaiDate(raw)).toBe(want);
	});
	it('refuses impossible and garbage dates', () => {
		for (const junk of [
			'29 ก.พ. 2566',
			'32 ม.ค. 2561',
			'1 ซซ. 2561',
			'',
			'2561',
			'ม.ค. 2561',
			'13/13/2561',
			'x',
			null,
			5,
			new Date(NaN),
			'2018-02-30'
		])
			expect(parseThaiDate(junk), String(junk)).toBeNull();
	});
});

describe('parseAmount and amountSql', () => {
	/** What DuckDB makes of `raw` through the SQL that `sql` writes for a value. */
	async function inSql(sql: (expr: string) => string, raw: string): Promise<unknown> {
		const instance = await DuckDBInstance.create(':memory:');
		const engine = await instance.connect();
		try {
			const reader = await engine.runAndReadAll(`SELECT ${sql('$1')} AS v`, [raw]);
			return (reader.getRowObjectsJS() as { v: unknown }[])[0].v;
		} finally {
			engine.closeSync();
			instance.closeSync();
		}
	}
	const cases: [unknown, number | null][] = [
		['1,000,000.00', 1_000_000],
		['1 000 000', 1_000_000],
		['฿1,000', 1000],
		['1,000 บาท', 1000],
		['12.5%', 12.5],
		['(1,000)', -1000],
		['-42.5', -42.5],
		['๑,๒๓๔.๕', 1234.5],
		['1e3', 1000],
		['.5', 0.5],
		['134000', 134_000],
		['0123', 123],
		['+7', 7],
		['-0.25', -0.25],
		['12.', 12],
		['', null],
		['-', null],
		['n/a', null],
		['ไม่มีข้อมูล', null],
		['abc', null],
		['1.2.3', null],
		['inf', null],
		['NaN', null],
		['12abc', null]
	];
	it('reads amounts with separators, currency and Thai digits', () => {
		for (const [raw, want] of cases) expect(parseAmount(raw), String(raw)).toBe(want);
		expect(parseAmount(5)).toBe(5);
		expect(parseAmount(Infinity)).toBeNull();
		expect(parseAmount(null)).toBeNull();
		expect(parseAmount({})).toBeNull();
	});
	it('tells missing text from garbage', () => {
		expect(isMissingText('-')).toBe(true);
		expect(isMissingText(' N/A ')).toBe(true);
		expect(isMissingText(null)).toBe(true);
		expect(isMissingText('abc')).toBe(false);
		expect(isMissingText('0')).toBe(false);
	});
	it('gives the same answers in DuckDB SQL as in JavaScript', async () => {
		for (const [raw] of cases) {
			if (typeof raw !== 'string') continue;
			expect(await inSql(amountSql, raw), raw).toBe(parseAmount(raw));
		}
	});
	it('tells missing text the same way in DuckDB SQL (isMissingSql) as in JavaScript', async () => {
		const values = [
			...MISSING_TEXT,
			...MISSING_TEXT.map((t) => ` \t${t.toUpperCase()}\u00a0\u3000`),
			'\u200b-\ufeff',
			'\n\r\u2007',
			'N/A',
			'#N/A',
			'Null',
			'NONE ',
			'  ไม่ระบุ  ',
			'n / a',
			'na na',
			'nan',
			'-1',
			'--',
			'x-',
			'none.',
			'ไม่ระบุชื่อ',
			'a'.repeat(300),
			`โครงการ ${'ส่งเสริมสุขภาพ '.repeat(40)}`,
			'0'
		];
		for (const raw of values) expect(await inSql(isMissingSql, raw), JSON.stringify(raw)).toBe(isMissingText(raw));
		expect(values.filter((v) => isMissingText(v)).length).toBeGreaterThan(2 * MISSING_TEXT.length);
	});
});

describe('parseBoolean', () => {
	it.each<[unknown, boolean | null]>([
		['ใช่', true],
		['TRUE', true],
		['1', true],
		['ไม่ใช่', false],
		['no', false],
		[0, false],
		[false, false],
		['maybe', null],
		[2, null],
		[null, null]
	])('reads %s as %s', (raw, want) => {
		expect(parseBoolean(raw)).toBe(want);
	});
});

it('reads the provinces file it tests against', () => {
	expect(readFileSync('static/data/provinces.parquet').length).toBeGreaterThan(0);
});

describe('district names', () => {
	const districts = JSON.parse(readFileSync(join(process.cwd(), 'static/data/districts.geojson'), 'utf8')).features.map(
		(f: { properties: DistrictName }) => f.properties
	) as DistrictName[];
	const resolve = createDistrictResolver(districts);
	const code = (raw: string, province: string | null) => resolve(raw, province)?.code ?? null;

	it('reads codes anywhere, and Thai and English names within their province', () => {
		expect(resolve('4010', null)).toEqual({ code: '4010', how: 'code' });
		expect(code('TH4010', null)).toBe('4010');
		expect(code('๔๐๑๐', null)).toBe('4010');
		expect(code('9999', '40')).toBeNull();
		expect(resolve('อำเภอบ้านไผ่', '40')).toEqual({ code: '4010', how: 'name' });
		expect(code('อ.บ้านไผ่', '40')).toBe('4010');
		expect(code('Ban Phai District', '40')).toBe('4010');
		expect(code('Amphoe Ban Phai', '40')).toBe('4010');
		expect(code('เขตพระนคร', '10')).toBe('1001');
		expect(code('Khet Phra Nakhon', '10')).toBe('1001');
		// Not in that province, or no province to read it in.
		expect(code('บ้านไผ่', '83')).toBeNull();
		expect(code('บ้านไผ่', null)).toBeNull();
	});

	it('reads "อ.เมือง" / "Mueang" as the capital district, even where other district names start with เมือง', () => {
		expect(code('อ.เมือง', '40')).toBe('4001');
		expect(code('Mueang', '83')).toBe('8301');
		// Nakhon Ratchasima also has เมืองยาง; "เมือง" alone is still its capital district.
		expect(districts.some((d) => d.province_code === '30' && d.name_th === 'เมืองยาง')).toBe(true);
		expect(code('อำเภอเมือง', '30')).toBe('3001');
		expect(code('เมืองยาง', '30')).toBe(districts.find((d) => d.name_th === 'เมืองยาง')!.district_code);
	});
});
