/**
 * The export mechanism's one contract. A view (map, chart, table) that wants the export menu
 * describes itself as an `Exportable`: what it shows in words, the rows behind it, where the
 * data come from, and its graphic as SVG. Everything else (PNG, SVG with title and footnote,
 * CSV, Parquet, link, citation) is done the same way for every view, in the browser.
 */
import type { TableData } from '$lib/core/table';
import type { SourceRow } from '$lib/data/contract';
import type { Lang } from '$lib/i18n';

/** A piece of SVG drawn in its own box with the origin at its top-left corner. */
export interface SvgBlock {
	width: number;
	height: number;
	/** SVG elements (no root `<svg>`), or a complete nested `<svg>` element. */
	markup: string;
}

export interface Exportable {
	/** Stable id of the view within its page ("map", "ranking", …): the link anchor and part of file names. */
	id: string;
	lang: Lang;
	/** What the view shows, e.g. "Road traffic death rate by province, 2023". */
	title: string;
	/** The filters in words, e.g. "Health zone 10 · Quantiles, 5 classes · selected: Khon Kaen". */
	subtitle: string;
	/** File name without extension; only [a-z0-9_-]. */
	filename: string;
	/** Footnote lines naming the data sources and their licences, in the page language. */
	footnotes: string[];
	/** Shown when any of the data are generated sample data. */
	sampleNotice?: string;
	/** Catalogue rows of the sources to cite. */
	sources: SourceRow[];
	/** The period each source's data cover, by source id ("2011–2024"), for the citation. */
	sourceDates?: Record<string, string>;
	/** Exactly the rows behind the view: the same helper output the on-screen table shows. */
	table: TableData;
	/**
	 * The same data as tidy, self-describing rows (tidy.ts): what CSV and Parquet write, built when
	 * a file is asked for. Views without them export `table`.
	 */
	records?: () => TableData;
	/** The graphic with its legend, without title or footnote (the frame adds those). */
	graphic(): Promise<SvgBlock>;
	/** Formats this view offers; all by default. */
	formats?: readonly ExportFormat[];
	/** What the graphic is, for the button ("Export map", "Export chart"); set by views.ts. */
	what?: ExportWhat;
}

/** What an export's graphic is: its button says it, so two buttons side by side never read alike. */
export const EXPORT_WHATS = ['map', 'chart', 'table'] as const;
export type ExportWhat = (typeof EXPORT_WHATS)[number];

export const EXPORT_FORMATS = ['png2', 'png4', 'svg', 'csv', 'parquet', 'link', 'cite'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The parts of a file name, joined with "_" and cleaned to [a-z0-9_-]. */
export function fileStem(...parts: (string | number | null | undefined | false)[]): string {
	return parts
		.filter((p): p is string | number => p !== null && p !== undefined && p !== false && p !== '')
		.map((p) =>
			String(p)
				.toLowerCase()
				.replace(/[^a-z0-9-]+/g, '-')
				.replace(/^-+|-+$/g, '')
		)
		.filter(Boolean)
		.join('_');
}

/** The catalogue rows with these ids, in the order given, each once; unknown ids are skipped. */
export function sourcesById(sources: readonly SourceRow[], ids: readonly (string | null | undefined)[]): SourceRow[] {
	const seen = new Set<string>();
	const out: SourceRow[] = [];
	for (const id of ids) {
		if (!id || seen.has(id)) continue;
		const row = sources.find((s) => s.source_id === id);
		if (row) {
			seen.add(id);
			out.push(row);
		}
	}
	return out;
}

/** Source ids the atlas draws on besides an indicator's own. */
export const BOUNDARY_SOURCE = 'ocha_cod_ab';
export const ZONE_SOURCE = 'nhso_zones';
export const POPULATION_SOURCE = 'dopa_population';

/** The page URL with the view's anchor: what "copy link" copies and citations cite. */
export function viewLink(href: string, id: string): string {
	const url = new URL(href);
	url.hash = id;
	return url.toString();
}

/** The publisher without the "copy via …" part: "ThaiRSC (thairsc.com); export via GitHub …" → "ThaiRSC (thairsc.com)". */
export function shortPublisher(publisher: string): string {
	return publisher.split(';')[0].trim();
}

/** Today as YYYY-MM-DD in local time. */
export function isoToday(now = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
