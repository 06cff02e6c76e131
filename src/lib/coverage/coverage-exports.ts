/**
 * The coverage and gap pages' rows as tidy, self-describing records (src/lib/export/tidy.ts), the
 * same columns the explorer's and the profile's exports have: one row per province shown and per
 * measure, with the measure's name and unit, the year, whether the data are sample data, the
 * source, the rank in words and the page's filters in words. Pure: the pages pass what they show.
 */
import {
	EXPORTS_SOURCE_ID,
	NETWORK_SAMPLE_SOURCE_ID,
	type IndicatorRow,
	type IssueAreaRow,
	type ProvinceRow,
	type QualityIssueRow,
	type SourceRow
} from '$lib/data/contract';
import type { CoverageFilter, UncoveredDistrict } from '$lib/data/coverage-queries';
import type { TableData } from '$lib/core/table';
import { measureOf, sourceLabel, type TidyMeasure, type TidyRecord } from '$lib/export/tidy';
import { localized, translate, type Lang, type MessageKey } from '$lib/i18n';
import { rankPlaces, type RankPlace } from '$lib/core/ranks';
import type { CoverageMeasure } from '$lib/filters/url-state';
import type { GapCell } from './bivariate';

/**
 * What the page's counts were made over, in words ("Tobacco · Health zone 7 · Khon Kaen · 2023 · active"):
 * the subtitle of every export of the coverage and gap pages, and their tidy rows' `filter`.
 */
export function filterWords(
	lang: Lang,
	filter: CoverageFilter,
	zone: number | null,
	issueAreas: readonly IssueAreaRow[],
	networks: readonly { network_id: string; name_en: string }[],
	province: Pick<ProvinceRow, 'name_th' | 'name_en'> | null = null
): string {
	const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
	const issue = issueAreas.find((a) => a.issue_area_id === filter.issue);
	return (
		[
			// An unknown issue id in the URL filters nothing and names nothing.
			issue ? localized(issue, 'name', lang) : null,
			zone !== null ? t('zone', { zone }) : null,
			province ? localized(province, 'name', lang) : null,
			filter.types.length > 0 ? filter.types.map((type) => t(`ptype_${type}` as MessageKey)).join(', ') : null,
			filter.network ? (networks.find((n) => n.network_id === filter.network)?.name_en ?? filter.network) : null,
			filter.year !== null ? String(filter.year) : null,
			filter.status ? t(`status_${filter.status}` as MessageKey) : null
		]
			.filter(Boolean)
			.join(' · ') || t('filter_all_issues')
	);
}

/** The real networks' documents (the five networks, their events and roles). */
export const NETWORK_DOCUMENTS_SOURCE = 'network_documents';
/**
 * Where partners and projects come from, in the order they are cited: the bundled sample (gone
 * when an organisation's exports replace it), the organisation's exports, the networks' documents.
 */
export const NETWORK_SOURCE_IDS = [NETWORK_SAMPLE_SOURCE_ID, EXPORTS_SOURCE_ID, NETWORK_DOCUMENTS_SOURCE];

/** The partner data's source: the first of NETWORK_SOURCE_IDS the catalogue has; sample when it is the sample's. */
function networkSource(sources: readonly SourceRow[]): { source_id: string; name: string; sample: boolean } {
	const source = NETWORK_SOURCE_IDS.map((id) => sources.find((s) => s.source_id === id)).find((s) => s !== undefined);
	return {
		source_id: source?.source_id ?? NETWORK_SAMPLE_SOURCE_ID,
		name: source?.name_en ?? NETWORK_SAMPLE_SOURCE_ID,
		sample: sources.some((s) => s.source_id === NETWORK_SAMPLE_SOURCE_ID)
	};
}

/** The partner data's source as the exports name it. */
function networkSourceLabel(lang: Lang, sources: readonly SourceRow[]): string {
	const network = networkSource(sources);
	return sourceLabel(
		sources.find((s) => s.source_id === network.source_id),
		lang,
		network.name
	);
}

/** A coverage measure described as an indicator is ("coverage_district_share", its name and unit in both languages). */
export function coverageMeasure(measure: CoverageMeasure, sources: readonly SourceRow[]): TidyMeasure {
	const source = networkSource(sources);
	return measureOf(`coverage_${measure}`, `measure_${measure}`, `unit_${measure}`, source, source.sample);
}

/** The gap score (burden percentile minus coverage percentile): sample when either side is. */
export function gapMeasure(burden: IndicatorRow, sources: readonly SourceRow[]): TidyMeasure {
	const source = networkSource(sources);
	return measureOf('gap_score', 'gaps_score', 'gaps_score_unit', source, source.sample || burden.is_sample);
}

/** Places by a coverage measure: the least covered province is the "worst". */
export function coverageRanks(values: readonly { code: string; value: number }[]): Map<string, RankPlace> {
	return rankPlaces(
		values.map((v) => ({ key: v.code, value: v.value })),
		false
	);
}

/** Places by gap score: the biggest gap is the "worst". */
export function gapRanks(cells: readonly GapCell[]): Map<string, RankPlace> {
	return rankPlaces(
		cells.map((c) => ({ key: c.code, value: c.gapScore })),
		true
	);
}

function provinceRecord(
	byCode: ReadonlyMap<string, ProvinceRow>,
	code: string,
	indicator: TidyMeasure,
	year: number | null,
	value: number | null,
	rank: RankPlace | null = null
): TidyRecord {
	const p = byCode.get(code);
	return {
		scope: 'province',
		code,
		name_th: p?.name_th ?? code,
		name_en: p?.name_en ?? code,
		indicator,
		year,
		value,
		rank
	};
}

/** The coverage ranking's rows: each province shown, its value of the measure and its place. */
export function coverageRecords(
	provinces: readonly ProvinceRow[],
	values: readonly { code: string; value: number }[],
	measure: TidyMeasure,
	year: number | null
): TidyRecord[] {
	const byCode = new Map(provinces.map((p) => [p.province_code, p]));
	const ranks = coverageRanks(values);
	return values.map((v) => provinceRecord(byCode, v.code, measure, year, v.value, ranks.get(v.code) ?? null));
}

/**
 * The gap table's rows: per province, its burden (the indicator's own value and latest year), its
 * coverage and its gap score, the score ranked among every province with both values.
 */
export function gapRecords(
	provinces: readonly ProvinceRow[],
	cells: readonly GapCell[],
	all: readonly GapCell[],
	burden: { indicator: IndicatorRow; year: number | null; direction: 1 | -1 },
	coverage: { measure: TidyMeasure; year: number | null },
	score: TidyMeasure
): TidyRecord[] {
	const byCode = new Map(provinces.map((p) => [p.province_code, p]));
	const ranks = gapRanks(all);
	return cells.flatMap((c) => [
		provinceRecord(byCode, c.code, burden.indicator, burden.year, burden.direction * c.burden),
		provinceRecord(byCode, c.code, coverage.measure, coverage.year, c.coverage),
		provinceRecord(byCode, c.code, score, null, c.gapScore, ranks.get(c.code) ?? null)
	]);
}

/**
 * The districts nobody covers as self-describing rows: each district and its province by code and
 * in both languages, its health zone, what the list is (in words), the filters it was counted
 * under, whether the partner data are sample data, and their source. Fixed snake_case columns.
 */
export function uncoveredRecords(
	lang: Lang,
	districts: readonly UncoveredDistrict[],
	filter: string,
	sources: readonly SourceRow[]
): TableData {
	const source = networkSourceLabel(lang, sources);
	const list = translate(lang, 'uncovered_title', { count: districts.length });
	const sample = networkSource(sources).sample ? 'true' : 'false';
	return fixedColumns(
		[
			'district_code',
			'name_th',
			'name_en',
			'province_code',
			'province_th',
			'province_en',
			'health_zone',
			'list',
			'filter',
			'is_sample',
			'source'
		],
		['health_zone'],
		districts.map((d) => ({
			key: d.district_code,
			raw: {
				district_code: d.district_code,
				name_th: d.name_th,
				name_en: d.name_en,
				province_code: d.province_code,
				province_th: d.province_th,
				province_en: d.province_en,
				health_zone: d.health_zone,
				list,
				filter,
				is_sample: sample,
				source
			}
		}))
	);
}

/**
 * The data-quality report as self-describing rows: the table and row each problem is in, the rule
 * and field, the project or partner it names, the message in both languages, what the list is, the
 * filters it was shown under, whether the row is sample data, and the source of the partner data.
 */
export function qualityRecords(
	lang: Lang,
	issues: readonly QualityIssueRow[],
	filter: string,
	sources: readonly SourceRow[]
): TableData {
	const source = networkSourceLabel(lang, sources);
	const list = translate(lang, 'quality_title', { count: issues.length });
	return fixedColumns(
		[
			'table_name',
			'row_key',
			'rule',
			'field',
			'project_code',
			'partner_id',
			'message_th',
			'message_en',
			'detail',
			'list',
			'filter',
			'is_sample',
			'source'
		],
		[],
		issues.map((q) => ({
			key: `${q.rule}:${q.table_name}:${q.row_key}`,
			raw: {
				table_name: q.table_name,
				row_key: q.row_key,
				rule: q.rule,
				field: q.field,
				project_code: q.project_code ?? '',
				partner_id: q.partner_id ?? '',
				message_th: q.message_th,
				message_en: q.message_en,
				detail: q.detail,
				list,
				filter,
				is_sample: q.is_sample ? 'true' : 'false',
				source
			}
		}))
	);
}

/** Rows with fixed snake_case columns (the key is the label), in the order given. */
function fixedColumns(
	keys: readonly string[],
	numeric: readonly string[],
	rows: readonly { key: string; raw: Record<string, string | number> }[]
): TableData {
	return {
		columns: keys.map((key) => ({ key, label: key, numeric: numeric.includes(key) })),
		rows: rows.map(({ key, raw }) => ({
			key,
			cells: Object.fromEntries(keys.map((k) => [k, String(raw[k])])),
			raw
		}))
	};
}
