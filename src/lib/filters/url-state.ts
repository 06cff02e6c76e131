/**
 * View state that lives in the URL query, so a link reproduces the view and the
 * browser's back and forward work. Parsing never throws: anything malformed or
 * unknown falls back to the default.
 */
import { DEFAULT_LANG, isLang, type Lang } from '$lib/i18n';

export interface ViewState {
	lang: Lang;
	indicator: string;
	/** Year (CE); null means "the latest year with data". */
	year: number | null;
}

export const DEFAULT_INDICATOR = 'road_death_rate';

export const DEFAULT_VIEW: ViewState = { lang: DEFAULT_LANG, indicator: DEFAULT_INDICATOR, year: null };

const MAX_PARAM_LENGTH = 64;
const ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
const BE_OFFSET = 543;

function param(params: URLSearchParams, name: string): string | null {
	const value = params.get(name);
	return value === null || value.length > MAX_PARAM_LENGTH ? null : value.trim();
}

/** Accepts CE years and, since Thai users type them, Buddhist-era years. */
export function parseYear(raw: string | null): number | null {
	if (raw === null || !/^\d{4}$/.test(raw)) return null;
	let year = Number(raw);
	if (year >= 2400) year -= BE_OFFSET;
	return year >= 1900 && year <= 2200 ? year : null;
}

export function parseViewState(params: URLSearchParams): ViewState {
	const lang = param(params, 'lang');
	const indicator = param(params, 'indicator');
	return {
		lang: isLang(lang) ? lang : DEFAULT_VIEW.lang,
		indicator: indicator !== null && ID_PATTERN.test(indicator) ? indicator : DEFAULT_VIEW.indicator,
		year: parseYear(param(params, 'year'))
	};
}

/** The query string for a state, leaving out defaults so links stay short. */
export function viewStateSearch(state: ViewState): string {
	const params = new URLSearchParams();
	if (state.lang !== DEFAULT_VIEW.lang) params.set('lang', state.lang);
	if (state.indicator !== DEFAULT_VIEW.indicator) params.set('indicator', state.indicator);
	if (state.year !== null) params.set('year', String(state.year));
	const search = params.toString();
	return search ? `?${search}` : '';
}
