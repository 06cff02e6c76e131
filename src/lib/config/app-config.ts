/**
 * The deployment's runtime configuration: static/config.json, read from the app's own origin when a
 * map starts (not built in: an operator edits the file, nothing is rebuilt). A missing, unreadable or
 * malformed file, or any field that is not what it should be, means the default for that field: the
 * app works the same without the file.
 *
 *   { "basemapStyleUrl": null }
 *
 * basemapStyleUrl: a MapLibre style (vector or raster) drawn under the choropleth, for deployments
 * with internet access. null (the default) keeps the map tile-free: provinces on a plain background,
 * nothing asked of any other server. The page's Content-Security-Policy must allow the style's servers
 * (PHAKHI_BASEMAP_ORIGINS at build time, see docs/security.md), or the browser refuses them and the
 * map stays tile-free.
 */
export interface AppConfig {
	basemapStyleUrl: string | null;
}

export const DEFAULT_CONFIG: AppConfig = { basemapStyleUrl: null };

const MAX_URL_LENGTH = 2048;

/** An http(s) URL, absolute or relative to the page; anything else (javascript:, data:, garbage) is refused. */
function styleUrl(raw: unknown, origin: string): string | null {
	if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
	try {
		const url = new URL(raw, origin);
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
	} catch {
		return null;
	}
}

export function parseConfig(raw: unknown, origin: string): AppConfig {
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return DEFAULT_CONFIG;
	const fields = raw as Record<string, unknown>;
	return {
		basemapStyleUrl: Object.hasOwn(fields, 'basemapStyleUrl') ? styleUrl(fields.basemapStyleUrl, origin) : null
	};
}

let loading: Promise<AppConfig> | null = null;

/** The configuration, fetched once per page; the defaults when there is none. */
export function loadConfig(url: string): Promise<AppConfig> {
	loading ??= fetch(url, { cache: 'no-cache' })
		.then((response) => (response.ok ? response.json() : null))
		.then((raw) => parseConfig(raw, new URL(url, location.href).origin))
		.catch(() => DEFAULT_CONFIG);
	return loading;
}
