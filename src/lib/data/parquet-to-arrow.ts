/**
 * Decodes Parquet bytes into an Arrow table in JavaScript.
 *
 * DuckDB-WASM's own Parquet reader is an extension it would download at run time, which an offline
 * deployment cannot do; hyparquet decodes column by column (every codec: parquet-codecs.ts) and we
 * build Arrow vectors from its typed arrays (never row objects) in the types DuckDB's own reader
 * gives the same file: exact decimals, timestamps from every encoding (INT96 included, to the
 * microsecond, beyond the year 2262), float16 as float, lists, structs and maps as DuckDB's nested
 * types. The conformance test (parquet-conformance.test.ts) checks this against DuckDB's native
 * reader on the Apache parquet-testing corpus.
 */
import * as arrow from 'apache-arrow';
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import type { DecodedArray, FileMetaData, ParquetParsers, SchemaElement, SchemaTree } from 'hyparquet';
import { PARQUET_CODECS } from './parquet-codecs';

/**
 * Why a file could not be decoded, in the user's terms: its footer (the table's description) cannot
 * be read, so it is not Parquet or is cut short; its data contradicts its description (damaged, or
 * written by a faulty writer); one of its columns unpacks to more than the browser can hold; or it
 * has no column of a type this reader knows.
 */
export type DecodeFailure = 'not_parquet' | 'damaged' | 'too_large' | 'no_columns';

export class ParquetDecodeError extends Error {
	constructor(
		readonly file: string,
		/** What is wrong, without the file name (the decoder's own words: for "details"). */
		readonly detail: string,
		readonly reason: DecodeFailure = 'damaged'
	) {
		super(`${file}: ${detail}`);
		this.name = 'ParquetDecodeError';
	}
}

/**
 * The most one column chunk may unpack to. Arrow's strings and lists count bytes in 32 bits, and
 * DuckDB-WASM's memory is 4 GB in all; a 4 kB file that unpacks to 2 GB (the corpus has one) is
 * refused before anything is unpacked.
 */
export const MAX_COLUMN_CHUNK_BYTES = 1024 ** 3;

/** A column the decoder leaves out (a type DuckDB-WASM cannot hold), and its Parquet type. */
export interface OmittedColumn {
	column: string;
	type: string;
}

/** Where the decoder leaves the list of omitted columns: the Arrow schema's metadata (it survives IPC). */
export const OMITTED_METADATA_KEY = 'phakhi:omitted';

// ---------------------------------------------------------------------------------------------
// Parquet schema → Arrow types

/** How a leaf's values, as hyparquet hands them over with PARSERS below, become Arrow storage. */
type LeafKind =
	| 'bool'
	| 'number' // Int8–32, UInt8–32, Float16 (decoded to a number), Float32/64, DateDay, TimeMillisecond
	| 'bigint' // Int64, UInt64, timestamps, TimeMicro/Nanosecond
	| 'int96' // 12 bytes (nanoseconds of the day, Julian day), stored as microseconds since the epoch
	| 'float16' // 2 bytes, stored as the float32 of the same value (NaN signs and payloads kept)
	| 'decimal' // unscaled integers: number, bigint or big-endian two's complement bytes
	| 'decimal-double' // a decimal wider than 38 digits: DuckDB reads these as DOUBLE too
	| 'utf8'
	| 'binary'
	| 'text-or-binary'; // a BYTE_ARRAY without annotation: text when it is all valid UTF-8

type Shape =
	| { kind: 'leaf'; leaf: LeafKind; type: arrow.DataType; scale?: number }
	/** `repeated`: a repeated field without a list annotation, never null (no values is an empty list). */
	| { kind: 'list'; type: arrow.List; element: Shape; repeated?: boolean }
	| { kind: 'struct'; type: arrow.Struct; fields: { name: string; shape: Shape }[]; interval?: boolean }
	/** A map, read by hyparquet as a struct holding `entries`: a list of {key, value} (see readMetadata). */
	| { kind: 'map'; type: arrow.Map_; entries: string; key: Shape; value: Shape };

class Unsupported extends Error {}

const isRepeated = (node: SchemaTree) => node.element.repetition_type === 'REPEATED';

/** hyparquet's test for a list (parquetSchema's `isListLike`), which decides the shape of its values. */
function isListLike(node: SchemaTree): boolean {
	if (node.element.converted_type !== 'LIST' || node.children.length > 1) return false;
	const first = node.children[0];
	return first !== undefined && first.children.length <= 1 && isRepeated(first);
}

/** A map the way DuckDB reads one: a repeated group of a key and a value under a MAP annotation. */
function mapEntries(node: SchemaTree): SchemaTree | null {
	const e = node.element;
	const annotated =
		e.converted_type === 'MAP' || e.converted_type === 'MAP_KEY_VALUE' || e.logical_type?.type === 'MAP';
	const entries = node.children[0];
	if (!annotated || node.children.length !== 1 || !isRepeated(entries) || entries.children.length !== 2) return null;
	return entries;
}

function timestampType(unit: 'MILLIS' | 'MICROS' | 'NANOS', utc: boolean): arrow.DataType {
	const tz = utc ? 'UTC' : null;
	if (unit === 'MILLIS') return new arrow.TimestampMillisecond(tz);
	if (unit === 'MICROS') return new arrow.TimestampMicrosecond(tz);
	return new arrow.TimestampNanosecond(tz);
}

function integerType(bitWidth: number, signed: boolean): arrow.DataType {
	switch (bitWidth) {
		case 8:
			return signed ? new arrow.Int8() : new arrow.Uint8();
		case 16:
			return signed ? new arrow.Int16() : new arrow.Uint16();
		case 32:
			return signed ? new arrow.Int32() : new arrow.Uint32();
		default:
			return signed ? new arrow.Int64() : new arrow.Uint64();
	}
}

const leaf = (leafKind: LeafKind, type: arrow.DataType, scale?: number): Shape => ({
	kind: 'leaf',
	leaf: leafKind,
	type,
	scale
});

function decimalShape(el: SchemaElement): Shape {
	const logical = el.logical_type?.type === 'DECIMAL' ? el.logical_type : undefined;
	const precision = logical?.precision ?? el.precision ?? 38;
	const scale = logical?.scale ?? el.scale ?? 0;
	if (precision > 38) return leaf('decimal-double', new arrow.Float64(), scale);
	return leaf('decimal', new arrow.Decimal(scale, precision, 128), scale);
}

function leafShape(el: SchemaElement, nested: boolean): Shape {
	const logical = el.logical_type;
	const converted = el.converted_type;
	if (converted === 'DECIMAL' || logical?.type === 'DECIMAL') return decimalShape(el);
	switch (el.type) {
		case 'BOOLEAN':
			return leaf('bool', new arrow.Bool());
		case 'INT32':
			if (logical?.type === 'DATE' || converted === 'DATE') return leaf('number', new arrow.DateDay());
			if (logical?.type === 'TIME' || converted === 'TIME_MILLIS') return leaf('number', new arrow.TimeMillisecond());
			if (logical?.type === 'INTEGER') return leaf('number', integerType(logical.bitWidth, logical.isSigned));
			if (converted === 'INT_8') return leaf('number', new arrow.Int8());
			if (converted === 'INT_16') return leaf('number', new arrow.Int16());
			if (converted === 'UINT_8') return leaf('number', new arrow.Uint8());
			if (converted === 'UINT_16') return leaf('number', new arrow.Uint16());
			if (converted === 'UINT_32') return leaf('number', new arrow.Uint32());
			return leaf('number', new arrow.Int32());
		case 'INT64':
			if (logical?.type === 'TIMESTAMP') return leaf('bigint', timestampType(logical.unit, logical.isAdjustedToUTC));
			if (converted === 'TIMESTAMP_MILLIS') return leaf('bigint', timestampType('MILLIS', false));
			if (converted === 'TIMESTAMP_MICROS') return leaf('bigint', timestampType('MICROS', false));
			if (logical?.type === 'TIME')
				return leaf('bigint', logical.unit === 'NANOS' ? new arrow.TimeNanosecond() : new arrow.TimeMicrosecond());
			if (converted === 'TIME_MICROS') return leaf('bigint', new arrow.TimeMicrosecond());
			if (logical?.type === 'INTEGER') return leaf('bigint', integerType(64, logical.isSigned));
			if (converted === 'UINT_64') return leaf('bigint', new arrow.Uint64());
			return leaf('bigint', new arrow.Int64());
		case 'INT96':
			return leaf('int96', new arrow.TimestampMicrosecond());
		case 'FLOAT':
			return leaf('number', new arrow.Float32());
		case 'DOUBLE':
			return leaf('number', new arrow.Float64());
		case 'FIXED_LEN_BYTE_ARRAY':
			if (logical?.type === 'FLOAT16') return leaf('float16', new arrow.Float32());
			if (logical?.type === 'UUID') return leaf('utf8', new arrow.Utf8());
			if (converted === 'INTERVAL' || logical?.type === 'INTERVAL') return INTERVAL;
			return leaf('binary', new arrow.Binary());
		case 'BYTE_ARRAY':
			if (
				converted === 'UTF8' ||
				converted === 'ENUM' ||
				converted === 'JSON' ||
				logical?.type === 'STRING' ||
				logical?.type === 'ENUM' ||
				logical?.type === 'JSON'
			)
				return leaf('utf8', new arrow.Utf8());
			if (
				converted === 'BSON' ||
				logical?.type === 'BSON' ||
				logical?.type === 'GEOMETRY' ||
				logical?.type === 'GEOGRAPHY'
			)
				return leaf('binary', new arrow.Binary());
			return nested ? leaf('binary', new arrow.Binary()) : leaf('text-or-binary', new arrow.Utf8());
		default:
			throw new Unsupported(String(el.type));
	}
}

/**
 * INTERVAL (12 bytes: months, days, milliseconds) has no Arrow type DuckDB-WASM and Arrow JS share,
 * so it loads as a struct of its three parts (`interval` marks the conversion from the bytes).
 */
const INTERVAL: Shape = {
	kind: 'struct',
	interval: true,
	type: new arrow.Struct(
		['months', 'days', 'milliseconds'].map((name) => new arrow.Field(name, new arrow.Uint32(), false))
	),
	fields: ['months', 'days', 'milliseconds'].map((name) => ({ name, shape: leaf('number', new arrow.Uint32()) }))
};

function intervalParts(v: unknown): { months: number; days: number; milliseconds: number } | null {
	if (!(v instanceof Uint8Array) || v.length !== 12) return null;
	const view = new DataView(v.buffer, v.byteOffset, 12);
	return { months: view.getUint32(0, true), days: view.getUint32(4, true), milliseconds: view.getUint32(8, true) };
}

/** The shape of a node's values as hyparquet assembles them, its own repetition aside. */
function innerShape(node: SchemaTree, nested: boolean): Shape {
	const el = node.element;
	if (el.logical_type?.type === 'VARIANT') throw new Unsupported('VARIANT');
	if (isListLike(node)) {
		// Three levels (list → repeated group → element), or two (the repeated child is the element).
		const repeated = node.children[0];
		const element = repeated.children.length === 1 ? fieldShape(repeated.children[0]) : innerShape(repeated, true);
		const elementNullable =
			repeated.children.length === 1 && repeated.children[0].element.repetition_type === 'OPTIONAL';
		return listOf(element, elementNullable);
	}
	const entries = mapEntries(node);
	if (entries) {
		const [keyNode, valueNode] = entries.children;
		const key = fieldShape(keyNode);
		const value = fieldShape(valueNode);
		const struct = new arrow.Struct([
			new arrow.Field('key', key.type, false),
			new arrow.Field('value', value.type, valueNode.element.repetition_type !== 'REQUIRED')
		]);
		return {
			kind: 'map',
			type: new arrow.Map_(new arrow.Field('entries', struct, false)),
			entries: entries.element.name,
			key,
			value
		};
	}
	if (node.children.length > 0) {
		const fields = node.children.map((child) => ({ name: child.element.name, shape: fieldShape(child), child }));
		return {
			kind: 'struct',
			type: new arrow.Struct(
				fields.map((f) => new arrow.Field(f.name, f.shape.type, f.child.element.repetition_type !== 'REQUIRED'))
			),
			fields: fields.map(({ name, shape }) => ({ name, shape }))
		};
	}
	return leafShape(el, nested);
}

function listOf(element: Shape, nullable = true, repeated = false): Shape {
	return { kind: 'list', type: new arrow.List(new arrow.Field('element', element.type, nullable)), element, repeated };
}

/** A field nested in another: a repeated one (without a list annotation) is a list of its values. */
function fieldShape(node: SchemaTree): Shape {
	const inner = innerShape(node, true);
	return isRepeated(node) ? listOf(inner, false, true) : inner;
}

function topShape(node: SchemaTree): Shape {
	const inner = innerShape(node, node.children.length > 0 || isRepeated(node));
	return isRepeated(node) ? listOf(inner, false, true) : inner;
}

/** A readable name for a column's Parquet type, for the note that leaves it out. */
function parquetTypeName(node: SchemaTree, reason: string): string {
	return reason || node.element.logical_type?.type || node.element.converted_type || node.element.type || 'group';
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * hyparquet's value conversions, replaced so no precision is lost on the way: timestamps stay the
 * integers they are stored as, dates stay days, strings and other bytes stay bytes (no decoding and
 * encoding again: they go into Arrow as they are), geometry stays WKB.
 */
const PARSERS: Partial<ParquetParsers> = {
	timestampFromMilliseconds: (v: bigint) => v,
	timestampFromMicroseconds: (v: bigint) => v,
	timestampFromNanoseconds: (v: bigint) => v,
	dateFromDays: (days: number) => days,
	stringFromBytes: (bytes: Uint8Array) => bytes,
	jsonFromBytes: (bytes: Uint8Array) => bytes,
	geometryFromBytes: (bytes: Uint8Array) => bytes,
	geographyFromBytes: (bytes: Uint8Array) => bytes
};

/**
 * The metadata hyparquet reads with. Annotations whose values hyparquet would convert in ways that
 * lose something are taken off, so the stored values arrive as they are: decimals (hyparquet
 * makes them floating point), float16 (it drops the sign of NaN), BSON and INTERVAL (it refuses them) and maps
 * (it makes a map a JS object, whose keys are strings; as a struct of key/value entries, keys keep
 * their type). INT96 is read as the 12 bytes it is (hyparquet's conversion loses the day when the
 * time of day is negative, as Spark writes dates before the Julian calendar's start).
 * A flat column whose chunk lists no encodings (an old writer's: nation.dict-malformed in the
 * corpus, whose chunk sizes leave out the dictionary page) may run on to the next chunk; a flat
 * column stops reading at its row count. Chunks that describe themselves fully are read exactly
 * as described, so a damaged page is not read on into the next column's bytes.
 */
function readMetadata(metadata: FileMetaData, fileLength: number): FileMetaData {
	const flatColumns = new Set(
		parquetSchema(metadata)
			.children.filter((node) => node.children.length === 0 && !isRepeated(node))
			.map((node) => node.element.name)
	);
	const strip = (el: SchemaElement, i: number, all: readonly SchemaElement[]) =>
		el.converted_type === 'DECIMAL' ||
		el.logical_type?.type === 'DECIMAL' ||
		el.logical_type?.type === 'FLOAT16' ||
		el.converted_type === 'BSON' ||
		el.converted_type === 'INTERVAL' ||
		el.logical_type?.type === 'BSON' ||
		((el.converted_type === 'MAP' || el.converted_type === 'MAP_KEY_VALUE' || el.logical_type?.type === 'MAP') &&
			isMapElement(all, i));
	const schema = metadata.schema.map((el, i, all): SchemaElement => {
		const out = strip(el, i, all) ? { ...el, converted_type: undefined, logical_type: undefined } : el;
		return el.type === 'INT96' ? { ...out, type: 'FIXED_LEN_BYTE_ARRAY', type_length: 12 } : out;
	});
	const footerStart = fileLength - 8 - metadata.metadata_length;
	const row_groups = metadata.row_groups.map((group) => {
		const starts = group.columns.map((c) => chunkStart(c.meta_data)).filter((n) => n >= 0);
		return {
			...group,
			columns: group.columns.map((chunk) => {
				const meta = chunk.meta_data;
				if (!meta) return chunk;
				const start = chunkStart(meta);
				const next = Math.min(footerStart, ...starts.filter((n) => n > start));
				const flat =
					meta.encodings.length === 0 && meta.path_in_schema.length === 1 && flatColumns.has(meta.path_in_schema[0]);
				const size =
					flat && next > start
						? BigInt(Math.max(Number(meta.total_compressed_size), next - start))
						: meta.total_compressed_size;
				return {
					...chunk,
					meta_data: {
						...meta,
						type: meta.type === 'INT96' ? ('FIXED_LEN_BYTE_ARRAY' as const) : meta.type,
						total_compressed_size: size
					}
				};
			})
		};
	});
	return { ...metadata, schema, row_groups };
}

/** Where hyparquet starts reading a column chunk (plan.js): the dictionary page, else the first data page. */
function chunkStart(meta: FileMetaData['row_groups'][number]['columns'][number]['meta_data']): number {
	return meta ? Number(meta.dictionary_page_offset || meta.data_page_offset) : -1;
}

/** Whether schema element `i` heads a map DuckDB would read as one (see mapEntries). */
function isMapElement(schema: readonly SchemaElement[], i: number): boolean {
	const el = schema[i];
	const entries = schema[i + 1];
	return el.num_children === 1 && entries?.repetition_type === 'REPEATED' && entries.num_children === 2;
}

function concatChunks(chunks: { rowStart: number; data: DecodedArray }[], rows: number): ArrayLike<unknown> {
	chunks.sort((a, b) => a.rowStart - b.rowStart);
	if (chunks.length === 1 && chunks[0].data.length === rows) return chunks[0].data;
	const out: unknown[] = new Array(rows);
	for (const { rowStart, data } of chunks) {
		for (let i = 0; i < data.length && rowStart + i < rows; i++) out[rowStart + i] = data[i];
	}
	return out;
}

/** A Parquet file's footer read and checked: what parquetToArrow and parquetBatches decode from. */
interface OpenedParquet {
	buffer: ArrayBuffer;
	/** The footer as the file states it. */
	footer: FileMetaData;
	/** The footer as this reader reads the file (readMetadata). */
	metadata: FileMetaData;
	shapes: Map<string, Shape>;
	omitted: OmittedColumn[];
	/** Row ranges, one per row group: [start, end). */
	groups: [number, number][];
	rows: number;
}

function footerOf(bytes: Uint8Array, file: string): { buffer: ArrayBuffer; metadata: FileMetaData } {
	const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	try {
		return { buffer, metadata: parquetMetadata(buffer, { geoparquet: false }) };
	} catch (e) {
		throw new ParquetDecodeError(file, `not a readable Parquet file (${(e as Error).message})`, 'not_parquet');
	}
}

function openParquet(bytes: Uint8Array, file: string): OpenedParquet {
	const { buffer, metadata } = footerOf(bytes, file);
	let fields: SchemaTree[];
	try {
		fields = parquetSchema(metadata).children;
	} catch (e) {
		throw new ParquetDecodeError(file, `not a readable Parquet file (${(e as Error).message})`, 'not_parquet');
	}
	const groups: [number, number][] = [];
	let rows = 0;
	for (const group of metadata.row_groups) {
		groups.push([rows, rows + Number(group.num_rows)]);
		rows += Number(group.num_rows);
	}
	for (const group of metadata.row_groups)
		for (const chunk of group.columns) {
			const size = Number(chunk.meta_data?.total_uncompressed_size ?? 0);
			if (size > MAX_COLUMN_CHUNK_BYTES)
				throw new ParquetDecodeError(
					file,
					`column "${chunk.meta_data?.path_in_schema.join('.')}" unpacks to ${size} bytes in one row group, more than the ${MAX_COLUMN_CHUNK_BYTES} a browser can hold`,
					'too_large'
				);
		}
	const shapes = new Map<string, Shape>();
	const omitted: OmittedColumn[] = [];
	for (const node of fields) {
		try {
			shapes.set(node.element.name, topShape(node));
		} catch (e) {
			if (!(e instanceof Unsupported)) throw e;
			omitted.push({ column: node.element.name, type: parquetTypeName(node, e.message) });
		}
	}
	if (shapes.size === 0)
		throw new ParquetDecodeError(
			file,
			`no column of a type this reader knows (${omitted.map((o) => `${o.column}: ${o.type}`).join(', ')})`,
			'no_columns'
		);
	return {
		buffer,
		footer: metadata,
		metadata: readMetadata(metadata, buffer.byteLength),
		shapes,
		omitted,
		groups,
		rows
	};
}

/**
 * Rows [start, end) of an opened file as an Arrow table (the columns this reader knows; the others listed
 * in its metadata). Read a column at a time, each made an Arrow vector before the next is read, so the
 * reader's own values (a JavaScript value per cell) are never there for every column at once.
 */
async function decodeRows(opened: OpenedParquet, file: string, start: number, end: number): Promise<arrow.Table> {
	const { buffer, metadata, shapes, omitted } = opened;
	const columns: Record<string, arrow.Vector> = {};
	for (const [name, shape] of shapes) {
		const chunks: { rowStart: number; data: DecodedArray }[] = [];
		if (end > start)
			try {
				await parquetRead({
					file: buffer,
					metadata,
					columns: [name],
					compressors: PARQUET_CODECS,
					parsers: PARSERS,
					geoparquet: false,
					rowStart: start,
					rowEnd: end,
					onChunk: ({ columnData, rowStart }) => chunks.push({ rowStart: rowStart - start, data: columnData })
				});
			} catch (e) {
				throw new ParquetDecodeError(file, `could not be decoded (${(e as Error).message})`);
			}
		try {
			columns[name] = topVector(shape, concatChunks(chunks, end - start));
		} catch (e) {
			throw new ParquetDecodeError(file, `column "${name}" could not be decoded (${(e as Error).message})`);
		}
	}
	const table = new arrow.Table(columns);
	if (omitted.length > 0) table.schema.metadata.set(OMITTED_METADATA_KEY, JSON.stringify(omitted));
	return table;
}

/**
 * A file's footer as the file states it, held to what the reader holds it to before decoding anything (a readable footer, no
 * column chunk too large for a browser, a column it knows); throws a ParquetDecodeError saying which.
 */
export function parquetFileMetadata(bytes: Uint8Array, file = 'file'): FileMetaData {
	return openParquet(bytes, file).footer;
}

/** Decode a whole Parquet file into an Arrow table (nested columns as Arrow lists, structs and maps). */
export async function parquetToArrow(bytes: Uint8Array, file = 'file'): Promise<arrow.Table> {
	const opened = openParquet(bytes, file);
	return decodeRows(opened, file, 0, opened.rows);
}

/** One decoded part of a file, and how far the file is read. */
export interface ParquetBatch {
	table: arrow.Table;
	/** Rows decoded so far, this batch included. */
	rowsDone: number;
	rowsTotal: number;
	/** The file's columns this reader leaves out, with their types (the same in every batch). */
	omitted: OmittedColumn[];
}

/**
 * The most rows a large file is handed to DuckDB in at once, whatever its row groups (a writer may put a
 * million rows in one): each reader yields slices of at most this many rows, one decoded ahead of the
 * one DuckDB takes in, so the tab's memory while reading grows by slices, not by the file's row-group
 * size, and the progress bar moves every slice. Half DuckDB's own row group (two slices fill one).
 * Measured (issue 19, session 15, a million projects): 122 880 rows kept parquet-wasm's memory at
 * ≈ 0.39 GB and the tab at 1.66–1.79 GB; 61 440 rows at ≈ 0.22 GB and 1.43 GB, reading no slower.
 */
export const READ_SLICE_ROWS = 61_440;

/**
 * A Parquet file decoded one row group at a time and handed out in slices of at most `sliceRows` rows
 * (READ_SLICE_ROWS unless a test says otherwise), so a million rows never go to DuckDB at once: each
 * batch can be taken in and dropped before the next is made. A file with no rows: one empty batch, so
 * its columns are known. A row group is decoded whole, once: a range of rows is decoded from the start
 * of every page it touches, and a writer that puts a column chunk in one page (DuckDB does, up to a
 * million rows) would be decoded whole once per slice (a million rows: 13.7 s instead of 2.4 s).
 */
export async function* parquetBatches(
	bytes: Uint8Array,
	file = 'file',
	sliceRows = READ_SLICE_ROWS
): AsyncGenerator<ParquetBatch> {
	const opened = openParquet(bytes, file);
	const { rows: rowsTotal, omitted } = opened;
	const groups = opened.groups.filter(([start, end]) => end > start);
	if (groups.length === 0) {
		yield { table: await decodeRows(opened, file, 0, 0), rowsDone: 0, rowsTotal, omitted };
		return;
	}
	const step = Math.max(1, Math.floor(sliceRows));
	for (const [groupStart, groupEnd] of groups) {
		const table = await decodeRows(opened, file, groupStart, groupEnd);
		for (let start = 0; start < table.numRows; start += step) {
			const end = Math.min(table.numRows, start + step);
			const slice = start === 0 && end === table.numRows ? table : table.slice(start, end);
			yield { table: slice, rowsDone: groupStart + end, rowsTotal, omitted };
		}
	}
}

/** The columns parquetToArrow left out of `table`, with their types. */
export function omittedColumns(table: arrow.Table): OmittedColumn[] {
	const json = table.schema.metadata.get(OMITTED_METADATA_KEY);
	return json ? (JSON.parse(json) as OmittedColumn[]) : [];
}

// ---------------------------------------------------------------------------------------------
// Values → Arrow

const isNull = (v: unknown) => v === null || v === undefined;

function validity(values: ArrayLike<unknown>): { nullCount: number; nullBitmap?: Uint8Array } {
	let nullCount = 0;
	for (let i = 0; i < values.length; i++) if (isNull(values[i])) nullCount++;
	if (nullCount === 0) return { nullCount };
	const nullBitmap = new Uint8Array((values.length + 7) >> 3);
	for (let i = 0; i < values.length; i++) if (!isNull(values[i])) nullBitmap[i >> 3] |= 1 << (i & 7);
	return { nullCount, nullBitmap };
}

/** A top-level column: flat ones keep the fast paths (typed arrays as they are, strings as dictionaries). */
function topVector(shape: Shape, values: ArrayLike<unknown>): arrow.Vector {
	if (shape.kind === 'leaf') {
		if (shape.leaf === 'utf8' || shape.leaf === 'text-or-binary') {
			const text = stringVector(values, shape.leaf === 'text-or-binary');
			if (text) return text;
			return arrow.makeVector(buildData(leaf('binary', new arrow.Binary()), values));
		}
		// Required numbers arrive as the typed array Arrow stores.
		const type = shape.type;
		if (
			(type instanceof arrow.Float64 && values instanceof Float64Array) ||
			(type instanceof arrow.Float32 && values instanceof Float32Array) ||
			(type instanceof arrow.Int32 && values instanceof Int32Array) ||
			(type instanceof arrow.Int64 && values instanceof BigInt64Array)
		)
			return arrow.makeVector(values);
	}
	return arrow.makeVector(buildData(shape, values));
}

/** Arrow data of any shape from hyparquet's values (nulls as null or undefined). */
function buildData(shape: Shape, values: ArrayLike<unknown>): arrow.Data {
	if (shape.kind === 'leaf' && shape.leaf === 'int96') values = Array.from(values, int96Micros);
	if (shape.kind === 'list' && shape.repeated) values = Array.from(values, (v) => v ?? []);
	if (shape.kind === 'struct' && shape.interval) values = Array.from(values, intervalParts);
	const length = values.length;
	const { nullCount, nullBitmap } = validity(values);
	switch (shape.kind) {
		case 'list':
		case 'map': {
			const valueOffsets = new Int32Array(length + 1);
			const items: unknown[] = [];
			for (let i = 0; i < length; i++) {
				const v = values[i];
				const list = isNull(v) ? [] : shape.kind === 'map' ? entriesOf(v, shape.entries) : (v as unknown[]);
				for (const item of list) items.push(item);
				valueOffsets[i + 1] = items.length;
			}
			if (shape.kind === 'list')
				return arrow.makeData({
					type: shape.type,
					length,
					nullCount,
					nullBitmap,
					valueOffsets,
					child: buildData(shape.element, items)
				});
			const entryType = shape.type.children[0].type as arrow.Struct;
			const entry = (part: 'key' | 'value') => items.map((e) => (e as Record<string, unknown>)[part]);
			const child = arrow.makeData({
				type: entryType,
				length: items.length,
				nullCount: 0,
				children: [buildData(shape.key, entry('key')), buildData(shape.value, entry('value'))]
			});
			return arrow.makeData({ type: shape.type, length, nullCount, nullBitmap, valueOffsets, child });
		}
		case 'struct': {
			const children = shape.fields.map(({ name, shape: field }) =>
				buildData(
					field,
					Array.from(values, (v) => (isNull(v) ? null : (v as Record<string, unknown>)[name]))
				)
			);
			return arrow.makeData({ type: shape.type, length, nullCount, nullBitmap, children });
		}
		case 'leaf':
			return leafData(shape, values, length, nullCount, nullBitmap);
	}
}

function entriesOf(value: unknown, entries: string): unknown[] {
	const list = (value as Record<string, unknown>)[entries];
	return Array.isArray(list) ? list : [];
}

function leafData(
	shape: Extract<Shape, { kind: 'leaf' }>,
	values: ArrayLike<unknown>,
	length: number,
	nullCount: number,
	nullBitmap: Uint8Array | undefined
): arrow.Data {
	const { type } = shape;
	const base = { type, length, nullCount, nullBitmap } as const;
	switch (shape.leaf) {
		case 'bool': {
			const data = new Uint8Array((length + 7) >> 3);
			for (let i = 0; i < length; i++) if (values[i] === true) data[i >> 3] |= 1 << (i & 7);
			return arrow.makeData({ ...base, type: type as arrow.Bool, data });
		}
		case 'number': {
			const ArrayType = (type as arrow.Int | arrow.Float).ArrayType as new (n: number) => { [i: number]: number };
			const data = new ArrayType(length);
			for (let i = 0; i < length; i++) {
				const v = values[i];
				if (!isNull(v)) data[i] = Number(v);
			}
			return arrow.makeData({ ...base, type: type as arrow.Int, data: data as unknown as Int32Array });
		}
		case 'float16': {
			const data = new Float32Array(length);
			const bits = new Uint32Array(data.buffer);
			for (let i = 0; i < length; i++) {
				const v = values[i] as Uint8Array | null | undefined;
				if (v) bits[i] = float16Bits(v[0] | (v[1] << 8));
			}
			return arrow.makeData({ ...base, type: type as arrow.Float32, data });
		}
		case 'bigint':
		case 'int96': {
			const unsigned = type instanceof arrow.Uint64;
			const data = unsigned ? new BigUint64Array(length) : new BigInt64Array(length);
			for (let i = 0; i < length; i++) {
				const v = values[i];
				if (isNull(v)) continue;
				data[i] = BigInt(v as bigint | number);
			}
			return arrow.makeData({ ...base, type: type as arrow.Int64, data: data as BigInt64Array });
		}
		case 'decimal': {
			const data = new Uint32Array(length * 4);
			for (let i = 0; i < length; i++) {
				const v = values[i];
				if (isNull(v)) continue;
				let n = unscaled(v);
				for (let w = 0; w < 4; w++) {
					data[i * 4 + w] = Number(BigInt.asUintN(32, n));
					n >>= 32n;
				}
			}
			return arrow.makeData({ ...base, type: type as arrow.Decimal, data });
		}
		case 'decimal-double': {
			const data = new Float64Array(length);
			const scale = shape.scale ?? 0;
			for (let i = 0; i < length; i++) {
				const v = values[i];
				if (!isNull(v)) data[i] = Number(unscaled(v)) / 10 ** scale;
			}
			return arrow.makeData({ ...base, type: type as arrow.Float64, data });
		}
		case 'utf8':
		case 'binary':
		case 'text-or-binary': {
			const encoder = new TextEncoder();
			const parts: Uint8Array[] = new Array(length);
			let byteLength = 0;
			for (let i = 0; i < length; i++) {
				const v = values[i];
				if (isNull(v)) continue;
				const bytes = typeof v === 'string' ? encoder.encode(v) : (v as Uint8Array);
				parts[i] = bytes;
				byteLength += bytes.length;
			}
			return arrow.makeData({ ...base, type: type as arrow.Utf8, ...concatBytes(parts, byteLength) });
		}
	}
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
/** Days from the Julian calendar's day 0 to 1970-01-01. */
const JULIAN_EPOCH_DAY = 2_440_588n;

/**
 * An INT96 timestamp (nanoseconds of the day, then the Julian day, little-endian) as microseconds
 * since the epoch; null when it lies beyond what a TIMESTAMP holds (±290 000 years).
 */
function int96Micros(v: unknown): bigint | null {
	if (!(v instanceof Uint8Array) || v.length !== 12) return null;
	const view = new DataView(v.buffer, v.byteOffset, 12);
	const nanos = view.getBigInt64(0, true);
	const day = BigInt(view.getInt32(8, true));
	const micros = (day - JULIAN_EPOCH_DAY) * 86_400_000_000n + floorDiv(nanos, 1000n);
	return micros < INT64_MIN || micros > INT64_MAX ? null : micros;
}

/** Floor division (BigInt `/` rounds towards zero): a negative time of day lands on the microsecond below. */
function floorDiv(n: bigint, d: bigint): bigint {
	const q = n / d;
	return n % d < 0n ? q - 1n : q;
}

/** The float32 bits of a float16 (IEEE 754 half precision): every value exactly, NaN sign and payload kept. */
function float16Bits(h: number): number {
	const sign = (h & 0x8000) << 16;
	const exponent = (h >> 10) & 0x1f;
	const fraction = h & 0x3ff;
	if (exponent === 0x1f) return (sign | 0x7f800000 | (fraction << 13)) >>> 0;
	if (exponent !== 0) return (sign | ((exponent - 15 + 127) << 23) | (fraction << 13)) >>> 0;
	if (fraction === 0) return sign >>> 0;
	// Subnormal: normalise into float32's wider exponent range.
	let e = -14;
	let f = fraction;
	while ((f & 0x400) === 0) {
		f <<= 1;
		e--;
	}
	return (sign | ((e + 127) << 23) | ((f & 0x3ff) << 13)) >>> 0;
}

/** A decimal's unscaled integer: stored as INT32, INT64 or big-endian two's complement bytes. */
function unscaled(v: unknown): bigint {
	if (typeof v === 'bigint') return v;
	if (typeof v === 'number') return BigInt(v);
	const bytes = v as Uint8Array;
	let n = 0n;
	for (const b of bytes) n = (n << 8n) | BigInt(b);
	if (bytes.length > 0 && bytes[0] & 0x80) n -= 1n << BigInt(bytes.length * 8);
	return n;
}

// ---------------------------------------------------------------------------------------------
// Strings

/** Distinct strings kept while one column is built (beyond that it is written out plainly). */
const DICTIONARY_LIMIT = 65_536;

/**
 * A top-level string column from its UTF-8 bytes (hyparquet hands over each dictionary entry as one
 * Uint8Array, so rows that repeat a value share it). A column that repeats its values (a million
 * projects have 6 programme names and 22 000 titles) becomes an Arrow dictionary: each distinct
 * string stored once and an index per row, which also shrinks its Arrow IPC stream to DuckDB (the
 * million projects: 616 MB of plain strings). `checkText`: the column has no text annotation,
 * so it is text only when every value is valid UTF-8; null when it is not (then it is binary).
 */
function stringVector(values: ArrayLike<unknown>, checkText: boolean): arrow.Vector | null {
	const length = values.length;
	const encoder = new TextEncoder();
	const strict = new TextDecoder('utf-8', { fatal: true });
	// Distinct values by identity (a Uint8Array object or a string), then by content.
	const byObject = new Map<unknown, number>();
	const byText = new Map<string, number>();
	const distinct: Uint8Array[] = [];
	const index = new Int32Array(length);
	const parts: (Uint8Array | null)[] = new Array(length);
	let dictionary = true;
	let nullCount = 0;
	let byteLength = 0;
	for (let i = 0; i < length; i++) {
		const v = values[i];
		if (isNull(v)) {
			parts[i] = null;
			nullCount++;
			continue;
		}
		const bytes = typeof v === 'string' ? encoder.encode(v) : (v as Uint8Array);
		parts[i] = bytes;
		byteLength += bytes.length;
		if (!dictionary) {
			if (checkText && !validUtf8(strict, bytes)) return null;
			continue;
		}
		let at = byObject.get(v);
		if (at === undefined) {
			let text: string;
			try {
				text = typeof v === 'string' ? v : strict.decode(bytes);
			} catch {
				if (checkText) return null;
				text = `\u0000${bytes.join(',')}`; // not UTF-8 though marked as text: kept as it is
			}
			at = byText.get(text);
			if (at === undefined) {
				if (distinct.length >= DICTIONARY_LIMIT) {
					dictionary = false;
					continue;
				}
				at = distinct.push(bytes) - 1;
				byText.set(text, at);
			}
			// Plain-encoded pages give every row bytes of its own: those are looked up by content.
			if (byObject.size < DICTIONARY_LIMIT) byObject.set(v, at);
		}
		index[i] = at;
	}
	const nullBitmap = nullCount > 0 ? validity(values).nullBitmap : undefined;
	// Never a dictionary without a value: an empty table (a clean data set's quality_issues) would go into the
	// IPC stream with no dictionary batch, and DuckDB-WASM refuses the stream ("expected number of dictionaries").
	if (dictionary && distinct.length > 0 && distinct.length * 2 <= length - nullCount) {
		const dict = buildData(leaf('utf8', new arrow.Utf8()), distinct);
		const type = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32());
		return arrow.makeVector(
			arrow.makeData({
				type,
				length,
				nullCount,
				nullBitmap,
				data: index,
				dictionary: arrow.makeVector(dict as arrow.Data<arrow.Utf8>)
			})
		);
	}
	return arrow.makeVector(
		arrow.makeData({ type: new arrow.Utf8(), length, nullCount, nullBitmap, ...concatBytes(parts, byteLength) })
	);
}

/** Values' bytes (null where there is none) as Arrow's offsets and data buffers. */
function concatBytes(parts: ArrayLike<Uint8Array | null | undefined>, byteLength: number) {
	const valueOffsets = new Int32Array(parts.length + 1);
	const data = new Uint8Array(byteLength);
	let at = 0;
	for (let i = 0; i < parts.length; i++) {
		const bytes = parts[i];
		if (bytes) {
			data.set(bytes, at);
			at += bytes.length;
		}
		valueOffsets[i + 1] = at;
	}
	return { valueOffsets, data };
}

function validUtf8(decoder: TextDecoder, bytes: Uint8Array): boolean {
	try {
		decoder.decode(bytes);
		return true;
	} catch {
		return false;
	}
}
