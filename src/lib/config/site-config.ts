/**
 * A deployment's own settings, from config.json in its exports folder (README, "Deploy for your
 * organisation"). The data build checks them against the catalogue and writes them beside the data
 * (site.json); the site build bakes them in (vite.config.ts defines __PHAKHI_SITE__), since they change
 * prerendered pages: the title in every page's header, the first view of the explorer.
 *
 *   {
 *     "title_th": "…", "title_en": "…",                 the site's name (default: Phakhi Atlas)
 *     "organisation_th": "…", "organisation_en": "…",   shown under the name (default: the app's tagline)
 *     "showSampleIndicators": true,                      false: the generated sample indicators are left out
 *     "defaultIndicator": "road_death_rate",             the explorer's first indicator
 *     "defaultYear": 2023                                 its first year (default: the latest with data)
 *   }
 *
 * The runtime settings an operator edits without a rebuild (the basemap) stay in static/config.json
 * (app-config.ts).
 */
export interface SiteConfig {
	title_th: string | null;
	title_en: string | null;
	organisation_th: string | null;
	organisation_en: string | null;
	showSampleIndicators: boolean;
	defaultIndicator: string | null;
	defaultYear: number | null;
}

export const DEFAULT_SITE: SiteConfig = {
	title_th: null,
	title_en: null,
	organisation_th: null,
	organisation_en: null,
	showSampleIndicators: true,
	defaultIndicator: null,
	defaultYear: null
};

/** The file the data build writes beside the data. */
export const SITE_FILE = 'site.json';

const TEXT_FIELDS = ['title_th', 'title_en', 'organisation_th', 'organisation_en'] as const;
const MAX_TEXT = 200;

/**
 * Checks config.json. `indicators` are the catalogue's (with is_sample): the default indicator must be
 * one of them, and not a sample one when sample indicators are left out. Errors name the field.
 */
export function parseSiteConfig(
	raw: unknown,
	indicators: readonly { indicator_id: string; is_sample: boolean }[]
): { config: SiteConfig; errors: string[] } {
	const errors: string[] = [];
	const config: SiteConfig = { ...DEFAULT_SITE };
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
		return { config, errors: ['must be a JSON object'] };
	const fields = raw as Record<string, unknown>;
	const known = new Set<string>(Object.keys(DEFAULT_SITE));
	for (const key of Object.keys(fields))
		if (!known.has(key)) errors.push(`"${key}" is not a setting (${[...known].join(', ')})`);
	for (const key of TEXT_FIELDS) {
		const v = fields[key];
		if (v === undefined || v === null) continue;
		if (typeof v !== 'string' || v.trim() === '' || v.length > MAX_TEXT)
			errors.push(`"${key}" must be text of 1–${MAX_TEXT} characters`);
		else config[key] = v.trim();
	}
	if (fields.showSampleIndicators !== undefined) {
		if (typeof fields.showSampleIndicators !== 'boolean') errors.push('"showSampleIndicators" must be true or false');
		else config.showSampleIndicators = fields.showSampleIndicators;
	}
	if (fields.defaultIndicator !== undefined && fields.defaultIndicator !== null) {
		const id = fields.defaultIndicator;
		const found = indicators.find((i) => i.indicator_id === id);
		if (typeof id !== 'string' || !found)
			errors.push(
				`"defaultIndicator": ${JSON.stringify(id)} is not in the catalogue (${indicators.map((i) => i.indicator_id).join(', ')})`
			);
		else if (found.is_sample && !config.showSampleIndicators)
			errors.push(`"defaultIndicator": ${id} is a sample indicator, and "showSampleIndicators" is false`);
		else config.defaultIndicator = id;
	}
	if (fields.defaultYear !== undefined && fields.defaultYear !== null) {
		const y = fields.defaultYear;
		if (typeof y !== 'number' || !Number.isInteger(y) || y < 1900 || y > 2200)
			errors.push('"defaultYear" must be a year (CE), e.g. 2023');
		else config.defaultYear = y;
	}
	return { config, errors };
}

/** A site.json read back (at site build time): anything malformed means the defaults. */
export function siteConfigOf(raw: unknown): SiteConfig {
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return DEFAULT_SITE;
	const f = raw as Record<string, unknown>;
	const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);
	return {
		title_th: text(f.title_th),
		title_en: text(f.title_en),
		organisation_th: text(f.organisation_th),
		organisation_en: text(f.organisation_en),
		showSampleIndicators: f.showSampleIndicators !== false,
		defaultIndicator: text(f.defaultIndicator),
		defaultYear: typeof f.defaultYear === 'number' && Number.isInteger(f.defaultYear) ? f.defaultYear : null
	};
}
