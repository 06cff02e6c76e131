import { describe, expect, it } from 'vitest';
import type { SourceRow } from '$lib/data/contract';
import { bibtexEscape, bibtexKey, citationBibtex, citationText, shortPublisher, type CitationInput } from './citation';

const thairsc: SourceRow = {
	source_id: 'thairsc_road_deaths',
	name_th: 'ผู้เสียชีวิตจากอุบัติเหตุทางถนน รายจังหวัด',
	name_en: 'Road traffic deaths by province (ThaiRSC dashboard export)',
	publisher: 'ThaiRSC (thairsc.com); export via GitHub KaningNoppasin/Thailand-Road-Accident-Statistics',
	url: 'https://github.com/KaningNoppasin/Thailand-Road-Accident-Statistics',
	licence: 'not stated',
	note_th: null,
	note_en: null
};
const ocha: SourceRow = {
	source_id: 'ocha_cod_ab',
	name_th: 'ขอบเขตจังหวัดของประเทศไทย (OCHA COD-AB)',
	name_en: 'Thailand province boundaries (OCHA COD-AB)',
	publisher: 'UN OCHA, from Royal Thai Survey Department boundaries; simplified copy via GitHub piyayut-ch/mapthai',
	url: 'https://data.humdata.org/dataset/cod-ab-tha',
	licence: 'CC BY-IGO',
	note_th: null,
	note_en: null
};

const input: CitationInput = {
	lang: 'en',
	appName: 'Phakhi Atlas',
	title: 'Road traffic death rate by province, 2023',
	subtitle: 'per 100,000 population · Area: Health zone 10 · Quantiles, 5 classes',
	url: 'http://127.0.0.1:4173/?lang=en&zone=10#map',
	date: '2026-11-24',
	sources: [thairsc, ocha],
	stem: 'phakhi-atlas_map_road_death_rate_2023_zone10_en',
	sourceDates: { thairsc_road_deaths: '2022–2023' },
	words: { data: 'Data', accessed: 'accessed', licence: 'Licence', chart: 'chart and data' }
};

describe('citations', () => {
	it('shortens publishers to who published, without the copy it came through', () => {
		expect(shortPublisher(thairsc.publisher)).toBe('ThaiRSC (thairsc.com)');
		expect(shortPublisher(ocha.publisher)).toBe('UN OCHA, from Royal Thai Survey Department boundaries');
	});

	it('plain text names Phakhi Atlas as the maker, the view, the link, the access date, and the publishers as sources with their dates', () => {
		expect(citationText(input)).toBe(
			'Phakhi Atlas (2026). ' +
				'Road traffic death rate by province, 2023. per 100,000 population · Area: Health zone 10 · Quantiles, 5 classes. ' +
				'[chart and data]. http://127.0.0.1:4173/?lang=en&zone=10#map (accessed 2026-11-24). ' +
				'Data: ThaiRSC (thairsc.com), Road traffic deaths by province (ThaiRSC dashboard export) (2022–2023) (Licence: not stated) ' +
				'<https://github.com/KaningNoppasin/Thailand-Road-Accident-Statistics>; ' +
				'UN OCHA, from Royal Thai Survey Department boundaries, Thailand province boundaries (OCHA COD-AB) (Licence: CC BY-IGO) ' +
				'<https://data.humdata.org/dataset/cod-ab-tha>.'
		);
		// Not the publishers as the chart's authors with the export's year.
		expect(citationText(input)).not.toMatch(/^ThaiRSC/);
	});

	it('in Thai, names the sources in Thai', () => {
		const th = citationText({
			...input,
			lang: 'th',
			words: { data: 'ข้อมูล', accessed: 'เข้าถึงเมื่อ', licence: 'สัญญาอนุญาต', chart: 'แผนภูมิและข้อมูล' }
		});
		expect(th).toContain(
			'ข้อมูล: ThaiRSC (thairsc.com), ผู้เสียชีวิตจากอุบัติเหตุทางถนน รายจังหวัด (2022–2023) (สัญญาอนุญาต: not stated)'
		);
		expect(th).toMatch(/^Phakhi Atlas \(2026\)\./);
		expect(th).toContain('(เข้าถึงเมื่อ 2026-11-24)');
	});

	it('BibTeX: a @misc entry with corporate authors, escaped fields, url and date', () => {
		const bib = citationBibtex(input);
		expect(bib.split('\n')[0]).toBe('@misc{phakhi-atlas-map-road-death-rate-2023-zone10-en-2026-11-24,');
		expect(bib).toContain('  title        = {{Road traffic death rate by province, 2023}}');
		expect(bib).toContain('  author       = {{Phakhi Atlas}}');
		expect(bib).toContain('  year         = {2026}');
		expect(bib).toContain('  url          = {http://127.0.0.1:4173/?lang=en&zone=10#map}');
		expect(bib).toContain('  urldate      = {2026-11-24}');
		expect(bib).toMatch(/note {9}= \{per 100,000 population .*Data: ThaiRSC \(thairsc.com\), Road traffic deaths .*CC BY-IGO/);
		expect(bib.endsWith('\n}')).toBe(true);
		// Balanced braces.
		const opens = (bib.replace(/\\[{}]/g, '').match(/\{/g) ?? []).length;
		const closes = (bib.replace(/\\[{}]/g, '').match(/\}/g) ?? []).length;
		expect(opens).toBe(closes);
	});

	it('escapes TeX specials', () => {
		expect(bibtexEscape('50% of A&B_c #1 {x} ~ ^ $ \\')).toBe(
			'50\\% of A\\&B\\_c \\#1 \\{x\\} \\textasciitilde{} \\textasciicircum{} \\$ \\textbackslash{}'
		);
		expect(bibtexKey('a_b c', '2026-01-02')).toBe('phakhi-atlas-a-b-c-2026-01-02');
	});
});
