/**
 * The domain's vocabulary: the tables' names, their rows as the query module returns them, the
 * closed lists a column may hold (partner types, project statuses, network kinds and roles, target
 * kinds, data-quality rules) and the places a value is for. Imports nothing: every layer of the app and
 * the data build may use it. The column specifications (types, units, descriptions) are the data
 * contract, src/lib/data/contract.ts.
 */

export type TableName =
	| 'provinces'
	| 'population'
	| 'issue_areas'
	| 'sources'
	| 'indicator_catalogue'
	| 'indicator_values'
	| 'unallocated_values'
	| 'indicator_months'
	| 'targets'
	| 'districts'
	| 'networks'
	| 'network_provinces'
	| 'network_events'
	| 'partners'
	| 'projects'
	| 'instalments'
	| 'quality_issues';

/** Row types, as the query module returns them. */
export interface ProvinceRow {
	province_code: string;
	iso_3166_2: string;
	name_th: string;
	name_en: string;
	region_th: string;
	region_en: string;
	health_zone: number;
	population: number;
	population_year: number;
	area_km2: number | null;
	established_year: number | null;
	split_from: string | null;
}

export interface PopulationRow {
	province_code: string;
	year: number;
	total: number;
	male: number | null;
	female: number | null;
	households: number | null;
}

export interface IndicatorValueRow {
	indicator_id: string;
	province_code: string;
	year: number;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
}

export interface IndicatorRow {
	indicator_id: string;
	issue_area_id: string;
	name_th: string;
	name_en: string;
	unit_th: string;
	unit_en: string;
	higher_is_worse: boolean;
	decimals: number;
	source_id: string;
	source: string;
	licence: string;
	is_sample: boolean;
	measure: string | null;
	aggregation: 'sum' | 'ratio' | 'mean' | null;
	multiplier: number | null;
	pair_id: string | null;
	headline: boolean | null;
}

export interface UnallocatedRow {
	indicator_id: string;
	year: number;
	count: number;
	note_th: string | null;
	note_en: string | null;
}

export interface IndicatorMonthRow {
	indicator_id: string;
	province_code: string;
	year: number;
	month: number;
	value: number | null;
}

export const TARGET_KINDS = ['annual', 'by'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const TARGET_CONFIDENCE = ['high', 'medium'] as const;
export type TargetConfidence = (typeof TARGET_CONFIDENCE)[number];

export interface TargetRow {
	target_id: string;
	indicator_id: string | null;
	description_en: string;
	comparator: '<=' | '>=' | null;
	value: number | null;
	value_text: string;
	unit_en: string;
	year: number;
	kind: TargetKind;
	period_en: string;
	set_by_th: string;
	set_by_en: string;
	scope: string;
	document: string;
	stated_by: string;
	source_url: string;
	source_type: string;
	quote_th: string;
	confidence: TargetConfidence;
	confidence_note: string | null;
}

export interface SourceRow {
	source_id: string;
	name_th: string;
	name_en: string;
	publisher: string;
	url: string | null;
	licence: string;
	note_th: string | null;
	note_en: string | null;
}

export interface IssueAreaRow {
	issue_area_id: string;
	name_th: string;
	name_en: string;
	colour: string;
	sort_order: number;
}

export interface DistrictRow {
	district_code: string;
	province_code: string;
	name_th: string;
	name_en: string;
}

export const NETWORK_KINDS = ['regional_network', 'programme', 'provincial_fund', 'alliance', 'health_assembly'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

export interface NetworkRow {
	network_id: string;
	name_th: string;
	name_en: string;
	kind: NetworkKind;
	description_th: string;
	description_en: string;
	organisations_th: string | null;
	organisations_en: string | null;
	source_citation: string;
	source_file: string;
	is_sample: boolean;
}

/** member: in the network's area; target: a target province; pilot: a pilot province; working_group: has a working group. */
export const NETWORK_ROLES = ['member', 'target', 'pilot', 'working_group'] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

export interface NetworkProvinceRow {
	network_id: string;
	province_code: string;
	role: NetworkRole;
	note_th: string | null;
	note_en: string | null;
	citation: string;
}

export interface NetworkEventRow {
	event_id: string;
	network_id: string;
	event_date: string | null;
	end_date: string | null;
	province_code: string;
	venue_th: string | null;
	title_th: string;
	title_en: string;
	participants: number | null;
	participants_th: string | null;
	note_en: string | null;
	citation: string;
}

/**
 * Partner types, in display order: the one definition (the URL's filter, the coverage view and the data
 * build use it; the labels are the message catalogue's `ptype_<id>`).
 */
export const PARTNER_TYPES = [
	'community_group',
	'ngo',
	'academic',
	'local_government',
	'government_agency',
	'private',
	'media',
	'health_assembly'
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export interface PartnerRow {
	partner_id: string;
	name_th: string;
	name_en: string | null;
	partner_type: PartnerType;
	province_code: string;
	district_code: string;
	subdistrict_name_th: string | null;
	lat: number;
	lon: number;
	issue_area_ids: string | null;
	network_ids: string | null;
	year_joined: number;
	active: boolean;
	is_sample: boolean;
}

/**
 * The sources row of the generated sample partners and projects: present exactly when some of them are in
 * the data (a build from an organisation's exports drops it with the sample rows), so views label the
 * network data as sample only then.
 */
export const NETWORK_SAMPLE_SOURCE_ID = 'phakhi_network_sample';
/** The sources row of partners, projects and instalments from an organisation's exports (data/build/report.ts). */
export const EXPORTS_SOURCE_ID = 'organisation_exports';

/** Project statuses, in display order: the one definition (labels: the message catalogue's `status_<id>`). */
export const PROJECT_STATUSES = ['planned', 'active', 'closed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface ProjectRow {
	project_code: string;
	programme_th: string;
	programme_en: string | null;
	title_th: string;
	title_en: string | null;
	organisation_th: string;
	partner_id: string | null;
	network_id: string | null;
	start_date: string;
	end_date: string;
	budget: number;
	province_code: string;
	district_code: string | null;
	lat: number | null;
	lon: number | null;
	issue_area_ids: string | null;
	status: ProjectStatus;
	citation: string | null;
	is_sample: boolean;
}

export interface InstalmentRow {
	project_code: string;
	instalment_no: number;
	period_start: string;
	period_end: string;
	report_start: string | null;
	report_end: string | null;
	amount: number;
	paid: boolean | null;
}

/** The data-quality rules of src/lib/data/quality.ts. */
export const QUALITY_RULES = [
	'instalment_sum_mismatch',
	'instalment_outside_period',
	'point_outside_district',
	'unknown_partner',
	'province_district_mismatch',
	'unknown_province',
	'unknown_district',
	'unknown_project',
	'unknown_network',
	'unknown_issue_area',
	'invalid_date'
] as const;
export type QualityRule = (typeof QUALITY_RULES)[number];

export interface QualityIssueRow {
	table_name: 'partners' | 'projects' | 'instalments';
	row_key: string;
	rule: QualityRule;
	field: string;
	project_code: string | null;
	partner_id: string | null;
	message_en: string;
	message_th: string;
	detail: string;
	is_sample: boolean;
}

/** Splits a semicolon-separated id list column (issue_area_ids, network_ids); NULL and '' give []. */
export const splitIds = (list: string | null | undefined): string[] =>
	list ? list.split(';').map((s) => s.trim()).filter((s) => s !== '') : [];

/** Where a value is for: a province, a health zone, a region or the whole country. */
export type Scope = 'province' | 'zone' | 'region' | 'nation';

/** A province code, zone number as text, region id ("northeast"), or "TH". */
export interface Target {
	scope: Scope;
	id: string;
}

export const NATION: Target = { scope: 'nation', id: 'TH' };

/** A zone's, region's or the nation's value, combined from provinces as the catalogue says. */
export interface AggregateValue {
	scope: Exclude<Scope, 'province'>;
	/** Zone number as text, region id ("northeast"), or "TH". */
	scope_id: string;
	year: number;
	value: number | null;
	/** Provinces with a value that went into it. */
	provinces: number;
	/** Provinces of the zone, region or nation. */
	provinces_total: number;
	/** Share (0–1) of the scope's population living in `provinces`; null when the population is unknown. */
	population_share: number | null;
}

export interface YearValue {
	year: number;
	value: number | null;
}

/**
 * A year of a trend. A zone's, region's or the nation's also says what it covers (the columns of
 * AggregateValue), so a point computed from part of its provinces can say so; a province's has none.
 */
export type TrendValue = YearValue & Partial<Pick<AggregateValue, 'provinces' | 'provinces_total' | 'population_share'>>;

/** One month of a monthly count (indicator_months), for a province or summed over a zone or the nation. */
export interface MonthValue {
	year: number;
	month: number;
	value: number | null;
}
