/** How to cite a view: plain text and BibTeX, naming the data sources from the catalogue. */
import type { SourceRow } from '$lib/data/contract';
import { localized, type Lang } from '$lib/i18n';
import { shortPublisher } from './exportable';

export interface CitationInput {
	lang: Lang;
	/** The app's name, e.g. "Phakhi Atlas". */
	appName: string;
	title: string;
	/** The filters in words. */
	subtitle: string;
	/** The link to the view. */
	url: string;
	/** Date of access, YYYY-MM-DD. */
	date: string;
	sources: readonly SourceRow[];
	/** File-name stem of the view: part of the BibTeX key. */
	stem: string;
	/** Words in the page language. */
	words: { data: string; accessed: string; licence: string };
}

export { shortPublisher };

function sourceLine(s: SourceRow, lang: Lang, licenceWord: string): string {
	const name = localized(s, 'name', lang);
	return `${name}, ${shortPublisher(s.publisher)} (${licenceWord}: ${s.licence})${s.url ? ` <${s.url}>` : ''}`;
}

function authors(sources: readonly SourceRow[]): string[] {
	return [...new Set(sources.map((s) => shortPublisher(s.publisher)))];
}

export function citationText(c: CitationInput): string {
	const year = c.date.slice(0, 4);
	const by = authors(c.sources);
	const head = by.length ? `${by.join('; ')} (${year}).` : `${c.appName} (${year}).`;
	const subtitle = c.subtitle ? ` ${c.subtitle}.` : '';
	const data = c.sources.length
		? ` ${c.words.data}: ${c.sources.map((s) => sourceLine(s, c.lang, c.words.licence)).join('; ')}.`
		: '';
	return `${head} ${c.title}.${subtitle} ${c.appName}. ${c.url} (${c.words.accessed} ${c.date}).${data}`;
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
	const by = authors(c.sources);
	const field = (name: string, value: string) => `  ${name.padEnd(12)} = {${value}}`;
	const note = [
		c.subtitle,
		c.sources.length
			? `${c.words.data}: ${c.sources.map((s) => sourceLine(s, c.lang, c.words.licence)).join('; ')}`
			: ''
	]
		.filter(Boolean)
		.join('. ');
	const fields = [
		// Double braces keep the title's capitals; each author in braces is a corporate name, not "Last, First".
		field('title', `{${bibtexEscape(c.title)}}`),
		field('author', (by.length ? by : [c.appName]).map((a) => `{${bibtexEscape(a)}}`).join(' and ')),
		field('howpublished', bibtexEscape(c.appName)),
		field('year', c.date.slice(0, 4)),
		field('note', bibtexEscape(note)),
		field('url', c.url),
		field('urldate', c.date),
		field('language', c.lang === 'th' ? 'thai' : 'english')
	];
	return `@misc{${bibtexKey(c.stem, c.date)},\n${fields.join(',\n')}\n}`;
}
