import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProvinceSearch, PROVINCE_ABBREVIATIONS } from './province-search';

/** The bundled provinces table (the data build's source), not a copy of it. */
const provinces = readFileSync(join(process.cwd(), 'data/sources/provinces.csv'), 'utf8')
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => {
		const [province_code, , , name_th, name_en] = line.split(',');
		return { province_code, name_th, name_en };
	});
const search = createProvinceSearch(provinces);
const codes = (query: string, limit?: number) => search(query, limit).map((m) => m.province.province_code);
const first = (query: string) => search(query)[0]?.province.province_code ?? null;

describe('province search', () => {
	it('finds a province by its Thai or English name, with or without จังหวัด / จ. / Province', () => {
		for (const q of ['ขอนแก่น', 'จังหวัดขอนแก่น', 'จ.ขอนแก่น', 'จ. ขอนแก่น', 'Khon Kaen', 'khonkaen', 'Khon Kaen Province'])
			expect(first(q), q).toBe('40');
		expect(search('ขอนแก่น')[0].how).toBe('exact');
	});

	it('knows the usual abbreviations and names: ขก, ข.ก., KKN, กทม., Bangkok, BKK, โคราช, codes', () => {
		const known: Record<string, string[]> = {
			'40': ['ขก', 'ข.ก.', 'KKN', 'kkn', '40'], // Khon Kaen
			'10': ['กทม.', 'กทม', 'กรุงเทพฯ', 'Bangkok', 'BKK'], // Bangkok
			'30': ['โคราช'], // Nakhon Ratchasima
			'34': ['UBN', 'อบ'] // Ubon Ratchathani
		};
		for (const [code, queries] of Object.entries(known)) for (const q of queries) expect(first(q), q).toBe(code);
	});

	it('offers every province whose name starts with what is typed, then those with a word or part of it', () => {
		expect(codes('เชียง').sort()).toEqual(['50', '57']);
		expect(codes('Chiang').sort()).toEqual(['50', '57']);
		// A word of an English name, and part of a Thai one (no spaces between Thai words).
		expect(codes('Kaen')).toEqual(['40']);
		expect(codes('แก่น')).toEqual(['40']);
		// Names starting with it before names containing it: Nakhon … first, then Sakon Nakhon.
		const nakhon = search('nakhon', 20);
		expect(nakhon.length).toBe(8);
		expect(nakhon.at(-1)!.province.name_en).toBe('Sakon Nakhon');
		expect(nakhon.at(-1)!.how).toBe('word');
		// In Thai order for Thai text: names starting with นคร, then those containing it (กรุงเทพมหานคร, พระนครศรีอยุธยา, สกลนคร).
		const thai = search('นคร', 20);
		const starting = thai.filter((m) => m.how === 'prefix').map((m) => m.province.name_th);
		expect(starting).toHaveLength(6);
		expect(starting).toEqual([...starting].sort((a, b) => a.localeCompare(b, 'th')));
		expect(thai.slice(6).map((m) => m.province.province_code)).toEqual(['10', '14', '47']);
	});

	it('answers nothing for empty or unknown text, and at most the limit', () => {
		expect(search('')).toEqual([]);
		expect(search('   ')).toEqual([]);
		expect(search('zzzz')).toEqual([]);
		expect(search('ก', 3)).toHaveLength(3);
	});

	it('has one Thai and one Latin abbreviation per province, none shared', () => {
		expect(Object.keys(PROVINCE_ABBREVIATIONS).sort()).toEqual(provinces.map((p) => p.province_code).sort());
		const thai = Object.values(PROVINCE_ABBREVIATIONS).map(([t]) => t);
		const latin = Object.values(PROVINCE_ABBREVIATIONS).map(([, l]) => l);
		expect(new Set(thai).size).toBe(77);
		expect(new Set(latin).size).toBe(77);
		for (const t of thai) expect(t).toMatch(/^[\u0e01-\u0e2e]{2}$/);
		for (const l of latin) expect(l).toMatch(/^[A-Z]{3}$/);
	});
});
