import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatRank, formatYear, isLang, localized, translate } from './index';
import { MESSAGES } from './messages';

describe('message catalogue', () => {
	it('has the same keys and no empty string in both languages', () => {
		expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.th).sort());
		for (const lang of ['th', 'en'] as const)
			for (const [key, text] of Object.entries(MESSAGES[lang])) expect(text, `${lang}.${key}`).not.toBe('');
	});

	it('keeps the same placeholders in both languages', () => {
		const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const key of Object.keys(MESSAGES.th) as (keyof typeof MESSAGES.th)[])
			expect(holes(MESSAGES.en[key]), key).toEqual(holes(MESSAGES.th[key]));
	});

	it('fills placeholders', () => {
		expect(translate('en', 'aggregate_coverage_provinces', { provinces: 7, total: 77 })).toBe('7 of 77 provinces');
		expect(translate('th', 'zone', { zone: 7 })).toBe('เขตสุขภาพที่ 7');
	});
});

describe('formatting', () => {
	it('shows Buddhist-era years in Thai and CE in English', () => {
		expect(formatYear('th', 2023)).toBe('พ.ศ. 2566');
		expect(formatYear('en', 2023)).toBe('2023');
	});

	it('formats numbers per language with fixed decimals and a dash for missing', () => {
		expect(formatNumber('en', 15015)).toBe('15,015');
		expect(formatNumber('th', 15015)).toBe('15,015');
		expect(formatNumber('en', 21.456, 1)).toBe('21.5');
		expect(formatNumber('en', null)).toBe('–');
		expect(formatNumber('th', Number.NaN)).toBe('–');
	});

	it('formats dates with the Buddhist calendar in Thai', () => {
		expect(formatDate('th', '2017-12-01')).toBe('1 ธ.ค. 2560');
		expect(formatDate('en', '2017-12-01')).toBe('1 Dec 2017');
	});

	it('recognises languages and picks localized fields', () => {
		expect(isLang('en')).toBe(true);
		expect(isLang('fr')).toBe(false);
		expect(isLang(undefined)).toBe(false);
		expect(localized({ name_th: 'ขอนแก่น', name_en: 'Khon Kaen' }, 'name', 'th')).toBe('ขอนแก่น');
	});
});

describe('ranks in words', () => {
	// [worst, best, of] → the words, in each language where a row gives them.
	const cases: { rank: [number, number, number]; en: string; th?: string; why: string }[] = [
		{ rank: [2, 3, 4], en: '2nd worst of 4', th: 'แย่เป็นอันดับ 2 จาก 4', why: 'the worse half counts from the worse end' },
		{ rank: [1, 77, 77], en: 'worst of 77', th: 'แย่เป็นอันดับ 1 จาก 77', why: 'the very worst' },
		{ rank: [77, 1, 77], en: 'best of 77', why: 'the very best' },
		{
			rank: [75, 3, 77],
			en: '3rd best of 77',
			th: 'ดีเป็นอันดับ 3 จาก 77',
			why: 'the better half counts from the better end'
		},
		{ rank: [3, 3, 5], en: '3rd worst of 5', why: 'the middle of an odd count is told from the worse end' },
		// Values 9, 5, 5, 1 (higher is worse): the two 5s are both 2nd worst and both 2nd best.
		{ rank: [2, 2, 4], en: 'joint 2nd worst of 4', th: 'แย่เป็นอันดับ 2 (ร่วม) จาก 4', why: 'a shared place' },
		{ rank: [3, 1, 4], en: 'joint best of 4', th: 'ดีเป็นอันดับ 1 (ร่วม) จาก 4', why: 'a shared best place' },
		{ rank: [1, 1, 1], en: 'the only one with a value', th: 'มีค่าเพียงแห่งเดียว', why: 'nothing to compare' }
	];
	it.each(cases)('says $en for $rank ($why)', ({ rank: [worst, best, of], en, th }) => {
		expect(formatRank('en', { worst, best, of })).toBe(en);
		if (th) expect(formatRank('th', { worst, best, of })).toBe(th);
	});

	it('writes English ordinals', () => {
		const worst = (n: number) => formatRank('en', { worst: n, best: 400 - n + 1, of: 400 });
		expect([2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(worst)).toEqual(
			['2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th'].map(
				(o) => `${o} worst of 400`
			)
		);
	});

	it('writes a dash for no rank', () => {
		expect(formatRank('en', null)).toBe('–');
	});
});
