/**
 * Gap analysis: burden against coverage, classed in tertiles on each axis
 * (a 3 × 3 bivariate map) and ranked so the worst gaps — high burden, thin
 * network — come first.
 */
import { escapeXml, num, textWidth } from '$lib/core/text';
import type { SvgBlock } from '$lib/export/exportable';
import { quantileThresholds, classIndex } from '$lib/map/classify';

export interface GapInput {
	code: string;
	/** The burden indicator's value, already turned so that higher = worse. */
	burden: number | null;
	/** The coverage measure: higher = better covered. */
	coverage: number | null;
}

export interface GapCell {
	code: string;
	burden: number;
	coverage: number;
	/** 0 = low, 1 = middle, 2 = high tertile. */
	burdenClass: number;
	coverageClass: number;
	colour: string;
	/** Burden percentile minus coverage percentile, in [-1, 1]; higher = bigger gap. */
	gapScore: number;
}

/**
 * Joshua Stevens' blue–red bivariate scheme: burden in red (columns), coverage in
 * blue (rows). Index as BIVARIATE[coverageClass][burdenClass].
 */
export const BIVARIATE: readonly (readonly string[])[] = [
	['#e8e8e8', '#e4acac', '#c85a5a'],
	['#b0d5df', '#ad9ea5', '#985356'],
	['#64acbe', '#627f8c', '#574249']
];

function percentiles(values: number[]): Map<number, number> {
	const sorted = [...values].sort((a, b) => a - b);
	const out = new Map<number, number>();
	sorted.forEach((v, i) => {
		if (!out.has(v)) {
			const last = sorted.lastIndexOf(v);
			out.set(v, sorted.length === 1 ? 0.5 : (i + last) / 2 / (sorted.length - 1));
		}
	});
	return out;
}

export function gapCells(inputs: readonly GapInput[]): GapCell[] {
	const complete = inputs.filter(
		(i): i is GapInput & { burden: number; coverage: number } =>
			i.burden !== null && i.coverage !== null && Number.isFinite(i.burden) && Number.isFinite(i.coverage)
	);
	const bT = quantileThresholds(
		complete.map((c) => c.burden),
		3
	);
	const cT = quantileThresholds(
		complete.map((c) => c.coverage),
		3
	);
	const bP = percentiles(complete.map((c) => c.burden));
	const cP = percentiles(complete.map((c) => c.coverage));
	return complete
		.map((c) => {
			const burdenClass = Math.min(2, classIndex(c.burden, bT));
			const coverageClass = Math.min(2, classIndex(c.coverage, cT));
			return {
				code: c.code,
				burden: c.burden,
				coverage: c.coverage,
				burdenClass,
				coverageClass,
				colour: BIVARIATE[coverageClass][burdenClass],
				gapScore: bP.get(c.burden)! - cP.get(c.coverage)!
			};
		})
		.sort((a, b) => b.gapScore - a.gapScore || a.code.localeCompare(b.code));
}

export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const s = [...values].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The gap cell of the 3 × 3 key: the high-burden tertile and the low-coverage tertile. */
export const GAP_CELL = { burden: 2, coverage: 0 } as const;

/** Priority gaps: the provinces in the gap cell, worst first. */
export function priorityGaps(cells: readonly GapCell[]): GapCell[] {
	return cells.filter((c) => c.burdenClass === GAP_CELL.burden && c.coverageClass === GAP_CELL.coverage);
}

/** The words of the 3 × 3 key. */
export interface BivariateWords {
	burden: string;
	coverage: string;
	low: string;
	high: string;
	gap: string;
}

const CELL = 16;
const KEY_FONT = 11;
const KEY_INK = '#111827';

/**
 * The 3 × 3 key as SVG, for the exported map: coverage's high and low beside its top and bottom rows,
 * burden's low to high under its columns, and the gap cell outlined and named (words only: no arrow
 * glyphs, which the app's font lacks).
 */
export function bivariateLegendSvg(words: BivariateWords): SvgBlock {
	const text = (x: number, y: number, line: string, weight = 400) =>
		`<text x="${num(x)}" y="${num(y)}" font-size="${KEY_FONT}"${weight !== 400 ? ` font-weight="${weight}"` : ''} fill="${KEY_INK}">${escapeXml(line)}</text>`;
	const grid = [2, 1, 0].flatMap((row, y) =>
		[0, 1, 2].map((column) => {
			const gap = column === GAP_CELL.burden && row === GAP_CELL.coverage;
			return `<rect x="${column * CELL}" y="${y * CELL}" width="${CELL}" height="${CELL}" fill="${BIVARIATE[row][column]}" data-cell="${column}${row}"${gap ? ` stroke="${KEY_INK}" stroke-width="2"` : ''}/>`;
		})
	);
	const beside = 3 * CELL + 6;
	const lineHeight = KEY_FONT + 5;
	const lines = [
		text(beside, CELL - 4, `${words.coverage}: ${words.high}`),
		text(beside, 3 * CELL - 4, `${words.coverage}: ${words.low}`),
		text(0, 3 * CELL + lineHeight, `${words.burden}: ${words.low} – ${words.high}`),
		`<rect x="0" y="${3 * CELL + lineHeight + 5}" width="${CELL}" height="${KEY_FONT}" fill="${BIVARIATE[GAP_CELL.coverage][GAP_CELL.burden]}" stroke="${KEY_INK}" stroke-width="2"/>`,
		text(CELL + 6, 3 * CELL + 2 * lineHeight, words.gap, 600)
	];
	const widths = [
		beside + textWidth(`${words.coverage}: ${words.high}`, KEY_FONT),
		beside + textWidth(`${words.coverage}: ${words.low}`, KEY_FONT),
		textWidth(`${words.burden}: ${words.low} – ${words.high}`, KEY_FONT),
		CELL + 6 + textWidth(words.gap, KEY_FONT, 600)
	];
	return {
		width: Math.ceil(Math.max(...widths)),
		height: 3 * CELL + 2 * lineHeight + 4,
		markup: `<g class="bivariate-legend">${grid.join('')}${lines.join('')}</g>`
	};
}
