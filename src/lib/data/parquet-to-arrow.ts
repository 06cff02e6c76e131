/**
 * Decodes Parquet bytes into an Arrow table in JavaScript.
 *
 * DuckDB-WASM's own Parquet reader is an extension it would download at run
 * time, which an offline deployment cannot do; hyparquet decodes column by
 * column and we build Arrow vectors from its typed arrays (never row objects).
 */
import * as arrow from 'apache-arrow';
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import type { DecodedArray, SchemaElement } from 'hyparquet';

export class ParquetDecodeError extends Error {
	constructor(
		readonly file: string,
		/** What is wrong, without the file name. */
		readonly detail: string
	) {
		super(`${file}: ${detail}`);
		this.name = 'ParquetDecodeError';
	}
}

const MS_PER_DAY = 86_400_000;

function arrowTypeOf(el: SchemaElement): arrow.DataType | null {
	const logical = el.logical_type?.type;
	const converted = el.converted_type;
	switch (el.type) {
		case 'BOOLEAN':
			return new arrow.Bool();
		case 'INT32':
			if (logical === 'DATE' || converted === 'DATE') return new arrow.DateDay();
			if (converted === 'DECIMAL' || logical === 'DECIMAL') return new arrow.Float64();
			if (converted === 'INT_8' || converted === 'INT_16') return new arrow.Int16();
			return new arrow.Int32();
		case 'INT64':
			if (logical === 'TIMESTAMP' || converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS')
				return new arrow.TimestampMillisecond();
			if (converted === 'DECIMAL' || logical === 'DECIMAL') return new arrow.Float64();
			return new arrow.Int64();
		case 'FLOAT':
			return new arrow.Float32();
		case 'DOUBLE':
			return new arrow.Float64();
		case 'FIXED_LEN_BYTE_ARRAY':
			return converted === 'DECIMAL' || logical === 'DECIMAL' ? new arrow.Float64() : null;
		case 'BYTE_ARRAY':
			return new arrow.Utf8();
		default:
			return null;
	}
}

function concatChunks(chunks: { rowStart: number; data: DecodedArray }[], rows: number): unknown[] | DecodedArray {
	chunks.sort((a, b) => a.rowStart - b.rowStart);
	if (chunks.length === 1 && chunks[0].data.length === rows) return chunks[0].data;
	const out: unknown[] = new Array(rows);
	for (const { rowStart, data } of chunks) {
		for (let i = 0; i < data.length && rowStart + i < rows; i++) out[rowStart + i] = data[i];
	}
	return out;
}

function toVector(values: unknown[] | DecodedArray, type: arrow.DataType): arrow.Vector {
	if (type instanceof arrow.Utf8) return utf8Vector(values as ArrayLike<unknown>);
	const isTyped = ArrayBuffer.isView(values);
	if (isTyped && arrow.DataType.isFloat(type) && values instanceof Float64Array) return arrow.makeVector(values);
	if (isTyped && type instanceof arrow.Int32 && values instanceof Int32Array) return arrow.makeVector(values);
	if (isTyped && type instanceof arrow.Int64 && values instanceof BigInt64Array) return arrow.makeVector(values);
	const plain = Array.from(values as ArrayLike<unknown>, (v) => (v === undefined ? null : v));
	if (type instanceof arrow.Float64 || type instanceof arrow.Float32)
		for (let i = 0; i < plain.length; i++) if (typeof plain[i] === 'bigint') plain[i] = Number(plain[i]);
	return vectorOf(plain, type);
}

/** Distinct strings whose UTF-8 bytes are kept for reuse while one column is built. */
const UTF8_CACHE_LIMIT = 65_536;

/**
 * A string column, built directly from its UTF-8 bytes. Exports repeat few distinct values in
 * their key columns (indicator ids, province codes), so each is encoded once, not once per row:
 * Arrow's builder spent most of a large file's decoding in `TextEncoder.encode`. A column that
 * repeats its values (a million projects have 6 programme names and 22 000 titles) becomes a
 * dictionary: each distinct string stored once and an index per row. Its Arrow IPC stream to
 * DuckDB shrinks accordingly (the million projects: 616 MB of plain strings).
 */
function utf8Vector(values: ArrayLike<unknown>): arrow.Vector {
	const length = values.length;
	const encoder = new TextEncoder();
	const cache = new Map<string, Uint8Array>();
	const encoded: (Uint8Array | null)[] = new Array(length);
	let byteLength = 0;
	let nullCount = 0;
	let binary = false;
	for (let i = 0; i < length; i++) {
		const value = values[i];
		if (value === null || value === undefined) {
			encoded[i] = null;
			nullCount++;
			continue;
		}
		let bytes: Uint8Array | undefined;
		if (value instanceof Uint8Array) {
			bytes = value;
			binary = true;
		} else {
			const text = String(value);
			bytes = cache.get(text);
			if (!bytes) {
				bytes = encoder.encode(text);
				if (cache.size < UTF8_CACHE_LIMIT) cache.set(text, bytes);
			}
		}
		encoded[i] = bytes;
		byteLength += bytes.length;
	}
	const nullBitmap = nullCount > 0 ? new Uint8Array((length + 7) >> 3) : undefined;
	// Every distinct value is in the cache (it never overflowed), and they repeat.
	if (!binary && cache.size < UTF8_CACHE_LIMIT && cache.size * 2 <= length - nullCount)
		return dictionaryVector(encoded, cache, nullCount, nullBitmap);
	const valueOffsets = new Int32Array(length + 1);
	const data = new Uint8Array(byteLength);
	let at = 0;
	for (let i = 0; i < length; i++) {
		const bytes = encoded[i];
		if (bytes) {
			data.set(bytes, at);
			at += bytes.length;
			if (nullBitmap) nullBitmap[i >> 3] |= 1 << (i & 7);
		}
		valueOffsets[i + 1] = at;
	}
	return arrow.makeVector(
		arrow.makeData({ type: new arrow.Utf8(), length, nullCount, nullBitmap, valueOffsets, data })
	);
}

/** Rows' encoded strings (each distinct one a single Uint8Array, from `distinct`) as a dictionary vector. */
function dictionaryVector(
	encoded: readonly (Uint8Array | null)[],
	distinct: ReadonlyMap<string, Uint8Array>,
	nullCount: number,
	nullBitmap: Uint8Array | undefined
): arrow.Vector {
	const entries = [...distinct.values()];
	const indexOf = new Map(entries.map((bytes, i) => [bytes, i]));
	const valueOffsets = new Int32Array(entries.length + 1);
	const data = new Uint8Array(entries.reduce((n, b) => n + b.length, 0));
	entries.forEach((bytes, i) => {
		data.set(bytes, valueOffsets[i]);
		valueOffsets[i + 1] = valueOffsets[i] + bytes.length;
	});
	const dictionary = arrow.makeVector(
		arrow.makeData({ type: new arrow.Utf8(), length: entries.length, nullCount: 0, valueOffsets, data })
	);
	const indices = new Int32Array(encoded.length);
	for (let i = 0; i < encoded.length; i++) {
		const bytes = encoded[i];
		if (bytes) {
			indices[i] = indexOf.get(bytes)!;
			if (nullBitmap) nullBitmap[i >> 3] |= 1 << (i & 7);
		}
	}
	const type = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32());
	return arrow.makeVector(
		arrow.makeData({ type, length: encoded.length, nullCount, nullBitmap, data: indices, dictionary })
	);
}

/**
 * `arrow.vectorFromArray` without its one `new Function`: Arrow compiles the null test of its
 * builders from source, which the pages' Content-Security-Policy (no 'unsafe-eval') refuses.
 */
function vectorOf(values: unknown[], type: arrow.DataType): arrow.Vector {
	const builder = arrow.makeBuilder({ type });
	builder.isValid = (value: unknown) => value !== null && value !== undefined;
	for (const value of values) builder.append(value);
	return builder.finish().toVector();
}

/** Decode a whole Parquet file (flat schema) into an Arrow table. */
export async function parquetToArrow(bytes: Uint8Array, file = 'file'): Promise<arrow.Table> {
	const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	let metadata;
	try {
		metadata = parquetMetadata(buffer);
	} catch (e) {
		throw new ParquetDecodeError(file, `not a readable Parquet file (${(e as Error).message})`);
	}
	const rows = Number(metadata.num_rows);
	const fields = parquetSchema(metadata).children;
	const types = new Map<string, arrow.DataType>();
	for (const field of fields) {
		if (field.children.length > 0)
			throw new ParquetDecodeError(file, `column "${field.element.name}" is nested; only flat tables are supported`);
		const type = arrowTypeOf(field.element);
		if (!type)
			throw new ParquetDecodeError(file, `column "${field.element.name}" has unsupported type ${field.element.type}`);
		types.set(field.element.name, type);
	}

	const chunks = new Map<string, { rowStart: number; data: DecodedArray }[]>();
	try {
		await parquetRead({
			file: buffer,
			metadata,
			parsers: {
				dateFromDays: (days: number) => days * MS_PER_DAY,
				timestampFromMicroseconds: (us: bigint) => Number(us / 1000n)
			},
			onChunk: ({ columnName, columnData, rowStart }) => {
				const list = chunks.get(columnName) ?? [];
				list.push({ rowStart, data: columnData });
				chunks.set(columnName, list);
			}
		});
	} catch (e) {
		throw new ParquetDecodeError(file, `could not be decoded (${(e as Error).message})`);
	}

	const columns: Record<string, arrow.Vector> = {};
	for (const [name, type] of types) {
		columns[name] = toVector(concatChunks(chunks.get(name) ?? [], rows), type);
	}
	return new arrow.Table(columns);
}
