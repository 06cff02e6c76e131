/**
 * The real yearly series (data/sources/road_deaths_3base/, dengue/) → indicator values, and the
 * national targets (targets/) → the targets table. Every rate is count × 100 000 ÷ the registered
 * population of the same province and year; a province-year without a population is an error,
 * never a guessed denominator. Provinces younger than a year (Bueng Kan before 2011) have no row:
 * a missing value, not 0.
 */
import type {
	IndicatorMonthRow,
	IndicatorValueRow,
	PopulationRow,
	ProvinceRow,
	TargetRow,
	UnallocatedRow
} from '../../src/lib/data/contract.ts';
import type { CsvRow, CsvTable } from './csv.ts';
import type { BuildError } from './errors.ts';
import { provinceExisted, TARGET_LINKS } from './reference.ts';
import { populationKey, type Read, RowReader, YEAR } from './tables.ts';
import { checkColumns, checkDuplicateKeys, checkYearCoverage } from './validate.ts';

const PER_100K = 100_000;

/** A count and its rate per 100 000 for one province and year, or an error naming the missing denominator. */
function countAndRate(
	ids: { count: string; rate: string },
	code: string,
	year: number,
	count: number,
	denominator: number
): IndicatorValueRow[] {
	return [
		{ indicator_id: ids.count, province_code: code, year, value: count, numerator: count, denominator: null },
		{ indicator_id: ids.rate, province_code: code, year, value: (count * PER_100K) / denominator, numerator: count, denominator }
	];
}

function denominatorOf(population: readonly PopulationRow[]): (code: string, year: number) => number | undefined {
	const totals = new Map(population.map((p) => [populationKey(p.province_code, p.year), p.total]));
	return (code, year) => totals.get(populationKey(code, year));
}

const noPopulation = (file: string, row: CsvRow, code: string, year: number): BuildError => ({
	file,
	line: row.line,
	field: 'year',
	message: `no registered population for province "${code}" in ${year} (population files); a rate needs the same province and year`
});

export const ROAD_IDS = { count: 'road_deaths', rate: 'road_death_rate' } as const;
export const DENGUE_IDS = { count: 'dengue_cases', rate: 'dengue_rate' } as const;

export interface RoadDeaths {
	values: IndicatorValueRow[];
	/** Deaths with "province unknown", for the national figure only. */
	unallocated: UnallocatedRow[];
}

const UNKNOWN_NOTE = {
	note_th: 'ผู้เสียชีวิตที่แหล่งข้อมูลระบุจังหวัดว่า "ไม่ทราบจังหวัด": นับในตัวเลขทั้งประเทศ ไม่อยู่ในจังหวัด เขต หรือภาคใด',
	note_en: 'Deaths whose province the source gives as "ไม่ทราบจังหวัด" (province unknown): in the national figure, on no province, zone or region.'
};

/**
 * road_deaths_rtddi_3base_2011_2024.csv → road_deaths and road_death_rate. A row with an empty
 * province code is the source's "province unknown": counted nationally, on no province. Each
 * name must be its code's (provinces.csv), and the sex split must add up.
 */
export function readRoadDeaths3Base(
	csv: CsvTable,
	provinces: readonly ProvinceRow[],
	population: readonly PopulationRow[]
): Read<IndicatorValueRow> & { unallocated: UnallocatedRow[] } {
	const { file } = csv;
	const errors = checkColumns(csv, ['province_code', 'province_name_th', 'year', 'deaths', 'deaths_male', 'deaths_female', 'deaths_sex_unknown']);
	if (errors.length > 0) return { rows: [], unallocated: [], errors };

	const codes = provinces.map((p) => p.province_code);
	const nameOf = new Map(provinces.map((p) => [p.province_code, p.name_th]));
	const denominator = denominatorOf(population);
	const rows: IndicatorValueRow[] = [];
	const unallocated: UnallocatedRow[] = [];
	const keyed: { line: number; key: (string | number)[] }[] = [];
	const seen: { code: string; year: number }[] = [];
	for (const row of csv.rows) {
		const r = new RowReader(file, row, errors);
		const unknown = (row.values.province_code ?? '') === '';
		const code = unknown ? '' : r.code(new Set(codes), 'province_code');
		const year = r.int('year', YEAR);
		const deaths = r.int('deaths', { nonNegative: 'count' });
		const split = ['deaths_male', 'deaths_female', 'deaths_sex_unknown'].map((f) => r.int(f, { nonNegative: 'count' }));
		keyed.push({ line: row.line, key: [code, year] });
		// A bad value must not also count as a missing province.
		if (!unknown && !Number.isNaN(year) && codes.includes(code)) seen.push({ code, year });
		if (!r.ok) continue;
		const name = row.values.province_name_th ?? '';
		if (unknown && !name.startsWith('ไม่ทราบจังหวัด'))
			r.check([{ file, line: row.line, field: 'province_code', message: `empty province code, but the name "${name}" is not "ไม่ทราบจังหวัด" (province unknown)` }]);
		if (!unknown && name !== nameOf.get(code))
			r.check([{ file, line: row.line, field: 'province_name_th', message: `"${name}" is not the name of province "${code}" (${nameOf.get(code)})` }]);
		const sum = split.reduce((a, b) => a + b, 0);
		if (sum !== deaths)
			r.check([{ file, line: row.line, field: 'deaths', message: `male + female + sex unknown = ${sum}, not deaths ${deaths}` }]);
		if (!r.ok) continue;
		if (unknown) {
			for (const indicator_id of [ROAD_IDS.count, ROAD_IDS.rate]) unallocated.push({ indicator_id, year, count: deaths, ...UNKNOWN_NOTE });
			continue;
		}
		const pop = denominator(code, year);
		if (pop === undefined) r.check([noPopulation(file, row, code, year)]);
		else rows.push(...countAndRate(ROAD_IDS, code, year, deaths, pop));
	}
	errors.push(...checkDuplicateKeys(file, ['province_code', 'year'], keyed));
	errors.push(...checkYearCoverage(file, seen, codes, provinceExisted));
	return { rows, unallocated, errors };
}

/**
 * dengue_cases_province_annual.csv (+ the monthly file it sums) → dengue_cases, dengue_rate and the
 * monthly counts. Every annual value must be the sum of its 12 months.
 */
export function readDengue(
	annual: CsvTable,
	monthly: CsvTable,
	codes: readonly string[],
	population: readonly PopulationRow[]
): Read<IndicatorValueRow> & { months: IndicatorMonthRow[] } {
	const errors = [
		...checkColumns(annual, ['province_code', 'year', 'value', 'months_summed']),
		...checkColumns(monthly, ['province_code', 'year', 'month', 'cases'])
	];
	if (errors.length > 0) return { rows: [], months: [], errors };
	const known = new Set(codes);
	const denominator = denominatorOf(population);

	const months: IndicatorMonthRow[] = [];
	const monthSums = new Map<string, { sum: number; n: number }>();
	const monthKeys: { line: number; key: (string | number)[] }[] = [];
	for (const row of monthly.rows) {
		const r = new RowReader(monthly.file, row, errors);
		const code = r.code(known, 'province_code');
		const year = r.int('year', YEAR);
		const month = r.int('month', { min: 1, max: 12 });
		const cases = r.int('cases', { nonNegative: 'count' });
		monthKeys.push({ line: row.line, key: [code, year, month] });
		if (!r.ok) continue;
		months.push({ indicator_id: DENGUE_IDS.count, province_code: code, year, month, value: cases });
		const key = populationKey(code, year);
		const s = monthSums.get(key) ?? { sum: 0, n: 0 };
		monthSums.set(key, { sum: s.sum + cases, n: s.n + 1 });
	}
	errors.push(...checkDuplicateKeys(monthly.file, ['province_code', 'year', 'month'], monthKeys));

	const rows: IndicatorValueRow[] = [];
	const keyed: { line: number; key: (string | number)[] }[] = [];
	const seen: { code: string; year: number }[] = [];
	for (const row of annual.rows) {
		const file = annual.file;
		const r = new RowReader(file, row, errors);
		const code = r.code(known, 'province_code');
		const year = r.int('year', YEAR);
		const cases = r.int('value', { nonNegative: 'count' });
		const summed = r.int('months_summed', { min: 12, max: 12 });
		keyed.push({ line: row.line, key: [code, year] });
		if (known.has(code) && !Number.isNaN(year)) seen.push({ code, year });
		if (!r.ok || Number.isNaN(summed)) continue;
		const m = monthSums.get(populationKey(code, year));
		if (!m || m.n !== 12 || m.sum !== cases)
			r.check([{ file, line: row.line, field: 'value', message: `${cases} is not the sum of the 12 months in ${monthly.file} (${m ? `${m.sum} over ${m.n} months` : 'no months'})` }]);
		const pop = denominator(code, year);
		if (pop === undefined) r.check([noPopulation(file, row, code, year)]);
		if (r.ok && pop !== undefined) rows.push(...countAndRate(DENGUE_IDS, code, year, cases, pop));
	}
	errors.push(...checkDuplicateKeys(annual.file, ['province_code', 'year'], keyed));
	errors.push(...checkYearCoverage(annual.file, seen, codes, provinceExisted));
	return { rows, months, errors };
}

/** national_targets.csv → the targets table, each row completed from TARGET_LINKS (reference.ts). */
export function readTargets(csv: CsvTable, indicatorIds: ReadonlySet<string>): Read<TargetRow> {
	const { file } = csv;
	const required = ['indicator', 'target', 'unit', 'comparator', 'target_year', 'scope', 'document', 'stated_by', 'source_url', 'source_type', 'quote_th', 'confidence'];
	const errors = checkColumns(csv, required);
	if (errors.length > 0) return { rows: [], errors };
	const rows: TargetRow[] = [];
	const keyed: { line: number; key: string[] }[] = [];
	for (const row of csv.rows) {
		const r = new RowReader(file, row, errors);
		const v = (f: string) => row.values[f] ?? '';
		const link = TARGET_LINKS.find((l) => l.indicator === v('indicator') && l.target_year === v('target_year'));
		if (!link) {
			r.check([{ file, line: row.line, field: 'indicator', message: `no TARGET_LINKS entry (data/build/reference.ts) for "${v('indicator')}" / "${v('target_year')}"` }]);
			continue;
		}
		if (link.indicator_id !== null && !indicatorIds.has(link.indicator_id))
			r.check([{ file, line: row.line, field: 'indicator', message: `linked to unknown indicator "${link.indicator_id}"` }]);
		const comparator = v('comparator');
		if (comparator !== '' && comparator !== '<=' && comparator !== '>=')
			r.check([{ file, line: row.line, field: 'comparator', message: `"${comparator}" is not "<=", ">=" or empty` }]);
		const numeric = /^\d+(\.\d+)?$/.test(v('target'));
		if (comparator !== '' && !numeric)
			r.check([{ file, line: row.line, field: 'target', message: `"${v('target')}" is not a number, but the comparator is "${comparator}"` }]);
		const [level, ...note] = v('confidence').split(':');
		if (level !== 'high' && level !== 'medium')
			r.check([{ file, line: row.line, field: 'confidence', message: `"${v('confidence')}" does not start with "high" or "medium"` }]);
		for (const f of required) if (f !== 'comparator') r.text(f);
		keyed.push({ line: row.line, key: [link.target_id] });
		if (!r.ok) continue;
		rows.push({
			target_id: link.target_id,
			indicator_id: link.indicator_id,
			description_en: v('indicator'),
			comparator: comparator === '' ? null : (comparator as '<=' | '>='),
			value: numeric && comparator !== '' ? Number(v('target')) : null,
			value_text: v('target'),
			unit_en: v('unit'),
			year: link.year,
			kind: link.kind,
			period_en: v('target_year'),
			set_by_th: link.set_by_th,
			set_by_en: link.set_by_en,
			scope: v('scope'),
			document: v('document'),
			stated_by: v('stated_by'),
			source_url: v('source_url'),
			source_type: v('source_type'),
			quote_th: v('quote_th'),
			confidence: level as 'high' | 'medium',
			confidence_note: note.join(':').trim() || null
		});
	}
	errors.push(...checkDuplicateKeys(file, ['target_id'], keyed));
	rows.sort((a, b) => (a.target_id < b.target_id ? -1 : a.target_id > b.target_id ? 1 : 0));
	return { rows, errors };
}
