/** Every string a user sees, in Thai and English. Thai is the default language. */
export const LANGS = ['th', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'th';

const th = {
	app_name: 'ภาคี แอตลาส',
	app_tagline: 'แผนที่และข้อมูลภาคีเครือข่ายสร้างเสริมสุขภาพ',
	nav_skip: 'ข้ามไปยังเนื้อหา',
	lang_switch_label: 'ภาษา',
	lang_name_th: 'ไทย',
	lang_name_en: 'English',
	status_loading_db: 'กำลังเตรียมฐานข้อมูลในเบราว์เซอร์…',
	status_loading_map: 'กำลังวาดแผนที่…',
	status_error_title: 'โหลดข้อมูลไม่สำเร็จ',
	status_error_retry: 'ลองอีกครั้ง',
	filter_indicator: 'ตัวชี้วัด',
	filter_year: 'ปี',
	legend_title: 'คำอธิบายสัญลักษณ์',
	legend_no_data: 'ไม่มีข้อมูล',
	legend_classes: 'แบ่งกลุ่มแบบควอนไทล์ {k} ชั้น',
	map_title: '{indicator} รายจังหวัด {year}',
	map_aria: 'แผนที่ประเทศไทยแสดง {indicator} รายจังหวัด ปี {year}',
	ranking_title: 'อันดับจังหวัด {year}',
	ranking_aria: 'แผนภูมิแท่งเรียงลำดับ 77 จังหวัดตาม {indicator}',
	tooltip_rank: 'อันดับ {rank} จาก {total}',
	tooltip_no_data: 'ไม่มีข้อมูล',
	zone: 'เขตสุขภาพที่ {zone}',
	source: 'ที่มา',
	licence: 'สัญญาอนุญาต',
	data_caveat: 'หมายเหตุ',
	footer_sources: 'แหล่งข้อมูลและการอ้างอิง',
	footer_boundaries: 'ขอบเขตจังหวัด',
	footer_local: 'ข้อมูลทั้งหมดประมวลผลในเบราว์เซอร์ของคุณ ไม่มีการส่งข้อมูลออกไปภายนอก',
	sample_notice: 'ข้อมูลตัวอย่าง (สร้างขึ้น) ไม่ใช่ผลการสำรวจจริง',
	table_show: 'ดูเป็นตาราง',
	table_rank: 'อันดับ',
	table_province: 'จังหวัด',
	table_value: 'ค่า ({unit})'
};

export type MessageKey = keyof typeof th;

const en: Record<MessageKey, string> = {
	app_name: 'Phakhi Atlas',
	app_tagline: "Maps and data of Thailand's health-promotion partner networks",
	nav_skip: 'Skip to content',
	lang_switch_label: 'Language',
	lang_name_th: 'ไทย',
	lang_name_en: 'English',
	status_loading_db: 'Starting the in-browser database…',
	status_loading_map: 'Drawing the map…',
	status_error_title: 'The data could not be loaded',
	status_error_retry: 'Try again',
	filter_indicator: 'Indicator',
	filter_year: 'Year',
	legend_title: 'Legend',
	legend_no_data: 'No data',
	legend_classes: 'Quantiles, {k} classes',
	map_title: '{indicator} by province, {year}',
	map_aria: 'Map of Thailand showing {indicator} by province in {year}',
	ranking_title: 'Provinces ranked, {year}',
	ranking_aria: 'Bar chart ranking the 77 provinces by {indicator}',
	tooltip_rank: 'Rank {rank} of {total}',
	tooltip_no_data: 'No data',
	zone: 'Health zone {zone}',
	source: 'Source',
	licence: 'Licence',
	data_caveat: 'Note',
	footer_sources: 'Data sources and attribution',
	footer_boundaries: 'Province boundaries',
	footer_local: 'All data is processed in your browser; nothing is sent anywhere.',
	sample_notice: 'Sample (generated) data, not survey results',
	table_show: 'Show as a table',
	table_rank: 'Rank',
	table_province: 'Province',
	table_value: 'Value ({unit})'
};

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { th, en };
