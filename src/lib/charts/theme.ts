/** Text on chart canvases must name a font with Thai glyphs. */
export const FONT_FAMILY = "'Noto Sans Thai', 'Noto Sans', sans-serif";
