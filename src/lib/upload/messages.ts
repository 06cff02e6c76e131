/** The upload feature's problems, notes and console refusals as sentences, in Thai or English. */
import { formatNumber, translate, type Lang, type MessageKey } from '$lib/i18n';
import type { GuardRefusal } from '$lib/data/sql-guard';
import type { ValueKind } from './mapping';
import type { Note, Problem } from './pipeline';

export function formatBytes(lang: Lang, bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	const units = ['KB', 'MB', 'GB'];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${formatNumber(lang, value, value < 10 ? 1 : 0)} ${units[unit]}`;
}

const quoteList = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

/** "rows 2, 5" or, for a CSV (a header line first), "lines 3, 6". */
export function where(lang: Lang, rows: readonly number[], lineOffset: number): string {
	const list = rows.map((r) => formatNumber(lang, r + lineOffset)).join(', ');
	return translate(lang, lineOffset > 0 ? 'where_lines' : 'where_rows', { rows: list });
}

const kindName = (lang: Lang, kind: ValueKind) => translate(lang, `kind_${kind}` as MessageKey);

export function problemText(lang: Lang, p: Problem, lineOffset = 0): string {
	const n = (v: number) => formatNumber(lang, v);
	switch (p.code) {
		case 'too_large':
			return translate(lang, 'prob_too_large', { size: formatBytes(lang, p.size), limit: formatBytes(lang, p.limit) });
		case 'too_many_rows':
			return translate(lang, 'prob_too_many_rows', { file: p.file, rows: n(p.rows), limit: n(p.limit) });
		case 'out_of_memory':
		case 'engine':
			return translate(lang, `prob_${p.code}`, { file: p.file });
		case 'unsupported_format':
			return translate(lang, 'prob_unsupported_format', { format: p.format.toUpperCase() });
		case 'parquet':
			return translate(lang, `prob_parquet_${p.reason}`, { file: p.file });
		case 'unreadable':
		case 'contract':
		case 'bad_workbook':
			return translate(lang, `prob_${p.code}`, { detail: p.detail });
		case 'missing_column':
			return translate(lang, 'prob_missing_column', { column: p.column, type: p.type });
		case 'bad_constant':
			return translate(lang, 'prob_bad_constant', { column: p.column, value: p.value, kind: kindName(lang, p.kind) });
		case 'bad_values':
			return translate(lang, 'prob_bad_values', {
				header: p.header,
				column: p.column,
				count: n(p.count),
				kind: kindName(lang, p.kind),
				values: quoteList(p.values),
				where: where(lang, p.rows, lineOffset)
			});
		case 'empty_required':
			return translate(lang, 'prob_empty_required', {
				header: p.header,
				column: p.column,
				count: n(p.count),
				where: where(lang, p.rows, lineOffset)
			});
		case 'duplicate_key':
			return translate(lang, 'prob_duplicate_key', {
				columns: p.columns.join(', '),
				count: n(p.count),
				examples: p.examples.map((e) => `${e.key} (${where(lang, e.rows, lineOffset)})`).join('; ')
			});
		case 'unknown_province':
		case 'unknown_district':
		case 'unknown_code':
			return translate(lang, `prob_${p.code}`, {
				header: p.header,
				column: p.column,
				count: n(p.count),
				values: p.values
					.slice(0, 5)
					.map((v) => `"${v.value}" (${where(lang, v.rows, lineOffset)})`)
					.join(', ')
			});
		case 'unknown_key':
			return translate(lang, 'prob_unknown_key', {
				column: p.column,
				table: p.table,
				count: n(p.count),
				values: quoteList(p.values) + (p.rows.length > 0 ? ` (${where(lang, p.rows, lineOffset)})` : '')
			});
		case 'no_table':
			return translate(lang, 'prob_no_table', { headers: p.headers.join(', ') });
		default:
			return translate(lang, `prob_${p.code}` as MessageKey);
	}
}

/** The decoder's own words for a problem, shown under "details" after the plain sentence; '' when there are none. */
export function problemDetail(p: Problem): string {
	return p.code === 'parquet' || p.code === 'out_of_memory' || p.code === 'engine' ? p.detail : '';
}

/** "3 (rows 2, 5, 9)" for a count of cells with their first rows; "0" alone. */
export function cellCountText(lang: Lang, count: number, rows: readonly number[], lineOffset = 0): string {
	if (count === 0) return formatNumber(lang, 0);
	const more = count > rows.length ? ', …' : '';
	return translate(lang, 'cells_count', {
		count: formatNumber(lang, count),
		where: where(lang, rows, lineOffset) + more
	});
}

/** A sentence for notes shown as sentences; '' for notes shown otherwise (the cell counts have a table). */
export function noteText(lang: Lang, note: Note): string {
	if (note.code === 'cells') return '';
	if (note.code === 'extra_columns') return translate(lang, 'note_extra_columns', { list: note.headers.join(', ') });
	if (note.code === 'omitted_columns')
		return translate(lang, 'note_omitted_columns', {
			list: note.columns.map((c) => `${c.column} (${c.type})`).join(', ')
		});
	const key = `note_converted_${note.kind}` as MessageKey;
	if (!['province', 'district', 'year', 'date', 'boolean', 'code'].includes(note.kind)) return '';
	return translate(lang, key, { count: formatNumber(lang, note.count), column: note.column });
}

export function refusalText(lang: Lang, refusal: GuardRefusal): string {
	const word = 'word' in refusal ? refusal.word : '';
	return translate(lang, `refuse_${refusal.reason}` as MessageKey, { word });
}
