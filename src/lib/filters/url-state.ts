/**
 * View state that lives in the URL query, so a link reproduces the view and the
 * browser's back and forward work. Parsing never throws: anything malformed,
 * oversized or unknown falls back to the default for that field alone.
 */
import { SITE } from '$lib/config/site';
import { BE_OFFSET } from '$lib/core/calendar';
import {
	CLASS_METHODS,
	COVERAGE_MEASURES,
	MAX_CLASSES,
	MIN_CLASSES,
	POINT_COLOURINGS,
	REGIONS,
	SCHEMES,
	type ClassMethod,
	type CoverageMeasure,
	type PointColouring,
	type RegionId,
	type SchemeId
} from '$lib/core/choices';
import { PARTNER_TYPES, PROJECT_STATUSES, type PartnerType, type ProjectStatus } from '$lib/core/domain';
import { ZONE_COUNT } from '$lib/core/zones';
import { DEFAULT_LANG, isLang, type Lang } from '$lib/i18n';

/** The view's vocabularies (core/choices.ts), for the code that reads them with the URL. */
export * from '$lib/core/choices';
export { PARTNER_TYPES, PROJECT_STATUSES, type PartnerType, type ProjectStatus };

export interface ViewState {
	lang: Lang;
	/** Issue area that narrows the indicator list; null = all. */
	issue: string | null;
	indicator: string;
	/** Year (CE); null means "the latest year with data". */
	year: number | null;
	region: RegionId | null;
	/** Health zone 1–13; null = the whole country. */
	zone: number | null;
	/** Selected province code; null = none. */
	province: string | null;
	method: ClassMethod;
	classes: number;
	scheme: SchemeId;
	/** Coverage: partner types counted (empty = all). */
	types: PartnerType[];
	/** Coverage: network id. */
	network: string | null;
	/** Coverage: project status. */
	status: ProjectStatus | null;
	/** Coverage and gaps: how coverage is measured. */
	measure: CoverageMeasure;
	/** Coverage map: colour points by partner type or issue area. */
	colour: PointColouring;
	/** Project record open in the drawer. */
	project: string | null;
	/** Gaps: how many of the biggest priority gaps are named on the map and listed. */
	top: number;
}

/** The gaps page names the 5 biggest priority gaps unless asked for up to 20. */
export const DEFAULT_TOP = 5;
export const MAX_TOP = 20;

/** The explorer's first indicator: the deployment's choice (config.json, src/lib/config/site-config.ts), else road deaths. */
export const DEFAULT_INDICATOR = SITE.defaultIndicator ?? 'road_death_rate';

export const DEFAULT_VIEW: ViewState = {
	lang: DEFAULT_LANG,
	issue: null,
	indicator: DEFAULT_INDICATOR,
	year: null,
	region: null,
	zone: null,
	province: null,
	method: 'quantile',
	classes: 5,
	scheme: 'ylorrd',
	types: [],
	network: null,
	status: null,
	measure: 'district_share',
	colour: 'type',
	project: null,
	top: DEFAULT_TOP
};

const MAX_PARAM_LENGTH = 64;
const ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

const oneOf =
	<T extends string>(values: readonly T[]) =>
	(raw: string): T | null =>
		(values as readonly string[]).includes(raw) ? (raw as T) : null;

const integerIn =
	(min: number, max: number) =>
	(raw: string): number | null => {
		if (!/^\d{1,2}$/.test(raw)) return null;
		const n = Number(raw);
		return n >= min && n <= max ? n : null;
	};

/** Accepts CE years and, since Thai users type them, Buddhist-era years. */
export function parseYear(raw: string | null): number | null {
	if (raw === null || !/^\d{4}$/.test(raw)) return null;
	let year = Number(raw);
	if (year >= 2400) year -= BE_OFFSET;
	return year >= 1900 && year <= 2200 ? year : null;
}

const identifier = (raw: string): string | null => (ID_PATTERN.test(raw) ? raw : null);
const typeList = (raw: string): PartnerType[] | null => {
	const parts = raw.split(',').filter((t) => (PARTNER_TYPES as readonly string[]).includes(t));
	return parts.length > 0 ? ([...new Set(parts)] as PartnerType[]) : null;
};
/** Funders' project codes: Buddhist-era year, a Thai or Latin series letter, a number (e.g. 60-ข-087). */
const projectCode = (raw: string): string | null => (/^\d{2}-[\u0E01-\u0E2EA-Za-z]{1,3}-\d{1,5}$/.test(raw) ? raw : null);
const provinceCode = (raw: string): string | null => (/^[1-9]\d$/.test(raw) ? raw : null);

/** How each field is read from the URL; the parameter name is the field name. */
const PARSERS: { [K in keyof ViewState]: (raw: string) => ViewState[K] | null } = {
	lang: (raw) => (isLang(raw) ? raw : null),
	issue: identifier,
	indicator: identifier,
	year: parseYear,
	region: oneOf(REGIONS),
	zone: integerIn(1, ZONE_COUNT),
	province: provinceCode,
	method: oneOf(CLASS_METHODS),
	classes: integerIn(MIN_CLASSES, MAX_CLASSES),
	scheme: oneOf(SCHEMES),
	types: typeList,
	network: identifier,
	status: oneOf(PROJECT_STATUSES),
	measure: oneOf(COVERAGE_MEASURES),
	colour: oneOf(POINT_COLOURINGS),
	project: projectCode,
	top: integerIn(1, MAX_TOP)
};

const FIELDS = Object.keys(PARSERS) as (keyof ViewState)[];

export function parseViewState(params: URLSearchParams): ViewState {
	const state: Record<string, unknown> = { ...DEFAULT_VIEW };
	for (const field of FIELDS) {
		const raw = params.get(field);
		if (raw === null || raw.length > MAX_PARAM_LENGTH) continue;
		const value = PARSERS[field](raw.trim());
		if (value !== null) state[field] = value;
	}
	return state as unknown as ViewState;
}

/** The query string for a state, leaving out defaults so links stay short. */
export function viewStateSearch(state: ViewState): string {
	const params = new URLSearchParams();
	for (const field of FIELDS) {
		const value = state[field];
		if (Array.isArray(value) ? value.length > 0 : value !== null && value !== DEFAULT_VIEW[field])
			params.set(field, Array.isArray(value) ? value.join(',') : String(value));
	}
	const search = params.toString();
	return search ? `?${search}` : '';
}

/** The provinces table names regions "Northeastern", "Central"…; the URL uses "northeast", "central"… */
export function regionIdOf(regionEn: string): RegionId | null {
	const id = regionEn.toLowerCase().replace(/ern$/, '');
	return (REGIONS as readonly string[]).includes(id) ? (id as RegionId) : null;
}
