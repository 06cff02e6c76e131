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
			'จึงมีตัวเลขต่ำกว่าจำนวนคนที่อยู่จริง ข้อมูลปี 2546–2564 จากคลัง Ahoerstemeier/tambon (ข้อมูลกรมการปกครอง) ' +
			'และปี 2565–2568 จากแฟ้ม stat_c65–stat_c68 สองชุดนี้คัดลอกคนละครั้ง ไม่มีการตรวจว่าต่อกันสนิท ' +
			'ปี 2549–2551 ต่างจากประกาศราชกิจจานุเบกษาราว 0.02% (ไม่ได้ปรับ) ปี 2547 ลดลงตามแหล่งข้อมูล (น่าจะเป็นการปรับปรุงทะเบียน) ' +
			'บึงกาฬตั้งเป็นจังหวัดในปี 2554 ก่อนหน้านั้นประชากรบึงกาฬรวมอยู่ในหนองคาย ตัวเลขหนองคายจึงเทียบกันข้ามปี 2553/2554 ไม่ได้',
		note_en:
			'Registered residents, not the people actually present: migrant-heavy provinces (Bangkok suburbs, Chon Buri, Rayong, Phuket) ' +
			'are undercounted. 2003–2021 from DOPA\'s statistics as stored in GitHub Ahoerstemeier/tambon (national sums equal the official ' +
			'figures 2010–2021; 2006–2008 differ from the Royal Gazette notices by about 0.02 %, not adjusted; the 2004 drop is in the source); ' +
			'2022–2025 from files stat_c65–stat_c68 via GitHub Solos-Lym/HW04_PM2.5 (province rows sum exactly to the national totals). ' +
			'The two series were transcribed separately; nothing checks that they join. ' +
			'Bueng Kan was created in 2011: before that its people are in Nong Khai\'s figure, so Nong Khai is not comparable across 2010/2011.'
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
		source_id: 'ddc_rtddi_3base',
		name_th: 'ผู้เสียชีวิตจากอุบัติเหตุทางถนน รายจังหวัด ข้อมูลบูรณาการ 3 ฐาน (กรมควบคุมโรค)',
		name_en: 'Road traffic deaths by province, integrated 3-base data (DDC)',
		publisher: 'Department of Disease Control (DDC, กรมควบคุมโรค); dataset rtddi on data.go.th, copy via GitHub nutthawootp/thai_traffic_deaths',
		url: 'https://data.go.th/dataset/rtddi',
		licence: 'DGA Open Government License',
		note_th:
			'ข้อมูลบูรณาการ 3 ฐาน (มรณบัตร ตำรวจ และบริษัทกลางคุ้มครองผู้ประสบภัยจากรถ) ปี 2554–2567 ' +
			'จังหวัด = จังหวัดที่เสียชีวิต/เกิดเหตุ ไม่ใช่จังหวัดที่อยู่อาศัย ปี = ปีที่เสียชีวิต ไม่ใช่ปีที่เกิดเหตุ ' +
			'ผู้เสียชีวิตที่ไม่ทราบจังหวัด (ปี 2557: 3 ราย, 2558: 1, 2561: 1, 2566: 1) นับรวมในตัวเลขทั้งประเทศ แต่ไม่อยู่ในจังหวัด เขต หรือภาคใด ' +
			'อัตราต่อประชากรแสนคนใช้ประชากรตามทะเบียนราษฎรของจังหวัดและปีเดียวกัน ' +
			'บึงกาฬมีข้อมูลตั้งแต่ปี 2554 (ปีที่ตั้งจังหวัด) ข้อมูลปี 2568 ยังไม่ครบปีจึงไม่นำมาใช้ กรมควบคุมโรคอาจปรับตัวเลขปีล่าสุดภายหลัง',
		note_en:
			'Integrated 3-base data (death certificates, police, and the Road Accident Victims Protection Co.), 2011–2024. ' +
			'Province = province of death/accident, not of residence; year = year of death, not of the crash. ' +
			'Deaths with "province unknown" (2014: 3, 2015: 1, 2018: 1, 2023: 1) are counted in the national figure but on no province, zone or region. ' +
			'Rates per 100 000 use the registered population of the same province and year. ' +
			'Bueng Kan has records from 2011, the year it was created. 2025 is left out (a partial year). DDC revises recent years from time to time.'
	},
	{
		source_id: 'opendengue_moph',
		name_th: 'ผู้ป่วยไข้เดงกี (รหัส 506: 66) รายจังหวัด รายเดือน ปี 2546–2565 (กรมควบคุมโรค ผ่าน OpenDengue)',
		name_en: 'Reported dengue fever cases (506 code 66) by province and month, 2003–2022 (MOPH via OpenDengue)',
		publisher:
			'Ministry of Public Health, Department of Disease Control, Division of Epidemiology (506 surveillance); compiled by OpenDengue V1.3 (LSHTM)',
		url: 'https://opendengue.org',
		licence: 'CC BY 4.0',
		note_th:
			'ผู้ป่วยที่รายงานในระบบเฝ้าระวัง 506 รหัสโรค 66 ซึ่งเกือบแน่นอนว่าเป็นไข้เดงกี (DF) เท่านั้น ไม่รวมไข้เลือดออกเดงกี (DHF) และไข้เลือดออกช็อก (DSS) ' +
			'จึงไม่ควรเทียบกับตัวเลข "ไข้เลือดออกรวม" ของกรมควบคุมโรค ' +
			'บึงกาฬไม่มีข้อมูลก่อนปี 2554 (ยังไม่ตั้งจังหวัด ผู้ป่วยน่าจะรวมอยู่ในหนองคาย) จึงแสดงเป็นไม่มีข้อมูล ไม่ใช่ศูนย์ ' +
			'อัตราต่อประชากรแสนคนใช้ประชากรตามทะเบียนราษฎรของจังหวัดและปีเดียวกัน ' +
			'ความครบถ้วนของการรายงานต่างกันตามจังหวัดและปี ปี 2564 ต่ำมาก (ช่วงโควิด-19) ไม่ระบุว่าเป็นจังหวัดที่อยู่หรือจังหวัดที่รายงาน ' +
			'อ้างอิง: Clarke J et al., Sci Data 2024;11:296; OpenDengue V1.3, doi:10.6084/m9.figshare.24259573',
		note_en:
			'Cases reported to the 506 surveillance system under code 66: almost certainly dengue fever (DF) only, not dengue haemorrhagic fever (DHF) or dengue shock syndrome (DSS); ' +
			'do not compare with DDC\'s "all dengue" (DF+DHF+DSS) totals. ' +
			'Bueng Kan has no values before 2011 (not yet a province; its cases are presumably in Nong Khai\'s): missing, not zero. ' +
			'Rates per 100 000 use the registered population of the same province and year. ' +
			'Passive surveillance: completeness varies by province and year; 2021 is very low (COVID-19). The source does not say whether the province is of residence or of reporting. ' +
			'Cite: Clarke J et al., Sci Data 2024;11:296; OpenDengue V1.3, doi:10.6084/m9.figshare.24259573.'
	},
	{
		source_id: 'national_targets',
		name_th: 'เป้าหมายระดับชาติ (ตัวชี้วัดกระทรวงสาธารณสุข และเป้าหมายรัฐบาล)',
		name_en: 'National targets (MOPH KPIs and government targets)',
		publisher: 'Ministry of Public Health (healthkpi.moph.go.th) and the Government, as cited per target',
		url: 'http://healthkpi.moph.go.th',
		licence: 'not stated (targets quoted with their source)',
		note_th:
			'ทุกเป้าหมายเป็นระดับประเทศ ไม่มีเป้าหมายรายจังหวัด การเทียบจังหวัดกับเป้าหมายคือการเทียบกับเป้าหมายระดับประเทศ ' +
			'ตัวชี้วัด สธ. เป็นปีงบประมาณ (ต.ค.–ก.ย.) ส่วนข้อมูลเป็นปีปฏิทิน ' +
			'ความเชื่อมั่นปานกลาง = อ่านจากข่าวหรือสำเนา ไม่ได้อ่านเอกสารแผนฉบับจริง (เช่น เป้าหมาย 12 ต่อแสนคนภายในปี 2570)',
		note_en:
			'Every target is national; none is set per province, so a province is compared with the national target. ' +
			'MOPH KPIs are for fiscal years (October–September); the data are calendar years. ' +
			'Medium confidence = read in a news report or a copy, not in the plan itself (e.g. the 12 per 100 000 by 2027 target).'
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

const ROAD_SOURCE = 'DDC integrated 3-base road-death data (rtddi, data.go.th)';
const DENGUE_SOURCE = 'MOPH 506 surveillance, dengue fever (code 66), via OpenDengue V1.3';
const DOPA_DENOMINATOR = 'DOPA registered population of the same province and year (denominator)';

const COUNT = { measure: 'count', aggregation: 'sum', multiplier: null, decimals: 0, headline: false } as const;
const PER_100K = {
	unit_th: 'ต่อประชากรแสนคน',
	unit_en: 'per 100,000 population',
	measure: 'rate',
	aggregation: 'ratio',
	multiplier: 100000,
	decimals: 1,
	headline: true
} as const;

export const INDICATORS: readonly IndicatorRow[] = [
	{
		indicator_id: 'road_deaths',
		issue_area_id: 'road_safety',
		name_th: 'ผู้เสียชีวิตจากอุบัติเหตุทางถนน',
		name_en: 'Road traffic deaths',
		unit_th: 'ราย',
		unit_en: 'deaths',
		higher_is_worse: true,
		source_id: 'ddc_rtddi_3base',
		source: `${ROAD_SOURCE} (deaths)`,
		licence: 'DGA Open Government License',
		is_sample: false,
		...COUNT,
		pair_id: 'road_death_rate'
	},
	{
		indicator_id: 'road_death_rate',
		issue_area_id: 'road_safety',
		name_th: 'อัตราการเสียชีวิตจากอุบัติเหตุทางถนน',
		name_en: 'Road traffic death rate',
		higher_is_worse: true,
		source_id: 'ddc_rtddi_3base',
		source: `${ROAD_SOURCE} (deaths); ${DOPA_DENOMINATOR}`,
		licence: 'DGA Open Government License',
		is_sample: false,
		...PER_100K,
		pair_id: 'road_deaths'
	},
	{
		indicator_id: 'dengue_cases',
		issue_area_id: 'emerging_threats',
		name_th: 'ผู้ป่วยไข้เดงกี (DF)',
		name_en: 'Dengue fever (DF) cases',
		unit_th: 'ราย',
		unit_en: 'cases',
		higher_is_worse: true,
		source_id: 'opendengue_moph',
		source: `${DENGUE_SOURCE} (cases)`,
		licence: 'CC BY 4.0',
		is_sample: false,
		...COUNT,
		pair_id: 'dengue_rate'
	},
	{
		indicator_id: 'dengue_rate',
		issue_area_id: 'emerging_threats',
		name_th: 'อัตราป่วยไข้เดงกี (DF)',
		name_en: 'Dengue fever (DF) incidence',
		higher_is_worse: true,
		source_id: 'opendengue_moph',
		source: `${DENGUE_SOURCE} (cases); ${DOPA_DENOMINATOR}`,
		licence: 'CC BY 4.0',
		is_sample: false,
		...PER_100K,
		pair_id: 'dengue_cases'
	}
];

/**
 * Provinces younger than the series: before `established_year` a province has no values (missing,
 * not 0), and its area is inside `split_from`'s figures. Bueng Kan was split from Nong Khai in 2011
 * (data/sources/SOURCES.md; the DOPA and dengue series have 76 provinces until 2010).
 */
export const PROVINCE_HISTORY: readonly { province_code: string; established_year: number; split_from: string }[] = [
	{ province_code: '38', established_year: 2011, split_from: '43' }
];

/** Whether a province existed in a year (PROVINCE_HISTORY). */
export function provinceExisted(code: string, year: number): boolean {
	const h = PROVINCE_HISTORY.find((p) => p.province_code === code);
	return !h || year >= h.established_year;
}

/**
 * What data/sources/targets/national_targets.csv does not say in a form the app can use, per row
 * (keyed by its `indicator` and `target_year` cells): an id, the catalogue indicator it judges
 * (null when the app has no real series of it: a real target is never drawn over sample data),
 * the CE year, whether it is a one-year threshold or a goal to reach by that year, and a short
 * name of who set it. A CSV row missing here fails the build.
 */
export interface TargetLink {
	indicator: string;
	target_year: string;
	target_id: string;
	indicator_id: string | null;
	year: number;
	kind: 'annual' | 'by';
	set_by_th: string;
	set_by_en: string;
}

export const TARGET_LINKS: readonly TargetLink[] = [
	{
		indicator: 'Road traffic death rate (ICD-10 V01-V89)',
		target_year: '2027 (BE 2570)',
		target_id: 'road_death_rate_2027',
		indicator_id: 'road_death_rate',
		year: 2027,
		kind: 'by',
		set_by_th: 'เป้าหมายรัฐบาล',
		set_by_en: 'Government target'
	},
	{
		indicator: 'Road traffic death rate (MOPH KPI 018, ICD-10 V01-V89)',
		target_year: 'FY2018 (BE 2561)',
		target_id: 'road_death_rate_fy2018',
		indicator_id: 'road_death_rate',
		year: 2018,
		kind: 'annual',
		set_by_th: 'ตัวชี้วัด สธ. 018',
		set_by_en: 'MOPH KPI 018'
	},
	{
		indicator: 'Road traffic death rate (MOPH KPI 019)',
		target_year: 'FY2017 (BE 2560)',
		target_id: 'road_death_rate_fy2017',
		indicator_id: 'road_death_rate',
		year: 2017,
		kind: 'annual',
		set_by_th: 'ตัวชี้วัด สธ. 019',
		set_by_en: 'MOPH KPI 019'
	},
	{
		indicator: 'Prevalence of smokers aged 15+ (used tobacco in past 12 months)',
		target_year: 'FY2017 (BE 2560)',
		target_id: 'smoking_prevalence_fy2017',
		indicator_id: null,
		year: 2017,
		kind: 'annual',
		set_by_th: 'ตัวชี้วัด สธ. 023',
		set_by_en: 'MOPH KPI 023'
	},
	{
		indicator: 'Tobacco use prevalence aged 15+',
		target_year: 'end of 2019 (BE 2562)',
		target_id: 'tobacco_use_2019',
		indicator_id: null,
		year: 2019,
		kind: 'by',
		set_by_th: 'แผนยุทธศาสตร์ควบคุมยาสูบ ฉบับที่ 2',
		set_by_en: '2nd National Tobacco Control Strategy'
	},
	{
		indicator: 'Suicide (completed) rate',
		target_year: 'FY2018 (BE 2561); FY2017 quarterly 1.50/3.00/4.50/6.30',
		target_id: 'suicide_rate_fy2018',
		indicator_id: null,
		year: 2018,
		kind: 'annual',
		set_by_th: 'ตัวชี้วัด สธ. 035',
		set_by_en: 'MOPH KPI 035'
	},
	{
		indicator: 'Alcohol per-capita consumption aged 15+ (litres pure alcohol/person/year)',
		target_year: '2025 (BE 2568)',
		target_id: 'alcohol_per_capita_2025',
		indicator_id: null,
		year: 2025,
		kind: 'by',
		set_by_th: 'เป้าหมาย NCD 9 ประการ',
		set_by_en: '9 Global NCD targets'
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
