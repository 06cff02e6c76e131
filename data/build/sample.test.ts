import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { INDICATORS, ISSUE_AREAS, SOURCES } from './reference.ts';
import {
	ADULT_SHARE,
	populationFor,
	SAMPLE_INDICATORS,
	SAMPLE_SEED,
	SAMPLE_SOURCE,
	SAMPLE_SOURCE_ID,
	SAMPLE_SPECS,
	SAMPLE_YEARS,
	sampleValues
} from './sample.ts';
import { readPopulation, readProvinces } from './tables.ts';
import { checkCatalogue } from './validate.ts';

const SOURCES_DIR = path.resolve(import.meta.dirname, '../sources');
const csv = (file: string) => parseCsv(readFileSync(path.join(SOURCES_DIR, file), 'utf8'), file).table;
const provinces = readProvinces(csv('provinces.csv')).rows;
const population = readPopulation(
	csv('population.csv'),
	provinces.map((p) => p.province_code)
).rows;
const rows = sampleValues(provinces, population);
const specOf = new Map(SAMPLE_SPECS.map((s) => [s.indicator_id, s]));
const catalogue = [...INDICATORS, ...SAMPLE_INDICATORS];
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const valuesWhere = (id: string, keep: (p: (typeof provinces)[number]) => boolean): number[] => {
	const codes = new Set(provinces.filter(keep).map((p) => p.province_code));
	return rows.filter((r) => r.indicator_id === id && codes.has(r.province_code)).map((r) => r.value!);
};

describe('sample indicators', () => {
	it('covers the six issue areas without open data, one indicator each', () => {
		expect(provinces).toHaveLength(77);
		expect(SAMPLE_INDICATORS.map((i) => [i.indicator_id, i.issue_area_id])).toEqual([
			['smoking_prevalence', 'tobacco'],
			['drinking_prevalence', 'alcohol_drugs'],
			['fruit_veg_adequate', 'food'],
			['physically_active', 'physical_activity'],
			['depression_screen_positive', 'mental_health'],
			['pm25_days_over', 'environment']
		]);
	});

	it('is deterministic from the seed', () => {
		expect(sampleValues(provinces, population)).toEqual(rows);
		expect(sampleValues(provinces, population, { seed: SAMPLE_SEED })).toEqual(rows);
		expect(sampleValues(provinces, population, { seed: SAMPLE_SEED + 1 })).not.toEqual(rows);
		// Province order in the input does not matter.
		expect(sampleValues([...provinces].reverse(), population)).toEqual(rows);
	});

	it('has every province × year of every indicator once, sorted by key', () => {
		expect(SAMPLE_YEARS).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
		expect(rows).toHaveLength(SAMPLE_INDICATORS.length * provinces.length * SAMPLE_YEARS.length);
		const keys = rows.map((r) => `${r.indicator_id}/${r.province_code}/${r.year}`);
		expect(new Set(keys).size).toBe(rows.length);
		for (const i of SAMPLE_INDICATORS)
			for (const p of provinces)
				for (const y of SAMPLE_YEARS) expect(keys.includes(`${i.indicator_id}/${p.province_code}/${y}`)).toBe(true);
		const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		expect(keys).toEqual(sorted);
	});

	it('keeps every value inside its stated range', () => {
		const ranges = Object.fromEntries(SAMPLE_SPECS.map((s) => [s.indicator_id, [s.min, s.max]]));
		expect(ranges).toEqual({
			smoking_prevalence: [13, 25],
			drinking_prevalence: [20, 45],
			fruit_veg_adequate: [15, 45],
			physically_active: [55, 85],
			depression_screen_positive: [3, 12],
			pm25_days_over: [0, 120]
		});
		for (const r of rows) {
			const { min, max } = specOf.get(r.indicator_id)!;
			expect(r.value, `${r.indicator_id}/${r.province_code}/${r.year}`).not.toBeNull();
			expect(r.value! >= min && r.value! <= max, `${r.indicator_id}/${r.province_code}/${r.year} = ${r.value}`).toBe(
				true
			);
		}
		// Clamping is a safety net, not the shape of the data: few values sit on a bound.
		for (const s of SAMPLE_SPECS) {
			const v = rows.filter((r) => r.indicator_id === s.indicator_id).map((r) => r.value!);
			const onMax = v.filter((x) => x === s.max).length;
			expect(onMax, s.indicator_id).toBeLessThanOrEqual(v.length * 0.02);
			if (s.min > 0) expect(v.filter((x) => x === s.min).length, s.indicator_id).toBeLessThanOrEqual(v.length * 0.02);
			expect(new Set(v).size, s.indicator_id).toBeGreaterThan(v.length / 10);
		}
	});

	it('stores percentages and rates as exact ratios of whole persons', () => {
		const popOf = populationFor(population);
		for (const r of rows) {
			const spec = specOf.get(r.indicator_id)!;
			if (spec.kind === 'days') {
				expect(Number.isInteger(r.value)).toBe(true);
				expect([r.numerator, r.denominator]).toEqual([null, null]);
				continue;
			}
			const multiplier = spec.kind === 'percent' ? 100 : 100_000;
			const population = popOf(r.province_code, r.year);
			expect(r.denominator).toBe(spec.kind === 'percent' ? Math.round(ADULT_SHARE * population) : population);
			expect(Number.isInteger(r.numerator)).toBe(true);
			expect(r.value).toBe((multiplier * r.numerator!) / r.denominator!);
		}
	});

	it('uses the population of the same year, or of the nearest year', () => {
		const popOf = populationFor(population);
		const total = (year: number) => population.find((p) => p.province_code === '40' && p.year === year)!.total;
		expect(popOf('40', 2017)).toBe(total(2022));
		expect(popOf('40', 2021)).toBe(total(2022));
		expect(popOf('40', 2023)).toBe(total(2023));
		expect(popOf('40', 2024)).toBe(total(2024));
		expect(() => popOf('99', 2023)).toThrow();
	});

	it('has regional structure (not noise alone)', () => {
		const north = (p: { health_zone: number }) => p.health_zone <= 2;
		const south = (p: { health_zone: number }) => p.health_zone === 11 || p.health_zone === 12;
		expect(mean(valuesWhere('pm25_days_over', north))).toBeGreaterThan(mean(valuesWhere('pm25_days_over', south)) + 40);
		expect(mean(valuesWhere('drinking_prevalence', (p) => p.region_en === 'Northern'))).toBeGreaterThan(
			mean(valuesWhere('drinking_prevalence', (p) => p.region_en === 'Southern')) + 5
		);
		expect(mean(valuesWhere('smoking_prevalence', (p) => p.region_en === 'Southern'))).toBeGreaterThan(
			mean(valuesWhere('smoking_prevalence', (p) => p.province_code === '10'))
		);
		// The national yearly effect shows: physical activity dips in the COVID-19 years.
		const active = (year: number) =>
			mean(rows.filter((r) => r.indicator_id === 'physically_active' && r.year === year).map((r) => r.value!));
		expect(active(2021)).toBeLessThan(active(2019) - 3);
	});
});

describe('sample catalogue rows', () => {
	it('are flagged as sample data with the sample source, and the real indicators are not', () => {
		for (const i of SAMPLE_INDICATORS) {
			expect(i.is_sample, i.indicator_id).toBe(true);
			expect(i.source_id).toBe(SAMPLE_SOURCE_ID);
			expect(i.source).toContain('not survey results');
			expect(i.source).toContain('ข้อมูลตัวอย่าง');
			expect(i.licence).toBe('CC0 (generated sample)');
			expect(i.pair_id).toBeNull();
			expect(i.name_th && i.name_en && i.unit_th && i.unit_en).toBeTruthy();
		}
		expect(INDICATORS.map((i) => i.indicator_id).sort()).toEqual(['dengue_cases', 'dengue_rate', 'road_death_rate', 'road_deaths']);
		for (const i of INDICATORS) expect(i.is_sample, i.indicator_id).toBe(false);
		expect(SAMPLE_SOURCE).toMatchObject({
			source_id: SAMPLE_SOURCE_ID,
			publisher: 'Phakhi Atlas data build',
			licence: 'CC0 (generated)'
		});
		expect(SAMPLE_SOURCE.note_en).toMatch(/not from any survey/i);
	});

	it('have the measure, aggregation, multiplier, direction and decimals of their kind', () => {
		const row = (id: string) => SAMPLE_INDICATORS.find((i) => i.indicator_id === id)!;
		expect(row('smoking_prevalence')).toMatchObject({
			measure: 'percent',
			aggregation: 'ratio',
			multiplier: 100,
			decimals: 1,
			higher_is_worse: true
		});
		expect(row('fruit_veg_adequate')).toMatchObject({ measure: 'percent', higher_is_worse: false });
		expect(row('physically_active')).toMatchObject({ measure: 'percent', higher_is_worse: false });
		expect(row('pm25_days_over')).toMatchObject({
			aggregation: 'mean',
			multiplier: null,
			decimals: 0,
			higher_is_worse: true
		});
	});

	it('give exactly one headline indicator per issue area across the whole catalogue', () => {
		for (const area of ISSUE_AREAS) {
			const headlines = catalogue.filter((i) => i.issue_area_id === area.issue_area_id && i.headline);
			expect(headlines, area.issue_area_id).toHaveLength(1);
		}
		expect(catalogue.find((i) => i.issue_area_id === 'road_safety' && i.headline)?.indicator_id).toBe(
			'road_death_rate'
		);
		// Emerging threats has the real dengue series now; no sample indicator stands in for it.
		expect(catalogue.find((i) => i.issue_area_id === 'emerging_threats' && i.headline)).toMatchObject({
			indicator_id: 'dengue_rate',
			is_sample: false
		});
	});

	it('pass the build catalogue check together with the real rows', () => {
		expect(checkCatalogue(catalogue, ISSUE_AREAS, [...SOURCES, SAMPLE_SOURCE], rows)).toEqual([]);
	});
});
