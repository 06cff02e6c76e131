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
	const place = (worst: number, best: number, of: number) => ({ worst, best, of });
	it('counts from the worse end in the worse half, from the better end in the better half', () => {
		expect(formatRank('en', place(2, 3, 4))).toBe('2nd worst of 4');
		expect(formatRank('th', place(2, 3, 4))).toBe('แย่เป็นอันดับ 2 จาก 4');
		expect(formatRank('en', place(1, 77, 77))).toBe('worst of 77');
		expect(formatRank('th', place(1, 77, 77))).toBe('แย่เป็นอันดับ 1 จาก 77');
		expect(formatRank('en', place(77, 1, 77))).toBe('best of 77');
		expect(formatRank('en', place(75, 3, 77))).toBe('3rd best of 77');
		expect(formatRank('th', place(75, 3, 77))).toBe('ดีเป็นอันดับ 3 จาก 77');
		// The middle of an odd count is told from the worse end.
		expect(formatRank('en', place(3, 3, 5))).toBe('3rd worst of 5');
	});

	it('writes English ordinals', () => {
		const worst = (n: number) => formatRank('en', place(n, 400 - n + 1, 400));
		expect([2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(worst)).toEqual(
			['2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th'].map(
				(o) => `${o} worst of 400`
			)
		);
	});

	it('says when places are shared, and when there is nothing to compare', () => {
		// Values 9, 5, 5, 1 (higher is worse): the two 5s are both 2nd worst and both 2nd best.
		expect(formatRank('en', place(2, 2, 4))).toBe('joint 2nd worst of 4');
		expect(formatRank('th', place(2, 2, 4))).toBe('แย่เป็นอันดับ 2 (ร่วม) จาก 4');
		expect(formatRank('en', place(3, 1, 4))).toBe('joint best of 4');
		expect(formatRank('th', place(3, 1, 4))).toBe('ดีเป็นอันดับ 1 (ร่วม) จาก 4');
		expect(formatRank('en', place(1, 1, 1))).toBe('the only one with a value');
		expect(formatRank('th', place(1, 1, 1))).toBe('มีค่าเพียงแห่งเดียว');
		expect(formatRank('en', null)).toBe('–');
	});
});
