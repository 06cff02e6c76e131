/** Trend lines over years for a province, its zone and the nation: state → layout → SVG markup. */
import { dot, escapeHtml, type Format } from './common';
import {
	dashArray,
	escapeXml,
	hoverColumnsSvg,
	labelStep,
	legendLayout,
	legendSvg,
	linear,
	linePath,
	num,
	svgOpen,
	valueDomain,
	widest,
	yAxisSvg,
	type LegendLayout,
	type LineStyle
} from './svg';
import { MISSING, type TableData } from '$lib/core/table';
import {
	AXIS_FONT_SIZE,
	CHART_MARGIN,
	MUTED,
	NATION_COLOUR,
	PROVINCE_COLOURS,
	TARGET_COLOUR,
	ZONE_COLOURS
} from './theme';

/** A place's series, or the national target that applied each year (a threshold, not a place). */
export type TrendKind = 'province' | 'zone' | 'nation' | 'target';

export interface TrendPoint {
	year: number;
	value: number | null;
	/**
	 * What a zone's or the nation's figure covers when some provinces had no value ("60 of 77
	 * provinces, 85% of the population"; aggregate-lines.ts): drawn as an open point, said in the
	 * tooltip and the table.
	 */
	note?: string | null;
}

export interface TrendSeries {
	key: string;
	label: string;
	kind: TrendKind;
	points: TrendPoint[];
}

export type FormatYear = (year: number) => string;

/**
 * True when a series has a value to draw. A zone or nation whose figures were all withheld (too few
 * provinces: aggregate-coverage.ts) has none, and is left out rather than named in the legend.
 */
export const hasValues = (series: TrendSeries): boolean => series.points.some((p) => p.value !== null);

/** Every year any series has, in order: the shared x axis. */
export function trendYears(series: readonly TrendSeries[]): number[] {
	return [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
}

/** A series' values on the shared years; a missing year or a null value is a gap (null). */
export function alignedValues(series: TrendSeries, years: readonly number[]): (number | null)[] {
	const byYear = new Map(series.points.map((p) => [p.year, p.value]));
	return years.map((y) => {
		const v = byYear.get(y);
		return v === undefined || v === null || !Number.isFinite(v) ? null : v;
	});
}

/** A series' notes on the shared years (null where it has none). */
function alignedNotes(series: TrendSeries, years: readonly number[]): (string | null)[] {
	const byYear = new Map(series.points.map((p) => [p.year, p.note ?? null]));
	return years.map((y) => byYear.get(y) ?? null);
}

/** Line style by kind: the province solid and bold, the zone dashed, the nation dotted grey. */
export function trendStyle(
	kind: TrendKind,
	indexOfKind: number
): { colour: string; type: 'solid' | 'dashed' | 'dotted'; width: number } {
	if (kind === 'province')
		return { colour: PROVINCE_COLOURS[indexOfKind % PROVINCE_COLOURS.length], type: 'solid', width: 3 };
	if (kind === 'zone') return { colour: ZONE_COLOURS[indexOfKind % ZONE_COLOURS.length], type: 'dashed', width: 2 };
	if (kind === 'target') return { colour: TARGET_COLOUR, type: 'dashed', width: 1.5 };
	return { colour: NATION_COLOUR, type: 'dotted', width: 2 };
}

/** Draw order: the nation underneath, the province on top. */
const Z: Record<TrendKind, number> = { target: 1, nation: 2, zone: 3, province: 4 };

/** Below the plot, for the years. */
const X_AXIS_ROOM = 28;

export interface TrendLine {
	key: string;
	label: string;
	kind: TrendKind;
	style: LineStyle;
	/** One per year of the x axis; null where the series has no value. */
	points: ({ x: number; y: number; value: number; note: string | null } | null)[];
	radius: number;
}

export interface TrendLayout {
	width: number;
	height: number;
	plot: { left: number; right: number; top: number; bottom: number };
	legend: LegendLayout;
	years: { year: number; x: number; label: string; labelled: boolean }[];
	yTicks: { y: number; label: string }[];
	/** In drawing order: the nation first, the province last. */
	lines: TrendLine[];
	/** The series in their given order, for the tooltip. */
	tooltipOrder: TrendLine[];
	format: Format;
}

/** Where every line, point, label and tick goes, in a chart of `width` × `height` px. */
export function trendLayout(
	series: readonly TrendSeries[],
	format: Format,
	formatYear: FormatYear,
	{ width, height }: { width: number; height: number }
): TrendLayout {
	const years = trendYears(series);
	const counts: Record<TrendKind, number> = { province: 0, zone: 0, nation: 0, target: 0 };
	const styles = series.map((s) => trendStyle(s.kind, counts[s.kind]++));
	const values = series.map((s) => alignedValues(s, years));
	const notes = series.map((s) => alignedNotes(s, years));
	const legend = legendLayout(
		series.map((s, i) => ({
			label: s.label,
			style: { colour: styles[i].colour, dash: styles[i].type, width: styles[i].width }
		})),
		width - 2 * CHART_MARGIN.left,
		'center'
	);
	const top = 8 + legend.height + 14;
	const bottom = Math.max(top + 1, height - X_AXIS_ROOM);
	const domain = valueDomain(
		values.flat().filter((v): v is number => v !== null),
		4
	);
	const tickLabels = domain.ticks.map((v) => format(v));
	const left = CHART_MARGIN.left + Math.ceil(widest(tickLabels)) + 6;
	const right = Math.max(left + 1, width - CHART_MARGIN.right);
	const y = linear(domain.lo, domain.hi, bottom, top);
	const spacing = years.length > 1 ? (right - left) / (years.length - 1) : right - left;
	const x = (i: number) => (years.length > 1 ? left + i * spacing : (left + right) / 2);
	const yearLabels = years.map(formatYear);
	const step = labelStep(years.length, spacing, widest(yearLabels));
	const lines = series.map((s, i): TrendLine => ({
		key: s.key,
		label: s.label,
		kind: s.kind,
		style: { colour: styles[i].colour, dash: styles[i].type, width: styles[i].width },
		points: values[i].map((v, j) => (v === null ? null : { x: x(j), y: y(v), value: v, note: notes[i][j] })),
		radius: s.kind === 'province' ? 3.5 : 2.5
	}));
	return {
		width,
		height,
		plot: { left, right, top, bottom },
		legend,
		years: years.map((year, i) => ({
			year,
			x: x(i),
			label: yearLabels[i],
			// Every step-th year from the last, so the latest year is always named.
			labelled: (years.length - 1 - i) % step === 0
		})),
		yTicks: domain.ticks.map((v, i) => ({ y: y(v), label: tickLabels[i] })),
		lines: [...lines].sort((a, b) => Z[a.kind] - Z[b.kind]),
		tooltipOrder: lines,
		format
	};
}

/**
 * The layout as one `<svg>`: a `g.line[data-series]` per series, and over the plot one
 * `g.year[data-tip]` column per year, whose `.guide` line shows while it is hovered.
 */
export function trendSvg(layout: TrendLayout): string {
	const { plot } = layout;
	const out = [svgOpen(layout.width, layout.height), legendSvg(layout.legend, 8)];
	out.push(yAxisSvg(layout.yTicks, plot));
	out.push(
		`<line class="axis" x1="${num(plot.left)}" x2="${num(plot.right)}" y1="${num(plot.bottom)}" y2="${num(plot.bottom)}" stroke="${MUTED}"/>`
	);
	out.push(`<g class="x-axis" font-size="${AXIS_FONT_SIZE}" fill="${MUTED}" text-anchor="middle">`);
	for (const year of layout.years)
		if (year.labelled)
			out.push(`<text x="${num(year.x)}" y="${num(plot.bottom + 17)}">${escapeXml(year.label)}</text>`);
	out.push('</g>');
	for (const line of layout.lines) {
		const { colour, dash, width } = line.style;
		const d = linePath(line.points);
		out.push(`<g class="line" data-series="${escapeXml(line.key)}" fill="${escapeXml(colour)}">`);
		if (d)
			out.push(
				`<path d="${d}" fill="none" stroke="${escapeXml(colour)}" stroke-width="${num(width)}" stroke-linejoin="round"${dashArray(dash, width)}/>`
			);
		for (const p of line.points)
			if (p)
				out.push(
					// A figure from part of the place's provinces: an open point (its note is in the tooltip and the table).
					p.note
						? `<circle class="partial" cx="${num(p.x)}" cy="${num(p.y)}" r="${num(line.radius)}" fill="#fff" stroke="${escapeXml(colour)}" stroke-width="1.5"/>`
						: `<circle cx="${num(p.x)}" cy="${num(p.y)}" r="${num(line.radius)}"/>`
				);
		out.push('</g>');
	}
	out.push('<g class="years">');
	out.push(
		hoverColumnsSvg(
			layout.years.map((y) => y.x),
			plot,
			(i) => String(i)
		)
	);
	out.push('</g></svg>');
	return out.join('');
}

/**
 * The year on screen (the timeline's) as a faint band, in an SVG of the chart's size drawn behind
 * trendSvg's: a year step then redraws this one line, not the chart. '' when the year is not on the axis.
 */
export function trendMarkerSvg(layout: TrendLayout, year: number | null): string {
	const marked = layout.years.find((y) => y.year === year);
	if (!marked) return '';
	const { plot } = layout;
	return (
		svgOpen(layout.width, layout.height) +
		`<line class="year-marker" data-year="${marked.year}" x1="${num(marked.x)}" x2="${num(marked.x)}" y1="${num(plot.top)}" y2="${num(plot.bottom)}" stroke="${MUTED}" stroke-opacity="0.35" stroke-width="6"/></svg>`
	);
}

/** The tooltip of a year (its index on the x axis): every series' value that year, as HTML. */
export function trendTooltip(layout: TrendLayout, key: string): string | null {
	const index = Number(key);
	const year = layout.years[index];
	if (!year) return null;
	const lines = layout.tooltipOrder.map((line) => {
		const p = line.points[index];
		const note = p?.note ? ` (${escapeHtml(p.note)})` : '';
		return `${dot(line.style.colour)}${escapeHtml(line.label)}: <b>${p ? escapeHtml(layout.format(p.value)) : MISSING}</b>${note}`;
	});
	return [`<b>${escapeHtml(year.label)}</b>`, ...lines].join('<br>');
}

/** The trend as a table: one row per year, one column per series. */
export function trendTable(
	series: readonly TrendSeries[],
	format: Format,
	formatYear: FormatYear,
	labels: { year: string }
): TableData {
	const years = trendYears(series);
	const values = series.map((s) => alignedValues(s, years));
	const notes = series.map((s) => alignedNotes(s, years));
	const cell = (i: number, y: number) => {
		const v = values[i][y];
		if (v === null) return MISSING;
		return notes[i][y] ? `${format(v)} (${notes[i][y]})` : format(v);
	};
	return {
		columns: [
			{ key: 'year', label: labels.year },
			...series.map((s) => ({ key: `s:${s.key}`, label: s.label, numeric: true }))
		],
		rows: years.map((year, y) => ({
			key: String(year),
			cells: Object.fromEntries([['year', formatYear(year)], ...series.map((s, i) => [`s:${s.key}`, cell(i, y)])]),
			raw: Object.fromEntries([['year', year], ...series.map((s, i) => [`s:${s.key}`, values[i][y]])])
		}))
	};
}
