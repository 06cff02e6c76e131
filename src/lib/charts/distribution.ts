/** Provinces within each health zone: a box plot per zone with the provinces as a strip of points, drawn as SVG. */
import { dot, escapeHtml, type Format } from './common';
import { escapeXml, linear, num, referenceLineSvg, svgOpen, textWidth, valueDomain, xAxisSvg } from './svg';
import { MISSING, type TableData } from '$lib/core/table';
import { ACCENT, AXIS_FONT_SIZE, CHART_MARGIN, INK, MUTED, NATION_COLOUR } from './theme';

export interface ZoneValue {
	code: string;
	label: string;
	value: number;
}

export interface ZoneDistribution {
	zone: number;
	label: string;
	values: ZoneValue[];
}

export interface BoxStats {
	count: number;
	min: number;
	q1: number;
	median: number;
	q3: number;
	max: number;
}

/** Words the tooltip and the summary table need, in the page's language. */
export interface DistributionLabels {
	count: string;
	min: string;
	q1: string;
	median: string;
	q3: string;
	max: string;
}

/**
 * Quantile of sorted values by linear interpolation between closest ranks
 * (Hyndman & Fan type 7: the default of R, NumPy, d3 and spreadsheets).
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
	const n = sorted.length;
	if (n === 0) return Number.NaN;
	if (n === 1 || p <= 0) return sorted[0];
	if (p >= 1) return sorted[n - 1];
	const h = (n - 1) * p;
	const lo = Math.floor(h);
	return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

/** Five-number summary of the finite values, or null when there are none. Whiskers span the full range. */
export function boxStats(values: readonly number[]): BoxStats | null {
	const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length === 0) return null;
	return {
		count: sorted.length,
		min: sorted[0],
		q1: quantileSorted(sorted, 0.25),
		median: quantileSorted(sorted, 0.5),
		q3: quantileSorted(sorted, 0.75),
		max: sorted[sorted.length - 1]
	};
}

/** Deterministic vertical spread of the i-th point in a row, within ±0.25 of the row centre (golden-ratio sequence). */
export function jitter(index: number): number {
	const f = (index * 0.6180339887498949) % 1;
	return (f - 0.5) * 0.5;
}

export const ROW_HEIGHT = 34;
/** Room above the rows (for the national line's label) and below them (for the axis' labels). */
const CHROME = 64;
const LABEL_GAP = 8;
const BOX_HEIGHT = 16;
const POINT_RADIUS = 3.5;

export function distributionHeight(zoneCount: number): number {
	return Math.max(zoneCount, 1) * ROW_HEIGHT + CHROME;
}

export interface DistributionOptions {
	format: Format;
	nation: number | null;
	nationLabel: string;
	selectedZone: number | null;
	labels: DistributionLabels;
	/** Width of the chart, px. */
	width: number;
}

const BOX = { fill: '#f1f5f9', border: '#94a3b8', point: '#64748b' };
const SELECTED = { fill: 'rgba(15, 118, 110, 0.16)', border: ACCENT, point: ACCENT };

export interface DistributionPoint {
	code: string;
	label: string;
	value: number;
	x: number;
	y: number;
}

export interface DistributionRow {
	zone: number;
	label: string;
	selected: boolean;
	/** Centre line of the row. */
	y: number;
	stats: BoxStats | null;
	/** The box in pixels: whiskers from min to max, the box from q1 to q3. */
	box: { min: number; q1: number; median: number; q3: number; max: number } | null;
	points: DistributionPoint[];
}

export interface DistributionLayout {
	width: number;
	height: number;
	plot: { left: number; right: number; top: number; bottom: number };
	rows: DistributionRow[];
	ticks: { x: number; label: string }[];
	nation: { x: number; label: string; labelX: number } | null;
	format: Format;
	labels: DistributionLabels;
}

/** Where every box, point, tick and the national line go, for a chart `width` pixels wide. */
export function distributionLayout(
	zones: readonly ZoneDistribution[],
	options: DistributionOptions
): DistributionLayout {
	const { format, nation, nationLabel, selectedZone, labels, width } = options;
	const hasNation = nation !== null && Number.isFinite(nation);
	const all = zones.flatMap((z) => z.values.map((v) => v.value)).filter(Number.isFinite);
	const domain = valueDomain(hasNation ? [...all, nation] : all, 5);
	const nameWidth = Math.max(
		0,
		...zones.map((z) => textWidth(z.label, AXIS_FONT_SIZE, z.zone === selectedZone ? 700 : 400))
	);
	const left = CHART_MARGIN.left + Math.ceil(nameWidth) + LABEL_GAP;
	const right = Math.max(left + 1, width - CHART_MARGIN.right);
	const top = hasNation ? 28 : 12;
	const x = linear(domain.lo, domain.hi, left, right);
	const rows = zones.map((z, row): DistributionRow => {
		const stats = boxStats(z.values.map((v) => v.value));
		const y = top + row * ROW_HEIGHT + ROW_HEIGHT / 2;
		return {
			zone: z.zone,
			label: z.label,
			selected: z.zone === selectedZone,
			y,
			stats,
			box: stats && {
				min: x(stats.min),
				q1: x(stats.q1),
				median: x(stats.median),
				q3: x(stats.q3),
				max: x(stats.max)
			},
			points: z.values
				.filter((v) => Number.isFinite(v.value))
				.map((v, i) => ({ ...v, x: x(v.value), y: y + jitter(i) * ROW_HEIGHT }))
		};
	});
	const nationText = hasNation ? `${nationLabel} ${format(nation)}` : '';
	const half = textWidth(nationText, 10, 600) / 2;
	return {
		width,
		height: distributionHeight(zones.length),
		plot: { left, right, top, bottom: top + Math.max(zones.length, 1) * ROW_HEIGHT },
		rows,
		ticks: domain.ticks.map((v) => ({ x: x(v), label: format(v) })),
		nation: hasNation
			? { x: x(nation), label: nationText, labelX: Math.min(Math.max(x(nation), half + 2), width - half - 2) }
			: null,
		format,
		labels
	};
}

/**
 * The layout as one `<svg>`. Each point is a `circle[data-code]` (the page emphasises the
 * highlighted province's with the class `lit`); points and boxes carry `data-tip` keys for
 * `distributionTooltip`.
 */
export function distributionSvg(layout: DistributionLayout): string {
	const { plot } = layout;
	const out = [svgOpen(layout.width, layout.height)];
	out.push(xAxisSvg(layout.ticks, plot));
	out.push(
		`<line class="axis" x1="${num(plot.left)}" x2="${num(plot.right)}" y1="${num(plot.bottom)}" y2="${num(plot.bottom)}" stroke="${MUTED}"/>`
	);
	out.push(`<g class="zones" font-size="${AXIS_FONT_SIZE}" text-anchor="end">`);
	for (const r of layout.rows)
		out.push(
			`<text x="${num(plot.left - LABEL_GAP)}" y="${num(r.y)}" dominant-baseline="central" fill="${r.selected ? INK : MUTED}"${r.selected ? ' font-weight="700"' : ''}>${escapeXml(r.label)}</text>`
		);
	out.push('</g>');
	layout.rows.forEach((r, i) => {
		if (!r.box) return;
		const look = r.selected ? SELECTED : BOX;
		const b = r.box;
		const top = r.y - BOX_HEIGHT / 2;
		out.push(
			`<g class="box" data-tip="b:${i}" stroke="${look.border}" stroke-width="${r.selected ? 2 : 1}">` +
				`<rect x="${num(b.min - 2)}" y="${num(top - 2)}" width="${num(b.max - b.min + 4)}" height="${BOX_HEIGHT + 4}" fill="none" stroke="none" pointer-events="all"/>` +
				`<line x1="${num(b.min)}" x2="${num(b.max)}" y1="${num(r.y)}" y2="${num(r.y)}"/>` +
				`<line x1="${num(b.min)}" x2="${num(b.min)}" y1="${num(r.y - BOX_HEIGHT / 4)}" y2="${num(r.y + BOX_HEIGHT / 4)}"/>` +
				`<line x1="${num(b.max)}" x2="${num(b.max)}" y1="${num(r.y - BOX_HEIGHT / 4)}" y2="${num(r.y + BOX_HEIGHT / 4)}"/>` +
				`<rect x="${num(b.q1)}" y="${num(top)}" width="${num(b.q3 - b.q1)}" height="${BOX_HEIGHT}" fill="${look.fill}"/>` +
				`<line class="median" x1="${num(b.median)}" x2="${num(b.median)}" y1="${num(top)}" y2="${num(top + BOX_HEIGHT)}" stroke-width="2"/>` +
				'</g>'
		);
	});
	if (layout.nation) {
		const n = layout.nation;
		out.push(
			referenceLineSvg(
				'nation',
				{ x: n.x, top: plot.top - 4, bottom: plot.bottom, colour: NATION_COLOUR, dash: '5 3' },
				{ x: n.labelX, y: plot.top - 9, text: n.label, size: 10 }
			)
		);
	}
	out.push('<g class="points" stroke="#fff" stroke-width="0.5">');
	layout.rows.forEach((r, i) => {
		const colour = (r.selected ? SELECTED : BOX).point;
		r.points.forEach((p, j) =>
			out.push(
				`<circle class="point" data-code="${escapeXml(p.code)}" data-tip="p:${i}:${j}" cx="${num(p.x)}" cy="${num(p.y)}" r="${POINT_RADIUS}" fill="${colour}" fill-opacity="0.85"/>`
			)
		);
	});
	out.push('</g></svg>');
	return out.join('');
}

/** The tooltip of a box ("b:row": its five numbers) or a point ("p:row:index": the province), as HTML. */
export function distributionTooltip(layout: DistributionLayout, key: string): string | null {
	const [kind, a, b] = key.split(':');
	const row = layout.rows[Number(a)];
	if (!row) return null;
	const f = (v: number) => escapeHtml(layout.format(v));
	if (kind === 'p') {
		const p = row.points[Number(b)];
		if (!p) return null;
		const colour = (row.selected ? SELECTED : BOX).point;
		return `${dot(colour)}<b>${escapeHtml(p.label)}</b> · ${f(p.value)}<br><span style="color:${NATION_COLOUR}">${escapeHtml(row.label)}</span>`;
	}
	const s = row.stats;
	if (!s) return null;
	const l = layout.labels;
	return [
		`<b>${escapeHtml(row.label)}</b>`,
		`${escapeHtml(l.median)}: <b>${f(s.median)}</b>`,
		`${escapeHtml(l.q1)} – ${escapeHtml(l.q3)}: ${f(s.q1)} – ${f(s.q3)}`,
		`${escapeHtml(l.min)} – ${escapeHtml(l.max)}: ${f(s.min)} – ${f(s.max)}`,
		`${escapeHtml(l.count)}: ${s.count}`
	].join('<br>');
}

/** The points as a table: one row per province (keyed by its code, so DataTable can highlight it). */
export function distributionTable(
	zones: readonly ZoneDistribution[],
	format: Format,
	labels: { zone: string; province: string; value: string }
): TableData {
	return {
		columns: [
			{ key: 'zone', label: labels.zone },
			{ key: 'province', label: labels.province },
			{ key: 'value', label: labels.value, numeric: true }
		],
		rows: zones.flatMap((z) =>
			z.values.map((v) => ({
				key: v.code,
				cells: { zone: z.label, province: v.label, value: Number.isFinite(v.value) ? format(v.value) : MISSING },
				raw: { zone: z.label, province: v.label, value: Number.isFinite(v.value) ? v.value : null }
			}))
		)
	};
}

/** The boxes as a table: one row per zone with its five-number summary. */
export function distributionSummaryTable(
	zones: readonly ZoneDistribution[],
	format: Format,
	labels: DistributionLabels & { zone: string }
): TableData {
	const f = (v: number | undefined) => (v === undefined ? MISSING : format(v));
	return {
		columns: [
			{ key: 'zone', label: labels.zone },
			{ key: 'count', label: labels.count, numeric: true },
			{ key: 'min', label: labels.min, numeric: true },
			{ key: 'q1', label: labels.q1, numeric: true },
			{ key: 'median', label: labels.median, numeric: true },
			{ key: 'q3', label: labels.q3, numeric: true },
			{ key: 'max', label: labels.max, numeric: true }
		],
		rows: zones.map((z) => {
			const s = boxStats(z.values.map((v) => v.value));
			return {
				key: String(z.zone),
				cells: {
					zone: z.label,
					count: String(s?.count ?? 0),
					min: f(s?.min),
					q1: f(s?.q1),
					median: f(s?.median),
					q3: f(s?.q3),
					max: f(s?.max)
				},
				raw: {
					zone: z.label,
					count: s?.count ?? 0,
					min: s?.min ?? null,
					q1: s?.q1 ?? null,
					median: s?.median ?? null,
					q3: s?.q3 ?? null,
					max: s?.max ?? null
				}
			};
		})
	};
}
