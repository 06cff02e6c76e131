/**
 * Ready-made Exportables for the kinds of view: a chart drawn as SVG, the choropleth map and a plain table. A new view plugs into the export menu by calling one of these with its title,
 * filters, sources, table and graphic input.
 */
import type { SourceRow } from '$lib/data/contract';
import { localized, translate, type Lang } from '$lib/i18n';
import { legendRange, NO_DATA_COLOUR, type Choropleth } from '$lib/map/choropleth';
import { shortPublisher, type Exportable } from './exportable';
import type { MapSvgInput } from './map-svg';
import type { SwatchLegend } from './svg-frame';

/** Everything but the graphic. */
export type ExportableBase = Omit<Exportable, 'graphic'>;

/** A chart that draws itself as SVG markup (src/lib/charts/svg.ts, or ECharts' SVG renderer): exported as the page shows it. */
export function svgChartExportable(
	base: ExportableBase,
	svg: () =>
		{ width: number; height: number; markup: string } | Promise<{ width: number; height: number; markup: string }>
): Exportable {
	return {
		...base,
		what: 'chart',
		async graphic() {
			const { width, height, markup } = await svg();
			return { width, height, markup: markup.replace(/^<svg\b/, '<svg class="chart" x="0" y="0"') };
		}
	};
}

/** The choropleth drawn by mapSvg from the same projected outline, layers and legend as the page. */
export function mapExportable(base: ExportableBase, input: () => MapSvgInput): Exportable {
	return {
		...base,
		what: 'map',
		async graphic() {
			const { mapSvg } = await import('./map-svg');
			return mapSvg(input());
		}
	};
}

/** A view whose graphic is its table (the province profile). */
export function tableExportable(base: ExportableBase): Exportable {
	return { ...base, what: 'table', graphic: async () => (await import('./svg-frame')).tableSvg(base.table) };
}

/** The map legend, as the on-screen Legend shows it. */
export function choroplethLegend(
	choropleth: Pick<Choropleth, 'legend' | 'noDataCount'>,
	words: { unit: string; method: string; note?: string; noData: string },
	format: (v: number) => string,
	labelOf: (cls: Choropleth['legend'][number]) => string = (c) => legendRange(c, format)
): SwatchLegend {
	return {
		title: words.unit,
		notes: [words.note ? `${words.method} · ${words.note}` : words.method],
		items: [
			...choropleth.legend.map((c) => ({
				colour: c.colour,
				label: labelOf(c),
				count: `(${c.count})`
			})),
			...(choropleth.noDataCount > 0
				? [{ colour: NO_DATA_COLOUR, label: words.noData, count: `(${choropleth.noDataCount})`, hatch: true }]
				: [])
		]
	};
}

/** "Source: … Licence: …" for an indicator, as the page's source line says it. */
export function indicatorFootnote(lang: Lang, indicator: { source: string; licence: string }): string {
	return `${translate(lang, 'source')}: ${indicator.source}. ${translate(lang, 'licence')}: ${indicator.licence}.`;
}

/** A catalogue source as one footnote line: name, publisher, licence, and its caveat when asked. */
export function sourceFootnote(lang: Lang, source: SourceRow, label?: string, withNote = false): string {
	const note = withNote ? localized(source, 'note', lang) : '';
	return (
		`${label ? `${label}: ` : ''}${localized(source, 'name', lang)}, ${shortPublisher(source.publisher)}. ` +
		`${translate(lang, 'licence')}: ${source.licence}.` +
		(note ? ` ${translate(lang, 'data_caveat')}: ${note}` : '')
	);
}
