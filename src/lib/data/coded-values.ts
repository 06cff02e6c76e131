/**
 * Columns as the in-memory indexes hold them (coded-columns.ts): numbers as doubles, texts as codes into
 * a dictionary of their distinct values. Made from plain values here, without Arrow, so that the page's
 * own chunk can code a query's columns (CoverageIndex.build) without loading the decoder's libraries.
 */
import type { Columns } from './connector';

/** A text column as codes into `dictionary` (-1: no value). */
export interface CodedText {
	codes: Int32Array;
	dictionary: string[];
}

/** Numbers as doubles (NaN: no value), or a coded text. */
export type CodedColumn = Float64Array | CodedText;
export type CodedColumns = Record<string, CodedColumn>;

export function isCodedText(column: CodedColumn | undefined): column is CodedText {
	return column !== undefined && !(column instanceof Float64Array);
}

/** Codes plain values (null or undefined: no value). */
export function codedText(values: ArrayLike<unknown>): CodedText {
	const at = new Map<string, number>();
	const dictionary: string[] = [];
	const codes = new Int32Array(values.length);
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v === null || v === undefined) {
			codes[i] = -1;
			continue;
		}
		const text = String(v);
		let code = at.get(text);
		if (code === undefined) {
			code = dictionary.push(text) - 1;
			at.set(text, code);
		}
		codes[i] = code;
	}
	return { codes, dictionary };
}

export function codedNumbers(values: ArrayLike<unknown>): Float64Array {
	if (values instanceof Float64Array) return values;
	const out = new Float64Array(values.length);
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		out[i] = v === null || v === undefined ? NaN : Number(v);
	}
	return out;
}

/** A query's columns, the `text` ones coded, the others as numbers. */
export function codedColumns(columns: Columns, text: ReadonlySet<string>): CodedColumns {
	const out: CodedColumns = {};
	for (const [name, values] of Object.entries(columns))
		out[name] = text.has(name) ? codedText(values) : codedNumbers(values);
	return out;
}
