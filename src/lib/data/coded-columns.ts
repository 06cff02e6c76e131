/**
 * Columns for the in-memory indexes (the coverage summary, SummaryIndex): numbers as doubles, texts
 * as codes into a dictionary of their distinct values. Made from a query's columns, or straight from
 * the Arrow tables the Parquet decoder gives (a dictionary-encoded text column keeps its codes: its
 * strings are never decoded one row at a time), so a build's summary file needs no trip through DuckDB.
 */
import { DataType, Precision, type Float, type Table, type Vector } from 'apache-arrow';
import { columnValues, isValid } from './arrow-rows';
import { codedNumbers, codedText, isCodedText, type CodedColumns, type CodedText } from './coded-values';
import { parquetBatches } from './parquet-to-arrow';

export {
	codedColumns,
	codedNumbers,
	codedText,
	isCodedText,
	type CodedColumn,
	type CodedColumns,
	type CodedText
} from './coded-values';

/** One Arrow vector's text values coded; a dictionary vector's own codes are remapped chunk by chunk, not decoded. */
function codedVector(vector: Vector): CodedText {
	if (!DataType.isDictionary(vector.type)) return codedText(columnValues(vector));
	const at = new Map<string, number>();
	const dictionary: string[] = [];
	const codes = new Int32Array(vector.length);
	let row = 0;
	for (const data of vector.data) {
		const words = data.dictionary ? columnValues(data.dictionary) : [];
		const remap = Int32Array.from(words, (w) => {
			if (w === null) return -1;
			const text = String(w);
			let code = at.get(text);
			if (code === undefined) {
				code = dictionary.push(text) - 1;
				at.set(text, code);
			}
			return code;
		});
		const indices = data.values as ArrayLike<number>;
		for (let i = 0; i < data.length; i++) codes[row + i] = isValid(data, i) ? remap[indices[i]] : -1;
		row += data.length;
	}
	return { codes, dictionary };
}

function numberVector(vector: Vector): Float64Array {
	const type = vector.type;
	const plain = (DataType.isFloat(type) && (type as Float).precision !== Precision.HALF) || DataType.isInt(type);
	if (!plain) return codedNumbers(columnValues(vector));
	const out = new Float64Array(vector.length);
	let row = 0;
	for (const data of vector.data) {
		const values = data.values as ArrayLike<number | bigint>;
		for (let i = 0; i < data.length; i++) out[row + i] = isValid(data, i) ? Number(values[i]) : NaN;
		row += data.length;
	}
	return out;
}

/** An Arrow table's columns, the `text` ones coded, the others numbers (integers and floats). */
export function codedColumnsOfTable(table: Table, text: ReadonlySet<string>): CodedColumns {
	const out: CodedColumns = {};
	table.schema.fields.forEach((field, c) => {
		const vector = table.getChildAt(c)!;
		out[field.name] = text.has(field.name) ? codedVector(vector) : numberVector(vector);
	});
	return out;
}

/** Parts of one table (e.g. a file's row groups) as one: numbers concatenated, texts recoded into one dictionary. */
export function concatCoded(parts: readonly CodedColumns[]): CodedColumns {
	if (parts.length === 1) return parts[0];
	const out: CodedColumns = {};
	for (const name of Object.keys(parts[0] ?? {})) {
		const columns = parts.map((p) => p[name]);
		const length = columns.reduce((n, c) => n + (isCodedText(c) ? c.codes.length : c.length), 0);
		if (!isCodedText(columns[0])) {
			const values = new Float64Array(length);
			let row = 0;
			for (const c of columns as Float64Array[]) {
				values.set(c, row);
				row += c.length;
			}
			out[name] = values;
			continue;
		}
		const at = new Map<string, number>();
		const dictionary: string[] = [];
		const codes = new Int32Array(length);
		let row = 0;
		for (const c of columns as CodedText[]) {
			const remap = Int32Array.from(c.dictionary, (text) => {
				let code = at.get(text);
				if (code === undefined) {
					code = dictionary.push(text) - 1;
					at.set(text, code);
				}
				return code;
			});
			for (let i = 0; i < c.codes.length; i++) codes[row + i] = c.codes[i] < 0 ? -1 : remap[c.codes[i]];
			row += c.codes.length;
		}
		out[name] = { codes, dictionary };
	}
	return out;
}

/**
 * Reads a Parquet file's columns, the `text` ones coded (the bundled files by name: see AtlasDb). `rows`:
 * the file's rows where the caller knows them (the build wrote them down), so a reader may get ready for
 * a large file while it is fetched.
 */
export type ReadColumns = (file: string, text: ReadonlySet<string>, rows?: number) => Promise<CodedColumns>;

/** A Parquet file's columns, decoded here row group by row group (in Node, and wherever no worker is at hand). */
export async function parquetColumns(
	bytes: Uint8Array,
	file: string,
	text: ReadonlySet<string>
): Promise<CodedColumns> {
	const parts: CodedColumns[] = [];
	for await (const batch of parquetBatches(bytes, file)) parts.push(codedColumnsOfTable(batch.table, text));
	return concatCoded(parts);
}
