/**
 * The explorer's cubes as the data build writes them (data/build/cube-files.ts): what AtlasDb computes
 * for the explorer (indicatorCubeRows, headlineRows, monthly) computed once at build time, in DuckDB,
 * and read back here from small Parquet files by the app's own decoder, without DuckDB. A first visit
 * then answers every year, zone, province and indicator of the bundled data without fetching the
 * engine (issue 21); DuckDB answers where the user's own files may have changed the tables.
 *
 * One file per indicator (its values and aggregates, every year and place), one with the headline
 * indicators' rows for every place, one per indicator with monthly counts, and an index naming them.
 * Reading a file gives exactly the rows AtlasDb returns, in the same order (cube-files.test.ts).
 */
import type { AtlasDb, HeadlineRow, IndicatorAggregateRow, IndicatorValueRow, MonthValue, Scope, Target } from './atlas-db';
// Types only: the page loads this module before any decoder (the decoder and Arrow load with the first file).
import type { CodedColumn, CodedColumns, CodedText, ReadColumns } from './coded-columns';
import type { ColumnSpec } from './contract';
import type { FetchFile } from './atlas-db';

/** The index of the cube files (under the data folder), and the folder they are in. */
export const CUBES_INDEX = 'cubes.json';
export const CUBES_DIR = 'cubes';

export interface CubesIndex {
	/** Each indicator's file of values and aggregates, by indicator id. */
	values: Record<string, string>;
	/** The headline indicators' rows for every place. */
	headlines: string;
	/** Each indicator with monthly counts: its file of months for every place. */
	months: Record<string, string>;
}

/** A file's columns and the columns it is sorted by (the order AtlasDb returns its rows in). */
export interface CubeFileSpec {
	name: string;
	key: readonly string[];
	columns: readonly ColumnSpec[];
}

const col = (name: string, type: ColumnSpec['type'], description: string): ColumnSpec => ({
	name,
	type,
	required: false,
	description
});

/** The place and year every cube file's rows are of. */
const SCOPE_ID = col('scope_id', 'VARCHAR', 'Province code, zone number, region id or "TH".');
const PLACE = col('scope', 'VARCHAR', 'province, zone, region or nation.');
const YEAR = col('year', 'SMALLINT', 'Year (CE).');
const VALUE = col('value', 'DOUBLE', 'The value; NULL when missing or withheld.');

/** The scope of a province's own value in a cube file (the other scopes are the aggregates'). */
const PROVINCE: Scope = 'province';

/**
 * One indicator's values (scope "province", scope_id its code) and aggregates (zone, region, nation).
 * Sorted by year, scope, scope_id: the values then come in AtlasDb's order (year, province code) and
 * so do the aggregates (year, scope, scope id).
 */
export const CUBE_VALUES: CubeFileSpec = {
	name: 'cube_values',
	key: ['year', 'scope', 'scope_id'],
	columns: [
		col('scope', 'VARCHAR', '"province" for a province\'s own value, else the aggregate\'s scope.'),
		SCOPE_ID,
		YEAR,
		VALUE,
		col('numerator', 'DOUBLE', "A province's count (values only)."),
		col('denominator', 'DOUBLE', "A province's population (values only)."),
		col('provinces', 'INTEGER', 'Provinces with a value (aggregates only).'),
		col('provinces_total', 'INTEGER', 'Provinces of the scope (aggregates only).'),
		col('population_share', 'DOUBLE', 'Share of the population covered (aggregates only).')
	]
};

/** A file of every place's rows: the place's columns first, sorted by place, then by `key`. */
const byPlace = (name: string, key: readonly string[], columns: readonly ColumnSpec[]): CubeFileSpec => ({
	name,
	key: [PLACE.name, SCOPE_ID.name, ...key],
	columns: [PLACE, SCOPE_ID, ...columns]
});

/** Every headline indicator's yearly values for every place, in AtlasDb.headlineRows's order. */
export const CUBE_HEADLINES = byPlace(
	'cube_headlines',
	['indicator_id', 'year'],
	[col('indicator_id', 'VARCHAR', 'Headline indicator.'), YEAR, VALUE]
);

/** One indicator's monthly counts for every place (AtlasDb.monthly of each), by place, year and month. */
export const CUBE_MONTHS = byPlace(
	'cube_months',
	['year', 'month'],
	[YEAR, col('month', 'SMALLINT', 'Month, 1–12.'), col('value', 'DOUBLE', 'Count; NULL when missing.')]
);

const TEXT = new Set(['scope', 'scope_id', 'indicator_id']);

const isText = (c: CodedColumn): c is CodedText => !(c instanceof Float64Array);

/** A file name for an id (any printable text), unique among `taken`. */
export function cubeFileName(kind: string, id: string, taken: Set<string>): string {
	const stem = id.replace(/[^\w-]/g, '_');
	let name = `${CUBES_DIR}/${kind}/${stem}.parquet`;
	for (let n = 2; taken.has(name); n++) name = `${CUBES_DIR}/${kind}/${stem}-${n}.parquet`;
	taken.add(name);
	return name;
}

/** Reads a column's value at a row: text, number or null. */
function reader(columns: CodedColumns, file: string) {
	const column = (name: string): CodedColumn => {
		const c = columns[name];
		if (!c) throw new Error(`${file}: column "${name}" is missing`);
		return c;
	};
	return {
		length: Object.values(columns)[0] ? lengthOf(Object.values(columns)[0]) : 0,
		text(name: string): (row: number) => string {
			const c = column(name);
			if (!isText(c)) throw new Error(`${file}: column "${name}" is not text`);
			return (row) => c.dictionary[c.codes[row]];
		},
		number(name: string): (row: number) => number | null {
			const c = column(name);
			if (isText(c)) throw new Error(`${file}: column "${name}" is not numbers`);
			return (row) => (Number.isNaN(c[row]) ? null : c[row]);
		}
	};
}

const lengthOf = (c: CodedColumn) => (isText(c) ? c.codes.length : c.length);

/** Values and aggregates of one indicator from its file's columns, as AtlasDb.indicatorCubeRows gives them. */
export function cubeRowsOfColumns(
	indicator_id: string,
	columns: CodedColumns,
	file: string
): { values: IndicatorValueRow[]; aggregates: IndicatorAggregateRow[] } {
	const r = reader(columns, file);
	const [scope, scopeId] = [r.text('scope'), r.text('scope_id')];
	const [year, value, numerator, denominator] = ['year', 'value', 'numerator', 'denominator'].map(r.number);
	const [provinces, total, share] = ['provinces', 'provinces_total', 'population_share'].map(r.number);
	const values: IndicatorValueRow[] = [];
	const aggregates: IndicatorAggregateRow[] = [];
	for (let i = 0; i < r.length; i++) {
		const s = scope(i) as Scope;
		if (s === PROVINCE)
			values.push({
				indicator_id,
				province_code: scopeId(i),
				year: year(i)!,
				value: value(i),
				numerator: numerator(i),
				denominator: denominator(i)
			});
		else
			aggregates.push({
				indicator_id,
				scope: s as Exclude<Scope, 'province'>,
				scope_id: scopeId(i),
				year: year(i)!,
				value: value(i),
				provinces: provinces(i)!,
				provinces_total: total(i)!,
				population_share: share(i)
			});
	}
	return { values, aggregates };
}

/** The rows of a cube file for AtlasDb's rows of one indicator (the build writes these). */
export function cubeFileRows(rows: { values: readonly IndicatorValueRow[]; aggregates: readonly IndicatorAggregateRow[] }) {
	return [
		...rows.values.map((v) => ({
			scope: PROVINCE,
			scope_id: v.province_code,
			year: v.year,
			value: v.value,
			numerator: v.numerator,
			denominator: v.denominator,
			provinces: null,
			provinces_total: null,
			population_share: null
		})),
		...rows.aggregates.map((a) => ({
			scope: a.scope,
			scope_id: a.scope_id,
			year: a.year,
			value: a.value,
			numerator: null,
			denominator: null,
			provinces: a.provinces,
			provinces_total: a.provinces_total,
			population_share: a.population_share
		}))
	];
}

/**
 * The explorer's questions answered from the build's cube files: each file fetched and decoded once,
 * kept for the page's life. `readColumns` decodes a file (in the decoder's worker, on the page).
 */
export class CubeFiles {
	#index: Promise<CubesIndex> | null = null;
	readonly #read = new Map<string, Promise<CodedColumns>>();

	constructor(
		private readonly fetchFile: FetchFile,
		private readonly readColumns: ReadColumns
	) {}

	index(): Promise<CubesIndex> {
		this.#index ??= this.fetchFile(CUBES_INDEX).then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as CubesIndex);
		const index = this.#index;
		index.catch(() => {
			if (this.#index === index) this.#index = null;
		});
		return index;
	}

	#columns(file: string): Promise<CodedColumns> {
		let read = this.#read.get(file);
		if (!read) {
			read = this.readColumns(file, TEXT);
			this.#read.set(file, read);
			read.catch(() => this.#read.delete(file));
		}
		return read;
	}

	/** As AtlasDb.indicatorCubeRows: an indicator without a file (none in the catalogue) has no rows. */
	async indicatorCubeRows(
		indicatorIds: readonly string[]
	): Promise<{ values: IndicatorValueRow[]; aggregates: IndicatorAggregateRow[] }> {
		const index = await this.index();
		const ids = [...new Set(indicatorIds)].filter((id) => id in index.values).sort();
		const parts = await Promise.all(
			ids.map(async (id) => cubeRowsOfColumns(id, await this.#columns(index.values[id]), index.values[id]))
		);
		return { values: parts.flatMap((p) => p.values), aggregates: parts.flatMap((p) => p.aggregates) };
	}

	async headlineRows(): Promise<HeadlineRow[]> {
		const file = (await this.index()).headlines;
		const r = reader(await this.#columns(file), file);
		const [scope, scopeId, indicator] = ['scope', 'scope_id', 'indicator_id'].map(r.text);
		const [year, value] = ['year', 'value'].map(r.number);
		return Array.from({ length: r.length }, (_, i) => ({
			scope: scope(i) as Scope,
			scope_id: scopeId(i),
			indicator_id: indicator(i),
			year: year(i)!,
			value: value(i)
		}));
	}

	async monthlyIndicators(): Promise<string[]> {
		return Object.keys((await this.index()).months).sort();
	}

	/** As AtlasDb.monthly: [] for an indicator without months. */
	async monthly(indicatorId: string, target: Target): Promise<MonthValue[]> {
		const file = (await this.index()).months[indicatorId];
		if (!file) return [];
		const r = reader(await this.#columns(file), file);
		const [scope, scopeId] = ['scope', 'scope_id'].map(r.text);
		const [year, month, value] = ['year', 'month', 'value'].map(r.number);
		const rows: MonthValue[] = [];
		for (let i = 0; i < r.length; i++)
			if (scope(i) === target.scope && scopeId(i) === target.id)
				rows.push({ year: year(i)!, month: month(i)!, value: value(i) });
		return rows;
	}
}

/** Every place the explorer asks about: each province, zone and region (those aggregated), and the nation. */
export async function cubePlaces(db: Pick<AtlasDb, 'provinces' | 'indicators' | 'indicatorCubeRows'>): Promise<Target[]> {
	const provinces = await db.provinces();
	const ids = (await db.indicators()).map((i) => i.indicator_id);
	const regions = new Set<string>();
	for (const a of (await db.indicatorCubeRows(ids)).aggregates) if (a.scope === 'region') regions.add(a.scope_id);
	const zones = [...new Set(provinces.map((p) => p.health_zone))].sort((a, b) => a - b);
	return [
		...provinces.map((p) => ({ scope: 'province' as const, id: p.province_code })),
		...zones.map((z) => ({ scope: 'zone' as const, id: String(z) })),
		...[...regions].sort().map((id) => ({ scope: 'region' as const, id })),
		{ scope: 'nation', id: 'TH' }
	];
}
