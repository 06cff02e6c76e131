import type { IndicatorRow, IssueAreaRow, SourceRow } from '../../src/lib/data/contract.ts';

/**
 * Hand-written reference tables. Source notes follow data/sources/SOURCES.md;
 * keep the two in step when a source changes.
 */

// Okabe–Ito colour-blind-safe palette (with grey in place of black).
export const ISSUE_AREAS: readonly IssueAreaRow[] = [
	{ issue_area_id: 'tobacco', name_th: 'ยาสูบ', name_en: 'Tobacco', colour: '#e69f00', sort_order: 1 },
	{ issue_area_id: 'alcohol_drugs', name_th: 'สุราและสารเสพติด', name_en: 'Alcohol and drugs', colour: '#cc79a7', sort_order: 2 },
	{ issue_area_id: 'road_safety', name_th: 'ความปลอดภัยทางถนน', name_en: 'Road safety', colour: '#d55e00', sort_order: 3 },
	{ issue_area_id: 'food', name_th: 'อาหาร', name_en: 'Food', colour: '#009e73', sort_order: 4 },
	{ issue_area_id: 'physical_activity', name_th: 'กิจกรรมทางกาย', name_en: 'Physical activity', colour: '#56b4e9', sort_order: 5 },
	{ issue_area_id: 'mental_health', name_th: 'สุขภาวะทางจิต', name_en: 'Mental health', colour: '#0072b2', sort_order: 6 },
	{ issue_area_id: 'environment', name_th: 'มลพิษสิ่งแวดล้อม', name_en: 'Environmental pollution', colour: '#999999', sort_order: 7 },
	{
		issue_area_id: 'emerging_threats',
		name_th: 'โรคอุบัติใหม่และภัยสุขภาพ',
		name_en: 'Emerging health threats',
		colour: '#f0e442',
		sort_order: 8
	}
];

export const SOURCES: readonly SourceRow[] = [
	{
		source_id: 'ocha_cod_ab',
		name_th: 'ขอบเขตจังหวัดและอำเภอของประเทศไทย (OCHA COD-AB)',
		name_en: 'Thailand province and district boundaries (OCHA COD-AB)',
		publisher: 'UN OCHA, from Royal Thai Survey Department boundaries; simplified copy via GitHub piyayut-ch/mapthai',
		url: 'https://data.humdata.org/dataset/cod-ab-tha',
		licence: 'CC BY-IGO',
		note_th:
			'ขอบเขต ณ กุมภาพันธ์ 2562 ปรับให้เรียบง่ายด้วย mapshaper ใน piyayut-ch/mapthai (ตัวคลังใช้สัญญาอนุญาต MIT) ' +
			'พื้นที่จังหวัด (area_km2) คำนวณจากรูปแปลงนี้ ไม่ใช่ตัวเลขทางการ และรวมเกาะและพื้นน้ำบางส่วน ' +
			'ขอบเขตอำเภอ 928 อำเภอ (ADM2) มาจากแหล่งเดียวกัน ปัดพิกัดเป็นทศนิยม 4 ตำแหน่ง',
		note_en:
			'Boundaries dated February 2019, simplified with mapshaper in piyayut-ch/mapthai (commit 2e20a60; the repository itself is MIT). ' +
			'Province areas (area_km2) are computed from these polygons, not official figures; they include islands and some water. ' +
			'The 928 district (ADM2) boundaries come from the same source, coordinates rounded to 4 decimals.'
	},
	{
		source_id: 'dopa_population',
		name_th: 'จำนวนประชากรตามทะเบียนราษฎร รายจังหวัด ณ 31 ธันวาคม',
		name_en: 'Registered population by province at 31 December (DOPA)',
		publisher: 'Department of Provincial Administration (DOPA, กรมการปกครอง)',
		url: 'https://stat.bora.dopa.go.th/new_stat/',
		licence: 'not stated (listed as CC BY on data.go.th, unverified)',
		note_th:
			'เป็นประชากรตามทะเบียนบ้าน ไม่ใช่จำนวนผู้ที่อยู่จริง จังหวัดที่มีผู้ย้ายถิ่นมาก (ปริมณฑล ชลบุรี ระยอง ภูเก็ต) ' +
			'จึงมีตัวเลขต่ำกว่าจำนวนคนที่อยู่จริง ข้อมูลปี 2565–2568 (แฟ้ม stat_c65–stat_c68)',
		note_en:
			'Registered residents, not the people actually present: migrant-heavy provinces (Bangkok suburbs, Chon Buri, Rayong, Phuket) ' +
			'are undercounted. Files stat_c65–stat_c68 (2022–2025), retrieved via GitHub Solos-Lym/HW04_PM2.5; ' +
			'province rows sum exactly to the national totals.'
	},
	{
		source_id: 'kongvut_regions',
		name_th: 'การแบ่งจังหวัดตามภูมิภาค 6 ภาค',
		name_en: 'Six-region grouping of provinces',
		publisher: 'kongvut/thai-province-data (GitHub)',
		url: 'https://github.com/kongvut/thai-province-data',
		licence: 'MIT',
		note_th:
			'การแบ่ง 6 ภาคทางภูมิศาสตร์ (เหนือ 9 ตะวันออกเฉียงเหนือ 20 กลาง 22 รวมกรุงเทพมหานคร ตะวันออก 7 ตะวันตก 5 ใต้ 14) ' +
			'ไม่ใช่การแบ่ง 4 ภาคและกรุงเทพมหานครของสำนักงานสถิติแห่งชาติที่ใช้ในรายงานการสำรวจ',
		note_en:
			'Geographic six-region grouping (North 9, Northeast 20, Central 22 including Bangkok, East 7, West 5, South 14). ' +
			'Not the NSO four-region (plus Bangkok) scheme used in survey reports.'
	},
	{
		source_id: 'nhso_zones',
		name_th: 'เขตสุขภาพ 1–13 (สปสช. สาขาเขตพื้นที่)',
		name_en: 'Health zones 1–13 (NHSO area offices)',
		publisher: 'National Health Security Office (NHSO, สปสช.); table via GitHub damasac/thaipalliative_lte',
		url: 'https://github.com/damasac/thaipalliative_lte',
		licence: 'not stated',
		note_th:
			'การจัดจังหวัดเข้าเขตสุขภาพ 13 เขต (เขต 13 คือกรุงเทพมหานคร) จากตาราง สปสช. สาขาเขตพื้นที่ ปี 2558 ' +
			'เป็นข้อเท็จจริงทางการบริหาร จังหวัดมุกดาหารอยู่ในเขต 10 (บางแหล่งระบุเขต 8)',
		note_en:
			'Factual administrative mapping of provinces to the 13 health zones (13 = Bangkok), from a 2015 NHSO area-office table. ' +
			'Mukdahan is in zone 10 (one other source puts it in 8).'
	},
	{
		source_id: 'thairsc_road_deaths',
		name_th: 'ผู้เสียชีวิตจากอุบัติเหตุทางถนน รายจังหวัด (ข้อมูลส่งออกจากแดชบอร์ด ThaiRSC)',
		name_en: 'Road traffic deaths by province (ThaiRSC dashboard export)',
		publisher: 'ThaiRSC (thairsc.com); export via GitHub KaningNoppasin/Thailand-Road-Accident-Statistics',
		url: 'https://github.com/KaningNoppasin/Thailand-Road-Accident-Statistics',
		licence: 'not stated',
		note_th:
			'ความน่าเชื่อถือต่ำ: เป็นตัวเลขเบื้องต้นจากแดชบอร์ด ต่ำกว่าข้อมูลบูรณาการ 3 ฐานอย่างเป็นทางการ ' +
			'(รวมทั้งประเทศ 15,015 รายในปี 2565 และ 14,122 รายในปี 2566 เทียบกับราว 17,000 รายขึ้นไปต่อปี) ' +
			'ยังไม่ได้ตรวจสอบนิยาม (จังหวัดที่เกิดเหตุหรือจังหวัดที่อยู่ และช่วงเวลาการนับผู้เสียชีวิต) ' +
			'อย่านำเสนอเป็นตัวเลข 3 ฐานอย่างเป็นทางการ',
		note_en:
			'Low trust: preliminary figures from a Power BI dashboard export, below the official 3-base integrated series ' +
			'(national totals 15,015 in 2022 and 14,122 in 2023, against roughly 17,000+ a year). ' +
			'Definition unverified (province of the crash or of residence; death window). ' +
			'Do not present as the official 3-base figures.'
	}
];

/**
 * The public documents the networks, their provinces and events and the real
 * project record were transcribed from (data/sources/networks/, one citation
 * per row; see data/sources/SOURCES.md).
 */
export const NETWORK_DOCUMENTS_SOURCE: SourceRow = {
	source_id: 'network_documents',
	name_th: 'รายงานและข่าวสาธารณะของภาคีเครือข่ายสร้างเสริมสุขภาพ',
	name_en: 'Public reports and news of health-promotion partner networks',
	publisher: 'ThaiHealth (สสส.), National Health Commission Office (สช.), Public Policy Institute of Prince of Songkla University, and partners',
	url: null,
	licence: 'not stated (facts transcribed and cited per row)',
	note_th:
		'เครือข่าย จังหวัด กิจกรรม และบันทึกโครงการ 60-ข-087 คัดลอกจากเอกสารสาธารณะ 5 ฉบับ พร้อมอ้างอิงทุกแถว ' +
		'บันทึกโครงการแสดงตามที่เผยแพร่ รวมถึงงวดเงินที่รวมได้ 0.00 บาท เทียบกับงบประมาณ 1,000,000 บาท',
	note_en:
		'Networks, their provinces and events, and the project record 60-ข-087 were transcribed from five public documents, with a ' +
		'citation on every row. The project record is kept as published, including instalments that sum to 0.00 THB against a ' +
		'1,000,000 THB budget.'
};

const ROAD_SOURCE = 'ThaiRSC road-accident dashboard export';

export const INDICATORS: readonly IndicatorRow[] = [
	{
		indicator_id: 'road_deaths',
		issue_area_id: 'road_safety',
		name_th: 'ผู้เสียชีวิตจากอุบัติเหตุทางถนน',
		name_en: 'Road traffic deaths',
		unit_th: 'ราย',
		unit_en: 'deaths',
		higher_is_worse: true,
		decimals: 0,
		source_id: 'thairsc_road_deaths',
		source: `${ROAD_SOURCE} (deaths)`,
		licence: 'not stated',
		is_sample: false,
		measure: 'count',
		aggregation: 'sum',
		multiplier: null,
		pair_id: 'road_death_rate',
		headline: false
	},
	{
		indicator_id: 'road_death_rate',
		issue_area_id: 'road_safety',
		name_th: 'อัตราการเสียชีวิตจากอุบัติเหตุทางถนน',
		name_en: 'Road traffic death rate',
		unit_th: 'ต่อประชากรแสนคน',
		unit_en: 'per 100,000 population',
		higher_is_worse: true,
		decimals: 1,
		source_id: 'thairsc_road_deaths',
		source: `${ROAD_SOURCE} (deaths); DOPA registered population (denominator)`,
		licence: 'not stated',
		is_sample: false,
		measure: 'rate',
		aggregation: 'ratio',
		multiplier: 100000,
		pair_id: 'road_deaths',
		headline: true
	}
];

/**
 * How two provinces' own health-promotion groupings map onto the issue areas.
 * Not a Parquet table: the app and docs use it to explain the issue areas in
 * local terms. From the report of the one-year review (14 October 2023, Phuket
 * PAO; via the National Health Commission Office, สช.) of the provincial
 * health-promotion funds of Phuket and Surat Thani. Phuket's eight issues are
 * the eight issue areas one to one; Surat Thani's "5 อ." are an interpretation
 * (อโรคยา, disease-free living, is placed under emerging health threats).
 */
export interface LocalGrouping {
	grouping_id: string;
	province_code: string;
	name_th: string;
	name_en: string;
	items: readonly { name_th: string; name_en: string; issue_area_id: string }[];
}

export const LOCAL_GROUPINGS: readonly LocalGrouping[] = [
	{
		grouping_id: 'surat_thani_5a',
		province_code: '84',
		name_th: 'สร้างสุข 5 อ. (กลไกบูรณาการความร่วมมือเพื่อเสริมสร้างสุขภาวะจังหวัดสุราษฎร์ธานี)',
		name_en: 'The "5 A" of Surat Thani (provincial health-promotion integration mechanism)',
		items: [
			{ name_th: 'อาหาร', name_en: 'Food', issue_area_id: 'food' },
			{ name_th: 'ออกกำลังกาย', name_en: 'Exercise', issue_area_id: 'physical_activity' },
			{ name_th: 'อุบัติเหตุ', name_en: 'Accidents', issue_area_id: 'road_safety' },
			{ name_th: 'อโรคยา', name_en: 'Disease-free living', issue_area_id: 'emerging_threats' },
			{ name_th: 'อนามัยสิ่งแวดล้อม', name_en: 'Environmental health', issue_area_id: 'environment' }
		]
	},
	{
		grouping_id: 'phuket_8',
		province_code: '83',
		name_th: 'ภูเก็ต: สุขภาวะเพื่อชีวิตแห่งอนาคต (8 ประเด็น)',
		name_en: 'Phuket: Health for Future of Life (8 issues)',
		items: [
			{ name_th: 'บุหรี่', name_en: 'Tobacco', issue_area_id: 'tobacco' },
			{ name_th: 'เหล้า-ยาเสพติด', name_en: 'Alcohol and drugs', issue_area_id: 'alcohol_drugs' },
			{ name_th: 'อาหาร', name_en: 'Food', issue_area_id: 'food' },
			{ name_th: 'กิจกรรมทางกาย', name_en: 'Physical activity', issue_area_id: 'physical_activity' },
			{ name_th: 'ความปลอดภัยทางถนน', name_en: 'Road safety', issue_area_id: 'road_safety' },
			{ name_th: 'สุขภาพจิต', name_en: 'Mental health', issue_area_id: 'mental_health' },
			{ name_th: 'มลพิษจากสิ่งแวดล้อม', name_en: 'Environmental pollution', issue_area_id: 'environment' },
			{ name_th: 'ปัญหาสุขภาพอุบัติใหม่', name_en: 'Emerging health problems', issue_area_id: 'emerging_threats' }
		]
	}
];
