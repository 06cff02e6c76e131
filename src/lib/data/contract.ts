/**
 * The data contract: the Parquet tables the app reads. One source of truth for
 * the data build (which writes them), the browser loader (which checks them)
 * and docs/data-contract.md (which describes them).
 */

export type ColumnType = 'VARCHAR' | 'SMALLINT' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';

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

export type TableName =
	'provinces' | 'population' | 'issue_areas' | 'sources' | 'indicator_catalogue' | 'indicator_values';

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
	}
};

export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

export const requiredColumns = (table: TableName): string[] =>
	TABLES[table].columns.filter((c) => c.required).map((c) => c.name);

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
