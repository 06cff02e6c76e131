/**
 * This build's deployment settings (site-config.ts): baked in at build time by vite.config.ts from the
 * data's site.json; the defaults when there is none (tests, a build from the bundled data).
 */
import { DEFAULT_SITE, siteConfigOf, type SiteConfig } from './site-config';

declare const __PHAKHI_SITE__: unknown;

export const SITE: SiteConfig = typeof __PHAKHI_SITE__ === 'undefined' ? DEFAULT_SITE : siteConfigOf(__PHAKHI_SITE__);
