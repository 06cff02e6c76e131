import type { IndicatorValueRow, PopulationRow, ProvinceRow } from '../../src/lib/data/contract.ts';
import type { CsvRow, CsvTable } from './csv.ts';
import type { BuildError } from './errors.ts';
import {
	checkColumns,
	checkDuplicateKeys,
	checkEqual,
	checkProvinceCode,
	checkRate,
	checkSexSum,
	checkYearCoverage,
	type IntOptions,
	parseDecimal,
	parseInteger
} from './validate.ts';

/** Source rows → contract rows. Every reader returns its rows and the errors it found. */

export interface Read<T> {
	rows: T[];
	errors: BuildError[];
}

/** Collects errors while reading the fields of one row. A row with any error is dropped (ok = false). */
export class RowReader {
	ok = true;
	constructor(
		protected readonly file: string,
		protected readonly row: CsvRow,
		private readonly errors: BuildError[]
	) {}

	private fail(error: BuildError): void {
		this.ok = false;
		this.errors.push(error);
	}

	text(field: string): string {
		const v = this.row.values[field] ?? '';
		if (v === '') this.fail({ file: this.file, line: this.row.line, field, message: 'empty value' });
		return v;
	}

	int(field: string, opts: IntOptions = {}): number {
		const r = parseInteger(this.file, this.row, field, opts);
		if (r.ok) return r.value;
		this.fail(r.error);
		return NaN; // the row is dropped, since ok is now false
	}

	/** An optional column: NULL when the column is absent or the cell is empty. */
	optionalInt(field: string, opts: IntOptions = {}): number | null {
		if ((this.row.values[field] ?? '') === '') return null;
		return this.int(field, opts);
	}

	decimal(field: string, opts: { nonNegative?: string } = {}): number {
		const r = parseDecimal(this.file, this.row, field, opts);
		if (r.ok) return r.value;
		this.fail(r.error);
		return NaN;
	}

	/** The "code" field, which must be a known province code. */
	code(known: ReadonlySet<string>): string {
		const code = this.text('code');
		if (code !== '') this.check(checkProvinceCode(this.file, this.row, 'code', known));
		return code;
	}

	check(errors: BuildError[]): void {
		for (const e of errors) this.fail(e);
	}
}

const YEAR = { min: 1900, max: 2100 };

export function readProvinces(csv: CsvTable): Read<ProvinceRow> {
	const { file } = csv;
	const errors = checkColumns(csv, [
		'code', 'iso_3166_2', 'name_th', 'name_en', 'region_th', 'region_en',
		'health_zone', 'population', 'population_ref_date', 'area_km2'
	]);
	if (errors.length > 0) return { rows: [], errors };

	const rows: ProvinceRow[] = [];
	const keyed: { line: number; key: string[] }[] = [];
	for (const row of csv.rows) {
		const r = new RowReader(file, row, errors);
		const code = r.text('code');
		if (code !== '' && !/^\d{2}$/.test(code))
			r.check([{ file, line: row.line, field: 'code', message: `province code "${code}" is not two digits` }]);
		const iso = r.text('iso_3166_2');
		if (iso !== '' && iso !== `TH-${code}`)
			r.check([{ file, line: row.line, field: 'iso_3166_2', message: `"${iso}" does not match code "${code}"` }]);
		const date = r.text('population_ref_date');
		if (date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(date))
			r.check([{ file, line: row.line, field: 'population_ref_date', message: `not a date "${date}"` }]);
		const area = (row.values.area_km2 ?? '') === '' ? null : r.decimal('area_km2', { nonNegative: 'area' });
		const province: ProvinceRow = {
			province_code: code,
			iso_3166_2: iso,
			name_th: r.text('name_th'),
			name_en: r.text('name_en'),
			region_th: r.text('region_th'),
			region_en: r.text('region_en'),
			health_zone: r.int('health_zone', { min: 1, max: 13 }),
			population: r.int('population', { nonNegative: 'count' }),
			population_year: Number(date.slice(0, 4)),
			area_km2: area
		};
		keyed.push({ line: row.line, key: [code] });
		if (r.ok) rows.push(province);
	}
	errors.push(...checkDuplicateKeys(file, ['code'], keyed));
	return { rows, errors };
}

export function readPopulation(csv: CsvTable, codes: readonly string[]): Read<PopulationRow> {
	const { file } = csv;
	const errors = checkColumns(csv, ['code', 'year', 'total']);
	if (errors.length > 0) return { rows: [], errors };

	const known = new Set(codes);
	const rows: PopulationRow[] = [];
	const keyed: { line: number; key: (string | number)[] }[] = [];
	const seen: { code: string; year: number }[] = [];
	for (const row of csv.rows) {
		const r = new RowReader(file, row, errors);
		const code = r.code(known);
		const p: PopulationRow = {
			province_code: code,
			year: r.int('year', YEAR),
			total: r.int('total', { nonNegative: 'count' }),
			male: r.optionalInt('male', { nonNegative: 'count' }),
			female: r.optionalInt('female', { nonNegative: 'count' }),
			households: r.optionalInt('households', { nonNegative: 'count' })
		};
		if (r.ok && p.male !== null && p.female !== null) r.check(checkSexSum(file, row.line, p.male, p.female, p.total));
		keyed.push({ line: row.line, key: [code, p.year] });
		if (known.has(code) && !Number.isNaN(p.year)) seen.push({ code, year: p.year });
		if (r.ok) rows.push(p);
	}
	errors.push(...checkDuplicateKeys(file, ['code', 'year'], keyed));
	errors.push(...checkYearCoverage(file, seen, codes));
	return { rows, errors };
}

const populationKey = (code: string, year: number): string => `${code}/${year}`;

/** Cross-check: provinces.csv's population must be population.csv's total for that year. */
export function checkProvincePopulation(
	csv: CsvTable,
	provinces: readonly ProvinceRow[],
	population: readonly PopulationRow[]
): BuildError[] {
	const totals = new Map(population.map((p) => [populationKey(p.province_code, p.year), p.total]));
	const lineOf = new Map(csv.rows.map((r) => [r.values.code, r.line]));
	return provinces.flatMap((p) => {
		const line = lineOf.get(p.province_code) ?? 0;
		const expected = totals.get(populationKey(p.province_code, p.population_year));
		if (expected === undefined) {
			const message = `no valid population.csv row for province "${p.province_code}" in ${p.population_year}`;
			return [{ file: csv.file, line, field: 'population_ref_date', message }];
		}
		const what = `population.csv total for ${p.population_year}`;
		return checkEqual(csv.file, line, 'population', p.population, expected, what);
	});
}

/** road_deaths.csv → the road_deaths and road_death_rate indicator values. */
export function readRoadDeaths(
	csv: CsvTable,
	codes: readonly string[],
	population: readonly PopulationRow[]
): Read<IndicatorValueRow> {
	const { file } = csv;
	const errors = checkColumns(csv, ['code', 'year', 'deaths', 'population', 'rate_per_100k']);
	if (errors.length > 0) return { rows: [], errors };

	const known = new Set(codes);
	const totals = new Map(population.map((p) => [populationKey(p.province_code, p.year), p.total]));
	const rows: IndicatorValueRow[] = [];
	const keyed: { line: number; key: (string | number)[] }[] = [];
	const seen: { code: string; year: number }[] = [];
	for (const row of csv.rows) {
		const r = new RowReader(file, row, errors);
		const code = r.code(known);
		const year = r.int('year', YEAR);
		const deaths = r.int('deaths', { nonNegative: 'count' });
		const statedPopulation = r.int('population', { min: 1 });
		const statedRate = r.decimal('rate_per_100k', { nonNegative: 'rate' });
		keyed.push({ line: row.line, key: [code, year] });
		if (known.has(code) && !Number.isNaN(year)) seen.push({ code, year });
		if (!r.ok) continue;

		const denominator = totals.get(populationKey(code, year));
		if (denominator === undefined) {
			r.check([{ file, line: row.line, field: 'year', message: `no valid population.csv row for province "${code}" in ${year}` }]);
			continue;
		}
		r.check(checkEqual(file, row.line, 'population', statedPopulation, denominator, `population.csv total`));
		const rate = (deaths * 100_000) / denominator;
		r.check(checkRate(file, row.line, statedRate, rate));
		if (!r.ok) continue;
		rows.push(
			{ indicator_id: 'road_deaths', province_code: code, year, value: deaths, numerator: deaths, denominator: null },
			{ indicator_id: 'road_death_rate', province_code: code, year, value: rate, numerator: deaths, denominator }
		);
	}
	errors.push(...checkDuplicateKeys(file, ['code', 'year'], keyed));
	errors.push(...checkYearCoverage(file, seen, codes));
	return { rows, errors };
}
