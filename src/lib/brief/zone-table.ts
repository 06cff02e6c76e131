/**
 * The zone brief's province × indicator table: for every indicator (by issue area), each of the
 * zone's provinces' value as its profile shows it, its rank within the zone, and how it compares
 * with the zone's and the nation's figures — in words ("above zone and nation", สูงกว่าเขตและประเทศ) and as a
 * tone (worse / better than both, or between), which takes the indicator's direction into account.
 * Plain data in, plain strings out: ZoneTable.svelte lays it out, zone-table.test.ts runs it in Node.
 */
import type { ProfileRow } from '$lib/data/atlas-db';
import type { IndicatorRow, IssueAreaRow } from '$lib/data/contract';
import { formatAggregate, formatNumber, formatYear, localized, translate, type Lang } from '$lib/i18n';
import { gapText, targetLabel } from '$lib/i18n/domain';
import { targetFor } from '$lib/core/targets';
import type { BriefData } from './brief';

/** A value against a reference, at the precision both are shown with (24.2 against 24.2 is "equal"). */
export type Comparison = 'higher' | 'lower' | 'equal';
/** Worse than both the zone and the nation, better than both, or anything else (between, equal, one missing). */
export type Tone = 'worse' | 'better' | 'between';
export const TONES: readonly Tone[] = ['worse', 'better', 'between'];

export function compare(value: number, reference: number | null, decimals: number): Comparison | null {
	if (reference === null || !Number.isFinite(reference)) return null;
	const scale = 10 ** decimals;
	const [a, b] = [Math.round(value * scale), Math.round(reference * scale)];
	return a > b ? 'higher' : a < b ? 'lower' : 'equal';
}

/** Worse is higher when higher is worse, lower otherwise; the tone needs both comparisons to agree. */
export function toneOf(zone: Comparison | null, nation: Comparison | null, higherIsWorse: boolean): Tone {
	const worse: Comparison = higherIsWorse ? 'higher' : 'lower';
	const better: Comparison = higherIsWorse ? 'lower' : 'higher';
	if (zone === worse && nation === worse) return 'worse';
	if (zone === better && nation === better) return 'better';
	return 'between';
}

/** "above zone and nation", "above zone, below nation" (สูงกว่าเขตและประเทศ, สูงกว่าเขต ต่ำกว่าประเทศ, …). */
export function comparisonWords(lang: Lang, zone: Comparison | null, nation: Comparison | null): string {
	const dir = (c: Comparison) => translate(lang, `brief_cmp_${c}`);
	if (zone && nation)
		return zone === nation
			? translate(lang, 'brief_cmp_both', { dir: dir(zone) })
			: translate(lang, 'brief_cmp_each', { zone: dir(zone), nation: dir(nation) });
	if (zone) return translate(lang, 'brief_cmp_zone', { dir: dir(zone) });
	if (nation) return translate(lang, 'brief_cmp_nation', { dir: dir(nation) });
	return '';
}

export interface ZoneTableCell {
	code: string;
	/** The value as the province's profile shows it ('–' without one). */
	value: string;
	/** The year of the value when it is not the row's year (a province whose series stops earlier). */
	year: string | null;
	/** Rank within the zone, 1 = worst ("rank 2/5"; equal values share a place), as the profile's worst-first rank. */
	rank: string;
	/** Against the zone and the nation, in words; empty for counts, which are not compared with totals. */
	words: string;
	/** Null for counts and missing values. */
	tone: Tone | null;
}

export interface ZoneTableRow {
	indicator: IndicatorRow;
	area: IssueAreaRow;
	name: string;
	unit: string;
	/** "Higher is worse" / "higher is better". */
	direction: string;
	/** The year most of the zone's provinces' values are from. */
	year: string;
	cells: ZoneTableCell[];
	/** The zone's figure (with what it covers), its rank among the zones and, against a national target, by how much it meets or misses it. */
	zone: {
		value: string;
		rank: string;
		partialZones: string | null;
		target: { id: string; label: string; gap: string } | null;
	};
	nation: string;
}

export interface ZoneTable {
	provinces: { code: string; name: string }[];
	rows: ZoneTableRow[];
	/** A count is among the rows: it is ranked, not compared with the zone's and nation's totals. */
	anyCount: boolean;
}

/** The table of a zone brief in a language (empty for a province brief). */
export function zoneTable(
	data: Pick<BriefData, 'provinceRows' | 'zoneProvinces' | 'indicators' | 'issueAreas' | 'headlines' | 'targets'>,
	lang: Lang
): ZoneTable {
	const provinces = data.provinceRows.map(({ province_code }) => {
		const p = data.zoneProvinces.find((z) => z.province_code === province_code);
		return { code: province_code, name: p ? localized(p, 'name', lang) : province_code };
	});
	const rowsOf = new Map(
		data.provinceRows.map(({ province_code, rows }) => [province_code, new Map(rows.map((r) => [r.indicator_id, r]))])
	);
	const areaOf = new Map(data.issueAreas.map((a) => [a.issue_area_id, a]));
	const indicatorOf = new Map(data.indicators.map((i) => [i.indicator_id, i]));
	const rows = data.headlines.flatMap((h): ZoneTableRow[] => {
		const indicator = indicatorOf.get(h.indicator_id);
		const area = indicator && areaOf.get(indicator.issue_area_id);
		if (!indicator || !area) return [];
		const own = provinces.map((p) => rowsOf.get(p.code)?.get(indicator.indicator_id));
		if (own.every((r) => r === undefined)) return [];
		const f = (v: number | null) => formatNumber(lang, v, indicator.decimals);
		const isCount = indicator.aggregation === 'sum';
		const cells = provinces.map((p, i): ZoneTableCell => {
			const row: ProfileRow | undefined = own[i];
			if (!row) return { code: p.code, value: '–', year: null, rank: '', words: '', tone: null };
			const zone = isCount ? null : compare(row.value, row.zone_value, indicator.decimals);
			const nation = isCount ? null : compare(row.value, row.nation_value, indicator.decimals);
			return {
				code: p.code,
				value: f(row.value),
				year: row.year === h.year ? null : formatYear(lang, row.year),
				rank: translate(lang, 'brief_rank_short', { rank: row.rank_zone, of: row.provinces_zone }),
				words: comparisonWords(lang, zone, nation),
				tone: isCount || (!zone && !nation) ? null : toneOf(zone, nation, indicator.higher_is_worse)
			};
		});
		const goal = h.value === null ? undefined : targetFor(data.targets, indicator.indicator_id, h.year);
		return [
			{
				indicator,
				area,
				name: localized(indicator, 'name', lang),
				unit: localized(indicator, 'unit', lang),
				direction: translate(lang, indicator.higher_is_worse ? 'brief_higher_worse' : 'brief_higher_better'),
				year: formatYear(lang, h.year),
				cells,
				zone: {
					value: formatAggregate(lang, h.value, indicator.decimals, h.zoneCoverage),
					rank: h.rank ? translate(lang, 'brief_rank_zones_short', { rank: h.rank.worst, of: h.rank.of }) : '',
					partialZones:
						h.rank && h.partialZones > 0
							? translate(lang, 'brief_rank_partial', { count: h.partialZones, total: h.rank.of })
							: null,
					target:
						goal && h.value !== null
							? { id: goal.target_id, label: targetLabel(lang, goal, f), gap: gapText(lang, goal, h.value, f) }
							: null
				},
				nation: formatAggregate(lang, h.nation, indicator.decimals, h.nationCoverage)
			}
		];
	});
	return { provinces, rows, anyCount: rows.some((r) => r.indicator.aggregation === 'sum') };
}
