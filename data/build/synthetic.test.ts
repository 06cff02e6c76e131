import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildData } from './build.ts';
import { INDICATORS, ISSUE_AREAS } from './reference.ts';
import { SAMPLE_INDICATORS } from './sample.ts';
import {
	mulberry32,
	SYNTHETIC_SOURCE_ID,
	SYNTHETIC_YEARS,
	syntheticIndicators,
	syntheticValues
} from './synthetic.ts';

const AREAS = ISSUE_AREAS.map((a) => a.issue_area_id);
const TEMPLATE = INDICATORS.find((i) => i.indicator_id === 'road_death_rate')!;
const PROVINCES = [
	{ province_code: '10', population: 5_500_000 },
	{ province_code: '40', population: 1_790_000 },
	{ province_code: '96', population: 800_000 }
];

describe('mulberry32', () => {
	it('gives the same sequence for the same seed and another for another seed', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const c = mulberry32(43);
		const first = Array.from({ length: 5 }, a);
		expect(Array.from({ length: 5 }, b)).toEqual(first);
		expect(Array.from({ length: 5 }, c)).not.toEqual(first);
	});
	it('is the published algorithm (fixed first values) and stays in [0, 1)', () => {
		const r = mulberry32(1);
		expect(r()).toBe(0.6270739405881613);
		for (let i = 0; i < 10_000; i++) {
			const v = r();
			expect(v >= 0 && v < 1).toBe(true);
		}
	});
});

describe('syntheticIndicators', () => {
	it('makes `scale` sample indicators with issue areas rotating over all eight', () => {
		const rows = syntheticIndicators(17, AREAS, TEMPLATE);
		expect(rows).toHaveLength(17);
		expect(new Set(rows.map((r) => r.indicator_id)).size).toBe(17);
		expect(rows.every((r) => r.is_sample && r.source_id === SYNTHETIC_SOURCE_ID)).toBe(true);
		expect(rows.slice(0, 8).map((r) => r.issue_area_id)).toEqual(AREAS);
		expect(rows[8].issue_area_id).toBe(AREAS[0]);
		expect(rows[16]).toMatchObject({ name_en: 'Synthetic indicator 17', name_th: 'ตัวชี้วัดสังเคราะห์ 17' });
		// Every contract column of the template is there, and nothing points back at a real indicator.
		expect(Object.keys(rows[0]).sort()).toEqual(Object.keys(TEMPLATE).sort());
		expect(rows.some((r) => INDICATORS.some((i) => i.indicator_id === r.indicator_id || i.indicator_id === r.pair_id))).toBe(false);
	});
	it('makes none at scale 0 and refuses a bad scale', () => {
		expect(syntheticIndicators(0, AREAS, TEMPLATE)).toEqual([]);
		expect(() => syntheticIndicators(-1, AREAS, TEMPLATE)).toThrow();
		expect(() => syntheticIndicators(1.5, AREAS, TEMPLATE)).toThrow();
	});
});

describe('syntheticValues', () => {
	const indicators = syntheticIndicators(4, AREAS, TEMPLATE);

	it('is deterministic from the seed', () => {
		expect(syntheticValues(indicators, PROVINCES, SYNTHETIC_YEARS, 7)).toEqual(
			syntheticValues(indicators, PROVINCES, SYNTHETIC_YEARS, 7)
		);
		expect(syntheticValues(indicators, PROVINCES, SYNTHETIC_YEARS, 8)).not.toEqual(
			syntheticValues(indicators, PROVINCES, SYNTHETIC_YEARS, 7)
		);
	});

	it('covers every indicator × 20 years × province once, with consistent rates', () => {
		const rows = syntheticValues(indicators, PROVINCES);
		expect(SYNTHETIC_YEARS).toHaveLength(20);
		expect(rows).toHaveLength(4 * 20 * 3);
		expect(new Set(rows.map((r) => `${r.indicator_id}/${r.province_code}/${r.year}`)).size).toBe(rows.length);
		for (const r of rows) {
			if (r.value === null) continue;
			expect(Number.isFinite(r.value) && r.value >= 0).toBe(true);
			expect(Math.abs(r.value - (r.numerator! * 100_000) / r.denominator!)).toBeLessThanOrEqual(0.05 + 1e-9);
		}
	});
});

describe('buildData with a scale factor', () => {
	it('appends the synthetic rows to the real ones, and the default build has none', async () => {
		const tmp = await mkdtemp(path.join(tmpdir(), 'phakhi-synthetic-'));
		const sourcesDir = path.resolve(import.meta.dirname, '../sources');
		try {
			const plain = await buildData({ sourcesDir, outDir: path.join(tmp, 'plain') });
			const scaled = await buildData({ sourcesDir, outDir: path.join(tmp, 'scaled'), scale: 3 });
			expect(plain.synthetic).toBeUndefined();
			const provinces = plain.tables.provinces.rows;
			expect(scaled.synthetic).toMatchObject({ scale: 3, indicators: 3, values: 3 * 20 * provinces });
			expect(scaled.tables.indicator_values.rows).toBe(plain.tables.indicator_values.rows + 3 * 20 * provinces);
			expect(scaled.tables.indicator_catalogue.rows).toBe(plain.tables.indicator_catalogue.rows + 3);
			expect(scaled.tables.sources.rows).toBe(plain.tables.sources.rows + 1);

			const db = await DuckDBInstance.create(':memory:');
			const conn = await db.connect();
			try {
				const file = path.join(tmp, 'scaled', 'indicator_catalogue.parquet').replaceAll("'", "''");
				// The default build's own sample indicators (sample.ts) are is_sample too; the synthetic ones come on top.
				const rows = (
					await conn.runAndReadAll(`SELECT count(*) FILTER (WHERE is_sample) AS n, count(*) FILTER (WHERE source_id = '${SYNTHETIC_SOURCE_ID}') AS synthetic FROM '${file}'`)
				).getRowObjectsJS();
				expect(Number(rows[0].synthetic)).toBe(3);
				expect(Number(rows[0].n)).toBe(SAMPLE_INDICATORS.length + 3);
			} finally {
				conn.closeSync();
				db.closeSync();
			}
		} finally {
			await rm(tmp, { recursive: true, force: true });
		}
	});
});

describe('buildData with a network scale', () => {
	it('makes the requested numbers of sample partners and projects (networkScale, or exact counts)', async () => {
		const tmp = await mkdtemp(path.join(tmpdir(), 'phakhi-network-scale-'));
		const sourcesDir = path.resolve(import.meta.dirname, '../sources');
		try {
			const scaled = await buildData({ sourcesDir, outDir: path.join(tmp, 'scaled'), networkScale: 0.2 });
			expect(scaled.network_sample).toMatchObject({ partners: 600, projects: 300 });
			expect(scaled.tables.partners.rows).toBe(600);
			// Plus the one real record.
			expect(scaled.tables.projects.rows).toBe(301);
			expect(scaled.tables.instalments.rows).toBe(scaled.network_sample.instalments + 2);

			const exact = await buildData({ sourcesDir, outDir: path.join(tmp, 'exact'), networkScale: 5, samplePartners: 1_234, sampleProjects: 4_321 });
			expect([exact.tables.partners.rows, exact.tables.projects.rows]).toEqual([1_234, 4_322]);
			expect(exact.network_sample.instalments).toBeGreaterThanOrEqual(2 * 4_321);

			const db = await DuckDBInstance.create(':memory:');
			const conn = await db.connect();
			try {
				const file = (name: string) => `'${path.join(tmp, 'exact', `${name}.parquet`).replaceAll("'", "''")}'`;
				const [row] = (
					await conn.runAndReadAll(
						`SELECT (SELECT count(*) FROM ${file('partners')}) AS partners, (SELECT count(DISTINCT project_code) FROM ${file('projects')}) AS projects,
						        (SELECT count(*) FROM ${file('instalments')}) AS instalments`
					)
				).getRowObjectsJS();
				expect([Number(row.partners), Number(row.projects), Number(row.instalments)]).toEqual([1_234, 4_322, exact.tables.instalments.rows]);
			} finally {
				conn.closeSync();
				db.closeSync();
			}
			await expect(buildData({ sourcesDir, outDir: path.join(tmp, 'bad'), samplePartners: -1 })).rejects.toThrow(/whole number/);
		} finally {
			await rm(tmp, { recursive: true, force: true });
		}
	});
});
