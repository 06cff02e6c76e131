/** The province profile as TableData: the rows of the profile page's table, for its export menu and the brief. */
import type { TableData } from '$lib/core/table';
import { placeNames, tidyTable, type TidyRecord } from '$lib/export/tidy';
import { profileCoverage } from '$lib/core/aggregate-coverage';
import { profileRank } from '$lib/core/ranks';
import { formatAggregate, formatNumber, formatRank, formatYear, localized, translate, type Lang } from '$lib/i18n';
import { byIssueArea, type ProvinceProfile } from './profile';

export interface ProfileTableOptions {
	/** Only each issue area's headline indicator (the brief). */
	headlinesOnly?: boolean;
}

export function profileTable(
	profile: ProvinceProfile,
	lang: Lang,
	{ headlinesOnly = false }: ProfileTableOptions = {}
): TableData {
	const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
		translate(lang, key, vars);
	const rows = byIssueArea(profile).flatMap(({ area, items }) =>
		items
			.filter(({ indicator }) => !headlinesOnly || indicator.headline)
			.map(({ indicator, row }) => {
				const f = (v: number | null) => formatNumber(lang, v, indicator.decimals);
				const name = localized(indicator, 'name', lang);
				const label = indicator.is_sample ? `${name} (${t('profile_sample_badge')})` : name;
				return {
					key: indicator.indicator_id,
					cells: {
						area: localized(area, 'name', lang),
						indicator: label,
						unit: localized(indicator, 'unit', lang),
						year: formatYear(lang, row.year),
						value: f(row.value),
						zone: formatAggregate(lang, row.zone_value, indicator.decimals, profileCoverage(row, 'zone')),
						nation: formatAggregate(lang, row.nation_value, indicator.decimals, profileCoverage(row, 'nation')),
						rankZone: formatRank(lang, profileRank(row, 'zone')),
						rankNation: formatRank(lang, profileRank(row, 'nation'))
					},
					raw: {
						area: localized(area, 'name', lang),
						indicator: label,
						unit: localized(indicator, 'unit', lang),
						year: row.year,
						value: row.value,
						zone: row.zone_value,
						nation: row.nation_value,
						rankZone: row.rank_zone,
						rankNation: row.rank_nation
					}
				};
			})
	);
	return {
		columns: [
			{ key: 'area', label: t('table_issue_area') },
			{ key: 'indicator', label: t('profile_col_indicator') },
			{ key: 'unit', label: t('table_unit') },
			{ key: 'year', label: t('profile_col_year') },
			{ key: 'value', label: t('profile_col_value'), numeric: true },
			{ key: 'zone', label: t('profile_col_zone'), numeric: true },
			{ key: 'nation', label: t('profile_col_nation'), numeric: true },
			{ key: 'rankZone', label: t('profile_col_rank_zone'), numeric: true },
			{ key: 'rankNation', label: t('profile_col_rank_nation'), numeric: true }
		],
		rows
	};
}

/**
 * The profile as tidy export rows (src/lib/export/tidy.ts): per indicator, the province's value in
 * its latest year with its rank in the country, and its zone's and the nation's figures with what
 * they cover.
 */
export function profileRecords(profile: ProvinceProfile, lang: Lang): TableData {
	const { province } = profile;
	const zone = String(province.health_zone);
	const records = byIssueArea(profile).flatMap(({ items }) =>
		items.flatMap(({ indicator, row }): TidyRecord[] => {
			const common = { indicator, year: row.year };
			const zoneCoverage = profileCoverage(row, 'zone');
			const nationCoverage = profileCoverage(row, 'nation');
			return [
				{
					scope: 'province',
					code: province.province_code,
					name_th: province.name_th,
					name_en: province.name_en,
					...common,
					value: row.value,
					rank: profileRank(row, 'nation')
				},
				...(zoneCoverage
					? [
							{
								scope: 'zone' as const,
								code: zone,
								...placeNames('zone', zone),
								...common,
								value: row.zone_value,
								coverage: zoneCoverage
							}
						]
					: []),
				...(nationCoverage
					? [
							{
								scope: 'nation' as const,
								code: 'TH',
								...placeNames('nation', 'TH'),
								...common,
								value: row.nation_value,
								coverage: nationCoverage
							}
						]
					: [])
			];
		})
	);
	return tidyTable(lang, records, profile.sources);
}
