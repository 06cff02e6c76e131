/**
 * Link previews (Open Graph, Twitter cards) at build time: for each page, the title and description in
 * each language, and a 1200 × 630 PNG drawn from the same map code as the briefs and exports
 * (briefMap → mapSvg: the explorer's colours, classes and legend), with the app's own font.
 *
 * One image per place, shared by every page about it and by both languages: a chat app reads the
 * prerendered HTML, which is the Thai page's (a query string, ?lang=en or a filter, is read in the
 * browser; a static site serves the same HTML), so the image carries the Thai title with the English
 * one under it. Images: the whole country (the section pages), each province (its profile and its
 * brief) and each health zone (its brief): 91 in all (docs/export.md).
 */
import { briefMap, featuredIndicator, type BriefData } from '$lib/brief/brief';
import { bundledBriefs } from '$lib/brief/brief.server';
import { NATION } from '$lib/data/atlas-db';
import { projectedOutline } from '$lib/server/first-view';
import { escapeXml, num, wrapText } from '$lib/core/text';
import { formatNumber, formatYear, LANGS, localized, translate, type Lang, type MessageKey } from '$lib/i18n';
import { THEME_COLOUR } from './mark';
import { svgToPng, APP_FONT_FAMILY } from './raster.server';
import { PREVIEW_DIR, type LinkPreview } from './preview';

/**
 * The site's address, for absolute image addresses (chat apps and social sites need them):
 * PHAKHI_SITE_URL=https://atlas.example.org npm run build. Without it the tags carry a root-relative path.
 */
const siteUrl = () => (process.env.PHAKHI_SITE_URL ?? '').replace(/\/+$/, '');

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

/** The image of the whole country, of a province (its code) or of a health zone. */
export type PreviewSubject = { kind: 'nation' } | { kind: 'province'; code: string } | { kind: 'zone'; zone: number };

export const previewFile = (subject: PreviewSubject): string =>
	subject.kind === 'nation'
		? 'thailand.png'
		: subject.kind === 'province'
			? `province-${subject.code}.png`
			: `zone-${subject.zone}.png`;

/** Every preview image of the build. */
export async function previewSubjects(): Promise<PreviewSubject[]> {
	const briefs = await bundledBriefs();
	return [
		{ kind: 'nation' },
		...[...briefs.provinces.keys()].map((code) => ({ kind: 'province', code }) as const),
		...[...briefs.zones.keys()].map((zone) => ({ kind: 'zone', zone }) as const)
	];
}

async function briefOf(subject: PreviewSubject): Promise<BriefData> {
	const briefs = await bundledBriefs();
	const brief =
		subject.kind === 'province'
			? briefs.provinces.get(subject.code)
			: briefs.zones.get(subject.kind === 'zone' ? subject.zone : Math.min(...briefs.zones.keys()));
	if (!brief) throw new Error(`no preview for ${previewFile(subject)}`);
	return brief;
}

/** What the preview says about its place, in a language: place, indicator, year, the place's value. */
function facts(subject: PreviewSubject, data: BriefData, lang: Lang) {
	const indicator = featuredIndicator(data);
	const place =
		subject.kind === 'province' && data.province
			? localized(data.province, 'name', lang)
			: subject.kind === 'zone'
				? translate(lang, 'zone', { zone: data.zone })
				: translate(lang, 'chart_nation');
	const value =
		subject.kind === 'province'
			? data.featured.values.find((v) => v.province_code === subject.code)?.value
			: data.featured.aggregates.find((a) =>
					subject.kind === 'zone' ? a.scope === 'zone' && a.scope_id === String(data.zone) : a.scope === NATION.scope
				)?.value;
	return {
		place,
		indicator: localized(indicator, 'name', lang),
		unit: localized(indicator, 'unit', lang),
		year: formatYear(lang, data.featured.year),
		value: value == null ? null : formatNumber(lang, value, indicator.decimals),
		sample: indicator.is_sample
	};
}

/** The title and description of a page about `subject`; `section` names a section page (the nation's image). */
export async function linkPreview(subject: PreviewSubject, section?: MessageKey): Promise<LinkPreview> {
	const data = await briefOf(subject);
	const text = Object.fromEntries(
		LANGS.map((lang) => {
			const f = facts(subject, data, lang);
			const title = section ? translate(lang, section) : f.place;
			const description = translate(lang, f.value === null ? 'share_description_place' : 'share_description', {
				indicator: f.indicator,
				year: f.year,
				place: f.place,
				value: f.value ?? '',
				unit: f.unit
			});
			return [lang, { title: `${title} — ${translate(lang, 'app_name')}`, description }];
		})
	) as LinkPreview['text'];
	return {
		image: `${siteUrl()}/${PREVIEW_DIR}/${previewFile(subject)}`,
		text,
		sample: facts(subject, data, 'th').sample
	};
}

const text = (x: number, y: number, size: number, content: string, attrs = '') =>
	`<text x="${num(x)}" y="${num(y)}" font-size="${size}"${attrs}>${escapeXml(content)}</text>`;

/** The preview image of `subject` as SVG (Thai first, English under it). */
export async function previewSvg(subject: PreviewSubject): Promise<string> {
	const data = await briefOf(subject);
	const th = facts(subject, data, 'th');
	const en = facts(subject, data, 'en');
	const national = subject.kind === 'nation';
	const map = briefMap(data, 'th', {
		// The country is tall: legend beside it; a zone is wide: legend under it.
		width: 600,
		maxHeight: national ? 550 : 420,
		idPrefix: 'preview-map',
		legendPlacement: 'auto',
		national,
		outline: national ? await projectedOutline() : data.outline
	});
	const left = 40;
	const top = (PREVIEW_HEIGHT - map.height) / 2;
	const column = Math.max(left + map.width + 44, 640);
	const width = PREVIEW_WIDTH - column - 40;
	const parts: string[] = [];
	let y = 82;
	parts.push(
		text(
			column,
			y,
			24,
			`${translate('th', 'app_name')} · ${translate('en', 'app_name')}`,
			` font-weight="600" fill="${THEME_COLOUR}"`
		)
	);
	y += 62;
	for (const line of wrapText(th.place, width, 46, 600).slice(0, 2)) {
		parts.push(text(column, y, 46, line, ' font-weight="600"'));
		y += 56;
	}
	if (en.place !== th.place) {
		parts.push(text(column, y - 10, 24, en.place, ' fill="#475569"'));
		y += 34;
	}
	y += 16;
	for (const line of wrapText(`${th.indicator} ${th.year}`, width, 28, 600).slice(0, 3)) {
		parts.push(text(column, y, 28, line, ' font-weight="600"'));
		y += 38;
	}
	for (const line of wrapText(`${en.indicator}, ${en.year}`, width, 21).slice(0, 2)) {
		parts.push(text(column, y, 21, line, ' fill="#475569"'));
		y += 30;
	}
	if (th.value !== null) {
		y += 40;
		parts.push(text(column, y, 60, th.value, ` font-weight="600" fill="${THEME_COLOUR}"`));
		y += 36;
		parts.push(
			...wrapText(th.unit, width, 22)
				.slice(0, 2)
				.map((line, i) => text(column, y + i * 30, 22, line, ' fill="#475569"'))
		);
	}
	if (th.sample) {
		const notice = `${translate('th', 'sample_notice')} · ${translate('en', 'sample_notice')}`;
		parts.push(
			`<rect x="0" y="${PREVIEW_HEIGHT - 52}" width="${PREVIEW_WIDTH}" height="52" fill="#fff7ed"/>` +
				`<rect x="0" y="${PREVIEW_HEIGHT - 52}" width="8" height="52" fill="#f97316"/>` +
				text(left, PREVIEW_HEIGHT - 19, 22, notice)
		);
	}
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}"` +
		` font-family="${APP_FONT_FAMILY}" fill="#0f172a">` +
		`<rect width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" fill="#ffffff"/>` +
		`<rect width="${PREVIEW_WIDTH}" height="10" fill="${THEME_COLOUR}"/>` +
		`<g transform="translate(${num(left)} ${num(Math.max(24, top))})">${map.markup}</g>` +
		parts.join('') +
		`</svg>`
	);
}

export async function previewPng(subject: PreviewSubject): Promise<Uint8Array> {
	return svgToPng(await previewSvg(subject));
}
