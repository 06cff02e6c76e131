/**
 * Ranking bar chart: state → layout → SVG markup, with no DOM and no database. The page, the
 * export and the printed brief draw the same markup; the page updates it in about a
 * millisecond, where ECharts took 5–25 ms per change for 77 bars (docs/performance.md).
 */
import { escapeXml, linear, num, referenceLineSvg, svgOpen, textWidth, valueDomain, xAxisSvg } from './svg';
import type { Format } from './common';
import type { TableData } from '$lib/core/table';
import { AXIS_FONT_SIZE, CHART_MARGIN, INK, MUTED, REFERENCE_COLOURS } from './theme';

export interface RankingItem {
	code: string;
	label: string;
	value: number;
	colour: string;
}

/** A value drawn across the bars for comparison (the zone's, the nation's). */
export interface RankingReference {
	label: string;
	value: number;
	/** Its own colour (the target's); else the next of REFERENCE_COLOURS. */
	colour?: string;
}

/** Height of one bar's band, px. */
export const BAR_HEIGHT = 15;
/** Room below the bars for the value axis' labels. */
const AXIS_ROOM = 28;
/** Room above the bars for each reference line's label. */
const REFERENCE_LABEL_ROOM = 16;
/** Between a province's name and the axis line. */
const NAME_GAP = 8;
/** Right of the longest bar, for its value. */
const VALUE_ROOM = 56;
const VALUE_FONT_SIZE = 10;
/** Share of a band the bar fills. */
const BAR_FILL = 0.82;

/** Distance from the top of the chart to the first bar. */
export function rankingTop(referenceCount = 0): number {
	return 8 + (referenceCount > 0 ? referenceCount * REFERENCE_LABEL_ROOM + 4 : 0);
}

export function rankingHeight(count: number, referenceCount = 0, band = BAR_HEIGHT): number {
	return rankingTop(referenceCount) + count * band + AXIS_ROOM;
}

export interface RankingRow {
	code: string;
	label: string;
	valueLabel: string;
	colour: string;
	/** Top of the row's band. */
	y: number;
	/** The bar: from `x` to `x + width`, whichever side of zero the value is on. */
	x: number;
	width: number;
	/** Where the value is written: after the bar's end, on the side away from zero. */
	valueX: number;
	valueAnchor: 'start' | 'end';
}

export interface RankingLayout {
	width: number;
	height: number;
	band: number;
	/** The value axis runs from `left` to `right`; the bars from `top` to `bottom`. */
	plot: { left: number; right: number; top: number; bottom: number };
	rows: RankingRow[];
	ticks: { x: number; label: string }[];
	references: { x: number; label: string; colour: string; labelX: number; labelY: number }[];
}

/** Where every bar, label, tick and reference line goes, for a chart `width` pixels wide. */
export function rankingLayout(
	items: readonly RankingItem[],
	format: Format,
	references: readonly RankingReference[] = [],
	{ width, band = BAR_HEIGHT }: { width: number; band?: number }
): RankingLayout {
	const shown = references.filter((r) => Number.isFinite(r.value));
	const values = [...items.map((i) => i.value), ...shown.map((r) => r.value)].filter(Number.isFinite);
	const domain = valueDomain(values, 4);
	const nameWidth = Math.max(0, ...items.map((i) => textWidth(i.label, AXIS_FONT_SIZE)));
	const left = CHART_MARGIN.left + Math.ceil(nameWidth) + NAME_GAP;
	const right = Math.max(left + 1, width - VALUE_ROOM);
	const top = rankingTop(shown.length);
	const x = linear(domain.lo, domain.hi, left, right);
	const zero = x(0);
	const rows = items.map((item, i): RankingRow => {
		const end = Number.isFinite(item.value) ? x(item.value) : zero;
		const negative = item.value < 0;
		return {
			code: item.code,
			label: item.label,
			valueLabel: Number.isFinite(item.value) ? format(item.value) : '',
			colour: item.colour,
			y: top + i * band,
			x: Math.min(zero, end),
			width: Math.abs(end - zero),
			valueX: negative ? end - 4 : end + 4,
			valueAnchor: negative ? 'end' : 'start'
		};
	});
	return {
		width,
		height: rankingHeight(items.length, shown.length, band),
		band,
		plot: { left, right, top, bottom: top + items.length * band },
		rows,
		ticks: domain.ticks.map((v) => ({ x: x(v), label: format(v) })),
		references: shown.map((r, i) => {
			const label = `${r.label} ${format(r.value)}`;
			const half = textWidth(label, VALUE_FONT_SIZE, 600) / 2;
			return {
				x: x(r.value),
				label,
				colour: r.colour ?? REFERENCE_COLOURS[i % REFERENCE_COLOURS.length],
				// Centred over its line, but kept inside the chart; several labels are stacked.
				labelX: Math.min(Math.max(x(r.value), half + 2), width - half - 2),
				labelY: top - 4 - (shown.length - 1 - i) * REFERENCE_LABEL_ROOM
			};
		})
	};
}

/**
 * The layout as one `<svg>` element, presentation attributes only (the pages' CSP forbids style
 * elements). Each row is a `<g class="row" data-code>` whose `rect.hit` spans the band, so the page
 * can find the row under the pointer and outline a highlighted one with a class.
 */
export function rankingSvg(layout: RankingLayout): string {
	const { width, height, band, plot } = layout;
	const barHeight = band * BAR_FILL;
	const out: string[] = [svgOpen(width, height)];
	out.push(xAxisSvg(layout.ticks, plot));
	out.push(`<g class="rows" font-size="${AXIS_FONT_SIZE}">`);
	for (const r of layout.rows) {
		const middle = num(r.y + band / 2);
		out.push(
			`<g class="row" data-code="${escapeXml(r.code)}">` +
				`<rect class="hit" x="0" y="${num(r.y)}" width="${num(width)}" height="${num(band)}" fill="none" pointer-events="all"/>` +
				`<text class="name" x="${num(plot.left - NAME_GAP)}" y="${middle}" dominant-baseline="central" text-anchor="end" fill="${MUTED}">${escapeXml(r.label)}</text>` +
				`<rect class="bar" x="${num(r.x)}" y="${num(r.y + (band - barHeight) / 2)}" width="${num(r.width)}" height="${num(barHeight)}" fill="${escapeXml(r.colour)}"/>` +
				`<text class="value" x="${num(r.valueX)}" y="${middle}" dominant-baseline="central" text-anchor="${r.valueAnchor}" font-size="${VALUE_FONT_SIZE}" fill="${INK}">${escapeXml(r.valueLabel)}</text>` +
				'</g>'
		);
	}
	out.push('</g>');
	out.push(
		`<line class="axis" x1="${num(plot.left)}" x2="${num(plot.left)}" y1="${num(plot.top)}" y2="${num(plot.bottom)}" stroke="${MUTED}"/>`
	);
	for (const ref of layout.references)
		out.push(
			referenceLineSvg(
				'reference',
				{ x: ref.x, top: plot.top - 2, bottom: plot.bottom, colour: ref.colour, dash: '4 3' },
				{ x: ref.labelX, y: ref.labelY, text: ref.label, size: VALUE_FONT_SIZE }
			)
		);
	out.push('</svg>');
	return out.join('');
}

/**
 * The ranking as a table: rank, province, value. Ranks are the order of `items` unless `rankOf`
 * says otherwise; `rankWords`, when given, is what the rank cell says ("2nd worst of 4"), while
 * the plain value (for CSV and Parquet) stays the number.
 */
export function rankingTable(
	items: readonly RankingItem[],
	format: Format,
	labels: { rank: string; province: string; value: string },
	rankOf: (item: RankingItem, index: number) => number | string = (_, index) => index + 1,
	rankWords?: (item: RankingItem, index: number) => string
): TableData {
	return {
		columns: [
			{ key: 'rank', label: labels.rank, numeric: true, ...(rankWords ? { nowrap: true } : {}) },
			{ key: 'province', label: labels.province },
			{ key: 'value', label: labels.value, numeric: true }
		],
		rows: items.map((item, index) => ({
			key: item.code,
			cells: {
				rank: rankWords ? rankWords(item, index) : String(rankOf(item, index)),
				province: item.label,
				value: format(item.value)
			},
			raw: { rank: rankOf(item, index), province: item.label, value: item.value }
		}))
	};
}
