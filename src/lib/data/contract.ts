/**
 * The data contract: the Parquet tables the app reads. One source of truth for
 * the data build (which writes them), the browser loader (which checks them)
 * and docs/data-contract.md (which describes them).
 */

// The rows and vocabularies are the domain's (src/lib/core/domain.ts); the contract adds the column specs.
import type { TableName } from '../core/domain';
export * from '../core/domain';

export type ColumnType = 'VARCHAR' | 'SMALLINT' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';

const NUMERIC_TYPE =
	/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|REAL|DECIMAL)/;

/** True for a DuckDB numeric type name ("BIGINT", "DECIMAL(12,2)"…): a file's column a numeric contract column can take. */
export function isNumericType(duckdbType: string): boolean {
	return NUMERIC_TYPE.test(duckdbType);
}

export interface ColumnSpec {
	name: string;
	type: ColumnType;
	/** A required column must exist and may not hold NULL. */
	required: boolean;
	description: string;
	unit?: string;
}

export interface TableSpec {
	name: TableName;
	/** File name under the app's data folder (`/data/<file>`). */
	file: string;
	description: string;
	/** Columns that together identify a row. */
	key: readonly string[];
	columns: readonly ColumnSpec[];
}


const col = (name: string, type: ColumnType, required: boolean, description: string, unit?: string): ColumnSpec =>
	unit ? { name, type, required, description, unit } : { name, type, required, description };

export const TABLES: Record<TableName, TableSpec> = {
	provinces: {
		name: 'provinces',
		file: 'provinces.parquet',
		description: 'The 77 provinces (จังหวัด) with names, region, health zone, latest population and area.',
		key: ['province_code'],
		columns: [
			col('province_code', 'VARCHAR', true, 'Two-digit DOPA province code (= ISO 3166-2:TH number). Bangkok = "10".'),
			col('iso_3166_2', 'VARCHAR', true, 'ISO 3166-2 code, e.g. "TH-40".'),
			col('name_th', 'VARCHAR', true, 'Thai name without the จังหวัด prefix.'),
			col('name_en', 'VARCHAR', true, 'English name (OCHA spelling).'),
			col('region_th', 'VARCHAR', true, 'Six-region grouping, Thai.'),
			col('region_en', 'VARCHAR', true, 'Six-region grouping, English.'),
			col('health_zone', 'SMALLINT', true, 'Health zone (เขตสุขภาพ) 1–13; 13 = Bangkok.'),
			col('population', 'INTEGER', true, 'DOPA registered population at 31 Dec of population_year.', 'persons'),
			col('population_year', 'SMALLINT', true, 'Year (CE) of the population figure.'),
			col(
				'area_km2',
				'DOUBLE',
				false,
				'Computed ellipsoidal area of the boundary polygon (not an official figure).',
				'km²'
			),
			col(
				'established_year',
				'SMALLINT',
				false,
				'Year (CE) the province was created, for a province younger than the series (Bueng Kan: 2011); NULL otherwise. Before it, the province has no values (missing, not 0).'
			),
			col(
				'split_from',
				'VARCHAR',
				false,
				'Province code whose area held this province before established_year (Bueng Kan: "43", Nong Khai), whose values before then include it; NULL otherwise.'
			)
		]
	},
	population: {
		name: 'population',
		file: 'population.parquet',
		description: 'DOPA registered population by province and year (31 December).',
		key: ['province_code', 'year'],
		columns: [
			col('province_code', 'VARCHAR', true, 'Province code, see provinces.'),
			col('year', 'SMALLINT', true, 'Year (CE).'),
			col('total', 'INTEGER', true, 'Registered population.', 'persons'),
			col('male', 'INTEGER', false, 'Registered males.', 'persons'),
			col('female', 'INTEGER', false, 'Registered females.', 'persons'),
			col('households', 'INTEGER', false, 'Registered households.', 'households')
		]
	},
	issue_areas: {
		name: 'issue_areas',
		file: 'issue_areas.parquet',
		description: 'Issue areas (ประเด็น) that health-promotion work is organised by.',
		key: ['issue_area_id'],
		columns: [
			col('issue_area_id', 'VARCHAR', true, 'Stable identifier, e.g. "road_safety".'),
			col('name_th', 'VARCHAR', true, 'Thai name.'),
			col('name_en', 'VARCHAR', true, 'English name.'),
			col('colour', 'VARCHAR', true, 'Hex colour used for the issue area in charts, e.g. "#d95f02".'),
			col('sort_order', 'SMALLINT', true, 'Display order.')
		]
	},
	sources: {
		name: 'sources',
		file: 'sources.parquet',
		description: 'Data sources with publisher, licence and caveats; shown as attribution in the app.',
		key: ['source_id'],
		columns: [
			col('source_id', 'VARCHAR', true, 'Stable identifier, e.g. "dopa_population".'),
			col('name_th', 'VARCHAR', true, 'Thai name of the dataset.'),
			col('name_en', 'VARCHAR', true, 'English name of the dataset.'),
			col('publisher', 'VARCHAR', true, 'Who published it.'),
			col('url', 'VARCHAR', false, 'Where it can be found.'),
			col('licence', 'VARCHAR', true, 'Licence as stated by the publisher, or "not stated".'),
			col('note_th', 'VARCHAR', false, 'Caveats, Thai.'),
			col('note_en', 'VARCHAR', false, 'Caveats, English.')
		]
	},
	indicator_catalogue: {
		name: 'indicator_catalogue',
		file: 'indicator_catalogue.parquet',
		description: 'One row per indicator: what it measures, its unit and direction, where it comes from.',
		key: ['indicator_id'],
		columns: [
			col('indicator_id', 'VARCHAR', true, 'Stable identifier, e.g. "road_death_rate".'),
			col('issue_area_id', 'VARCHAR', true, 'Issue area, see issue_areas.'),
			col('name_th', 'VARCHAR', true, 'Thai name.'),
			col('name_en', 'VARCHAR', true, 'English name.'),
			col('unit_th', 'VARCHAR', true, 'Unit, Thai, e.g. "ต่อประชากรแสนคน".'),
			col('unit_en', 'VARCHAR', true, 'Unit, English, e.g. "per 100,000 population".'),
			col(
				'higher_is_worse',
				'BOOLEAN',
				true,
				'True when a higher value means a worse situation (sets the colour direction).'
			),
			col('decimals', 'SMALLINT', true, 'Decimals to show.'),
			col('source_id', 'VARCHAR', true, 'Source, see sources.'),
			col('source', 'VARCHAR', true, 'Source line shown under maps and charts.'),
			col('licence', 'VARCHAR', true, 'Licence of the values.'),
			col('is_sample', 'BOOLEAN', true, 'True for generated sample data, which every view labels as such.'),
			col('measure', 'VARCHAR', false, 'What kind of number: "count", "rate", "percent" or "index".'),
			col(
				'aggregation',
				'VARCHAR',
				false,
				'How provinces combine into a zone, region or the nation: "sum" (counts), "ratio" (multiplier × Σ numerator ÷ Σ denominator) or "mean" (population-weighted mean, the default).'
			),
			col('multiplier', 'DOUBLE', false, 'For "ratio": e.g. 100000 for a rate per 100 000, 100 for a percentage.'),
			col('pair_id', 'VARCHAR', false, 'The count or rate counterpart of this indicator, for the count ↔ per-100 000 switch.'),
			col('headline', 'BOOLEAN', false, "True for the issue area's headline indicator, shown in the issue-area small multiples.")
		]
	},
	indicator_values: {
		name: 'indicator_values',
		file: 'indicator_values.parquet',
		description: 'Indicator values by province and year. A missing value is a NULL value or an absent row.',
		key: ['indicator_id', 'province_code', 'year'],
		columns: [
			col('indicator_id', 'VARCHAR', true, 'Indicator, see indicator_catalogue.'),
			col('province_code', 'VARCHAR', true, 'Province code, see provinces.'),
			col('year', 'SMALLINT', true, 'Year (CE).'),
			col('value', 'DOUBLE', false, 'The value in the catalogue unit; NULL when not available.'),
			col('numerator', 'DOUBLE', false, 'Count the value was computed from, e.g. deaths.'),
			col('denominator', 'DOUBLE', false, 'Population the value was computed from.')
		]
	},
	unallocated_values: {
		name: 'unallocated_values',
		file: 'unallocated_values.parquet',
		description:
			'Counts the source attributes to no province (road deaths with "province unknown"): part of the national figure, of no province, zone or region.',
		key: ['indicator_id', 'year'],
		columns: [
			col('indicator_id', 'VARCHAR', true, 'Indicator, see indicator_catalogue ("sum" or "ratio" aggregation).'),
			col('year', 'SMALLINT', true, 'Year (CE).'),
			col(
				'count',
				'DOUBLE',
				true,
				'The count on no province: added to the national sum of a "sum" indicator, and to the national numerator of a "ratio" indicator.'
			),
			col('note_th', 'VARCHAR', false, 'What the count is, Thai.'),
			col('note_en', 'VARCHAR', false, 'What the count is, English.')
		]
	},
	indicator_months: {
		name: 'indicator_months',
		file: 'indicator_months.parquet',
		description: 'Monthly counts behind a yearly count indicator (dengue cases), by province, year and month; the 12 months sum to the yearly value.',
		key: ['indicator_id', 'province_code', 'year', 'month'],
		columns: [
			col('indicator_id', 'VARCHAR', true, 'Indicator ("sum" aggregation), see indicator_catalogue.'),
			col('province_code', 'VARCHAR', true, 'Province code, see provinces.'),
			col('year', 'SMALLINT', true, 'Year (CE).'),
			col('month', 'SMALLINT', true, 'Calendar month 1–12.'),
			col('value', 'DOUBLE', false, 'The count in that month; NULL when not available.')
		]
	},
	targets: {
		name: 'targets',
		file: 'targets.parquet',
		description:
			'Official national targets, with the document that sets them and how sure we are of it. None is set per province: a province compared with one is compared with the national target.',
		key: ['target_id'],
		columns: [
			col('target_id', 'VARCHAR', true, 'Stable identifier, e.g. "road_death_rate_2027".'),
			col('indicator_id', 'VARCHAR', false, 'The indicator it applies to, see indicator_catalogue; NULL when the app has no real series of it.'),
			col('description_en', 'VARCHAR', true, 'What the target is about, as the source names it.'),
			col('comparator', 'VARCHAR', false, '"<=" (at most) or ">=" (at least); NULL for a relative target.'),
			col('value', 'DOUBLE', false, 'The threshold in the unit; NULL for a relative target (see value_text).'),
			col('value_text', 'VARCHAR', true, 'The target as stated, e.g. "12" or "-10% (relative)".'),
			col('unit_en', 'VARCHAR', true, 'Unit of the target, e.g. "deaths per 100,000 population".'),
			col('year', 'SMALLINT', true, 'Year (CE) the target is for: the fiscal year of a KPI, or the year a goal is to be reached by.'),
			col(
				'kind',
				'VARCHAR',
				true,
				'One of TARGET_KINDS: "annual" (a threshold for that (fiscal) year only) or "by" (a goal to reach by that year, which also judges the years before it that have no annual target).'
			),
			col('period_en', 'VARCHAR', true, 'The period as stated, e.g. "FY2018 (BE 2561)".'),
			col('set_by_th', 'VARCHAR', true, 'Who set it, short, Thai, e.g. "ตัวชี้วัด สธ. 018".'),
			col('set_by_en', 'VARCHAR', true, 'Who set it, short, English, e.g. "MOPH KPI 018".'),
			col('scope', 'VARCHAR', true, 'Where it applies, as stated (always national here).'),
			col('document', 'VARCHAR', true, 'The document or programme that sets it.'),
			col('stated_by', 'VARCHAR', true, 'Who stated it, and when.'),
			col('source_url', 'VARCHAR', true, 'Where it was read (several separated by " ; ").'),
			col('source_type', 'VARCHAR', true, 'What kind of page that is, e.g. "official KPI page (stored)".'),
			col('quote_th', 'VARCHAR', true, 'The Thai text that states it.'),
			col('confidence', 'VARCHAR', true, 'One of TARGET_CONFIDENCE: "high" (the official document was read) or "medium" (a news report or a third-party copy).'),
			col('confidence_note', 'VARCHAR', false, 'Why it is not high, e.g. "plan text itself not read".')
		]
	},
	districts: {
		name: 'districts',
		file: 'districts.parquet',
		description: 'The 928 districts (อำเภอ, and the 50 khet of Bangkok) with their province.',
		key: ['district_code'],
		columns: [
			col('district_code', 'VARCHAR', true, 'Four-digit district code: OCHA ADM2_PCODE without "TH"; the first two digits are the province code, e.g. "4001".'),
			col('province_code', 'VARCHAR', true, 'Province code, see provinces.'),
			col('name_th', 'VARCHAR', true, 'Thai name without the อำเภอ/เขต prefix (COD-AB spelling).'),
			col('name_en', 'VARCHAR', true, 'English name (OCHA spelling).')
		]
	},
	networks: {
		name: 'networks',
		file: 'networks.parquet',
		description: 'Health-promotion partner networks, programmes and alliances, from public reports (one citation per row).',
		key: ['network_id'],
		columns: [
			col('network_id', 'VARCHAR', true, 'Stable identifier, e.g. "isan_partner_network".'),
			col('name_th', 'VARCHAR', true, 'Thai name as in the source.'),
			col('name_en', 'VARCHAR', true, 'English name (ours where the source has none).'),
			col('kind', 'VARCHAR', true, 'One of NETWORK_KINDS: "regional_network", "programme", "provincial_fund", "alliance", "health_assembly".'),
			col('description_th', 'VARCHAR', true, 'What it is, Thai, from the source.'),
			col('description_en', 'VARCHAR', true, 'What it is, English.'),
			col('organisations_th', 'VARCHAR', false, 'Organisations that run or fund it, Thai, semicolon-separated.'),
			col('organisations_en', 'VARCHAR', false, 'The same organisations, English, semicolon-separated, same order.'),
			col('source_citation', 'VARCHAR', true, 'The public document: title, publisher, date.'),
			col('source_file', 'VARCHAR', true, 'File name of the source text (the seed documents, see data/sources/SOURCES.md).'),
			col('is_sample', 'BOOLEAN', true, 'Always false: networks are real.')
		]
	},
	network_provinces: {
		name: 'network_provinces',
		file: 'network_provinces.parquet',
		description: "Provinces in each network's area and their role; a province may have several roles in one network.",
		key: ['network_id', 'province_code', 'role'],
		columns: [
			col('network_id', 'VARCHAR', true, 'Network, see networks.'),
			col('province_code', 'VARCHAR', true, 'Province code, see provinces.'),
			col('role', 'VARCHAR', true, 'One of NETWORK_ROLES: "member", "target", "pilot", "working_group".'),
			col('note_th', 'VARCHAR', false, 'Note, Thai.'),
			col('note_en', 'VARCHAR', false, 'Note, English.'),
			col('citation', 'VARCHAR', true, 'Where the source says so: document and passage.')
		]
	},
	network_events: {
		name: 'network_events',
		file: 'network_events.parquet',
		description: 'Forums, meetings and reviews of the networks, as reported.',
		key: ['event_id'],
		columns: [
			col('event_id', 'VARCHAR', true, 'Stable identifier, e.g. "isan_forum_2016".'),
			col('network_id', 'VARCHAR', true, 'Network, see networks.'),
			col('event_date', 'VARCHAR', false, 'First day, ISO "YYYY-MM-DD" (CE); NULL when the source gives no date.'),
			col('end_date', 'VARCHAR', false, 'Last day of a multi-day event, ISO "YYYY-MM-DD"; NULL for a one-day or undated event.'),
			col('province_code', 'VARCHAR', true, 'Province where it took place, see provinces.'),
			col('venue_th', 'VARCHAR', false, 'Venue, Thai, as in the source.'),
			col('title_th', 'VARCHAR', true, 'Title or description, Thai.'),
			col('title_en', 'VARCHAR', true, 'Title or description, English.'),
			col('participants', 'INTEGER', false, 'Number of participants as reported ("about 500" is 500, "over 60" is 60); NULL for a range or when not reported.', 'persons'),
			col('participants_th', 'VARCHAR', false, "The source's words for the number of participants, Thai, verbatim, e.g. \"ประมาณ 500 คน\"."),
			col('note_en', 'VARCHAR', false, 'Note, English: what the participant figure means, undated events, related visits.'),
			col('citation', 'VARCHAR', true, 'Where the source says so: document and passage.')
		]
	},
	partners: {
		name: 'partners',
		file: 'partners.parquet',
		description: 'Partner organisations of the networks, with location, issue areas and networks. Currently all generated sample rows.',
		key: ['partner_id'],
		columns: [
			col('partner_id', 'VARCHAR', true, 'Stable identifier, e.g. "P000123".'),
			col('name_th', 'VARCHAR', true, 'Organisation name, Thai.'),
			col('name_en', 'VARCHAR', false, 'Organisation name, English, where there is one.'),
			col('partner_type', 'VARCHAR', true, 'One of PARTNER_TYPES: "community_group", "ngo", "academic", "local_government", "government_agency", "private", "media", "health_assembly".'),
			col('province_code', 'VARCHAR', true, 'Province code, see provinces.'),
			col('district_code', 'VARCHAR', true, 'District code, see districts.'),
			col('subdistrict_name_th', 'VARCHAR', false, 'Sub-district (ตำบล/แขวง) name, Thai; NULL when not known (always NULL in the sample).'),
			col('lat', 'DOUBLE', true, 'Latitude, WGS84.', 'degrees'),
			col('lon', 'DOUBLE', true, 'Longitude, WGS84.', 'degrees'),
			col('issue_area_ids', 'VARCHAR', false, 'Issue areas worked on, semicolon-separated issue_area_id values in issue-area order, e.g. "tobacco;road_safety"; NULL for none.'),
			col('network_ids', 'VARCHAR', false, 'Networks the partner belongs to, semicolon-separated network_id values; NULL for none.'),
			col('year_joined', 'SMALLINT', true, 'Year (CE) the partner joined its first network or started working with the funder.'),
			col('active', 'BOOLEAN', true, 'True when the partner is currently active.'),
			col('is_sample', 'BOOLEAN', true, 'True for generated sample data, which every view labels as such.')
		]
	},
	projects: {
		name: 'projects',
		file: 'projects.parquet',
		description: 'Funded projects shaped like the records of a funder\'s project system: code, programme, organisation, period, budget, area. One real record (60-ข-087); the rest are generated sample rows.',
		key: ['project_code'],
		columns: [
			col('project_code', 'VARCHAR', true, 'Project code as the funder writes it: two-digit Buddhist-Era year, a Thai letter and a number, e.g. "60-ข-087".'),
			col('programme_th', 'VARCHAR', true, 'Programme (แผนงาน) the project is under, Thai.'),
			col('programme_en', 'VARCHAR', false, 'Programme, English.'),
			col('title_th', 'VARCHAR', true, 'Project title, Thai.'),
			col('title_en', 'VARCHAR', false, 'Project title, English.'),
			col('organisation_th', 'VARCHAR', true, 'Organisation responsible, Thai.'),
			col('partner_id', 'VARCHAR', false, 'The organisation as a partner, see partners; NULL when not linked.'),
			col('network_id', 'VARCHAR', false, 'Network the project belongs to, see networks; NULL when none.'),
			col('start_date', 'VARCHAR', true, 'First day of the project period, ISO "YYYY-MM-DD" (CE).'),
			col('end_date', 'VARCHAR', true, 'Last day of the project period, ISO "YYYY-MM-DD" (CE).'),
			col('budget', 'DOUBLE', true, 'Approved project budget.', 'THB'),
			col('province_code', 'VARCHAR', true, 'Province of the project area, see provinces.'),
			col('district_code', 'VARCHAR', false, 'District of the project area, see districts; NULL for a province-wide project or when not stated.'),
			col('lat', 'DOUBLE', false, 'Latitude, WGS84; NULL when not stated.', 'degrees'),
			col('lon', 'DOUBLE', false, 'Longitude, WGS84; NULL when not stated.', 'degrees'),
			col('issue_area_ids', 'VARCHAR', false, 'Issue areas, semicolon-separated issue_area_id values in issue-area order; NULL when not stated.'),
			col('status', 'VARCHAR', true, 'One of PROJECT_STATUSES: "planned", "active", "closed", "cancelled".'),
			col('citation', 'VARCHAR', false, 'For a real record: where it was published. NULL for sample rows.'),
			col('is_sample', 'BOOLEAN', true, 'True for generated sample data, which every view labels as such.')
		]
	},
	instalments: {
		name: 'instalments',
		file: 'instalments.parquet',
		description: 'Payment instalments (งวด) of the projects: period, report period and amount.',
		key: ['project_code', 'instalment_no'],
		columns: [
			col('project_code', 'VARCHAR', true, 'Project, see projects.'),
			col('instalment_no', 'SMALLINT', true, 'Instalment number (งวดที่), from 1.'),
			col('period_start', 'VARCHAR', true, 'First day of the instalment period, ISO "YYYY-MM-DD" (CE).'),
			col('period_end', 'VARCHAR', true, 'Last day of the instalment period, ISO "YYYY-MM-DD" (CE).'),
			col('report_start', 'VARCHAR', false, 'First day of the reporting period, ISO "YYYY-MM-DD"; NULL when not stated.'),
			col('report_end', 'VARCHAR', false, 'Last day of the reporting period, ISO "YYYY-MM-DD"; NULL when not stated.'),
			col('amount', 'DOUBLE', true, 'Amount of the instalment.', 'THB'),
			col('paid', 'BOOLEAN', false, 'True once paid; NULL when not known.')
		]
	},
	quality_issues: {
		name: 'quality_issues',
		file: 'quality_issues.parquet',
		description: 'Data-quality problems found in partners, projects and instalments by the rules of src/lib/data/quality.ts. Rows with problems are kept, never dropped.',
		key: ['table_name', 'row_key', 'rule', 'field'],
		columns: [
			col('table_name', 'VARCHAR', true, 'Table of the row with the problem: "partners", "projects" or "instalments".'),
			col('row_key', 'VARCHAR', true, 'Key of that row: partner_id, project_code, or project_code/instalment_no for an instalment, e.g. "60-ข-087/2".'),
			col('rule', 'VARCHAR', true, 'One of QUALITY_RULES, e.g. "instalment_sum_mismatch".'),
			col('field', 'VARCHAR', true, 'Column(s) concerned, e.g. "budget", "period_end" or "lat,lon".'),
			col('project_code', 'VARCHAR', false, 'The project concerned (projects and instalments), for listing the issues per project.'),
			col('partner_id', 'VARCHAR', false, 'The partner concerned (partners), for listing the issues per partner.'),
			col('message_en', 'VARCHAR', true, 'The problem in English, with the values.'),
			col('message_th', 'VARCHAR', true, 'The problem in Thai, with the values.'),
			col('detail', 'VARCHAR', true, 'The values as a JSON object, e.g. {"budget":1000000,"instalments_sum":0}.'),
			col('is_sample', 'BOOLEAN', true, 'True when the row with the problem is generated sample data.')
		]
	}
};

export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

export const requiredColumns = (table: TableName): string[] =>
	TABLES[table].columns.filter((c) => c.required).map((c) => c.name);
