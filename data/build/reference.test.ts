import { describe, expect, it } from 'vitest';
import { ISSUE_AREAS, LOCAL_GROUPINGS } from './reference.ts';

describe('LOCAL_GROUPINGS', () => {
	const areas = ISSUE_AREAS.map((a) => a.issue_area_id);
	const grouping = (id: string) => LOCAL_GROUPINGS.find((g) => g.grouping_id === id)!;

	it('maps every item onto a known issue area', () => {
		for (const g of LOCAL_GROUPINGS)
			for (const item of g.items) expect(areas, `${g.grouping_id}: ${item.name_en}`).toContain(item.issue_area_id);
	});

	it("maps Phuket's eight issues one to one", () => {
		const phuket = grouping('phuket_8');
		expect(phuket.province_code).toBe('83');
		expect(phuket.items.map((i) => i.issue_area_id).sort()).toEqual([...areas].sort());
		expect(phuket.items.map((i) => i.name_th)).toEqual([
			'บุหรี่',
			'เหล้า-ยาเสพติด',
			'อาหาร',
			'กิจกรรมทางกาย',
			'ความปลอดภัยทางถนน',
			'สุขภาพจิต',
			'มลพิษจากสิ่งแวดล้อม',
			'ปัญหาสุขภาพอุบัติใหม่'
		]);
	});

	it('maps Surat Thani\'s "5 อ."', () => {
		const surat = grouping('surat_thani_5a');
		expect(surat.province_code).toBe('84');
		expect(Object.fromEntries(surat.items.map((i) => [i.name_th, i.issue_area_id]))).toEqual({
			อาหาร: 'food',
			ออกกำลังกาย: 'physical_activity',
			อุบัติเหตุ: 'road_safety',
			อโรคยา: 'emerging_threats',
			อนามัยสิ่งแวดล้อม: 'environment'
		});
		for (const i of surat.items) expect(i.name_th.startsWith('อ')).toBe(true);
	});
});
