import { describe, expect, it } from 'vitest';
import { PARTNER_TYPES, PROJECT_STATUSES } from '$lib/data/contract';
import { LANGS, MESSAGES, type MessageKey } from '$lib/i18n/messages';
import { ISSUE_AREAS } from '../../../data/build/reference';
import { createCodeResolver, splitCodeList } from './codes';

const status = createCodeResolver('status', ISSUE_AREAS);
const type = createCodeResolver('partner_type', ISSUE_AREAS);
const issues = createCodeResolver('issue_areas', ISSUE_AREAS);

describe('coded values', () => {
	it('resolves every label of the message catalogue, in every language, to its code', () => {
		for (const lang of LANGS) {
			for (const code of PROJECT_STATUSES)
				expect(status(MESSAGES[lang][`status_${code}` as MessageKey])).toEqual({ codes: [code], unknown: [] });
			for (const code of PARTNER_TYPES)
				expect(type(MESSAGES[lang][`ptype_${code}` as MessageKey])).toEqual({ codes: [code], unknown: [] });
		}
		for (const area of ISSUE_AREAS)
			for (const label of [area.issue_area_id, area.name_th, area.name_en])
				expect(issues(label)).toEqual({ codes: [area.issue_area_id], unknown: [] });
	});

	it('reads the words organisations write, with case, spaces and Thai spelling variants folded', () => {
		expect(status('ดำเนินการ').codes).toEqual(['active']);
		expect(status(' ปิดโครงการ ').codes).toEqual(['closed']);
		expect(status('อยู่ระหว่าง ดำเนินการ').codes).toEqual(['active']);
		expect(status('Completed').codes).toEqual(['closed']);
		expect(status('CANCELED').codes).toEqual(['cancelled']);
		expect(type('มูลนิธิ').codes).toEqual(['ngo']);
		expect(type('อบต.').codes).toEqual(['local_government']);
		expect(type('NGO').codes).toEqual(['ngo']);
	});

	it('splits lists on semicolons, commas and slashes and returns the codes once, in issue-area order', () => {
		expect(issues('บุหรี่, เหล้า; มลพิษ')).toEqual({ codes: ['tobacco', 'alcohol_drugs', 'environment'], unknown: [] });
		expect(issues('มลพิษ/ยาสูบ;บุหรี่')).toEqual({ codes: ['tobacco', 'environment'], unknown: [] });
		expect(splitCodeList(' a ;; b,c ')).toEqual(['a', 'b', 'c']);
	});

	it('reports what it cannot place, never passing it through', () => {
		expect(status('ระงับชั่วคราว')).toEqual({ codes: [], unknown: ['ระงับชั่วคราว'] });
		expect(status('active; closed')).toEqual({ codes: [], unknown: ['active; closed'] });
		expect(issues('บุหรี่; ดนตรี')).toEqual({ codes: ['tobacco'], unknown: ['ดนตรี'] });
		expect(type('')).toEqual({ codes: [], unknown: [] });
	});

	it("takes the user's own answers, but only codes that exist", () => {
		const fixed = createCodeResolver('status', ISSUE_AREAS, { ระงับชั่วคราว: 'cancelled', พักไว้: 'paused' });
		expect(fixed('ระงับชั่วคราว').codes).toEqual(['cancelled']);
		expect(fixed('พักไว้')).toEqual({ codes: [], unknown: ['พักไว้'] });
	});
});
