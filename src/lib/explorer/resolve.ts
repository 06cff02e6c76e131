/** From URL state to what the explorer shows: pure functions, so garbage in the URL cannot break the page. */
import type { IndicatorRow, ProvinceRow } from '$lib/core/domain';
import type { ExplorerRequest } from '$lib/data/explorer-data';
import type { ViewState } from '$lib/filters/url-state';

export { yearSpan } from '$lib/filters/options';
export { indicatorChoices, provincesInFilter, resolveIndicator, resolveYear, selectedProvince } from '$lib/filters/resolve';

/**
 * The indicators a user is likely to pick next, to fetch before they do: the current one's pair
 * (count ↔ rate), then the rest of its issue area, nearest in the list first; at most `limit`.
 */
export function likelyNext(choices: readonly IndicatorRow[], current: IndicatorRow, limit = 24): string[] {
	const at = choices.findIndex((i) => i.indicator_id === current.indicator_id);
	const sameArea = choices
		.map((indicator, index) => ({ indicator, distance: Math.abs(index - at) }))
		.filter(({ indicator }) => indicator.issue_area_id === current.issue_area_id && indicator !== current)
		.sort((a, b) => a.distance - b.distance)
		.map(({ indicator }) => indicator.indicator_id);
	const pair = current.pair_id ? [current.pair_id] : [];
	return [...new Set([...pair, ...sameArea])].slice(0, limit);
}

export function explorerRequest(
	view: ViewState,
	indicator: IndicatorRow,
	year: number,
	province: ProvinceRow | null
): ExplorerRequest {
	return {
		indicator: indicator.indicator_id,
		year,
		zone: province ? province.health_zone : view.zone,
		province: province?.province_code ?? null
	};
}
