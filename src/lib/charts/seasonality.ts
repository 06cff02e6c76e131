/**
 * Seasonality of a monthly count (dengue cases by month, indicator_months): a heat map with one
 * row per year and one column per month, darker = more cases. State → layout → SVG markup, with no
 * DOM, like the other charts; the table view holds the same numbers.
 */
import type { MonthValue } from '$lib/core/domain';
import { NO_DATA_COLOUR } from '$lib/map/choropleth';
import { PALETTES } from '$lib/map/palettes';
import { escapeHtml, type Format } from './common';
import { escapeXml, num, svgOpen, widest } from './svg';
import { MISSING, type TableData } from '$lib/core/table';
import { AXIS_FONT_SIZE, INK, MUTED } from './theme';
import { calendarYear, monthNames, translate, type Lang } from '$lib/i18n';

/** Light to dark: few cases to many. */
export const SEASON_COLOURS = PALETTES.ylorrd[7];

/**
 * The upper bound of each colour class: the square-root scale spreads the usual months over the
 * classes instead of letting one outbreak year's peak make every other month the lightest colour.
 */
export function seasonThresholds(max: number): number[] {
	const n = SEASON_COLOURS.length;
	return Array.from({ length: n }, (_, i) => max * ((i + 1) / n) ** 2);
}

/** The class colour of a count (the lightest for 0). */
export function seasonColour(value: number, thresholds: readonly number[]): string {
	const i = thresholds.findIndex((t) => value <= t);
	return SEASON_COLOURS[i === -1 ? SEASON_COLOURS.length - 1 : i];
}

export interface SeasonalityLabels {
	/** "Jan" … "Dec" in the page's language. */
	months: readonly string[];
	formatYear: (year: number) => string;
	/** Shown for a month without a value. */
	noData: string;
}

/** The heat map's words in the page's language: month names, years as the page counts them (Buddhist era in Thai). */
export function seasonalityLabels(lang: Lang): SeasonalityLabels {
	return {
		months: monthNames(lang),
		formatYear: (year) => String(calendarYear(lang, year)),
		noData: translate(lang, 'legend_no_data')
	};
}

export interface SeasonalityCell {
	year: number;
	month: number;
	value: number | null;
	x: number;
	y: number;
	colour: string;
}

export interface SeasonalityLayout {
	width: number;
	height: number;
	cell: { width: number; height: number };
	rows: { year: number; y: number; label: string }[];
	columns: { month: number; x: number; label: string }[];
	cells: SeasonalityCell[];
	legend: { colour: string; label: string; x: number; y: number }[];
	/** The width of one key swatch. */
	swatch: number;
	format: Format;
	labels: SeasonalityLabels;
}

const SIDE = 6;
const TOP = 18;
const ROW = 15;
/** One row of the colour key: swatch and label. */
const LEGEND_ROW = 30;

/** Every year of the months' range, in order (a year without any month is a row of missing cells). */
function yearsOf(months: readonly MonthValue[]): number[] {
	if (months.length === 0) return [];
	const years = months.map((m) => m.year);
	const [lo, hi] = [Math.min(...years), Math.max(...years)];
	return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

export function seasonalityLayout(
	months: readonly MonthValue[],
	format: Format,
	labels: SeasonalityLabels,
	{ width }: { width: number }
): SeasonalityLayout {
	const years = yearsOf(months);
	const valueOf = new Map(months.map((m) => [`${m.year}-${m.month}`, m.value]));
	const max = Math.max(0, ...months.map((m) => m.value ?? 0));
	const thresholds = seasonThresholds(max || 1);
	const yearLabels = years.map(labels.formatYear);
	const left = SIDE + Math.ceil(widest(yearLabels)) + 6;
	const cellWidth = Math.max(12, (width - left - SIDE) / 12);
	const rows = years.map((year, i) => ({ year, y: TOP + i * ROW, label: yearLabels[i] }));
	const columns = labels.months.map((label, i) => ({ month: i + 1, x: left + i * cellWidth, label }));
	const cells = rows.flatMap((row) =>
		columns.map((column): SeasonalityCell => {
			const value = valueOf.get(`${row.year}-${column.month}`) ?? null;
			return {
				year: row.year,
				month: column.month,
				value,
				x: column.x,
				y: row.y,
				colour: value === null ? NO_DATA_COLOUR : seasonColour(value, thresholds)
			};
		})
	);
	const legendTop = TOP + years.length * ROW + 10;
	let lower = 0;
	const keys = [
		...SEASON_COLOURS.map((colour, i) => {
			const upper = thresholds[i];
			const label = i === 0 ? `0–${format(upper)}` : `${format(lower)}–${format(upper)}`;
			lower = upper;
			return { colour, label };
		}),
		{ colour: NO_DATA_COLOUR, label: labels.noData }
	];
	// One row of eight when the labels fit under their swatches, else two rows of four (a phone).
	const room = width - left - SIDE;
	const perRow =
		widest(
			keys.map((k) => k.label),
			AXIS_FONT_SIZE - 1
		) +
			6 <=
		room / keys.length
			? keys.length
			: keys.length / 2;
	const swatch = room / perRow;
	const legend = keys.map((k, i) => ({
		...k,
		x: left + (i % perRow) * swatch,
		y: legendTop + Math.floor(i / perRow) * LEGEND_ROW
	}));
	return {
		width,
		height: legendTop + Math.ceil(keys.length / perRow) * LEGEND_ROW + 4,
		cell: { width: cellWidth, height: ROW },
		rows,
		columns,
		cells,
		legend,
		swatch,
		format,
		labels
	};
}

/** The layout as one `<svg>`: a `rect[data-tip="year-month"]` per cell, month and year labels, the colour key. */
export function seasonalitySvg(layout: SeasonalityLayout): string {
	const { cell } = layout;
	const out = [svgOpen(layout.width, layout.height)];
	out.push(`<g class="months" font-size="${AXIS_FONT_SIZE}" fill="${MUTED}" text-anchor="middle">`);
	for (const c of layout.columns)
		out.push(`<text x="${num(c.x + cell.width / 2)}" y="${num(12)}">${escapeXml(c.label)}</text>`);
	out.push('</g>');
	out.push(`<g class="years" font-size="${AXIS_FONT_SIZE}" fill="${MUTED}" text-anchor="end">`);
	for (const r of layout.rows)
		out.push(
			`<text x="${num(layout.columns[0].x - 6)}" y="${num(r.y + cell.height - 4)}">${escapeXml(r.label)}</text>`
		);
	out.push('</g>');
	out.push('<g class="cells">');
	for (const c of layout.cells)
		out.push(
			`<rect data-tip="${c.year}-${c.month}" x="${num(c.x)}" y="${num(c.y)}" width="${num(cell.width - 1)}" height="${num(cell.height - 1)}" fill="${escapeXml(c.colour)}"${c.value === null ? ' class="missing"' : ''}/>`
		);
	out.push('</g>');
	out.push(`<g class="key" font-size="${AXIS_FONT_SIZE - 1}" fill="${INK}">`);
	for (const item of layout.legend)
		out.push(
			`<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(layout.swatch - 2)}" height="10" fill="${escapeXml(item.colour)}" stroke="${MUTED}" stroke-width="0.5"/>` +
				`<text x="${num(item.x)}" y="${num(item.y + 22)}">${escapeXml(item.label)}</text>`
		);
	out.push('</g></svg>');
	return out.join('');
}

/** The tooltip of a cell (`data-tip` "year-month"). */
export function seasonalityTooltip(layout: SeasonalityLayout, key: string): string | null {
	const [year, month] = key.split('-').map(Number);
	const c = layout.cells.find((x) => x.year === year && x.month === month);
	if (!c) return null;
	const value = c.value === null ? layout.labels.noData : layout.format(c.value);
	return `<b>${escapeHtml(layout.labels.months[month - 1])} ${escapeHtml(layout.labels.formatYear(year))}</b>: ${escapeHtml(value)}`;
}

/** The heat map as a table: one row per year, one column per month. */
export function seasonalityTable(
	months: readonly MonthValue[],
	format: Format,
	labels: SeasonalityLabels & { year: string }
): TableData {
	const valueOf = new Map(months.map((m) => [`${m.year}-${m.month}`, m.value]));
	return {
		columns: [
			{ key: 'year', label: labels.year },
			...labels.months.map((label, i) => ({ key: `m${i + 1}`, label, numeric: true }))
		],
		rows: yearsOf(months).map((year) => {
			const values = labels.months.map((_, i) => valueOf.get(`${year}-${i + 1}`) ?? null);
			return {
				key: String(year),
				cells: Object.fromEntries([
					['year', labels.formatYear(year)],
					...values.map((v, i) => [`m${i + 1}`, v === null ? MISSING : format(v)])
				]),
				raw: Object.fromEntries([['year', year], ...values.map((v, i) => [`m${i + 1}`, v])])
			};
		})
	};
}
