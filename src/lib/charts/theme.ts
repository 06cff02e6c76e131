/** Text on chart canvases must name a font with Thai glyphs. */
export const FONT_FAMILY = "'Noto Sans Thai', 'Noto Sans', sans-serif";

/** Colours shared by the charts (kept in step with app.css). */
export const INK = '#0f172a';
export const MUTED = '#475569';
export const LINE = '#e2e8f0';
export const ACCENT = '#0f766e';

/** Series colours by kind of place: one province stands out, its zone is a second voice, the nation is grey. */
export const PROVINCE_COLOURS = ['#0f766e', '#c2410c', '#1d4ed8', '#a21caf', '#4d7c0f'];
export const ZONE_COLOURS = ['#7c3aed', '#b45309', '#0369a1', '#be123c'];
export const NATION_COLOUR = '#6b7280';

/** The national target's line on the ranking and the trend (dark green, dashed: not a place). */
export const TARGET_COLOUR = '#15803d';

/** Reference lines (zone, nation) drawn over a chart. */
export const REFERENCE_COLOURS = ['#7c3aed', '#334155', '#b45309', '#0369a1'];

export const AXIS_FONT_SIZE = 11;

/** The SVG charts' margins, px: left of their labels, and right of the plot (room for a last label's overhang). */
export const CHART_MARGIN = { left: 8, right: 24 };

export const TOOLTIP_STYLE = {
	textStyle: { fontFamily: FONT_FAMILY, fontSize: 12, color: INK },
	borderColor: LINE,
	confine: true
};
