/**
 * Tidy, self-describing rows for CSV and Parquet exports: one row per place and year shown, each
 * saying what it is without the chart beside it: the place's code and Thai and English names, the
 * indicator's id and name, the year (CE, and BE in Thai exports), the value at full precision, the
 * unit, whether it is sample data, its source, the rank in words and, for a zone's or the nation's
 * figure, what it covers. Column names are fixed snake_case ids, the same in both languages
 * (docs/export.md lists them).
 */
import { toBuddhistEra } from '$lib/core/calendar';
import type { TableColumn, TableData, TableRow } from '$lib/core/table';
import { isPartial, type AggregateCoverage } from '$lib/core/aggregate-coverage';
import type { Scope } from '$lib/data/atlas-db';
import type { IndicatorRow, SourceRow } from '$lib/data/contract';
import type { RankPlace } from '$lib/core/ranks';
import { formatCoverage, formatRank, localized, translate, type Lang, type MessageKey } from '$lib/i18n';
import { shortPublisher } from './exportable';

/**
 * What a record measures: a catalogue indicator, or another measure described the same way (the
 * coverage page's measures, the gap score: `measureOf`), so every export says what it holds.
 */
export type TidyMeasure = Pick<
	IndicatorRow,
	'indicator_id' | 'name_th' | 'name_en' | 'unit_th' | 'unit_en' | 'is_sample' | 'source_id' | 'source'
>;

/** One value of one indicator (or measure) for one place and year. */
export interface TidyRecord {
	scope: Scope;
	/** Province code, zone number, region id or "TH". */
	code: string;
	name_th: string;
	name_en: string;
	indicator: TidyMeasure;
	/** Null for a measure over every year (the coverage page without a year filter): empty in the file. */
	year: number | null;
	value: number | null;
	/** The province's place among those ranked in the view (1 = worst). */
	rank?: RankPlace | null;
	/** A zone's, region's or the nation's figure: what it covers. */
	coverage?: AggregateCoverage | null;
}

const SCOPES: Scope[] = ['province', 'zone', 'region', 'nation'];

/** A zone's, region's or the nation's names in both languages. */
export function placeNames(scope: Exclude<Scope, 'province'>, id: string): { name_th: string; name_en: string } {
	const name = (lang: Lang) =>
		scope === 'zone'
			? translate(lang, 'zone', { zone: id })
			: scope === 'region'
				? translate(lang, `region_${id}` as Parameters<typeof translate>[1])
				: translate(lang, 'nation');
	return { name_th: name('th'), name_en: name('en') };
}

/** A measure that is not in the catalogue, described in both languages from message keys. */
export function measureOf(
	id: string,
	name: MessageKey,
	unit: MessageKey,
	source: { source_id: string; name: string },
	isSample: boolean
): TidyMeasure {
	return {
		indicator_id: id,
		name_th: translate('th', name),
		name_en: translate('en', name),
		unit_th: translate('th', unit),
		unit_en: translate('en', unit),
		is_sample: isSample,
		source_id: source.source_id,
		source: source.name
	};
}

/** The columns, in order; `year_be` only in Thai exports, `filter` only when the rows depend on the page's filters. */
export function tidyColumns(lang: Lang, withFilter = false): TableColumn[] {
	const text = (key: string): TableColumn => ({ key, label: key });
	const number = (key: string): TableColumn => ({ key, label: key, numeric: true });
	return [
		text('scope'),
		text('code'),
		text('name_th'),
		text('name_en'),
		text('indicator_id'),
		text('indicator'),
		number('year'),
		...(lang === 'th' ? [number('year_be')] : []),
		number('value'),
		text('unit'),
		text('is_sample'),
		text('source'),
		...(withFilter ? [text('filter')] : []),
		text('rank'),
		number('rank_worst'),
		number('provinces'),
		number('provinces_total'),
		number('population_share'),
		text('coverage')
	];
}

/** The source as a row names it: "publisher: dataset". */
export function sourceLabel(source: SourceRow | undefined, lang: Lang, fallback: string): string {
	return source ? `${shortPublisher(source.publisher)}: ${localized(source, 'name', lang)}` : fallback;
}

/**
 * The records as a table, ordered by scope (provinces first), indicator, year and code. `filter`:
 * what the rows were counted over, in words, when the values depend on the page's filters (the
 * coverage and gap pages: issue area, network, year, status).
 */
export function tidyTable(
	lang: Lang,
	records: readonly TidyRecord[],
	sources: readonly SourceRow[],
	filter?: string
): TableData {
	const columns = tidyColumns(lang, filter !== undefined);
	const order = (r: TidyRecord) => SCOPES.indexOf(r.scope);
	const sorted = [...records].sort(
		(a, b) =>
			order(a) - order(b) ||
			a.indicator.indicator_id.localeCompare(b.indicator.indicator_id) ||
			(a.year ?? 0) - (b.year ?? 0) ||
			a.code.localeCompare(b.code, 'en', { numeric: true })
	);
	const rows = sorted.map((r): TableRow => {
		const source = sources.find((s) => s.source_id === r.indicator.source_id);
		const raw: Record<string, string | number | null> = {
			scope: r.scope,
			code: r.code,
			name_th: r.name_th,
			name_en: r.name_en,
			indicator_id: r.indicator.indicator_id,
			indicator: localized(r.indicator, 'name', lang),
			year: r.year,
			year_be: r.year === null ? null : toBuddhistEra(r.year),
			value: r.value,
			unit: localized(r.indicator, 'unit', lang),
			is_sample: r.indicator.is_sample ? 'true' : 'false',
			source: sourceLabel(source, lang, r.indicator.source),
			filter: filter ?? null,
			rank: r.rank ? formatRank(lang, r.rank) : null,
			rank_worst: r.rank?.worst ?? null,
			provinces: r.coverage?.provinces ?? null,
			provinces_total: r.coverage?.provinces_total ?? null,
			population_share: r.coverage?.population_share ?? null,
			coverage: r.coverage
				? r.value === null
					? translate(lang, 'aggregate_withheld', {
							place: lang === 'th' ? r.name_th : r.name_en,
							coverage: formatCoverage(lang, r.coverage)
						})
					: isPartial(r.coverage)
						? formatCoverage(lang, r.coverage)
						: translate(lang, 'aggregate_complete')
				: null
		};
		const cells = Object.fromEntries(columns.map((c) => [c.key, raw[c.key] === null ? '' : String(raw[c.key])]));
		return { key: `${r.scope}:${r.code}:${r.indicator.indicator_id}:${r.year ?? ''}`, cells, raw };
	});
	return { columns, rows };
}
