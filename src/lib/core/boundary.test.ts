import { describe, expect, it } from 'vitest';
import type { ProvinceRow } from './domain';
import { boundaryNotes, notYetProvinces } from './boundary';
import { boundaryNoteText } from '$lib/i18n/domain';

const province = (code: string, name_en: string, name_th: string, history: Partial<ProvinceRow> = {}): ProvinceRow => ({
	province_code: code,
	iso_3166_2: `TH-${code}`,
	name_th,
	name_en,
	region_th: '',
	region_en: 'Northeastern',
	health_zone: 8,
	population: 1,
	population_year: 2025,
	area_km2: null,
	established_year: null,
	split_from: null,
	...history
});
const provinces = [
	province('38', 'Bueng Kan', 'บึงกาฬ', { established_year: 2011, split_from: '43' }),
	province('40', 'Khon Kaen', 'ขอนแก่น'),
	province('43', 'Nong Khai', 'หนองคาย')
];
const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('boundaryNotes', () => {
	it("notes Nong Khai's and Bueng Kan's series only where they cross 2010/2011", () => {
		expect(boundaryNotes(provinces, '43', years(2003, 2022)).map((n) => n.kind)).toEqual(['parent']);
		expect(boundaryNotes(provinces, '38', years(2003, 2022)).map((n) => n.kind)).toEqual(['child']);
		expect(boundaryNotes(provinces, '43', years(2011, 2024))).toEqual([]);
		expect(boundaryNotes(provinces, '43', years(2003, 2010))).toEqual([]);
		expect(boundaryNotes(provinces, '40', years(2003, 2022))).toEqual([]);
		expect(boundaryNotes(provinces, null, years(2003, 2022))).toEqual([]);
	});

	it('says it in Thai (Buddhist era) and English', () => {
		const [parent] = boundaryNotes(provinces, '43', years(2003, 2022));
		expect(boundaryNoteText('en', parent)).toBe(
			"Nong Khai's figures before 2011 include Bueng Kan, which became a province of its own in 2011: Nong Khai is not comparable across 2010/2011."
		);
		expect(boundaryNoteText('th', parent)).toContain('จึงเทียบตัวเลขของหนองคายข้ามปี พ.ศ. 2553/พ.ศ. 2554 ไม่ได้');
		const [child] = boundaryNotes(provinces, '38', years(2003, 2022));
		expect(boundaryNoteText('en', child)).toContain('shown as missing, not 0');
	});
});

describe('notYetProvinces', () => {
	it('lists Bueng Kan before 2011 only', () => {
		expect(notYetProvinces(provinces, 2010).map((n) => n.child.province_code)).toEqual(['38']);
		expect(notYetProvinces(provinces, 2011)).toEqual([]);
	});
});
