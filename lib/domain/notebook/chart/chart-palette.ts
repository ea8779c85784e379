/**
 * Colours for notebook charts. The SVG carries its colours inline (no CSS
 * variables) so a chart copied into an exported HTML notebook looks the same.
 */

/**
 * Categorical colours for series, used in order and repeated past the end
 * (legend and tooltips still name each series). The first seven are the
 * Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008) without its
 * black; the last five are from the "muted" scheme of Paul Tol's technical
 * note "Colour Schemes" (SRON/EPS/TN/09-002): olive, wine, teal, purple, rose.
 * Both were designed to stay distinguishable with common colour-vision
 * deficiencies; no palette stays fully distinguishable past about eight colours.
 */
export const CHART_PALETTE: readonly string[] = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#999933",
  "#882255",
  "#44AA99",
  "#AA4499",
  "#CC6677",
];

export interface ChartThemeColours {
  text: string;
  muted: string;
  axis: string;
  grid: string;
}

/** Text and rule colours matching the workbench's light and dark themes (app/globals.css). */
export const CHART_THEME_COLOURS: Readonly<Record<"light" | "dark", ChartThemeColours>> = {
  light: { text: "#1f2328", muted: "#656d76", axis: "#8c959f", grid: "#d8dee4" },
  dark: { text: "#d4d4d4", muted: "#9198a1", axis: "#6e7681", grid: "#30363d" },
};
