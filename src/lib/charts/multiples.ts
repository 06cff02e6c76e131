/** Small multiples: one small line chart per issue area, the place against the nation, in one SVG. */
import { dot, escapeHtml, type Format } from './common';
import {
	dashArray,
	escapeXml,
	hoverColumnsSvg,
	legendLayout,
	legendSvg,
	linear,
	linePath,
	num,
	svgOpen,
	truncate,
	valueDomain,
	widest,
	yAxisSvg,
	type LegendLayout
} from './svg';
import { MISSING, type TableData } from '$lib/core/table';
import { MUTED, NATION_COLOUR } from './theme';
import type { FormatYear } from './trend';

export interface IssueAreaPoint {
	year: number;
	value: number | null;
	reference: number | null;
}

export interface IssueAreaPanel {
	issueAreaId: string;
	title: string;
	colour: string;
	isSample: boolean;
	indicatorLabel: string;
	unit: string;
	format: Format;
	series: IssueAreaPoint[];
}

export interface MultiplesOptions {
	/** Width of the chart in CSS pixels; decides the number of columns. */
	width: number;
	formatYear: FormatYear;
	/** Legend names of the two lines: the place shown ("ขอนแก่น") and the reference ("ทั้งประเทศ"). */
	valueLabel: string;
	referenceLabel: string;
	/** Appended to a sample panel's title after " · " ("ตัวอย่าง" / "sample"). */
	sampleMarker: string;
}

export const PANEL_HEIGHT = 180;
const LEGEND_ROOM = 30;
const TITLE_ROOM = 46;
const GAP = 16;

/** 4 columns (4 × 2 for eight issue areas) on a wide screen, 2 on a tablet, 1 on a phone. */
export function multiplesColumns(width: number, count: number): number {
	const wanted = width >= 880 ? 4 : width >= 420 ? 2 : 1;
	return Math.max(1, Math.min(wanted, count));
}

export interface MultiplesGrid {
	columns: number;
	rows: number;
	height: number;
	cells: { left: number; top: number; width: number; height: number }[];
}

export function multiplesGrid(width: number, count: number): MultiplesGrid {
	const columns = multiplesColumns(width, count);
	const rows = Math.ceil(count / columns);
	const cellWidth = (width - GAP * (columns - 1)) / columns;
	const cells = Array.from({ length: count }, (_, i) => ({
		left: (i % columns) * (cellWidth + GAP),
		top: LEGEND_ROOM + Math.floor(i / columns) * PANEL_HEIGHT,
		width: cellWidth,
		height: PANEL_HEIGHT
	}));
	return { columns, rows, height: LEGEND_ROOM + rows * PANEL_HEIGHT, cells };
}

export function panelTitle(panel: IssueAreaPanel, sampleMarker: string): string {
	return panel.isSample ? `${panel.title} · ${sampleMarker}` : panel.title;
}

function panelSubtitle(panel: IssueAreaPanel): string {
	return panel.unit ? `${panel.indicatorLabel} (${panel.unit})` : panel.indicatorLabel;
}

const clean = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);

const NEUTRAL = '#334155';
const TITLE_SIZE = 13;
const SUBTITLE_SIZE = 10.5;
const TICK_SIZE = 10;
/** Below each plot, for its first and last year. */
const X_AXIS_ROOM = 16;

export interface MultiplesPanelLayout {
	panel: IssueAreaPanel;
	left: number;
	top: number;
	title: string;
	subtitle: string;
	plot: { left: number; right: number; top: number; bottom: number };
	yTicks: { y: number; label: string }[];
	years: { x: number; label: string }[];
	value: ({ x: number; y: number } | null)[];
	reference: ({ x: number; y: number } | null)[];
}

export interface MultiplesLayout {
	width: number;
	height: number;
	legend: LegendLayout;
	panels: MultiplesPanelLayout[];
	options: MultiplesOptions;
}

/** Where every panel's title, axis and lines go, in a chart `options.width` pixels wide. */
export function multiplesLayout(panels: readonly IssueAreaPanel[], options: MultiplesOptions): MultiplesLayout {
	const width = options.width > 0 ? options.width : 960;
	const grid = multiplesGrid(width, panels.length);
	const legend = legendLayout(
		[
			{ label: options.valueLabel, style: { colour: NEUTRAL, dash: 'solid', width: 2.5 } },
			{ label: options.referenceLabel, style: { colour: NATION_COLOUR, dash: 'dotted', width: 2 } }
		],
		width,
		'left'
	);
	return {
		width,
		height: grid.height,
		legend,
		options,
		panels: panels.map((p, i) => {
			const cell = grid.cells[i];
			const values = p.series.map((s) => clean(s.value));
			const references = p.series.map((s) => clean(s.reference));
			const domain = valueDomain(
				[...values, ...references].filter((v): v is number => v !== null),
				3
			);
			const tickLabels = domain.ticks.map((v) => p.format(v));
			const top = cell.top + TITLE_ROOM;
			const bottom = cell.top + cell.height - GAP - X_AXIS_ROOM;
			const left = cell.left + Math.ceil(widest(tickLabels, TICK_SIZE)) + 6;
			const right = Math.max(left + 1, cell.left + cell.width - 8);
			const y = linear(domain.lo, domain.hi, bottom, top);
			const n = p.series.length;
			const x = (j: number) => (n > 1 ? left + (j * (right - left)) / (n - 1) : (left + right) / 2);
			const at = (v: number | null, j: number) => (v === null ? null : { x: x(j), y: y(v) });
			return {
				panel: p,
				left: cell.left,
				top: cell.top,
				title: truncate(panelTitle(p, options.sampleMarker), cell.width, TITLE_SIZE, 600),
				subtitle: truncate(panelSubtitle(p), cell.width, SUBTITLE_SIZE),
				plot: { left, right, top, bottom },
				yTicks: domain.ticks.map((v, k) => ({ y: y(v), label: tickLabels[k] })),
				years: p.series.map((s, j) => ({ x: x(j), label: options.formatYear(s.year) })),
				value: values.map(at),
				reference: references.map(at)
			};
		})
	};
}

/**
 * The layout as one `<svg>`: a `g.panel[data-issue-area]` per issue area, and over each plot one
 * `g.year[data-tip="panel:year"]` column per year, whose `.guide` shows while it is hovered.
 */
export function multiplesSvg(layout: MultiplesLayout): string {
	const out = [svgOpen(layout.width, layout.height), legendSvg(layout.legend, 0)];
	layout.panels.forEach((pl, i) => {
		const { plot, panel } = pl;
		const colour = escapeXml(panel.colour);
		out.push(`<g class="panel" data-issue-area="${escapeXml(panel.issueAreaId)}">`);
		out.push(
			`<text class="title" x="${num(pl.left)}" y="${num(pl.top + 13)}" font-size="${TITLE_SIZE}" font-weight="600" fill="${colour}">${escapeXml(pl.title)}</text>` +
				`<text class="subtitle" x="${num(pl.left)}" y="${num(pl.top + 29)}" font-size="${SUBTITLE_SIZE}" fill="${MUTED}">${escapeXml(pl.subtitle)}</text>`
		);
		out.push(yAxisSvg(pl.yTicks, plot, TICK_SIZE, '#eef2f6'));
		out.push(
			`<line x1="${num(plot.left)}" x2="${num(plot.right)}" y1="${num(plot.bottom)}" y2="${num(plot.bottom)}" stroke="#cbd5e1"/>`
		);
		const first = pl.years[0];
		const last = pl.years[pl.years.length - 1];
		if (first) {
			out.push(`<g font-size="${TICK_SIZE}" fill="${MUTED}">`);
			out.push(`<text x="${num(first.x)}" y="${num(plot.bottom + 13)}">${escapeXml(first.label)}</text>`);
			if (last !== first)
				out.push(
					`<text x="${num(last.x)}" y="${num(plot.bottom + 13)}" text-anchor="end">${escapeXml(last.label)}</text>`
				);
			out.push('</g>');
		}
		const reference = linePath(pl.reference);
		if (reference)
			out.push(
				`<path class="reference" d="${reference}" fill="none" stroke="${NATION_COLOUR}" stroke-width="2"${dashArray('dotted', 2)}/>`
			);
		const value = linePath(pl.value);
		out.push(`<g class="value" fill="${colour}">`);
		if (value)
			out.push(`<path d="${value}" fill="none" stroke="${colour}" stroke-width="2.5" stroke-linejoin="round"/>`);
		for (const p of pl.value) if (p) out.push(`<circle cx="${num(p.x)}" cy="${num(p.y)}" r="2.5"/>`);
		out.push('</g>');
		out.push(
			hoverColumnsSvg(
				pl.years.map((y) => y.x),
				plot,
				(j) => `${i}:${j}`
			)
		);
		out.push('</g>');
	});
	out.push('</svg>');
	return out.join('');
}

/** The tooltip of one year of one panel ("panel:year"), as HTML. */
export function multiplesTooltip(layout: MultiplesLayout, key: string): string | null {
	const [a, b] = key.split(':').map(Number);
	const panel = layout.panels[a]?.panel;
	const point = panel?.series[b];
	if (!panel || !point) return null;
	const { formatYear, valueLabel, referenceLabel, sampleMarker } = layout.options;
	const f = (v: number | null) => {
		const c = clean(v);
		return c === null ? MISSING : escapeHtml(panel.format(c));
	};
	return [
		`<b style="color:${escapeHtml(panel.colour)}">${escapeHtml(panelTitle(panel, sampleMarker))}</b> · ${escapeHtml(formatYear(point.year))}`,
		`<span style="color:${MUTED}">${escapeHtml(panelSubtitle(panel))}</span>`,
		`${dot(panel.colour)}${escapeHtml(valueLabel)}: <b>${f(point.value)}</b>`,
		`${dot(NATION_COLOUR)}${escapeHtml(referenceLabel)}: <b>${f(point.reference)}</b>`
	].join('<br>');
}

/** The multiples as a table: one row per issue area and year. */
export function multiplesTable(
	panels: readonly IssueAreaPanel[],
	formatYear: FormatYear,
	labels: { issueArea: string; indicator: string; year: string; value: string; reference: string; sampleMarker: string }
): TableData {
	return {
		columns: [
			{ key: 'issueArea', label: labels.issueArea },
			{ key: 'indicator', label: labels.indicator },
			{ key: 'year', label: labels.year },
			{ key: 'value', label: labels.value, numeric: true },
			{ key: 'reference', label: labels.reference, numeric: true }
		],
		rows: panels.flatMap((p) =>
			p.series.map((s) => {
				const value = clean(s.value);
				const reference = clean(s.reference);
				return {
					key: `${p.issueAreaId}:${s.year}`,
					cells: {
						issueArea: panelTitle(p, labels.sampleMarker),
						indicator: panelSubtitle(p),
						year: formatYear(s.year),
						value: value === null ? MISSING : p.format(value),
						reference: reference === null ? MISSING : p.format(reference)
					},
					raw: {
						issueArea: panelTitle(p, labels.sampleMarker),
						indicator: panelSubtitle(p),
						year: s.year,
						value,
						reference
					}
				};
			})
		)
	};
}
