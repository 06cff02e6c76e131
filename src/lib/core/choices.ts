/**
 * The choices a view is made of: the vocabularies the URL names (src/lib/filters/url-state.ts parses
 * them) and the renderers draw (classification methods, colour schemes, coverage measures). Here so
 * that a renderer can take them as props without reading the URL.
 */

export const REGIONS = ['north', 'northeast', 'central', 'east', 'west', 'south'] as const;
export type RegionId = (typeof REGIONS)[number];

/** "target": two classes, meeting or missing the national target of the indicator and year. */
export const CLASS_METHODS = ['quantile', 'equal', 'jenks', 'target'] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];

export const SCHEMES = ['ylorrd', 'purples', 'blues', 'viridis'] as const;
export type SchemeId = (typeof SCHEMES)[number];

export const COVERAGE_MEASURES = ['district_share', 'partners_per_100k', 'budget_per_capita'] as const;
export type CoverageMeasure = (typeof COVERAGE_MEASURES)[number];

export const POINT_COLOURINGS = ['type', 'issue'] as const;
export type PointColouring = (typeof POINT_COLOURINGS)[number];

export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;
