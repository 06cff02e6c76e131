/**
 * Runs one export of one view, in the browser: builds the file from the view's Exportable and
 * saves it. The heavy parts (ECharts' SVG renderer, the Parquet writer, the embedded font) load
 * on first use.
 */
import { formatDate, translate } from '$lib/i18n';
import type { Exportable, ExportFormat } from './exportable';
import { frameSvg } from './svg-frame';

export interface ExportContext {
	/** The link to the view. */
	link: string;
	/** YYYY-MM-DD */
	date: string;
}

/** The line at the very bottom: app, export date, link. */
export function colophon(x: Exportable, ctx: ExportContext): string {
	return `${translate(x.lang, 'app_name')} · ${translate(x.lang, 'export_exported_on', { date: formatDate(x.lang, ctx.date) })} · ${ctx.link}`;
}

/** The view as a standalone SVG document; `css` is put in it (the embedded font, for PNG and download). */
export async function svgDocument(x: Exportable, ctx: ExportContext, css?: string): Promise<string> {
	const graphic = await x.graphic();
	return frameSvg(
		{
			lang: x.lang,
			id: x.id,
			title: x.title,
			subtitle: x.subtitle,
			footnotes: x.footnotes,
			sampleNotice: x.sampleNotice,
			colophon: colophon(x, ctx),
			css
		},
		graphic
	);
}

/** Key-value metadata stored in Parquet files. */
export function fileMetadata(x: Exportable, ctx: ExportContext): Record<string, string> {
	return {
		title: x.title,
		filters: x.subtitle,
		sources: x.footnotes.join('\n'),
		...(x.sampleNotice ? { sample_notice: x.sampleNotice } : {}),
		link: ctx.link,
		exported: ctx.date,
		language: x.lang
	};
}

export const EXTENSIONS: Record<Exclude<ExportFormat, 'link' | 'cite'>, string> = {
	png2: '@2x.png',
	png4: '@4x.png',
	svg: '.svg',
	csv: '.csv',
	parquet: '.parquet'
};

/** Builds the file for a format and saves it; returns the file name. */
export async function exportFile(
	format: Exclude<ExportFormat, 'link' | 'cite'>,
	x: Exportable,
	ctx: ExportContext
): Promise<string> {
	const { saveBlob, svgToPng } = await import('./browser');
	const filename = `${x.filename}${EXTENSIONS[format]}`;
	let blob: Blob;
	if (format === 'csv') {
		const { toCsv } = await import('./csv');
		blob = new Blob([toCsv(x.records?.() ?? x.table)], { type: 'text/csv;charset=utf-8' });
	} else if (format === 'parquet') {
		const { toParquet } = await import('./parquet');
		blob = new Blob([toParquet(x.records?.() ?? x.table, fileMetadata(x, ctx)) as Uint8Array<ArrayBuffer>], {
			type: 'application/vnd.apache.parquet'
		});
	} else {
		const { embeddedFontCss } = await import('./fonts');
		const svg = await svgDocument(x, ctx, await embeddedFontCss());
		blob =
			format === 'svg'
				? new Blob([svg], { type: 'image/svg+xml;charset=utf-8' })
				: await svgToPng(svg, format === 'png2' ? 2 : 4);
	}
	saveBlob(blob, filename);
	return filename;
}
