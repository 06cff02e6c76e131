/**
 * Aggregates from part of a place, with real DuckDB on the bundled exports: the indicator's values
 * are cut down to a few provinces, as a user's file with 7 of the 77 provinces would be.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coveragePoints, trendCoverageNote } from '$lib/charts/aggregate-lines';
import { trendLayout, trendSvg, trendTable, trendTooltip } from '$lib/charts/trend';
import { coveredEnough, isPartial, MIN_COVERAGE_SHARE, pointCoverage, type AggregateCoverage } from '$lib/core/aggregate-coverage';
import { AtlasDb, NATION } from './atlas-db';
import { TABLES } from './contract';
import { NodeConnector } from './node-connector';
import { sourceRows } from './sources.test-support';

const DATA = join(process.cwd(), 'static/data');

/** Zone 7 whole (Khon Kaen, Maha Sarakham, Roi Et, Kalasin), three of zone 10's five, one of zone 8's seven. */
const KEPT = ['40', '44', '45', '46', '34', '33', '35', '41'];
/** The latest road-death year, so the profile (latest year with a value) shows the cut. */
const YEAR = 2024;

const provinces = sourceRows('provinces.csv').map((r) => ({ code: r[0], zone: Number(r[7]), latest: Number(r[8]) }));
const population = new Map(
	sourceRows('population.csv')
		.filter((r) => Number(r[1]) === YEAR)
		.map((r) => [r[0], Number(r[5])])
);
const popOf = (code: string) => population.get(code) ?? provinces.find((p) => p.code === code)!.latest;
const share = (codes: string[], of: string[]) =>
	codes.reduce((n, c) => n + popOf(c), 0) / of.reduce((n, c) => n + popOf(c), 0);
const zoneCodes = (zone: number) => provinces.filter((p) => p.zone === zone).map((p) => p.code);

let db: AtlasDb;
let full: AtlasDb;

/** The bundled indicator values with road_death_rate of YEAR kept for KEPT only. */
async function cutValues(): Promise<Uint8Array> {
	const scratch = await NodeConnector.open();
	const out = `/tmp/phakhi-values-cut-${process.pid}.parquet`;
	try {
		await scratch.query(
			`COPY (SELECT * FROM read_parquet(?)
			       WHERE indicator_id <> 'road_death_rate' OR year <> ${YEAR}
			          OR province_code IN (${KEPT.map((c) => `'${c}'`).join(', ')}))
			 TO '${out}' (FORMAT parquet)`,
			[join(DATA, TABLES.indicator_values.file)]
		);
		return new Uint8Array(readFileSync(out));
	} finally {
		await scratch.close();
	}
}

beforeAll(async () => {
	if (!existsSync(join(DATA, 'manifest.json'))) throw new Error('run `npm run data` first (npm test does it for you)');
	const bundled = async (file: string) => new Uint8Array(readFileSync(join(DATA, file)));
	const cut = await cutValues();
	db = await AtlasDb.open(await NodeConnector.open(), async (file) =>
		file === TABLES.indicator_values.file ? cut : bundled(file)
	);
	full = await AtlasDb.open(await NodeConnector.open(), bundled);
});

afterAll(async () => {
	await db?.close();
	await full?.close();
});

describe('aggregates say what they cover', () => {
	it('gives every complete aggregate its value and all of its provinces', async () => {
		const aggregates = await full.aggregates('road_death_rate', YEAR);
		expect(aggregates.length).toBe(13 + 6 + 1);
		for (const a of aggregates) {
			expect(a.provinces).toBe(a.provinces_total);
			expect(a.population_share).toBeCloseTo(1, 12);
			expect(a.value).not.toBeNull();
			expect(isPartial(a)).toBe(false);
		}
		expect(aggregates.find((a) => a.scope === 'nation')!.provinces_total).toBe(77);
	});

	it('withholds the national figure of 8 of 77 provinces, with its coverage', async () => {
		const nation = (await db.aggregates('road_death_rate', YEAR)).find((a) => a.scope === 'nation')!;
		expect(nation).toMatchObject({ provinces: KEPT.length, provinces_total: 77, value: null });
		const all = provinces.map((p) => p.code);
		expect(nation.population_share).toBeCloseTo(share(KEPT, all), 9);
		expect(nation.population_share).toBeLessThan(MIN_COVERAGE_SHARE);
		// The other year, untouched, is whole.
		const before = (await db.aggregates('road_death_rate', 2022)).find((a) => a.scope === 'nation')!;
		expect(before).toMatchObject({ provinces: 77, provinces_total: 77 });
		expect(before.value).not.toBeNull();
	});

	it('keeps a zone with most of its population, marked as partial, with the value of its provinces', async () => {
		const aggregates = await db.aggregates('road_death_rate', YEAR);
		const zone10 = aggregates.find((a) => a.scope === 'zone' && a.scope_id === '10')!;
		const kept = ['34', '33', '35'];
		expect(zone10).toMatchObject({ provinces: 3, provinces_total: 5 });
		expect(zone10.population_share).toBeCloseTo(share(kept, zoneCodes(10)), 9);
		expect(zone10.population_share).toBeGreaterThan(MIN_COVERAGE_SHARE);
		expect(isPartial(zone10)).toBe(true);
		expect(coveredEnough(zone10)).toBe(true);
		// A rate combines as deaths over population: the three provinces' own.
		const values = (await full.indicatorValues('road_deaths', YEAR)).filter((v) => kept.includes(v.province_code));
		const rate = await full.indicatorValues('road_death_rate', YEAR);
		const deaths = values.reduce((n, v) => n + v.value!, 0);
		const people = rate.filter((v) => kept.includes(v.province_code)).reduce((n, v) => n + v.denominator!, 0);
		expect(zone10.value).toBeCloseTo((deaths * 1e5) / people, 6);
	});

	it('withholds a zone with one of its seven provinces, and keeps a whole zone whole', async () => {
		const aggregates = await db.aggregates('road_death_rate', YEAR);
		const zone8 = aggregates.find((a) => a.scope === 'zone' && a.scope_id === '8')!;
		expect(zone8).toMatchObject({ provinces: 1, provinces_total: zoneCodes(8).length, value: null });
		expect(aggregates.find((a) => a.scope === 'zone' && a.scope_id === '9')).toBeUndefined();
		const zone7 = aggregates.find((a) => a.scope === 'zone' && a.scope_id === '7')!;
		const whole = (await full.aggregates('road_death_rate', YEAR)).find(
			(a) => a.scope === 'zone' && a.scope_id === '7'
		)!;
		expect(zone7).toEqual(whole);
	});

	it('leaves withheld years out of the trend line instead of drawing a part as the nation', async () => {
		const trend = await db.trend('road_death_rate', NATION);
		expect(trend.find((p) => p.year === YEAR)?.value ?? null).toBeNull();
		expect(trend.find((p) => p.year === 2022)?.value).not.toBeNull();
		const profile = (await db.provinceProfile('41')).find((r) => r.indicator_id === 'road_death_rate')!;
		expect(profile.year).toBe(YEAR);
		expect(profile.nation_value).toBeNull();
		expect(profile.zone_value).toBeNull();
	});
});

describe("a trend's years say what they cover", () => {
	it("carries each zone year's coverage, so the partial one is an open point with its note, in the chart, the tooltip and the table", async () => {
		const trend = await db.trend('road_death_rate', { scope: 'zone', id: '10' });
		const partial = trend.find((p) => p.year === YEAR)!;
		expect(pointCoverage(partial)).toMatchObject({ provinces: 3, provinces_total: 5 });
		expect(pointCoverage(trend.find((p) => p.year === 2022)!)).toMatchObject({ provinces: 5, provinces_total: 5 });
		// A province's trend has no coverage.
		expect(pointCoverage((await db.trend('road_death_rate', { scope: 'province', id: '34' }))[0])).toBeNull();

		const points = coveragePoints(trend, 'en');
		const share = Math.round(100 * partial.population_share!);
		expect(points.find((p) => p.year === YEAR)!.note).toBe(`3 of 5 provinces, ${share}% of the population`);
		expect(points.filter((p) => p.note)).toHaveLength(1);
		const series = [{ key: 'zone', label: 'Health zone 10', kind: 'zone' as const, points }];
		const format = (v: number) => v.toFixed(1);
		const layout = trendLayout(series, format, String, { width: 600, height: 300 });
		const svg = trendSvg(layout);
		expect(svg.match(/<circle class="partial"/g)).toHaveLength(1);
		const index = layout.years.findIndex((y) => y.year === YEAR);
		expect(trendTooltip(layout, String(index))).toContain(`(3 of 5 provinces, ${share}% of the population)`);
		const row = trendTable(series, format, String, { year: 'Year' }).rows.find((r) => r.key === String(YEAR))!;
		expect(row.cells['s:zone']).toBe(`${format(partial.value!)} (3 of 5 provinces, ${share}% of the population)`);
		expect(row.raw!['s:zone']).toBe(partial.value);
		expect(trendCoverageNote(series, 'th')).toContain('จุดกลวง');
		// The nation's withheld year is a gap, not a noted point.
		expect(coveragePoints(await db.trend('road_death_rate', NATION), 'en').find((p) => p.year === YEAR)).toEqual({
			year: YEAR,
			value: null,
			note: null
		});
	});
});

describe('the coverage rule', () => {
	const c = (provinces: number, provinces_total: number, population_share: number | null): AggregateCoverage => ({
		provinces,
		provinces_total,
		population_share
	});
	it('decides by population when it is known, else by provinces', () => {
		expect(coveredEnough(c(7, 77, 0.18))).toBe(false);
		expect(coveredEnough(c(40, 77, 0.7))).toBe(true);
		expect(coveredEnough(c(70, 77, 0.5))).toBe(false);
		expect(coveredEnough(c(52, 77, null))).toBe(true);
		expect(coveredEnough(c(51, 77, null))).toBe(false);
		expect(coveredEnough(c(2, 3, null))).toBe(true);
		expect(coveredEnough(c(0, 0, null))).toBe(false);
		expect(isPartial(c(77, 77, 1))).toBe(false);
		expect(isPartial(c(76, 77, 0.99))).toBe(true);
		expect(isPartial(null)).toBe(false);
	});
});
