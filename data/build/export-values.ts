/**
 * Indicator values from an organisation's exports (`npm run data -- --exports`): each indicator the
 * folder gives values of replaces the bundled (or sample) values of that indicator. Its catalogue row
 * then names the exports as its source and is no longer sample (the sample label goes), and the rows
 * that belonged to the bundled series (its monthly counts, its counts on no province) go with them.
 * A row naming an indicator the site does not have, or repeating an indicator, province and year an
 * earlier row (in file name order) gave, is left out and listed in the report.
 */
import {
	EXPORTS_SOURCE_ID,
	type IndicatorRow,
	type IndicatorValueRow,
	type SourceRow
} from '../../src/lib/data/contract.ts';
import { bilingual, leaveOut, placeText, type ExportRow, type ExportsReport } from './exports.ts';

export interface ExportedValues {
	/** The rows used, in the contract's shape. */
	values: IndicatorValueRow[];
	/** The indicators they replace. */
	replaced: ReadonlySet<string>;
}

/** The usable indicator values of the exports; the rest are listed in `report`. */
export function exportedValues(
	rows: readonly ExportRow[] | undefined,
	catalogue: readonly IndicatorRow[],
	report: ExportsReport
): ExportedValues {
	const known = new Set(catalogue.map((i) => i.indicator_id));
	const seen = new Map<string, ExportRow>();
	const values: IndicatorValueRow[] = [];
	for (const r of rows ?? []) {
		const v = r.row as unknown as IndicatorValueRow;
		if (!known.has(v.indicator_id)) {
			leaveOut(
				report,
				r,
				'indicator_id',
				v.indicator_id,
				'unknown_indicator',
				bilingual('report_unknown_indicator', { id: v.indicator_id, known: [...known].join(', ') })
			);
			continue;
		}
		const key = `${v.indicator_id} / ${v.province_code} / ${v.year}`;
		const earlier = seen.get(key);
		if (earlier) {
			leaveOut(
				report,
				r,
				'indicator_id, province_code, year',
				key,
				'duplicate_key',
				bilingual('report_duplicate_elsewhere', { key, place: placeText(earlier.place) })
			);
			continue;
		}
		seen.set(key, r);
		values.push({
			indicator_id: v.indicator_id,
			province_code: v.province_code,
			year: Number(v.year),
			value: v.value === null ? null : Number(v.value),
			numerator: v.numerator === null ? null : Number(v.numerator),
			denominator: v.denominator === null ? null : Number(v.denominator)
		});
	}
	return { values, replaced: new Set(values.map((v) => v.indicator_id)) };
}

/** A replaced indicator's catalogue row: the organisation's values, not sample. */
export function exportedIndicator(indicator: IndicatorRow, source: SourceRow): IndicatorRow {
	return {
		...indicator,
		source_id: EXPORTS_SOURCE_ID,
		source: source.name_en,
		licence: source.licence,
		is_sample: false
	};
}

/** Rows of a bundled table that belong to an indicator the exports do not replace. */
export function notReplaced<T extends { indicator_id: string | null }>(
	rows: readonly T[],
	replaced: ReadonlySet<string>
): T[] {
	return rows.filter((r) => r.indicator_id === null || !replaced.has(r.indicator_id));
}
