/** A province profile: every indicator for one province against its zone and the nation. Plain data, no layout. */
import type { AtlasDb, MonthValue, ProfileRow, ScopedTrendRow } from '$lib/data/atlas-db';
import type { IndicatorRow, IssueAreaRow, ProvinceRow, SourceRow, TargetRow } from '$lib/data/contract';

export interface ProvinceProfile {
	province: ProvinceRow;
	/** The province and the one it was split from or into (Bueng Kan ↔ Nong Khai), for the boundary note. */
	provinces: ProvinceRow[];
	issueAreas: IssueAreaRow[];
	indicators: IndicatorRow[];
	sources: SourceRow[];
	/** The national targets, to judge each indicator's latest value by (src/lib/data/targets.ts). */
	targets: TargetRow[];
	rows: ProfileRow[];
	trends: ScopedTrendRow[];
	/** The monthly counts behind a count indicator (dengue cases: indicator_months), for its seasonality. */
	monthly: { indicator_id: string; months: MonthValue[] }[];
}

export async function loadProfiles(db: AtlasDb): Promise<Map<string, ProvinceProfile>> {
	const { provinces, issueAreas, indicators, sources, targets } = await db.referenceTables();
	// Only counts have monthly rows behind them (indicator_months holds the months of a yearly sum).
	const counts = indicators.filter((i) => i.aggregation === 'sum');
	const profiles = new Map<string, ProvinceProfile>();
	for (const province of provinces) {
		const [rows, trends] = await Promise.all([
			db.provinceProfile(province.province_code),
			db.provinceTrends(province.province_code, province.health_zone)
		]);
		const monthly = [];
		for (const indicator of counts) {
			const months = await db.monthly(indicator.indicator_id, { scope: 'province', id: province.province_code });
			if (months.length > 0) monthly.push({ indicator_id: indicator.indicator_id, months });
		}
		const related = provinces.filter(
			(p) =>
				p.province_code === province.province_code ||
				p.split_from === province.province_code ||
				p.province_code === province.split_from
		);
		profiles.set(province.province_code, {
			province,
			provinces: related,
			issueAreas,
			indicators,
			sources,
			targets,
			rows,
			trends,
			monthly
		});
	}
	return profiles;
}

/** The profile's indicators grouped by issue area, in the issue areas' order. */
export function byIssueArea(
	profile: ProvinceProfile
): { area: IssueAreaRow; items: { indicator: IndicatorRow; row: ProfileRow }[] }[] {
	const rowOf = new Map(profile.rows.map((r) => [r.indicator_id, r]));
	return profile.issueAreas
		.map((area) => ({
			area,
			items: profile.indicators
				.filter((i) => i.issue_area_id === area.issue_area_id && rowOf.has(i.indicator_id))
				.map((indicator) => ({ indicator, row: rowOf.get(indicator.indicator_id)! }))
		}))
		.filter((group) => group.items.length > 0);
}

export function trendOf(profile: ProvinceProfile, indicatorId: string, scope: ScopedTrendRow['scope']) {
	return profile.trends.filter((t) => t.indicator_id === indicatorId && t.scope === scope);
}
