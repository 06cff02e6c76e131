import type { IndicatorRow, IndicatorValueRow, IssueAreaRow, SourceRow } from '../../src/lib/data/contract.ts';
import type { CsvRow, CsvTable } from './csv.ts';
import type { BuildError } from './errors.ts';

/** Validation rules: small pure functions that return errors rather than throw. */

export function checkColumns(table: CsvTable, required: readonly string[]): BuildError[] {
	return required
		.filter((c) => !table.header.includes(c))
		.map((c) => ({ file: table.file, line: 1, field: c, message: 'column is missing from the header' }));
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: BuildError };

export interface IntOptions {
	/** What the number counts, for the message about negative values, e.g. "count". */
	nonNegative?: string;
	min?: number;
	max?: number;
}

export function parseInteger(file: string, row: CsvRow, field: string, opts: IntOptions = {}): Parsed<number> {
	const raw = row.values[field] ?? '';
	const fail = (message: string): Parsed<number> => ({ ok: false, error: { file, line: row.line, field, message } });
	if (raw === '') return fail('empty value');
	if (!/^[+-]?\d+(\.\d+)?$/.test(raw)) return fail(`not a number "${raw}"`);
	const value = Number(raw);
	if (!Number.isSafeInteger(value)) return fail(`not a whole number "${raw}"`);
	if (opts.nonNegative && value < 0) return fail(`negative ${opts.nonNegative} ${raw}`);
	if (opts.min !== undefined && value < opts.min) return fail(`${raw} is below the minimum ${opts.min}`);
	if (opts.max !== undefined && value > opts.max) return fail(`${raw} is above the maximum ${opts.max}`);
	return { ok: true, value };
}

export function parseDecimal(file: string, row: CsvRow, field: string, opts: { nonNegative?: string } = {}): Parsed<number> {
	const raw = row.values[field] ?? '';
	const fail = (message: string): Parsed<number> => ({ ok: false, error: { file, line: row.line, field, message } });
	if (raw === '') return fail('empty value');
	if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(raw)) return fail(`not a number "${raw}"`);
	const value = Number(raw);
	if (opts.nonNegative && value < 0) return fail(`negative ${opts.nonNegative} ${raw}`);
	return { ok: true, value };
}

export function checkProvinceCode(file: string, row: CsvRow, field: string, known: ReadonlySet<string>): BuildError[] {
	const code = row.values[field] ?? '';
	return known.has(code) ? [] : [{ file, line: row.line, field, message: `unknown province code "${code}"` }];
}

export interface KeyedRow {
	line: number;
	key: readonly (string | number)[];
}

/** One error per row whose key was already used by an earlier row. */
export function checkDuplicateKeys(file: string, fields: readonly string[], rows: readonly KeyedRow[]): BuildError[] {
	const first = new Map<string, number>();
	const errors: BuildError[] = [];
	for (const r of rows) {
		const id = JSON.stringify(r.key);
		const earlier = first.get(id);
		if (earlier === undefined) first.set(id, r.line);
		else
			errors.push({
				file,
				line: r.line,
				field: fields.length === 1 ? fields[0] : fields,
				message: `duplicate key ${r.key.join('/')} (first on line ${earlier})`
			});
	}
	return errors;
}

/**
 * Every year present in the file must cover every province that existed that year (`existed`,
 * default: all), and hold none that did not exist yet.
 */
export function checkYearCoverage(
	file: string,
	rows: readonly { code: string; year: number }[],
	codes: readonly string[],
	existed: (code: string, year: number) => boolean = () => true
): BuildError[] {
	const byYear = new Map<number, Set<string>>();
	for (const r of rows) {
		if (!byYear.has(r.year)) byYear.set(r.year, new Set());
		byYear.get(r.year)?.add(r.code);
	}
	const errors: BuildError[] = [];
	const list = (codes: string[]) => `${codes.length} province${codes.length === 1 ? '' : 's'}: ${codes.join(', ')}`;
	for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
		const present = byYear.get(year) ?? new Set<string>();
		const missing = codes.filter((c) => existed(c, year) && !present.has(c));
		if (missing.length > 0) errors.push({ file, message: `year ${year} is missing ${list(missing)}` });
		const early = codes.filter((c) => !existed(c, year) && present.has(c));
		if (early.length > 0) errors.push({ file, message: `year ${year} has ${list(early)} that did not exist yet` });
	}
	return errors;
}

export function checkSexSum(file: string, line: number, male: number, female: number, total: number): BuildError[] {
	return male + female === total
		? []
		: [{ file, line, field: 'total', message: `male ${male} + female ${female} = ${male + female}, not total ${total}` }];
}

export const RATE_TOLERANCE = 0.006;

export function checkRate(file: string, line: number, stated: number, computed: number): BuildError[] {
	return Math.abs(stated - computed) <= RATE_TOLERANCE
		? []
		: [
				{
					file,
					line,
					field: 'rate_per_100k',
					message: `rate ${stated} differs from deaths × 100000 / population = ${computed.toFixed(3)}`
				}
			];
}

export function checkEqual(file: string, line: number, field: string, stated: number, expected: number, what: string): BuildError[] {
	return stated === expected ? [] : [{ file, line, field, message: `${stated} does not match ${what} (${expected})` }];
}

/** Where errors in the hand-written and generated reference tables are reported. */
export const REFERENCE_FILE = 'data/build (reference tables)';

/**
 * Cross-checks the catalogue against the other reference tables and the
 * values: unique ids, known issue areas, sources and pairs, exactly one
 * headline indicator per issue area that has indicators, values only for catalogued indicators.
 */
export function checkCatalogue(
	catalogue: readonly IndicatorRow[],
	issueAreas: readonly IssueAreaRow[],
	sources: readonly SourceRow[],
	values: readonly Pick<IndicatorValueRow, 'indicator_id'>[]
): BuildError[] {
	const errors: BuildError[] = [];
	const fail = (field: string, message: string): void => {
		errors.push({ file: REFERENCE_FILE, field, message });
	};
	const areas = new Set(issueAreas.map((a) => a.issue_area_id));
	const sourceIds = new Set(sources.map((s) => s.source_id));
	const byId = new Map<string, IndicatorRow>();
	for (const s of sources.map((s) => s.source_id).filter((id, i, all) => all.indexOf(id) !== i))
		fail('source_id', `duplicate source "${s}"`);
	for (const i of catalogue) {
		if (byId.has(i.indicator_id)) fail('indicator_id', `duplicate indicator "${i.indicator_id}"`);
		byId.set(i.indicator_id, i);
		if (!areas.has(i.issue_area_id)) fail('issue_area_id', `indicator "${i.indicator_id}": unknown issue area "${i.issue_area_id}"`);
		if (!sourceIds.has(i.source_id)) fail('source_id', `indicator "${i.indicator_id}": unknown source "${i.source_id}"`);
		if (i.aggregation === 'ratio' && !(i.multiplier !== null && i.multiplier > 0))
			fail('multiplier', `indicator "${i.indicator_id}": a ratio needs a positive multiplier`);
	}
	for (const i of catalogue) {
		if (i.pair_id === null) continue;
		const pair = byId.get(i.pair_id);
		if (!pair) fail('pair_id', `indicator "${i.indicator_id}": unknown pair "${i.pair_id}"`);
		else if (pair.pair_id !== i.indicator_id)
			fail('pair_id', `indicator "${i.indicator_id}" pairs with "${i.pair_id}", which pairs with "${pair.pair_id}"`);
	}
	for (const area of issueAreas) {
		const headlines = catalogue.filter((i) => i.issue_area_id === area.issue_area_id && i.headline === true);
		// An area with no indicator at all (a deployment without the sample indicators) has no headline either.
		const any = catalogue.some((i) => i.issue_area_id === area.issue_area_id);
		if (any && headlines.length !== 1)
			fail('headline', `issue area "${area.issue_area_id}" has ${headlines.length} headline indicators (${headlines.map((h) => h.indicator_id).join(', ') || 'none'}), not 1`);
	}
	const unknown = [...new Set(values.map((v) => v.indicator_id))].filter((id) => !byId.has(id));
	if (unknown.length > 0) fail('indicator_id', `values for indicators not in the catalogue: ${unknown.join(', ')}`);
	return errors;
}
