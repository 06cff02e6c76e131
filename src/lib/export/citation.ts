/** How to cite a view: plain text and BibTeX, naming the data sources from the catalogue. */
import type { SourceRow } from '$lib/data/contract';
import { localized, type Lang } from '$lib/i18n';
import { shortPublisher } from './exportable';

export interface CitationInput {
	lang: Lang;
	/** The app's name, e.g. "Phakhi Atlas": the maker of the chart. */
	appName: string;
	title: string;
	/** The filters in words. */
	subtitle: string;
	/** The link to the view. */
	url: string;
	/** Date of access, YYYY-MM-DD. */
	date: string;
	sources: readonly SourceRow[];
	/** The period each source's data cover, by source id ("2011–2024"), where known. */
	sourceDates?: Readonly<Record<string, string>>;
	/** File-name stem of the view: part of the BibTeX key. */
	stem: string;
	/** Words in the page language. */
	words: { data: string; accessed: string; licence: string; chart: string };
}

export { shortPublisher };

/** "Publisher, Dataset (2011–2024) (Licence: …) <url>": a source as its publisher's, with its own dates. */
function sourceLine(s: SourceRow, c: CitationInput): string {
	const name = localized(s, 'name', c.lang);
	const dates = c.sourceDates?.[s.source_id];
	return `${shortPublisher(s.publisher)}, ${name}${dates ? ` (${dates})` : ''} (${c.words.licence}: ${s.licence})${s.url ? ` <${s.url}>` : ''}`;
}

function dataPart(c: CitationInput): string {
	return c.sources.length ? `${c.words.data}: ${c.sources.map((s) => sourceLine(s, c)).join('; ')}` : '';
}

/**
 * Phakhi Atlas made the chart, in the year of access; the data's publishers are named as the
 * sources, each with the period of its data; then the link and the access date.
 */
export function citationText(c: CitationInput): string {
	const year = c.date.slice(0, 4);
	const subtitle = c.subtitle ? ` ${c.subtitle}.` : '';
	const data = dataPart(c);
	return `${c.appName} (${year}). ${c.title}.${subtitle} [${c.words.chart}]. ${c.url} (${c.words.accessed} ${c.date}).${data ? ` ${data}.` : ''}`;
}

const BIBTEX_SPECIAL: Record<string, string> = {
	'\\': '\\textbackslash{}',
	'{': '\\{',
	'}': '\\}',
	'&': '\\&',
	'%': '\\%',
	$: '\\$',
	'#': '\\#',
	_: '\\_',
	'~': '\\textasciitilde{}',
	'^': '\\textasciicircum{}'
};

export function bibtexEscape(text: string): string {
	return text.replace(/[\\{}&%$#_~^]/g, (c) => BIBTEX_SPECIAL[c]);
}

export function bibtexKey(stem: string, date: string): string {
	const name = stem.replace(/^phakhi-atlas[_-]?/, '').replace(/[^A-Za-z0-9-]+/g, '-');
	return `phakhi-atlas-${name}-${date}`.replace(/-+/g, '-');
}

export function citationBibtex(c: CitationInput): string {
	const field = (name: string, value: string) => `  ${name.padEnd(12)} = {${value}}`;
	const note = [c.subtitle, dataPart(c)].filter(Boolean).join('. ');
	const fields = [
		// Double braces keep the title's capitals; the author in braces is a corporate name, not "Last, First".
		field('title', `{${bibtexEscape(c.title)}}`),
		field('author', `{${bibtexEscape(c.appName)}}`),
		field('howpublished', bibtexEscape(`${c.words.chart}, ${c.appName}`)),
		field('year', c.date.slice(0, 4)),
		field('note', bibtexEscape(note)),
		field('url', c.url),
		field('urldate', c.date),
		field('language', c.lang === 'th' ? 'thai' : 'english')
	];
	return `@misc{${bibtexKey(c.stem, c.date)},\n${fields.join(',\n')}\n}`;
}
