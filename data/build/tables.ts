import type { PopulationRow, ProvinceRow } from '../../src/lib/data/contract.ts';
import { ZONE_COUNT } from '../../src/lib/core/zones.ts';
import type { CsvRow, CsvTable } from './csv.ts';
import type { BuildError } from './errors.ts';
import { PROVINCE_HISTORY } from './reference.ts';
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

	/** The "code" field (or `field`), which must be a known province code. */
	code(known: ReadonlySet<string>, field = 'code'): string {
		const code = this.text(field);
		if (code !== '') this.check(checkProvinceCode(this.file, this.row, field, known));
		return code;
	}

	check(errors: BuildError[]): void {
		for (const e of errors) this.fail(e);
	}
}

export const YEAR = { min: 1900, max: 2100 };

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
		const history = PROVINCE_HISTORY.find((h) => h.province_code === code);
		const province: ProvinceRow = {
			province_code: code,
			iso_3166_2: iso,
			name_th: r.text('name_th'),
			name_en: r.text('name_en'),
			region_th: r.text('region_th'),
			region_en: r.text('region_en'),
			health_zone: r.int('health_zone', { min: 1, max: ZONE_COUNT }),
			population: r.int('population', { nonNegative: 'count' }),
			population_year: Number(date.slice(0, 4)),
			area_km2: area,
			established_year: history?.established_year ?? null,
			split_from: history?.split_from ?? null
		};
		keyed.push({ line: row.line, key: [code] });
		if (r.ok) rows.push(province);
	}
	errors.push(...checkDuplicateKeys(file, ['code'], keyed));
	return { rows, errors };
}

/**
 * A population file: population.csv (key column "code") or the history file (key column
 * "province_code"), checked to cover every province that existed in each of its years.
 */
export function readPopulation(
	csv: CsvTable,
	codes: readonly string[],
	{ codeField = 'code', existed }: { codeField?: string; existed?: (code: string, year: number) => boolean } = {}
): Read<PopulationRow> {
	const { file } = csv;
	const errors = checkColumns(csv, [codeField, 'year', 'total']);
	if (errors.length > 0) return { rows: [], errors };

	const known = new Set(codes);
	const rows: PopulationRow[] = [];
	const keyed: { line: number; key: (string | number)[] }[] = [];
	const seen: { code: string; year: number }[] = [];
	for (const row of csv.rows) {
		const r = new RowReader(file, row, errors);
		const code = r.code(known, codeField);
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
	errors.push(...checkDuplicateKeys(file, [codeField, 'year'], keyed));
	errors.push(...checkYearCoverage(file, seen, codes, existed));
	return { rows, errors };
}

/** The population files together; a year in more than one of them is an error (there is no rule for which wins). */
export function joinPopulation(parts: readonly { file: string; rows: readonly PopulationRow[] }[]): Read<PopulationRow> {
	const yearsOf = new Map<number, string>();
	const errors: BuildError[] = [];
	for (const { file, rows } of parts)
		for (const year of new Set(rows.map((r) => r.year))) {
			const other = yearsOf.get(year);
			if (other !== undefined && other !== file) errors.push({ file, field: 'year', message: `year ${year} is also in ${other}` });
			else yearsOf.set(year, file);
		}
	const rows = parts
		.flatMap((p) => p.rows)
		.sort((a, b) => (a.province_code < b.province_code ? -1 : a.province_code > b.province_code ? 1 : a.year - b.year));
	return { rows, errors };
}

export const populationKey = (code: string, year: number): string => `${code}/${year}`;

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
