/**
 * Pieces the SVG charts share (ranking, trend, distribution, issue-area multiples): scales, axes
 * and legends as plain data and markup, with no DOM. The same code draws the page, the exports and
 * the printed briefs, at build time and in the browser.
 */
import { nice, ticks } from 'd3-array';
import { escapeXml, num, textWidth } from '$lib/core/text';
import type { Format } from './common';
import { AXIS_FONT_SIZE, FONT_FAMILY, LINE, MUTED } from './theme';

export { escapeXml, num, textWidth };

/** The opening tag of a chart: its size, and the font every text inherits. */
export function svgOpen(width: number, height: number): string {
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${escapeXml(FONT_FAMILY)}">`;
}

/** A value axis over `values` that always includes zero, with round ends and about `count` ticks. */
export function valueDomain(values: readonly number[], count: number): { lo: number; hi: number; ticks: number[] } {
	const finite = values.filter(Number.isFinite);
	let [lo, hi] = nice(Math.min(0, ...finite), Math.max(0, ...finite), count);
	if (lo === hi) hi = lo + 1;
	return { lo, hi, ticks: ticks(lo, hi, count) };
}

/** Maps [lo, hi] linearly onto [from, to]. */
export function linear(lo: number, hi: number, from: number, to: number): (v: number) => number {
	return (v) => from + ((v - lo) / (hi - lo)) * (to - from);
}

/** The widest of `labels` at `size` px. */
export function widest(labels: readonly string[], size = AXIS_FONT_SIZE, weight = 400): number {
	return Math.max(0, ...labels.map((l) => textWidth(l, size, weight)));
}

/** `text` cut with an ellipsis so it fits `maxWidth` (the whole text when it fits). */
export function truncate(text: string, maxWidth: number, size: number, weight = 400): string {
	if (textWidth(text, size, weight) <= maxWidth) return text;
	const chars = [...text];
	let lo = 0;
	let hi = chars.length;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (textWidth(chars.slice(0, mid).join('') + '…', size, weight) <= maxWidth) lo = mid;
		else hi = mid - 1;
	}
	return chars.slice(0, lo).join('').trimEnd() + '…';
}

/**
 * Every how many categories a label fits, for `count` categories `spacing` px apart whose labels
 * are at most `labelWidth` wide: 1 when all fit, 2 for every other one, and so on.
 */
export function labelStep(count: number, spacing: number, labelWidth: number, gap = 8): number {
	if (count <= 1 || spacing <= 0) return 1;
	return Math.max(1, Math.ceil((labelWidth + gap) / spacing));
}

export type Dash = 'solid' | 'dashed' | 'dotted';

/** stroke-dasharray for a line style (none for solid), scaled to the line's width. */
export function dashArray(dash: Dash, width: number): string {
	if (dash === 'dashed') return ` stroke-dasharray="${num(width * 3)} ${num(width * 2)}"`;
	if (dash === 'dotted') return ` stroke-dasharray="${num(width)} ${num(width * 1.5)}"`;
	return '';
}

export interface LineStyle {
	colour: string;
	dash: Dash;
	width: number;
}

/**
 * A line through `points`, broken where a value is missing (null): an SVG path, or '' when no two
 * neighbouring points have values.
 */
export function linePath(points: readonly ({ x: number; y: number } | null)[]): string {
	let d = '';
	let open = false;
	for (let i = 0; i < points.length; i++) {
		const p = points[i];
		if (p === null) {
			open = false;
			continue;
		}
		const next = points[i + 1];
		if (!open && (next === undefined || next === null)) continue;
		d += `${open ? 'L' : 'M'}${num(p.x)} ${num(p.y)}`;
		open = true;
	}
	return d;
}

export interface LegendItem {
	label: string;
	style: LineStyle;
}

const LEGEND_SWATCH = 28;
const LEGEND_FONT_SIZE = 12;
export const LEGEND_ROW_HEIGHT = 20;

export interface LegendLayout {
	/** Each row's items with their left edge. */
	rows: { x: number; item: LegendItem }[][];
	height: number;
}

/** A legend of line styles, wrapped into rows that fit `width`; `align` places each row. */
export function legendLayout(items: readonly LegendItem[], width: number, align: 'left' | 'center'): LegendLayout {
	const itemWidth = (item: LegendItem) => LEGEND_SWATCH + 6 + textWidth(item.label, LEGEND_FONT_SIZE) + 16;
	const rows: { x: number; item: LegendItem }[][] = [];
	let row: { x: number; item: LegendItem }[] = [];
	let used = 0;
	for (const item of items) {
		const w = itemWidth(item);
		if (row.length > 0 && used + w > width) {
			rows.push(row);
			row = [];
			used = 0;
		}
		row.push({ x: used, item });
		used += w;
	}
	if (row.length > 0) rows.push(row);
	const placed = rows.map((r) => {
		const last = r[r.length - 1];
		const rowWidth = last.x + itemWidth(last.item) - 16;
		const shift = align === 'center' ? Math.max(0, (width - rowWidth) / 2) : 0;
		return r.map((p) => ({ x: p.x + shift, item: p.item }));
	});
	return { rows: placed, height: placed.length * LEGEND_ROW_HEIGHT };
}

export function legendSvg(legend: LegendLayout, top: number): string {
	const out = [`<g class="chart-legend" font-size="${LEGEND_FONT_SIZE}" fill="${MUTED}">`];
	legend.rows.forEach((row, r) => {
		const y = top + r * LEGEND_ROW_HEIGHT + LEGEND_ROW_HEIGHT / 2;
		for (const { x, item } of row) {
			const { colour, dash, width } = item.style;
			out.push(
				`<line x1="${num(x)}" x2="${num(x + LEGEND_SWATCH)}" y1="${num(y)}" y2="${num(y)}" stroke="${escapeXml(colour)}" stroke-width="${num(width)}"${dashArray(dash, width)}/>` +
					`<circle cx="${num(x + LEGEND_SWATCH / 2)}" cy="${num(y)}" r="3" fill="${escapeXml(colour)}"/>` +
					`<text x="${num(x + LEGEND_SWATCH + 6)}" y="${num(y)}" dominant-baseline="central">${escapeXml(item.label)}</text>`
			);
		}
	});
	out.push('</g>');
	return out.join('');
}

/** Vertical grid lines and, below the plot, their labels: a value axis along the bottom. */
export function xAxisSvg(
	xTicks: readonly { x: number; label: string }[],
	plot: { top: number; bottom: number }
): string {
	const out = [`<g class="grid" stroke="${LINE}">`];
	for (const t of xTicks)
		out.push(`<line x1="${num(t.x)}" x2="${num(t.x)}" y1="${num(plot.top)}" y2="${num(plot.bottom)}"/>`);
	out.push(`</g><g class="ticks" font-size="${AXIS_FONT_SIZE}" fill="${MUTED}" text-anchor="middle">`);
	for (const t of xTicks) out.push(`<text x="${num(t.x)}" y="${num(plot.bottom + 16)}">${escapeXml(t.label)}</text>`);
	out.push('</g>');
	return out.join('');
}

/** A dashed vertical line across a plot with its label above it (a zone's or the nation's value). */
export function referenceLineSvg(
	className: string,
	line: { x: number; top: number; bottom: number; colour: string; dash: string },
	label: { x: number; y: number; text: string; size: number }
): string {
	return (
		`<g class="${className}" fill="${line.colour}" stroke="${line.colour}">` +
		`<line x1="${num(line.x)}" x2="${num(line.x)}" y1="${num(line.top)}" y2="${num(line.bottom)}" stroke-width="1.5" stroke-dasharray="${line.dash}"/>` +
		`<text x="${num(label.x)}" y="${num(label.y)}" text-anchor="middle" stroke="none" font-size="${label.size}" font-weight="600">${escapeXml(label.text)}</text>` +
		'</g>'
	);
}

/**
 * One hover column per category (a year) across a plot, centred on its x: a `g.year` whose
 * `data-tip` is `tip(index)` and whose `.guide` line shows while it is hovered (SvgChart).
 */
export function hoverColumnsSvg(
	xs: readonly number[],
	plot: { left: number; right: number; top: number; bottom: number },
	tip: (index: number) => string
): string {
	const half = xs.length > 1 ? (xs[1] - xs[0]) / 2 : (plot.right - plot.left) / 2;
	return xs
		.map(
			(x, i) =>
				`<g class="year" data-tip="${escapeXml(tip(i))}">` +
				`<rect x="${num(x - half)}" y="${num(plot.top)}" width="${num(2 * half)}" height="${num(plot.bottom - plot.top)}" fill="none" pointer-events="all"/>` +
				`<line class="guide" x1="${num(x)}" x2="${num(x)}" y1="${num(plot.top)}" y2="${num(plot.bottom)}" stroke="${MUTED}"/>` +
				'</g>'
		)
		.join('');
}

/** Horizontal grid lines and their labels for a value axis drawn up the left of a plot. */
export function yAxisSvg(
	yTicks: readonly { y: number; label: string }[],
	plot: { left: number; right: number },
	size = AXIS_FONT_SIZE,
	gridColour = LINE
): string {
	const out = [`<g class="y-axis" font-size="${size}" fill="${MUTED}" text-anchor="end">`];
	for (const t of yTicks)
		out.push(
			`<line x1="${num(plot.left)}" x2="${num(plot.right)}" y1="${num(t.y)}" y2="${num(t.y)}" stroke="${gridColour}"/>` +
				`<text x="${num(plot.left - 6)}" y="${num(t.y)}" dominant-baseline="central">${escapeXml(t.label)}</text>`
		);
	out.push('</g>');
	return out.join('');
}

/** Value ticks laid out along a y range: top is `hi`, bottom is `lo`. */
export function yTicks(
	domain: { lo: number; hi: number; ticks: number[] },
	top: number,
	bottom: number,
	format: Format
): { y: number; label: string }[] {
	const y = linear(domain.lo, domain.hi, bottom, top);
	return domain.ticks.map((v) => ({ y: y(v), label: format(v) }));
}
