/**
 * A standalone SVG document around a view's graphic: title, subtitle (the filters), the
 * graphic, and a footnote with sources, licences, the sample-data notice and the export date.
 * Pure string building: runs in the browser and at build time alike.
 */
import type { TableData } from '$lib/core/table';
import type { SvgBlock } from './exportable';
import { escapeXml, num, textWidth, wrapText } from '$lib/core/text';
import { FONT_FAMILY, INK, MUTED } from '$lib/charts/theme';

const SAMPLE_INK = '#9a3412';
const PAD = 24;
const MIN_WIDTH = 520;

export interface FrameText {
	lang: string;
	title: string;
	subtitle: string;
	/** Source and licence lines. */
	footnotes: string[];
	sampleNotice?: string;
	/** e.g. "Phakhi Atlas · exported 24 Nov 2026 · https://…" */
	colophon: string;
	/** Marks the document for tools and tests, e.g. "map". */
	id?: string;
	/** CSS placed in the document (the embedded web font, for rasterising). */
	css?: string;
}

interface Lines {
	lines: string[];
	size: number;
	lineHeight: number;
	weight: number;
	fill: string;
	className: string;
}

function textLines(x: number, y: number, { lines, size, lineHeight, weight, fill, className }: Lines): string {
	return lines
		.map(
			(line, i) =>
				`<text class="${className}" x="${num(x)}" y="${num(y + size + i * lineHeight)}" font-size="${size}"${weight !== 400 ? ` font-weight="${weight}"` : ''} fill="${fill}">${escapeXml(line)}</text>`
		)
		.join('');
}

const heightOf = (l: Lines) => (l.lines.length === 0 ? 0 : (l.lines.length - 1) * l.lineHeight + l.size * 1.35);

/** The complete SVG document: `<svg xmlns…>` with the graphic framed by its title and footnote. */
export function frameSvg(text: FrameText, body: SvgBlock): string {
	const width = Math.ceil(Math.max(body.width + 2 * PAD, MIN_WIDTH));
	const room = width - 2 * PAD;
	const block = (t: string, size: number, weight: number, fill: string, className: string): Lines => ({
		lines: t ? wrapText(t, room, size, weight) : [],
		size,
		lineHeight: Math.round(size * 1.4),
		weight,
		fill,
		className
	});
	const title = block(text.title, 18, 600, INK, 'title');
	const subtitle = block(text.subtitle, 12.5, 400, MUTED, 'subtitle');
	const sample = block(text.sampleNotice ?? '', 11.5, 600, SAMPLE_INK, 'sample-notice');
	const notes = text.footnotes.map((f) => block(f, 10.5, 400, MUTED, 'source'));
	const colophon = block(text.colophon, 10, 400, MUTED, 'colophon');

	const parts: string[] = [];
	let y = PAD - 4;
	parts.push(textLines(PAD, y, title));
	y += heightOf(title) + 4;
	if (subtitle.lines.length) {
		parts.push(textLines(PAD, y, subtitle));
		y += heightOf(subtitle);
	}
	y += 12;
	const bodyX = PAD + Math.max(0, (room - body.width) / 2);
	parts.push(`<g class="graphic" transform="translate(${num(bodyX)} ${num(y)})">${body.markup}</g>`);
	y += body.height + 14;
	parts.push(`<line x1="${PAD}" x2="${width - PAD}" y1="${num(y)}" y2="${num(y)}" stroke="#e2e8f0"/>`);
	y += 6;
	if (sample.lines.length) {
		parts.push(`<rect x="${PAD}" y="${num(y + 1)}" width="3" height="${num(heightOf(sample))}" fill="#f97316"/>`);
		parts.push(textLines(PAD + 8, y, sample));
		y += heightOf(sample) + 4;
	}
	for (const note of notes) {
		parts.push(textLines(PAD, y, note));
		y += heightOf(note) + 2;
	}
	parts.push(textLines(PAD, y + 2, colophon));
	y += heightOf(colophon) + 2 + PAD - 6;
	const height = Math.ceil(y);

	const desc = [text.subtitle, ...text.footnotes, text.sampleNotice ?? '', text.colophon].filter(Boolean).join(' — ');
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
		` font-family="${escapeXml(FONT_FAMILY)}" lang="${escapeXml(text.lang)}"${text.id ? ` data-export="${escapeXml(text.id)}"` : ''}>` +
		`<title>${escapeXml(text.title)}</title><desc>${escapeXml(desc)}</desc>` +
		(text.css ? `<style>${text.css}</style>` : '') +
		`<rect width="100%" height="100%" fill="#ffffff"/>` +
		parts.join('') +
		`</svg>`
	);
}

/** A legend entry: a swatch (or the no-data hatch) and its label. */
export interface SwatchItem {
	colour: string;
	label: string;
	/** Drawn with the no-data hatch. */
	hatch?: boolean;
	/** e.g. "(12)": the number of provinces, drawn muted after the label. */
	count?: string;
}

export interface SwatchLegend {
	title: string;
	/** Lines under the title, e.g. the classification method. */
	notes: string[];
	items: SwatchItem[];
}

/** The diagonal no-data hatch, the SVG map's own pattern (in the units of whatever uses it). */
export function hatchPattern(id: string, size = 6): string {
	return (
		`<pattern id="${id}" width="${num(size)}" height="${num(size)}" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
		`<rect width="${num(size)}" height="${num(size)}" fill="#d9d9d9"/>` +
		`<line x1="0" y1="0" x2="0" y2="${num(size)}" stroke="#787878" stroke-width="${num(size / 4)}"/></pattern>`
	);
}

/** A swatch legend as an SVG block: title and notes wrapped at `maxWidth`, items in `columns` columns, its width what it draws. */
export function swatchLegend(legend: SwatchLegend, maxWidth = 240, hatchId = 'legend-hatch', columns = 1): SvgBlock {
	const swatch = { w: 18, h: 12 };
	const row = 19;
	const titleLines = wrapText(legend.title, maxWidth, 12, 600);
	const noteLines = legend.notes.flatMap((n) => wrapText(n, maxWidth, 10.5));
	const parts: string[] = [`<defs>${hatchPattern(hatchId, 5)}</defs>`];
	let y = 0;
	for (const line of titleLines) {
		parts.push(
			`<text class="legend-title" y="${num(y + 12)}" font-size="12" font-weight="600" fill="${INK}">${escapeXml(line)}</text>`
		);
		y += 16;
	}
	for (const line of noteLines) {
		parts.push(
			`<text class="legend-note" y="${num(y + 11)}" font-size="10.5" fill="${MUTED}">${escapeXml(line)}</text>`
		);
		y += 14;
	}
	y += 5;
	const top = y;
	const perColumn = Math.ceil(legend.items.length / Math.max(1, columns));
	// textWidth is an estimate (within about 10 %): room for the real glyphs, so the last column is never clipped.
	const itemWidth = (item: SwatchItem) => swatch.w + 7 + 1.1 * textWidth(`${item.label} ${item.count ?? ''}`, 11.5);
	const columnWidth = Math.max(0, ...legend.items.map(itemWidth)) + 14;
	let widest = Math.max(
		...titleLines.map((l) => textWidth(l, 12, 600)),
		...noteLines.map((l) => textWidth(l, 10.5)),
		0
	);
	legend.items.forEach((item, i) => {
		const x = Math.floor(i / perColumn) * columnWidth;
		const iy = top + (i % perColumn) * row;
		const fill = item.hatch ? `url(#${hatchId})` : item.colour;
		parts.push(
			`<g class="legend-item" data-colour="${escapeXml(item.colour)}">` +
				`<rect x="${num(x)}" y="${num(iy)}" width="${swatch.w}" height="${swatch.h}" fill="${escapeXml(fill)}" stroke="#00000026"/>` +
				`<text x="${num(x + swatch.w + 7)}" y="${num(iy + 10.5)}" font-size="11.5" fill="${INK}">${escapeXml(item.label)}` +
				(item.count ? `<tspan fill="${MUTED}"> ${escapeXml(item.count)}</tspan>` : '') +
				`</text></g>`
		);
		widest = Math.max(widest, x + itemWidth(item));
	});
	const rows = Math.min(perColumn, legend.items.length);
	return {
		// What is drawn, never less: a narrower box would clip the last column ("(15" in the zone brief).
		width: Math.ceil(widest),
		height: Math.ceil(rows > 0 ? top + (rows - 1) * row + swatch.h : y),
		markup: parts.join('')
	};
}

/** Any table as an SVG figure: for views whose graphic is a table (the province profile). */
export function tableSvg(table: TableData, { maxColumnWidth = 260, size = 11 } = {}): SvgBlock {
	const padX = 8;
	const rowHeight = Math.round(size * 1.9);
	const header = table.columns.map((c) => c.label);
	const cells = table.rows.map((r) => table.columns.map((c) => r.cells[c.key] ?? ''));
	const widths = table.columns.map((_, i) =>
		Math.min(
			maxColumnWidth,
			Math.max(textWidth(header[i], size, 600), ...cells.map((row) => textWidth(row[i], size))) + 2 * padX
		)
	);
	const xs = widths.reduce<number[]>((acc, w, i) => [...acc, acc[i] + w], [0]);
	const width = xs[xs.length - 1];
	const parts: string[] = [];
	const cell = (text: string, i: number, y: number, weight: number, fill: string) => {
		const numeric = table.columns[i].numeric;
		const x = numeric ? xs[i] + widths[i] - padX : xs[i] + padX;
		return `<text x="${num(x)}" y="${num(y)}" font-size="${size}"${weight !== 400 ? ` font-weight="${weight}"` : ''} fill="${fill}"${numeric ? ' text-anchor="end"' : ''}>${escapeXml(text)}</text>`;
	};
	parts.push(`<rect width="${num(width)}" height="${rowHeight}" fill="#f1f5f9"/>`);
	header.forEach((h, i) => parts.push(cell(h, i, rowHeight * 0.68, 600, MUTED)));
	cells.forEach((row, r) => {
		const top = (r + 1) * rowHeight;
		parts.push(`<line x1="0" x2="${num(width)}" y1="${top}" y2="${top}" stroke="#e2e8f0"/>`);
		row.forEach((text, i) => parts.push(cell(text, i, top + rowHeight * 0.68, 400, INK)));
	});
	const height = (cells.length + 1) * rowHeight;
	parts.push(`<line x1="0" x2="${num(width)}" y1="${height}" y2="${height}" stroke="#cbd5e1"/>`);
	return { width: Math.ceil(width), height, markup: `<g class="table">${parts.join('')}</g>` };
}
