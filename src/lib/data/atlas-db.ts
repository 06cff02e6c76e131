/**
 * The query module: the one place that talks to DuckDB. It loads the Parquet
 * exports, holds them to the data contract and answers typed questions with
 * bound parameters. Views receive plain rows and never see a connection.
 */
import type { Connector, Row } from './connector';
import { ident } from './connector';
import {
	TABLES,
	TABLE_NAMES,
	type IndicatorRow,
	type IssueAreaRow,
	type ProvinceRow,
	type SourceRow,
	type TableName,
	type TableSpec
} from './contract';

export class ContractError extends Error {
	constructor(
		readonly file: string,
		readonly problems: string[]
	) {
		super(`${file}: ${problems.join('; ')}`);
		this.name = 'ContractError';
	}
}

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
}

export interface YearValue {
	year: number;
	value: number | null;
}

export interface IndicatorYearValue extends YearValue {
	indicator_id: string;
}

/** One indicator for one province in its latest year, against its zone and the nation. */
export interface ProfileRow {
	indicator_id: string;
	year: number;
	value: number;
	zone_value: number | null;
	nation_value: number | null;
	/** 1 = worst, among the provinces with a value. */
	rank_zone: number;
	rank_nation: number;
	provinces_zone: number;
	provinces_nation: number;
}

export interface ScopedTrendRow extends IndicatorYearValue {
	scope: Scope;
}

export interface ProvinceValue {
	province_code: string;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
}

/** The questions views ask; answered by DuckDB, or by a build-time snapshot before it starts. */
export interface AtlasQueries {
	provinces(): Promise<ProvinceRow[]>;
	indicators(): Promise<IndicatorRow[]>;
	sources(): Promise<SourceRow[]>;
	issueAreas(): Promise<IssueAreaRow[]>;
	years(indicatorId: string): Promise<number[]>;
	indicatorValues(indicatorId: string, year: number): Promise<ProvinceValue[]>;
	aggregates(indicatorId: string, year: number): Promise<AggregateValue[]>;
	/** Every year of one indicator for a province, zone, region or the nation. */
	trend(indicatorId: string, target: Target): Promise<YearValue[]>;
	/** Every year of every headline indicator (one per issue area) for a target. */
	headlineTrends(target: Target): Promise<IndicatorYearValue[]>;
}

export type FetchFile = (file: string) => Promise<Uint8Array>;

/** Orders values worst first, whichever direction is worse (needs the catalogue as `c`, values as `v`). */
const WORST_FIRST = `CASE WHEN c.higher_is_worse THEN -v.value ELSE v.value END`;

const NUMERIC =
	/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|REAL|DECIMAL)/;

function compatible(expected: TableSpec['columns'][number]['type'], actual: string): boolean {
	if (expected === 'VARCHAR') return actual === 'VARCHAR';
	if (expected === 'BOOLEAN') return actual === 'BOOLEAN';
	return NUMERIC.test(actual);
}

export class AtlasDb implements AtlasQueries {
	private constructor(private readonly connector: Connector) {}

	/** Load every contract table from `fetchFile`; fails with the first file that breaks the contract. */
	static async open(
		connector: Connector,
		fetchFile: FetchFile,
		tables: readonly TableName[] = TABLE_NAMES
	): Promise<AtlasDb> {
		const db = new AtlasDb(connector);
		await Promise.all(
			tables.map(async (name) => db.loadTable(name, await fetchFile(TABLES[name].file), TABLES[name].file))
		);
		if (tables.includes('indicator_values')) await db.aggregate();
		return db;
	}

	/**
	 * Pre-aggregates zone, region and national values once, so each view asks
	 * a small table instead of scanning values (Mosaic's pre-aggregation idea).
	 * Run again whenever indicator_values, the catalogue or provinces change.
	 */
	async aggregate(): Promise<void> {
		await this.connector.query(`
			CREATE OR REPLACE TABLE indicator_aggregates AS
			WITH v AS (
				SELECT v.indicator_id, v.year, v.value, v.numerator, v.denominator,
				       p.health_zone, regexp_replace(lower(p.region_en), 'ern$', '') AS region,
				       coalesce(c.aggregation, 'mean') AS aggregation, c.multiplier,
				       coalesce(pop.total, p.population) AS population
				FROM indicator_values v
				JOIN provinces p USING (province_code)
				JOIN indicator_catalogue c USING (indicator_id)
				LEFT JOIN population pop ON pop.province_code = v.province_code AND pop.year = v.year
				WHERE v.value IS NOT NULL
			),
			scoped AS (
				SELECT *, 'zone' AS scope, CAST(health_zone AS VARCHAR) AS scope_id FROM v
				UNION ALL SELECT *, 'region', region FROM v
				UNION ALL SELECT *, 'nation', 'TH' FROM v
			)
			SELECT indicator_id, scope, scope_id, year,
				CAST(CASE any_value(aggregation)
					WHEN 'sum' THEN sum(value)
					WHEN 'ratio' THEN any_value(multiplier) * sum(numerator) / nullif(sum(denominator), 0)
					ELSE sum(value * population) / nullif(sum(population), 0)
				END AS DOUBLE) AS value,
				CAST(count(*) AS INTEGER) AS provinces
			FROM scoped
			GROUP BY indicator_id, scope, scope_id, year
			ORDER BY indicator_id, scope, scope_id, year`);
	}

	/**
	 * Load one table from Parquet bytes. The file is checked in a staging table
	 * first, so a file that breaks the contract leaves the loaded table as it was.
	 */
	async loadTable(name: TableName, bytes: Uint8Array, file: string): Promise<void> {
		const spec = TABLES[name];
		const staging = `__incoming_${name}`;
		await this.connector.loadParquet(staging, bytes, file);
		try {
			const select = await this.conformingSelect(spec, staging, file);
			await this.connector.query(`CREATE OR REPLACE TABLE ${ident(name)} AS ${select}`);
		} finally {
			await this.connector.query(`DROP TABLE IF EXISTS ${ident(staging)}`);
		}
	}

	/** A SELECT that casts contract columns to their types, adds absent optional ones as NULL and keeps extras. */
	private async conformingSelect(spec: TableSpec, staging: string, file: string): Promise<string> {
		const described = await this.connector.query(
			`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position`,
			[staging]
		);
		const actual = new Map(described.map((r) => [String(r.column_name), String(r.data_type)]));
		const problems: string[] = [];
		const parts: string[] = [];
		for (const column of spec.columns) {
			const type = actual.get(column.name);
			if (type === undefined) {
				if (column.required) problems.push(`missing required column "${column.name}" (${column.type})`);
				else parts.push(`CAST(NULL AS ${column.type}) AS ${ident(column.name)}`);
			} else if (!compatible(column.type, type)) {
				problems.push(`column "${column.name}" is ${type}, expected ${column.type}`);
			} else {
				parts.push(`CAST(${ident(column.name)} AS ${column.type}) AS ${ident(column.name)}`);
			}
		}
		if (problems.length === 0) {
			for (const column of spec.columns.filter((c) => c.required)) {
				const [row] = await this.connector.query(
					`SELECT count(*) AS n FROM ${ident(staging)} WHERE ${ident(column.name)} IS NULL`
				);
				if (Number(row.n) > 0) problems.push(`required column "${column.name}" is empty in ${row.n} rows`);
			}
			const key = spec.key.map(ident).join(', ');
			const dupes = await this.connector.query(
				`SELECT ${key}, count(*) AS n FROM ${ident(staging)} GROUP BY ALL HAVING count(*) > 1 LIMIT 3`
			);
			if (dupes.length > 0) {
				const shown = dupes.map((d) => spec.key.map((k) => d[k]).join('/')).join(', ');
				problems.push(`duplicate key (${spec.key.join(', ')}): ${shown}`);
			}
		}
		if (problems.length > 0) throw new ContractError(file, problems);
		const known = new Set(spec.columns.map((c) => c.name));
		for (const name of actual.keys()) if (!known.has(name)) parts.push(ident(name));
		return `SELECT ${parts.join(', ')} FROM ${ident(staging)} ORDER BY ${spec.key.map(ident).join(', ')}`;
	}

	provinces(): Promise<ProvinceRow[]> {
		return this.rows<ProvinceRow>(`SELECT * FROM provinces ORDER BY province_code`);
	}

	indicators(): Promise<IndicatorRow[]> {
		return this.rows<IndicatorRow>(`SELECT * FROM indicator_catalogue ORDER BY issue_area_id, indicator_id`);
	}

	issueAreas(): Promise<IssueAreaRow[]> {
		return this.rows<IssueAreaRow>(`SELECT * FROM issue_areas ORDER BY sort_order`);
	}

	sources(): Promise<SourceRow[]> {
		return this.rows<SourceRow>(`SELECT * FROM sources ORDER BY source_id`);
	}

	/** Years that have at least one value for the indicator, ascending. */
	async years(indicatorId: string): Promise<number[]> {
		const rows = await this.connector.query(
			`SELECT DISTINCT year FROM indicator_values WHERE indicator_id = ? AND value IS NOT NULL ORDER BY year`,
			[indicatorId]
		);
		return rows.map((r) => Number(r.year));
	}

	/** One row per province (all of them, so a missing value arrives as null), ordered by code. */
	indicatorValues(indicatorId: string, year: number): Promise<ProvinceValue[]> {
		return this.rows<ProvinceValue>(
			`SELECT p.province_code, v.value, v.numerator, v.denominator
			 FROM provinces p
			 LEFT JOIN indicator_values v
			   ON v.province_code = p.province_code AND v.indicator_id = ? AND v.year = ?
			 ORDER BY p.province_code`,
			[indicatorId, year]
		);
	}

	aggregates(indicatorId: string, year: number): Promise<AggregateValue[]> {
		return this.rows<AggregateValue>(
			`SELECT scope, scope_id, year, value, provinces FROM indicator_aggregates
			 WHERE indicator_id = ? AND year = ? ORDER BY scope, scope_id`,
			[indicatorId, year]
		);
	}

	trend(indicatorId: string, target: Target): Promise<YearValue[]> {
		return target.scope === 'province'
			? this.rows<YearValue>(
					`SELECT year, value FROM indicator_values WHERE indicator_id = ? AND province_code = ? ORDER BY year`,
					[indicatorId, target.id]
				)
			: this.rows<YearValue>(
					`SELECT year, value FROM indicator_aggregates
					 WHERE indicator_id = ? AND scope = ? AND scope_id = ? ORDER BY year`,
					[indicatorId, target.scope, target.id]
				);
	}

	headlineTrends(target: Target): Promise<IndicatorYearValue[]> {
		const headlines = `SELECT indicator_id FROM indicator_catalogue WHERE headline`;
		return target.scope === 'province'
			? this.rows<IndicatorYearValue>(
					`SELECT indicator_id, year, value FROM indicator_values
					 WHERE province_code = ? AND indicator_id IN (${headlines}) ORDER BY indicator_id, year`,
					[target.id]
				)
			: this.rows<IndicatorYearValue>(
					`SELECT indicator_id, year, value FROM indicator_aggregates
					 WHERE scope = ? AND scope_id = ? AND indicator_id IN (${headlines}) ORDER BY indicator_id, year`,
					[target.scope, target.id]
				);
	}

	/** Every indicator for a province in its latest year with data, ranked within its zone and the country. */
	provinceProfile(provinceCode: string): Promise<ProfileRow[]> {
		return this.rows<ProfileRow>(
			`WITH ranked AS (
				SELECT v.indicator_id, v.year, v.province_code, v.value, p.health_zone,
					CAST(rank() OVER (PARTITION BY v.indicator_id, v.year ORDER BY ${WORST_FIRST}) AS INTEGER) AS rank_nation,
					CAST(rank() OVER (PARTITION BY v.indicator_id, v.year, p.health_zone ORDER BY ${WORST_FIRST}) AS INTEGER) AS rank_zone,
					CAST(count(*) OVER (PARTITION BY v.indicator_id, v.year) AS INTEGER) AS provinces_nation,
					CAST(count(*) OVER (PARTITION BY v.indicator_id, v.year, p.health_zone) AS INTEGER) AS provinces_zone
				FROM indicator_values v
				JOIN provinces p USING (province_code)
				JOIN indicator_catalogue c USING (indicator_id)
				WHERE v.value IS NOT NULL
			),
			latest AS (
				SELECT indicator_id, max(year) AS year FROM ranked WHERE province_code = ? GROUP BY indicator_id
			)
			SELECT r.indicator_id, r.year, r.value, z.value AS zone_value, n.value AS nation_value,
				r.rank_zone, r.rank_nation, r.provinces_zone, r.provinces_nation
			FROM ranked r
			JOIN latest l ON l.indicator_id = r.indicator_id AND l.year = r.year
			LEFT JOIN indicator_aggregates z ON z.indicator_id = r.indicator_id AND z.year = r.year
				AND z.scope = 'zone' AND z.scope_id = CAST(r.health_zone AS VARCHAR)
			LEFT JOIN indicator_aggregates n ON n.indicator_id = r.indicator_id AND n.year = r.year AND n.scope = 'nation'
			WHERE r.province_code = ?
			ORDER BY r.indicator_id`,
			[provinceCode, provinceCode]
		);
	}

	/** Every indicator's yearly values for a province, its zone and the nation, for sparklines. */
	provinceTrends(provinceCode: string, zone: number): Promise<ScopedTrendRow[]> {
		return this.rows<ScopedTrendRow>(
			`SELECT 'province' AS scope, indicator_id, year, value FROM indicator_values WHERE province_code = ?
			 UNION ALL
			 SELECT scope, indicator_id, year, value FROM indicator_aggregates
			 WHERE (scope = 'zone' AND scope_id = ?) OR scope = 'nation'
			 ORDER BY indicator_id, scope, year`,
			[provinceCode, String(zone)]
		);
	}

	async close(): Promise<void> {
		await this.connector.close();
	}

	private async rows<T>(sql: string, params: (string | number)[] = []): Promise<T[]> {
		return (await this.connector.query(sql, params)) as T[];
	}
}

export type { Row };
