import { describe, expect, it } from 'vitest';
import type { TargetRow } from './domain';
import { gapText, signed, targetLabel, targetNote } from '$lib/i18n/domain';
import { gapToTarget, meetsTarget, targetFor, targetsJudging } from './targets';

const target = (t: Partial<TargetRow>): TargetRow => ({
	target_id: 'x',
	indicator_id: 'road_death_rate',
	description_en: '',
	comparator: '<=',
	value: 12,
	value_text: '12',
	unit_en: '',
	year: 2027,
	kind: 'by',
	period_en: '',
	set_by_th: '',
	set_by_en: '',
	scope: 'national',
	document: '',
	stated_by: '',
	source_url: '',
	source_type: '',
	quote_th: '',
	confidence: 'high',
	confidence_note: null,
	...t
});

const targets = [
	target({ target_id: 'by2027', year: 2027, kind: 'by', value: 12, confidence: 'medium' }),
	target({ target_id: 'fy2017', year: 2017, kind: 'annual', value: 18 }),
	target({ target_id: 'fy2018', year: 2018, kind: 'annual', value: 16 }),
	target({ target_id: 'relative', year: 2025, kind: 'by', value: null, comparator: null, value_text: '-10%' }),
	target({ target_id: 'other', indicator_id: 'dengue_rate', year: 2020, kind: 'annual', value: 50 })
];

describe('targetFor', () => {
	it("takes a year's annual target, else the nearest goal at or after it", () => {
		const id = (year: number) => targetFor(targets, 'road_death_rate', year)?.target_id ?? null;
		expect([2011, 2016, 2017, 2018, 2019, 2024, 2027, 2028].map(id)).toEqual([
			'by2027', 'by2027', 'fy2017', 'fy2018', 'by2027', 'by2027', 'by2027', null
		]);
		expect(targetFor(targets, 'dengue_rate', 2019)).toBeNull();
		expect(targetFor(targets, 'dengue_rate', 2020)?.target_id).toBe('other');
		expect(targetFor(targets, 'smoking_prevalence', 2020)).toBeNull();
	});

	it('never picks a relative target, which has no value to compare with', () => {
		expect(targetFor([targets[3]], 'road_death_rate', 2024)).toBeNull();
	});
});

describe('meetsTarget and gapToTarget', () => {
	it('judges "at most" and "at least" targets, with the gap positive when it misses', () => {
		const atMost = targets[0];
		expect([meetsTarget(atMost, 12), meetsTarget(atMost, 12.1), meetsTarget(atMost, 3)]).toEqual([true, false, true]);
		expect(gapToTarget(atMost, 20.5)).toBeCloseTo(8.5, 9);
		expect(gapToTarget(atMost, 10)).toBe(-2);
		const atLeast = target({ comparator: '>=', value: 80 });
		expect([meetsTarget(atLeast, 80), meetsTarget(atLeast, 79)]).toEqual([true, false]);
		expect(gapToTarget(atLeast, 70)).toBe(10);
	});
});

describe('targetLabel and gapText', () => {
	const f = (v: number) => v.toFixed(1);
	it('names the target, who set it and when, in Thai (Buddhist era) and English, and flags medium confidence', () => {
		const road = target({ set_by_en: 'Government target', set_by_th: 'เป้าหมายรัฐบาล', confidence: 'medium', confidence_note: 'plan text itself not read' });
		expect(targetLabel('en', road, f)).toBe('Target at most 12.0 (Government target, by 2027) · medium confidence: plan text itself not read');
		expect(targetLabel('th', road, f)).toBe('เป้าหมาย ไม่เกิน 12.0 (เป้าหมายรัฐบาล ภายใน พ.ศ. 2570) · ความเชื่อมั่นปานกลาง: plan text itself not read');
		const kpi = target({ kind: 'annual', year: 2018, value: 16, set_by_en: 'MOPH KPI 018' });
		expect(targetLabel('en', kpi, f)).toBe('Target at most 16.0 (MOPH KPI 018, fiscal year 2018)');
	});
	it('says by how much a value misses or meets it, with the sign', () => {
		expect(gapText('en', targets[0], 20.5, f)).toBe('Misses the target by +8.5');
		expect(gapText('en', targets[0], 10, f)).toBe('Meets the target (margin −2.0)');
		expect(signed(0.01, f)).toBe('0.0');
	});
});

describe('targetsJudging and targetNote', () => {
	it('names each target that judges the rows shown once, with its source, in both languages', () => {
		const shown = [
			{ indicator_id: 'road_death_rate', year: 2024 },
			{ indicator_id: 'road_death_rate', year: 2023 },
			{ indicator_id: 'road_death_rate', year: 2017 },
			{ indicator_id: 'smoking_prevalence', year: 2024 }
		];
		expect(targetsJudging(targets, shown).map((t) => t.target_id)).toEqual(['by2027', 'fy2017']);
		const goal = target({ document: 'Cabinet resolution', source_url: 'https://example.org/t' });
		const f = (v: number) => v.toFixed(1);
		expect(targetNote('en', goal, f)).toBe(
			`${targetLabel('en', goal, f)}: Cabinet resolution; https://example.org/t. The target is national; none is set per province, so each province is compared with the national target.`
		);
		expect(targetNote('th', goal, f)).toContain('เป้าหมายเป็นระดับประเทศ');
	});
});
