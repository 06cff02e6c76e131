import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatYear, isLang, localized, translate } from './index';
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
		expect(translate('en', 'tooltip_rank', { rank: 3, total: 77 })).toBe('Rank 3 of 77');
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
