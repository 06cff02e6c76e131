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
	years(indicatorId: string): Promise<number[]>;
	indicatorValues(indicatorId: string, year: number): Promise<ProvinceValue[]>;
}

export type FetchFile = (file: string) => Promise<Uint8Array>;

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
		return db;
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

	async close(): Promise<void> {
		await this.connector.close();
	}

	private async rows<T>(sql: string, params: (string | number)[] = []): Promise<T[]> {
		return (await this.connector.query(sql, params)) as T[];
	}
}

export type { Row };
