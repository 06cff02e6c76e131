/**
 * The query module: the one place that talks to DuckDB. It loads the Parquet
 * exports, holds them to the data contract and answers typed questions with
 * bound parameters. Views receive plain rows and never see a connection.
 */
import {
	NATION,
	type InstalmentRow,
	type ProjectRow,
	type AggregateValue,
	type Scope,
	type Target,
	type MonthValue,
	type TrendValue,
	type YearValue
} from '$lib/core/domain';
import { parquetColumns } from './coded-columns';
import type { Connector, Row, SqlParam } from './connector';
import { answersFromSummary, COVERAGE_INDEX_INPUTS, CoverageIndex, type CoverageAnswers } from './coverage-index';
import { CoverageFiles } from './coverage-files';
import {
	COVERAGE_POINTS_SQL,
	COVERAGE_SUMMARY_SQL,
	RAW_POINTS_LEVEL,
	CoveragePlaces,
	SummaryIndex,
	type RunRows,
	type PointWindow
} from './coverage-summary';
import { COVERAGE_INPUTS, CoverageQueries } from './coverage-queries';
import { partFor, PROJECT_RECORDS_INDEX, type RecordPart } from './project-records';
import { ident } from './connector';
import { coveredEnoughSql } from './aggregate-coverage';
import { guardSql, limitedSql, type GuardRefusal } from './sql-guard';
import { duplicateKeys, emptyRequired, NO_ROW_CHECKS, type RowChecksDone } from './contract-checks';
import { dropRelation, UploadQueries } from './upload-queries';
import {
	isNumericType,
	TABLES,
	TABLE_NAMES,
	type IndicatorRow,
	type IssueAreaRow,
	type DistrictRow,
	type ProvinceRow,
	type SourceRow,
	type TableName,
	type TargetRow,
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

export { NATION, type AggregateValue, type Scope, type Target, type MonthValue, type TrendValue, type YearValue };

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
	/** 1 = best, among the provinces with a value (equal values share a rank, from either end). */
	rank_zone_best: number;
	rank_nation_best: number;
	provinces_zone: number;
	provinces_nation: number;
	/** What zone_value and nation_value cover (aggregate-coverage.ts); null when there is no aggregate. */
	zone_provinces: number | null;
	zone_provinces_total: number | null;
	zone_population_share: number | null;
	nation_provinces: number | null;
	nation_provinces_total: number | null;
	nation_population_share: number | null;
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

/** A value for each of `codes`, in that order, from the rows found by province; a province without one gets nulls. */
export function valuesForProvinces(
	codes: readonly string[],
	byCode: ReadonlyMap<string, ProvinceValue>
): ProvinceValue[] {
	return codes.map((province_code) => {
		const row = byCode.get(province_code);
		return {
			province_code,
			value: row?.value ?? null,
			numerator: row?.numerator ?? null,
			denominator: row?.denominator ?? null
		};
	});
}

/** One province's value of one indicator in one year (a row of indicator_values). */
export interface IndicatorValueRow extends ProvinceValue {
	indicator_id: string;
	year: number;
}

/** A pre-aggregated value (a row of indicator_aggregates). */
export interface IndicatorAggregateRow extends AggregateValue {
	indicator_id: string;
}

/** A value of a headline indicator for any target: a province's own, or an aggregate. */
export interface HeadlineRow extends IndicatorYearValue {
	scope: Scope;
	scope_id: string;
}

/** Separates ids in one bound parameter (ids never contain it: the contract's ids are printable). */
const ID_SEPARATOR = '\u001f';

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
	trend(indicatorId: string, target: Target): Promise<TrendValue[]>;
	/** Every year of every headline indicator (one per issue area) for a target. */
	headlineTrends(target: Target): Promise<IndicatorYearValue[]>;
	/** The national targets (all indicators), ordered by indicator and year. */
	targets(): Promise<TargetRow[]>;
}

/** Provinces, the indicator catalogue, issue areas, sources and targets: what every view is named and sourced from. */
export interface ReferenceTables {
	provinces: ProvinceRow[];
	indicators: IndicatorRow[];
	issueAreas: IssueAreaRow[];
	sources: SourceRow[];
	targets: TargetRow[];
}

export type FetchFile = (file: string) => Promise<Uint8Array>;

/** A province's region id ("northeast") from provinces `p`, as the aggregates and filters use it. */
const REGION_ID = `regexp_replace(lower(p.region_en), 'ern$', '')`;

/** Orders values worst first, whichever direction is worse (needs the catalogue as `c`, values as `v`). */
const WORST_FIRST = `CASE WHEN c.higher_is_worse THEN -v.value ELSE v.value END`;

function compatible(expected: TableSpec['columns'][number]['type'], actual: string): boolean {
	if (expected === 'VARCHAR') return actual === 'VARCHAR';
	if (expected === 'BOOLEAN') return actual === 'BOOLEAN';
	return isNumericType(actual);
}

/** Tables whose change makes indicator_aggregates stale. */
const AGGREGATE_INPUTS = new Set<TableName>([
	'provinces',
	'population',
	'indicator_catalogue',
	'indicator_values',
	'unallocated_values'
]);

/** Replace a whole table, or only the rows whose `merge` columns match the incoming rows. */
export type AdoptMode = 'replace' | { merge: readonly string[] };

export interface SchemaColumn {
	table_name: string;
	column_name: string;
	data_type: string;
	table_rows: number;
}

/** Rows a console query returns at most. */
export const CONSOLE_MAX_ROWS = 10_000;

export interface ConsoleResult {
	columns: { name: string; type: string }[];
	rows: Row[];
	/** True when the query had more rows than were returned. */
	truncated: boolean;
}

/** A console statement the guard refused, with the reason. */
export class QueryRefused extends Error {
	constructor(readonly refusal: GuardRefusal) {
		super(`Refused: ${refusal.reason}${'word' in refusal ? ` (${refusal.word})` : ''}`);
		this.name = 'QueryRefused';
	}
}

/**
 * Tables the explorer, the profiles and Your data open with; the others (partners, projects…) load when
 * a view asks for them. The coverage and network pages open with fewer (src/lib/coverage/coverage-filter.ts).
 */
export const CORE_TABLES: readonly TableName[] = [
	'provinces',
	'population',
	'issue_areas',
	'sources',
	'indicator_catalogue',
	'indicator_values',
	'unallocated_values',
	'targets'
];

/**
 * Tables a table is never loaded without: indicator values are aggregated with these (aggregate()), and
 * a user's values replace the bundled counts on no province of the same indicators (adoptTable).
 */
const LOADED_WITH: Partial<Record<TableName, readonly TableName[]>> = {
	indicator_values: ['provinces', 'population', 'indicator_catalogue', 'unallocated_values']
};

/** `tables` with the tables each is loaded with, in order. */
export function withTablesNeeded(tables: readonly TableName[]): TableName[] {
	return [...new Set(tables.flatMap((t) => [...(LOADED_WITH[t] ?? []), t]))];
}

export class AtlasDb implements AtlasQueries {
	private readonly loading = new Map<TableName, Promise<void>>();
	/** Network coverage questions (partners, projects, districts). */
	readonly coverage = new CoverageQueries((sql, params) => this.rows(sql, params));
	/** The upload feature's staging tables ("__user_…"), read and checked before adoptTable takes them; views never use it. */
	readonly uploads: UploadQueries;
	/** The coverage summary (coverage-summary.ts): the build's file, or computed from partners and projects loaded. */
	private coverageSummarised: Promise<SummaryIndex> | null = null;
	/** Every point is in coverage_points, computed from partners and projects; else the points come from the build's files. */
	private pointsComputed = false;
	private pointsIndexed: Promise<CoverageIndex> | null = null;
	/** The provinces and districts as loaded, which the build's points are matched to. */
	private placesRead: Promise<CoveragePlaces> | null = null;

	/** The build's coverage files (coverage-files.ts): the summary where partners and projects are not loaded. */
	private readonly coverageFiles: CoverageFiles;
	/** The index of the projects' record parts (project-records.ts); null where the data folder has none. */
	private recordParts: Promise<RecordPart[] | null> | null = null;
	private recordsRead = 0;

	private constructor(
		private readonly connector: Connector,
		private readonly fetchFile: FetchFile,
		coverageFiles?: CoverageFiles
	) {
		this.uploads = new UploadQueries(connector);
		this.coverageFiles =
			coverageFiles ??
			new CoverageFiles(fetchFile, async (file, text) => parquetColumns(await fetchFile(file), file, text));
	}

	/**
	 * Load the given contract tables from `fetchFile`; fails with the first file that breaks the contract.
	 * `coverageFiles` reads the build's coverage files, which go into memory rather than into DuckDB (the
	 * coverage summary): by default fetched with `fetchFile` and decoded here; the page shares its own, which
	 * may have read them before DuckDB started.
	 */
	static async open(
		connector: Connector,
		fetchFile: FetchFile,
		tables: readonly TableName[] = TABLE_NAMES,
		coverageFiles?: CoverageFiles
	): Promise<AtlasDb> {
		const db = new AtlasDb(connector, fetchFile, coverageFiles);
		await db.ensureTables(tables);
		return db;
	}

	/** Loads bundled tables not loaded yet (once each, however often asked). */
	async ensureTables(asked: readonly TableName[]): Promise<void> {
		const tables = withTablesNeeded(asked);
		const fresh = tables.filter((name) => !this.loading.has(name));
		for (const name of fresh) {
			const load = this.fetchFile(TABLES[name].file).then((bytes) => this.loadTable(name, bytes, TABLES[name].file));
			this.loading.set(name, load);
			load.catch(() => this.loading.delete(name));
		}
		await Promise.all(tables.map((name) => this.loading.get(name)));
		// The summary is the build's until both partners and projects are loaded; then it is computed from them.
		const places = fresh.some((t) => t === 'provinces' || t === 'districts');
		const raw = this.loading.has('partners') && this.loading.has('projects');
		if (places || (raw && fresh.some((t) => COVERAGE_INDEX_INPUTS.has(t)))) this.resetCoverage();
		if (fresh.includes('indicator_values')) await this.aggregate();
		if (fresh.some((t) => COVERAGE_INPUTS.has(t))) await this.prepareCoverage();
	}

	/** The coverage questions' prepared tables, once both of their inputs are loaded. */
	private async prepareCoverage(): Promise<void> {
		const inputs = [...COVERAGE_INPUTS] as TableName[];
		if (!inputs.every((t) => this.loading.has(t))) return;
		await Promise.all(inputs.map((t) => this.loading.get(t)));
		await this.coverage.prepare();
	}

	/** Forgets the coverage summary and points: asked again, they come from the tables as they are now. */
	private resetCoverage(): void {
		this.coverageSummarised = null;
		this.pointsComputed = false;
		this.pointsIndexed = null;
		this.placesRead = null;
	}

	/**
	 * The coverage summary in memory (coverage-summary.ts). Where partners and projects are loaded (a
	 * user's own, or the bundled ones a page needed), computed from them by the build's own SQL, with
	 * every point; otherwise the build's file, and the points come province by province (coveragePoints).
	 */
	async coverageSummary(): Promise<SummaryIndex> {
		await this.ensureTables(['provinces', 'districts']);
		this.coverageSummarised ??= (async () => {
			const rows: RunRows = (sql, params) => this.rows(sql, params);
			if (this.loading.has('partners') && this.loading.has('projects')) {
				await Promise.all([this.loading.get('partners'), this.loading.get('projects')]);
				await this.connector.query(COVERAGE_POINTS_SQL);
				await this.connector.query(COVERAGE_SUMMARY_SQL);
				this.pointsComputed = true;
				return SummaryIndex.build(rows, (sql, params) => this.connector.queryColumns(sql, params ?? []));
			}
			// The build's file goes straight into memory: DuckDB never holds it (issue 19).
			await this.connector.query(`DROP TABLE IF EXISTS coverage_points`);
			this.placesRead ??= this.coveragePlaces();
			const [places, encoded] = await Promise.all([this.placesRead, this.coverageFiles.encodedSummary()]);
			return SummaryIndex.fromEncoded(places, encoded);
		})();
		const summarised = this.coverageSummarised;
		summarised.catch(() => {
			if (this.coverageSummarised === summarised) this.coverageSummarised = null;
		});
		return summarised;
	}

	/** The provinces and districts the coverage counts are by, as loaded. */
	async coveragePlaces(): Promise<CoveragePlaces> {
		await this.ensureTables(['provinces', 'districts']);
		return CoveragePlaces.read((sql, params) => this.rows(sql, params));
	}

	/**
	 * The points the map names one by one, in memory (coverage-index.ts): every point where they were
	 * computed from partners and projects; else those of the provinces the window reaches from
	 * RAW_POINTS_LEVEL on, and of the province opened, from the build's files, decoded without DuckDB
	 * (CoverageFiles.points) and matched to the provinces and districts loaded here.
	 */
	async coveragePoints(window: PointWindow): Promise<CoverageIndex> {
		await this.coverageSummary();
		if (this.pointsComputed) {
			if (!this.pointsIndexed) {
				const indexed = CoverageIndex.build(
					(sql, params) => this.rows(sql, params),
					(sql, params) => this.connector.queryColumns(sql, params ?? [])
				);
				this.pointsIndexed = indexed;
				indexed.catch(() => {
					if (this.pointsIndexed === indexed) this.pointsIndexed = null;
				});
			}
			return this.pointsIndexed;
		}
		this.placesRead ??= this.coveragePlaces();
		return this.coverageFiles.points(window, await this.placesRead);
	}

	/** Every point in memory: all the provinces' files read where they are not computed here. */
	coverageIndex(): Promise<CoverageIndex> {
		return this.coveragePoints({ level: RAW_POINTS_LEVEL, bounds: [-180, -90, 180, 90], province: null });
	}

	/** The coverage pages' per-filter questions: counts from the summary, the map's points as the window needs. */
	async coverageAnswers(): Promise<CoverageAnswers> {
		const summary = await this.coverageSummary();
		return answersFromSummary(summary, (window) => this.coveragePoints(window));
	}

	/**
	 * One project's row (null: no such project) and its instalments. Where the projects or instalments
	 * table is not loaded (the coverage page never loads them), read from the one part of the build's
	 * record files whose codes can hold it (project-records.ts), checked against the contract like the
	 * table; a code no part holds, or a data folder without parts, loads the table.
	 */
	async projectRecord(code: string): Promise<{ project: ProjectRow | null; instalments: InstalmentRow[] }> {
		const part = await this.recordPart(code);
		const [[project], instalments] = await Promise.all([
			part && !this.loading.has('projects')
				? this.partRows<ProjectRow>('projects', part.projects, code, 'project_code')
				: this.ensureTables(['projects']).then(() => this.coverage.project(code)),
			part && !this.loading.has('instalments')
				? this.partRows<InstalmentRow>('instalments', part.instalments, code, 'instalment_no')
				: this.ensureTables(['instalments']).then(() => this.coverage.instalments(code))
		]);
		return { project: project ?? null, instalments };
	}

	private async recordPart(code: string): Promise<RecordPart | null> {
		this.recordParts ??= this.fetchFile(PROJECT_RECORDS_INDEX).then(
			(bytes) => (JSON.parse(new TextDecoder().decode(bytes)) as { parts: RecordPart[] }).parts,
			() => null
		);
		const parts = await this.recordParts;
		return parts && partFor(parts, code);
	}

	/** The rows of `code` in one part file of `table`, as the loaded table would give them. */
	private async partRows<T>(table: TableName, file: string, code: string, order: string): Promise<T[]> {
		const staging = `__record_${table}_${this.recordsRead++}`;
		await this.connector.loadParquet(staging, await this.fetchFile(file), file);
		try {
			const { select } = await this.conformingSelect(TABLES[table], staging, file);
			return await this.rows<T>(`SELECT * FROM (${select}) WHERE project_code = ? ORDER BY ${ident(order)}`, [code]);
		} finally {
			await this.connector.query(`DROP TABLE IF EXISTS ${ident(staging)}`);
		}
	}

	/**
	 * Pre-aggregates zone, region and national values once, so each view asks
	 * a small table instead of scanning values (Mosaic's pre-aggregation idea).
	 * Run again whenever indicator_values, the catalogue or provinces change.
	 * The national figure also counts unallocated_values (e.g. road deaths with
	 * "province unknown"): in a "sum" it is added to the sum, in a "ratio" to
	 * the numerator; no zone or region holds it.
	 */
	async aggregate(): Promise<void> {
		// Each aggregate also says what it covers: how many of the scope's provinces have a value, and
		// their share of its population that year. Below MIN_COVERAGE_SHARE its value is withheld
		// (NULL), so no view can draw it as the zone, region or nation (aggregate-coverage.ts).
		// A province that did not exist yet that year (established_year) is not counted in the totals.
		const unallocated = this.loading.has('unallocated_values')
			? `SELECT indicator_id, year, sum("count") AS extra FROM unallocated_values GROUP BY ALL`
			: `SELECT NULL::VARCHAR AS indicator_id, NULL::SMALLINT AS year, NULL::DOUBLE AS extra WHERE false`;
		await this.connector.query(`
			CREATE OR REPLACE TABLE indicator_aggregates AS
			WITH places AS (
				SELECT p.province_code, p.health_zone, ${REGION_ID} AS region,
				       p.population AS latest_population, p.established_year
				FROM provinces p
			),
			v AS (
				SELECT v.indicator_id, v.year, v.value, v.numerator, v.denominator, v.province_code,
				       pl.health_zone, pl.region,
				       coalesce(c.aggregation, 'mean') AS aggregation, c.multiplier,
				       coalesce(pop.total, pl.latest_population) AS population
				FROM indicator_values v
				JOIN places pl USING (province_code)
				JOIN indicator_catalogue c USING (indicator_id)
				LEFT JOIN population pop ON pop.province_code = v.province_code AND pop.year = v.year
				WHERE v.value IS NOT NULL
			),
			everyone AS (
				SELECT y.year, pl.health_zone, pl.region,
				       coalesce(pop.total, pl.latest_population) AS population
				FROM (SELECT DISTINCT year FROM v) y
				CROSS JOIN places pl
				LEFT JOIN population pop ON pop.province_code = pl.province_code AND pop.year = y.year
				WHERE pl.established_year IS NULL OR y.year >= pl.established_year
			),
			scoped AS (
				SELECT *, 'zone' AS scope, CAST(health_zone AS VARCHAR) AS scope_id FROM v
				UNION ALL SELECT *, 'region', region FROM v
				UNION ALL SELECT *, 'nation', 'TH' FROM v
			),
			scoped_all AS (
				SELECT year, 'zone' AS scope, CAST(health_zone AS VARCHAR) AS scope_id, population FROM everyone
				UNION ALL SELECT year, 'region', region, population FROM everyone
				UNION ALL SELECT year, 'nation', 'TH', population FROM everyone
			),
			totals AS (
				SELECT year, scope, scope_id,
				       CAST(count(*) AS INTEGER) AS provinces_total, sum(population) AS population_total
				FROM scoped_all GROUP BY ALL
			),
			unallocated AS (${unallocated}),
			combined AS (
				SELECT s.indicator_id, s.scope, s.scope_id, s.year,
					CAST(CASE any_value(s.aggregation)
						WHEN 'sum' THEN sum(s.value) + coalesce(any_value(u.extra), 0)
						WHEN 'ratio' THEN any_value(s.multiplier) * (sum(s.numerator) + coalesce(any_value(u.extra), 0)) / nullif(sum(s.denominator), 0)
						ELSE sum(s.value * s.population) / nullif(sum(s.population), 0)
					END AS DOUBLE) AS value,
					CAST(count(*) AS INTEGER) AS provinces,
					sum(s.population) AS population
				FROM scoped s
				LEFT JOIN unallocated u ON s.scope = 'nation' AND u.indicator_id = s.indicator_id AND u.year = s.year
				GROUP BY s.indicator_id, s.scope, s.scope_id, s.year
			)
			SELECT c.indicator_id, c.scope, c.scope_id, c.year,
				CASE WHEN ${coveredEnoughSql('c.population / nullif(t.population_total, 0)', 'c.provinces', 't.provinces_total')}
				     THEN c.value END AS value,
				c.provinces, t.provinces_total,
				CAST(c.population / nullif(t.population_total, 0) AS DOUBLE) AS population_share
			FROM combined c
			JOIN totals t USING (year, scope, scope_id)
			ORDER BY c.indicator_id, c.scope, c.scope_id, c.year`);
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
			const { select } = await this.conformingSelect(spec, staging, file);
			await this.connector.query(`CREATE OR REPLACE TABLE ${ident(name)} AS ${select}`);
		} finally {
			await this.connector.query(`DROP TABLE IF EXISTS ${ident(staging)}`);
		}
	}

	/**
	 * Adopts a user's table from a staging table (loaded and normalised by the upload feature):
	 * checked against the contract exactly like a bundled file, then it replaces the table or,
	 * with `merge`, only the rows whose `merge` columns match (e.g. the indicators in the file),
	 * keeping the rest. The staging table is dropped; a table that breaks the contract changes nothing.
	 * `checked`: the row checks the caller has just made on exactly these rows (the upload pipeline's, on
	 * the view the table was made from), not scanned for again; the columns and types are checked always.
	 */
	async adoptTable(
		name: TableName,
		staging: string,
		file: string,
		mode: AdoptMode = 'replace',
		checked: RowChecksDone = NO_ROW_CHECKS
	): Promise<void> {
		await this.loading.get(name)?.catch(() => undefined);
		const spec = TABLES[name];
		try {
			const { select, asIs } = await this.conformingSelect(spec, staging, file, checked);
			if (mode === 'replace' && asIs) {
				// Already the contract's shape (a user's checked table): it becomes the table, without a copy. One
				// transaction, so the views never see the name without a table.
				try {
					await this.connector.query(
						`BEGIN TRANSACTION; DROP TABLE IF EXISTS ${ident(name)}; ALTER TABLE ${ident(staging)} RENAME TO ${ident(name)}; COMMIT`
					);
				} catch (e) {
					await this.connector.query('ROLLBACK').catch(() => undefined);
					throw e;
				}
			} else if (mode === 'replace') {
				await this.connector.query(`CREATE OR REPLACE TABLE ${ident(name)} AS ${select}`);
			} else {
				if (!this.loading.has(name)) await this.ensureTables([name]);
				const incoming = `__adopt_${name}`;
				await this.connector.query(`CREATE OR REPLACE TABLE ${ident(incoming)} AS ${select}`);
				try {
					const same = mode.merge.map((c) => `o.${ident(c)} IS NOT DISTINCT FROM n.${ident(c)}`).join(' AND ');
					await this.connector.query(
						`CREATE OR REPLACE TABLE ${ident(name)} AS SELECT * FROM (
							SELECT o.* FROM ${ident(name)} o WHERE NOT EXISTS (SELECT 1 FROM ${ident(incoming)} n WHERE ${same})
							UNION ALL BY NAME SELECT * FROM ${ident(incoming)}
						) ORDER BY ${spec.key.map(ident).join(', ')}`
					);
				} finally {
					await this.connector.query(`DROP TABLE IF EXISTS ${ident(incoming)}`);
				}
			}
			// The bundled counts on no province belong to the bundled values the user's rows replace.
			if (name === 'indicator_values' && this.loading.has('unallocated_values'))
				await this.connector.query(
					mode === 'replace'
						? `DELETE FROM unallocated_values`
						: `DELETE FROM unallocated_values WHERE indicator_id IN (SELECT DISTINCT indicator_id FROM ${ident(staging)})`
				);
		} finally {
			await dropRelation(this.connector, staging);
		}
		this.loading.set(name, Promise.resolve());
		if (COVERAGE_INDEX_INPUTS.has(name)) this.resetCoverage();
		if (AGGREGATE_INPUTS.has(name) && this.loading.has('indicator_values')) await this.aggregate();
		if (COVERAGE_INPUTS.has(name)) await this.prepareCoverage();
	}

	/**
	 * Adopts rows given as values (e.g. the catalogue and sources rows for a user's indicators): a
	 * staging table with the contract's columns (absent values NULL), filled with bound parameters,
	 * then adoptTable as for any file.
	 */
	async adoptRows(
		name: TableName,
		rows: readonly Readonly<Record<string, SqlParam>>[],
		file: string,
		mode: AdoptMode = 'replace'
	): Promise<void> {
		const { columns } = TABLES[name];
		const staging = `__rows_${name}`;
		await this.connector.query(
			`CREATE OR REPLACE TABLE ${ident(staging)} (${columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`
		);
		try {
			const placeholders = `(${columns.map(() => '?').join(', ')})`;
			for (const row of rows)
				await this.connector.query(
					`INSERT INTO ${ident(staging)} VALUES ${placeholders}`,
					columns.map((c) => row[c.name] ?? null)
				);
		} catch (e) {
			await this.connector.query(`DROP TABLE IF EXISTS ${ident(staging)}`);
			throw e;
		}
		await this.adoptTable(name, staging, file, mode);
	}

	/** Loads the bundled files of these tables again (after a user's table is removed), then re-aggregates. */
	async restoreBundled(restored: readonly TableName[]): Promise<void> {
		// The values' counts on no province come back with them.
		const tables: TableName[] = restored.includes('indicator_values')
			? [...new Set<TableName>([...restored, 'unallocated_values'])]
			: [...restored];
		for (const name of tables) {
			await this.loading.get(name)?.catch(() => undefined);
			this.loading.delete(name);
		}
		await this.ensureTables(tables);
		if (
			tables.some((t) => AGGREGATE_INPUTS.has(t)) &&
			!tables.includes('indicator_values') &&
			this.loading.has('indicator_values')
		)
			await this.aggregate();
	}

	/** Tables and columns the console can query (staging tables left out), with each table's row count. */
	async schema(): Promise<SchemaColumn[]> {
		return this.rows<SchemaColumn>(
			`SELECT c.table_name AS table_name, c.column_name AS column_name, c.data_type AS data_type,
			        CAST(t.estimated_size AS BIGINT) AS table_rows
			 FROM information_schema.columns c
			 JOIN duckdb_tables() t ON t.table_name = c.table_name AND t.schema_name = c.table_schema
			 WHERE c.table_schema = 'main' AND NOT starts_with(c.table_name, '__')
			 ORDER BY c.table_name, c.ordinal_position`
		);
	}

	/**
	 * Runs a researcher's query: one read-only statement (refused otherwise, see sql-guard.ts),
	 * on a connection of its own in a transaction that is always rolled back, at most `maxRows` rows.
	 */
	async readOnlyQuery(sql: string, maxRows = CONSOLE_MAX_ROWS): Promise<ConsoleResult> {
		const guarded = guardSql(sql);
		if (!guarded.ok) throw new QueryRefused(guarded);
		if (!this.connector.queryIsolated) throw new Error('This engine cannot run console queries.');
		const result = await this.connector.queryIsolated(limitedSql(guarded, maxRows));
		const truncated = result.rows.length > maxRows;
		return { columns: result.columns, rows: truncated ? result.rows.slice(0, maxRows) : result.rows, truncated };
	}

	/**
	 * A SELECT that casts contract columns to their types, adds absent optional ones as NULL and keeps extras,
	 * ordered by the key; `asIs` when `staging` is a table that already is that shape (the contract's columns
	 * first, in order, of their types, then any extras), so it can be taken as it is instead of copied.
	 */
	private async conformingSelect(
		spec: TableSpec,
		staging: string,
		file: string,
		checked: RowChecksDone = NO_ROW_CHECKS
	): Promise<{ select: string; asIs: boolean }> {
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
			const rows = (sql: string, params?: SqlParam[]) => this.connector.query(sql, params);
			const required = spec.columns.filter((c) => c.required).map((c) => c.name);
			if (!checked.requiredFilled)
				for (const { column, count } of await emptyRequired(rows, staging, required))
					problems.push(`required column "${column}" is empty in ${count} rows`);
			const dupes = checked.keyUnique ? { count: 0, examples: [] } : await duplicateKeys(rows, staging, spec.key);
			if (dupes.count > 0) {
				const shown = dupes.examples
					.slice(0, 3)
					.map((d) => spec.key.map((k) => d.key[k]).join('/'))
					.join(', ');
				problems.push(`duplicate key (${spec.key.join(', ')}): ${shown}`);
			}
		}
		if (problems.length > 0) throw new ContractError(file, problems);
		const known = new Set(spec.columns.map((c) => c.name));
		for (const name of actual.keys()) if (!known.has(name)) parts.push(ident(name));
		const select = `SELECT ${parts.join(', ')} FROM ${ident(staging)} ORDER BY ${spec.key.map(ident).join(', ')}`;
		const shaped = spec.columns.every(
			(c, i) => String(described[i]?.column_name) === c.name && String(described[i]?.data_type) === c.type
		);
		if (!shaped) return { select, asIs: false };
		const [kind] = await this.connector.query(`SELECT table_type FROM information_schema.tables WHERE table_name = ?`, [
			staging
		]);
		return { select, asIs: kind?.table_type === 'BASE TABLE' };
	}

	// The catalogue's questions load their table if the page opened without it (a coverage page, see CORE_TABLES).

	async provinces(): Promise<ProvinceRow[]> {
		await this.ensureTables(['provinces']);
		return this.rows<ProvinceRow>(`SELECT * FROM provinces ORDER BY province_code`);
	}

	async indicators(): Promise<IndicatorRow[]> {
		await this.ensureTables(['indicator_catalogue']);
		return this.rows<IndicatorRow>(`SELECT * FROM indicator_catalogue ORDER BY issue_area_id, indicator_id`);
	}

	async issueAreas(): Promise<IssueAreaRow[]> {
		await this.ensureTables(['issue_areas']);
		return this.rows<IssueAreaRow>(`SELECT * FROM issue_areas ORDER BY sort_order`);
	}

	async sources(): Promise<SourceRow[]> {
		await this.ensureTables(['sources']);
		return this.rows<SourceRow>(`SELECT * FROM sources ORDER BY source_id`);
	}

	async targets(): Promise<TargetRow[]> {
		await this.ensureTables(['targets']);
		return this.rows<TargetRow>(`SELECT * FROM targets ORDER BY indicator_id NULLS LAST, year, target_id`);
	}

	/** The reference tables every view starts from, asked together. */
	async referenceTables(): Promise<ReferenceTables> {
		const [provinces, indicators, issueAreas, sources, targets] = await Promise.all([
			this.provinces(),
			this.indicators(),
			this.issueAreas(),
			this.sources(),
			this.targets()
		]);
		return { provinces, indicators, issueAreas, sources, targets };
	}

	/**
	 * The monthly counts behind a yearly count (indicator_months) for a province, or summed over a
	 * zone, region or the nation (provinces with a value that month); [] for an indicator without any.
	 */
	async monthly(indicatorId: string, target: Target): Promise<MonthValue[]> {
		await this.ensureTables(['indicator_months']);
		if (target.scope === 'province')
			return this.rows<MonthValue>(
				`SELECT year, month, value FROM indicator_months WHERE indicator_id = ? AND province_code = ? ORDER BY year, month`,
				[indicatorId, target.id]
			);
		const where =
			target.scope === 'zone'
				? `AND CAST(p.health_zone AS VARCHAR) = ?`
				: target.scope === 'region'
					? `AND ${REGION_ID} = ?`
					: `AND ? = 'TH'`;
		return this.rows<MonthValue>(
			`SELECT m.year, m.month, CAST(sum(m.value) AS DOUBLE) AS value
			 FROM indicator_months m JOIN provinces p USING (province_code)
			 WHERE m.indicator_id = ? AND m.value IS NOT NULL ${where}
			 GROUP BY m.year, m.month ORDER BY m.year, m.month`,
			[indicatorId, target.id]
		);
	}

	/** The districts with their province and names (for reading district names in a user's files). */
	async districts(): Promise<DistrictRow[]> {
		await this.ensureTables(['districts']);
		return this.rows<DistrictRow>(`SELECT * FROM districts ORDER BY district_code`);
	}

	/** The indicators with monthly counts behind them (indicator_months), for their seasonality. */
	async monthlyIndicators(): Promise<string[]> {
		await this.ensureTables(['indicator_months']);
		const rows = await this.rows<{ indicator_id: string }>(
			`SELECT DISTINCT indicator_id FROM indicator_months WHERE value IS NOT NULL ORDER BY indicator_id`
		);
		return rows.map((r) => r.indicator_id);
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
			`SELECT scope, scope_id, year, value, provinces, provinces_total, population_share FROM indicator_aggregates
			 WHERE indicator_id = ? AND year = ? ORDER BY scope, scope_id`,
			[indicatorId, year]
		);
	}

	trend(indicatorId: string, target: Target): Promise<TrendValue[]> {
		return target.scope === 'province'
			? this.rows<TrendValue>(
					`SELECT year, value FROM indicator_values WHERE indicator_id = ? AND province_code = ? ORDER BY year`,
					[indicatorId, target.id]
				)
			: this.rows<TrendValue>(
					`SELECT year, value, provinces, provinces_total, population_share FROM indicator_aggregates
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

	/**
	 * Every value and every pre-aggregated value of some indicators, all years and places: enough
	 * to answer any year, zone or province of them without asking again (src/lib/explorer/cube.ts).
	 */
	async indicatorCubeRows(
		indicatorIds: readonly string[]
	): Promise<{ values: IndicatorValueRow[]; aggregates: IndicatorAggregateRow[] }> {
		const ids = indicatorIds.join(ID_SEPARATOR);
		const wanted = `list_contains(string_split(?, '${ID_SEPARATOR}'), indicator_id)`;
		const values = await this.rows<IndicatorValueRow>(
			`SELECT indicator_id, province_code, year, value, numerator, denominator FROM indicator_values
			 WHERE ${wanted} ORDER BY indicator_id, year, province_code`,
			[ids]
		);
		const aggregates = await this.rows<IndicatorAggregateRow>(
			`SELECT indicator_id, scope, scope_id, year, value, provinces, provinces_total, population_share FROM indicator_aggregates
			 WHERE ${wanted} ORDER BY indicator_id, year, scope, scope_id`,
			[ids]
		);
		return { values, aggregates };
	}

	/** Every year of every headline indicator for every province, zone, region and the nation. */
	headlineRows(): Promise<HeadlineRow[]> {
		const headlines = `SELECT indicator_id FROM indicator_catalogue WHERE headline`;
		return this.rows<HeadlineRow>(
			`SELECT 'province' AS scope, province_code AS scope_id, indicator_id, year, value FROM indicator_values
			 WHERE indicator_id IN (${headlines})
			 UNION ALL
			 SELECT scope, scope_id, indicator_id, year, value FROM indicator_aggregates
			 WHERE indicator_id IN (${headlines})
			 ORDER BY scope, scope_id, indicator_id, year`
		);
	}

	/** Every indicator for a province in its latest year with data, ranked within its zone and the country. */
	provinceProfile(provinceCode: string): Promise<ProfileRow[]> {
		return this.rows<ProfileRow>(
			`WITH ranked AS (
				SELECT v.indicator_id, v.year, v.province_code, v.value, p.health_zone,
					CAST(rank() OVER (PARTITION BY v.indicator_id, v.year ORDER BY ${WORST_FIRST}) AS INTEGER) AS rank_nation,
					CAST(rank() OVER (PARTITION BY v.indicator_id, v.year, p.health_zone ORDER BY ${WORST_FIRST}) AS INTEGER) AS rank_zone,
					CAST(rank() OVER (PARTITION BY v.indicator_id, v.year ORDER BY ${WORST_FIRST} DESC) AS INTEGER) AS rank_nation_best,
					CAST(rank() OVER (PARTITION BY v.indicator_id, v.year, p.health_zone ORDER BY ${WORST_FIRST} DESC) AS INTEGER) AS rank_zone_best,
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
				r.rank_zone, r.rank_nation, r.rank_zone_best, r.rank_nation_best, r.provinces_zone, r.provinces_nation,
				z.provinces AS zone_provinces, z.provinces_total AS zone_provinces_total,
				z.population_share AS zone_population_share,
				n.provinces AS nation_provinces, n.provinces_total AS nation_provinces_total,
				n.population_share AS nation_population_share
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

	private async rows<T>(sql: string, params: SqlParam[] = []): Promise<T[]> {
		return (await this.connector.query(sql, params)) as T[];
	}
}

export type { Row };
