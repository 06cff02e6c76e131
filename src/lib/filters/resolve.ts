/** From URL state to what a view shows, against the catalogue: pure functions, so garbage in the URL cannot break a page. */
import { SITE } from '$lib/config/site';
import type { IndicatorRow, ProvinceRow } from '$lib/core/domain';
import { yearSpan } from './options';
import { DEFAULT_INDICATOR, regionIdOf, type ViewState } from './url-state';

/** Indicators offered under the issue-area filter. */
export function indicatorChoices(catalogue: readonly IndicatorRow[], issue: string | null): IndicatorRow[] {
	const inIssue = issue ? catalogue.filter((i) => i.issue_area_id === issue) : [];
	return inIssue.length > 0 ? inIssue : [...catalogue];
}

/** The indicator to show: the requested one if offered, else the issue area's headline, else the default. */
export function resolveIndicator(catalogue: readonly IndicatorRow[], view: ViewState): IndicatorRow {
	const choices = indicatorChoices(catalogue, view.issue);
	return (
		choices.find((i) => i.indicator_id === view.indicator) ??
		choices.find((i) => i.headline) ??
		choices.find((i) => i.indicator_id === DEFAULT_INDICATOR) ??
		choices[0]
	);
}

/**
 * The year to show: the requested one if it lies within the indicator's span (a year inside it
 * without data is shown as missing, never as another year), else the deployment's default year
 * (config.json) if it does, else the latest year with data.
 */
export function resolveYear(
	years: readonly number[],
	requested: number | null,
	fallback: number | null = SITE.defaultYear
): number | null {
	const span = yearSpan(years);
	if (requested !== null && span.includes(requested)) return requested;
	return fallback !== null && span.includes(fallback) ? fallback : (years.at(-1) ?? null);
}

/** Provinces inside the region and zone filters (all of them when neither is set). */
export function provincesInFilter(provinces: readonly ProvinceRow[], view: Pick<ViewState, 'region' | 'zone'>): string[] {
	return provinces
		.filter((p) => view.zone === null || p.health_zone === view.zone)
		.filter((p) => view.region === null || regionIdOf(p.region_en) === view.region)
		.map((p) => p.province_code);
}

export function selectedProvince(provinces: readonly ProvinceRow[], code: string | null): ProvinceRow | null {
	return (code && provinces.find((p) => p.province_code === code)) || null;
}

/**
 * The view after a province is chosen (on the map, in a list or a search box): the province, or none
 * when it was already the one chosen; a zone filter it lies outside moves to its zone, so the two
 * filters never contradict each other.
 */
export function chooseProvince(
	provinces: readonly ProvinceRow[],
	view: Pick<ViewState, 'zone' | 'province'>,
	code: string | null
): Pick<ViewState, 'zone' | 'province'> {
	const province = selectedProvince(provinces, code);
	if (!province || province.province_code === view.province) return { zone: view.zone, province: null };
	const zone = view.zone === null || view.zone === province.health_zone ? view.zone : province.health_zone;
	return { zone, province: province.province_code };
}

/** The view after a zone is chosen: a province outside the new zone is no longer chosen. */
export function chooseZone(
	provinces: readonly ProvinceRow[],
	view: Pick<ViewState, 'province'>,
	zone: number | null
): Pick<ViewState, 'zone' | 'province'> {
	const province = selectedProvince(provinces, view.province);
	return { zone, province: province && (zone === null || province.health_zone === zone) ? view.province : null };
}

/** The province the view has chosen, when it lies inside its zone filter (one outside it is ignored, like any malformed parameter). */
export function provinceInZone(provinces: readonly ProvinceRow[], view: Pick<ViewState, 'zone' | 'province'>): string | null {
	const province = selectedProvince(provinces, view.province);
	return province && (view.zone === null || province.health_zone === view.zone) ? province.province_code : null;
}
