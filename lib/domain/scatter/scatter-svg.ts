import { type Bounds, coordinateBounds } from "./scatter-fit";
import type { ScatterLegend } from "./scatter-legend-model";

export interface ScatterSvgOutline {
  /** Data-space x, y pairs of a closed polygon. */
  polygon: Float32Array;
  color: string;
  label?: string;
}

export interface ScatterSvgInput {
  /** x, y pairs in data space. */
  coordinates: Float32Array;
  /** Per point: a hex colour, or a function giving it. */
  color: readonly string[] | ((index: number) => string);
  /** Per point: non-zero (or true) to draw it. Omitted: all points. */
  visible?: ArrayLike<number> | ((index: number) => boolean);
  /** Point diameter in SVG pixels. */
  pointSize: number;
  opacity: number;
  width: number;
  height: number;
  title?: string;
  legend?: ScatterLegend;
  outlines?: readonly ScatterSvgOutline[];
  /** A path through points in order (data-space x, y pairs), drawn with arrowheads. */
  path?: { points: Float32Array; color: string };
  /** Data area to show; default: the visible points and outlines. */
  bounds?: Bounds;
  /** Page colour; default white, as a figure for a paper is printed on. */
  background?: string;
  /** Text and axis colour; default near-black. */
  foreground?: string;
}

const MARGIN = 16;
const TITLE_HEIGHT = 28;
const LEGEND_WIDTH = 190;
const LEGEND_ROW = 16;

/**
 * A standalone SVG document of a scatter plot, for figures. Points are drawn
 * as zero-length round-capped strokes (`M x y h0`), grouped into one <path>
 * per colour: about 13 bytes a point, so 100,000 points make a ~1.3 MB file
 * that Inkscape, Illustrator and browsers open. Because a colour's points are
 * one path, their opacity does not accumulate where they overlap as it does
 * on screen; colours are painted in order of first appearance.
 */
export function scatterToSvg(input: ScatterSvgInput): string {
  const count = input.coordinates.length / 2;
  const colorOf = typeof input.color === "function" ? input.color : (index: number) => (input.color as readonly string[])[index]!;
  const isVisible = visibilityOf(input.visible);
  const background = input.background ?? "#ffffff";
  const foreground = input.foreground ?? "#1f2328";

  const top = MARGIN + (input.title ? TITLE_HEIGHT : 0);
  const right = input.width - MARGIN - (input.legend ? LEGEND_WIDTH : 0);
  const plot = { x: MARGIN, y: top, width: Math.max(1, right - MARGIN), height: Math.max(1, input.height - MARGIN - top) };
  const bounds = input.bounds ?? dataBounds(input.coordinates, count, isVisible, input.outlines);
  const place = placement(bounds, plot);

  const groups = new Map<string, string[]>();
  const radius = input.pointSize / 2;
  for (let index = 0; index < count; index++) {
    if (!isVisible(index)) continue;
    const x = place.x(input.coordinates[2 * index]!);
    const y = place.y(input.coordinates[2 * index + 1]!);
    if (x < plot.x - radius || x > plot.x + plot.width + radius || y < plot.y - radius || y > plot.y + plot.height + radius) continue;
    const color = colorOf(index);
    let parts = groups.get(color);
    if (!parts) groups.set(color, (parts = []));
    parts.push(`M${num(x)} ${num(y)}h0`);
  }

  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${input.width}" height="${input.height}" viewBox="0 0 ${input.width} ${input.height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
    `<defs><clipPath id="plot-area"><rect x="${num(plot.x)}" y="${num(plot.y)}" width="${num(plot.width)}" height="${num(plot.height)}"/></clipPath></defs>`,
    `<rect width="100%" height="100%" fill="${attr(background)}"/>`,
  ];
  if (input.title) out.push(`<text x="${MARGIN}" y="${MARGIN + 16}" font-size="15" font-weight="600" fill="${attr(foreground)}">${text(input.title)}</text>`);
  out.push(`<rect x="${num(plot.x)}" y="${num(plot.y)}" width="${num(plot.width)}" height="${num(plot.height)}" fill="none" stroke="${attr(foreground)}" stroke-opacity="0.2"/>`);
  out.push(`<g clip-path="url(#plot-area)">`);
  out.push(`<g fill="none" stroke-linecap="round" stroke-width="${num(input.pointSize)}" stroke-opacity="${num(input.opacity, 3)}">`);
  for (const [color, parts] of groups) out.push(`<path stroke="${attr(color)}" d="${parts.join("")}"/>`);
  out.push(`</g>`);
  for (const outline of input.outlines ?? []) out.push(outlineSvg(outline, place));
  if (input.path && input.path.points.length >= 4) out.push(pathSvg(input.path, place));
  out.push(`</g>`);
  if (input.legend) out.push(legendSvg(input.legend, right + 12, top, input.height - MARGIN - top, foreground));
  out.push(`</svg>`);
  return `${out.join("\n")}\n`;
}

interface Placement {
  x(value: number): number;
  y(value: number): number;
}

/** One scale for both axes, the data centred in the plot area; y grows upwards as on screen. */
function placement(bounds: Bounds | null, plot: { x: number; y: number; width: number; height: number }): Placement {
  const padding = 8;
  if (!bounds) return { x: () => plot.x + plot.width / 2, y: () => plot.y + plot.height / 2 };
  const spanX = bounds.maxX - bounds.minX;
  const spanY = bounds.maxY - bounds.minY;
  const usableWidth = Math.max(1, plot.width - 2 * padding);
  const usableHeight = Math.max(1, plot.height - 2 * padding);
  const scale = spanX === 0 && spanY === 0 ? 1 : Math.min(spanX > 0 ? usableWidth / spanX : Number.POSITIVE_INFINITY, spanY > 0 ? usableHeight / spanY : Number.POSITIVE_INFINITY);
  const centerX = (bounds.minX + bounds.maxX) / 2;
  const centerY = (bounds.minY + bounds.maxY) / 2;
  const midX = plot.x + plot.width / 2;
  const midY = plot.y + plot.height / 2;
  return { x: (value) => midX + (value - centerX) * scale, y: (value) => midY - (value - centerY) * scale };
}

function dataBounds(coordinates: Float32Array, count: number, isVisible: (index: number) => boolean, outlines: readonly ScatterSvgOutline[] | undefined): Bounds | null {
  const visible: number[] = [];
  for (let index = 0; index < count; index++) if (isVisible(index)) visible.push(index);
  let bounds = coordinateBounds(coordinates, visible);
  for (const outline of outlines ?? []) {
    const own = coordinateBounds(outline.polygon);
    if (!own) continue;
    bounds = bounds
      ? { minX: Math.min(bounds.minX, own.minX), minY: Math.min(bounds.minY, own.minY), maxX: Math.max(bounds.maxX, own.maxX), maxY: Math.max(bounds.maxY, own.maxY) }
      : own;
  }
  return bounds;
}

function visibilityOf(visible: ScatterSvgInput["visible"]): (index: number) => boolean {
  if (!visible) return () => true;
  if (typeof visible === "function") return visible;
  return (index) => visible[index] !== 0;
}

function outlineSvg(outline: ScatterSvgOutline, place: Placement): string {
  const points: string[] = [];
  let labelX = 0;
  let labelY = Number.POSITIVE_INFINITY;
  for (let index = 0; index + 1 < outline.polygon.length; index += 2) {
    const x = place.x(outline.polygon[index]!);
    const y = place.y(outline.polygon[index + 1]!);
    points.push(`${num(x)},${num(y)}`);
    if (y < labelY) {
      labelY = y;
      labelX = x;
    }
  }
  const shape = `<polygon points="${points.join(" ")}" fill="${attr(outline.color)}" fill-opacity="0.06" stroke="${attr(outline.color)}" stroke-width="1.5" stroke-linejoin="round"/>`;
  if (!outline.label || points.length === 0) return shape;
  return `${shape}\n<text x="${num(labelX)}" y="${num(labelY - 4)}" text-anchor="middle" font-weight="600" fill="${attr(outline.color)}">${text(outline.label)}</text>`;
}

function pathSvg(path: { points: Float32Array; color: string }, place: Placement): string {
  const points: string[] = [];
  for (let index = 0; index + 1 < path.points.length; index += 2) points.push(`${num(place.x(path.points[index]!))},${num(place.y(path.points[index + 1]!))}`);
  // The arrowhead's fill is spelled out (not SVG 2's context-stroke) so older editors draw it.
  const marker = `<defs><marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10z" fill="${attr(path.color)}"/></marker></defs>`;
  return `${marker}\n<polyline points="${points.join(" ")}" fill="none" stroke="${attr(path.color)}" stroke-width="1.5" stroke-linejoin="round" marker-mid="url(#arrow)" marker-end="url(#arrow)"/>`;
}

function legendSvg(legend: ScatterLegend, x: number, y: number, height: number, foreground: string): string {
  const out = [`<g transform="translate(${num(x)} ${num(y)})" fill="${attr(foreground)}">`];
  if (legend.kind === "categorical") {
    const entries = legend.entries.filter((entry) => !entry.hidden);
    const room = Math.max(1, Math.floor(height / LEGEND_ROW));
    const shown = entries.length > room ? entries.slice(0, room - 1) : entries;
    shown.forEach((entry, row) => {
      const rowY = row * LEGEND_ROW + 10;
      out.push(`<circle cx="5" cy="${rowY - 4}" r="5" fill="${attr(entry.color)}"/><text x="16" y="${rowY}">${text(truncate(entry.label, 18))}</text><text x="${LEGEND_WIDTH - 16}" y="${rowY}" text-anchor="end" fill-opacity="0.6">${entry.count}</text>`);
    });
    if (shown.length < entries.length) out.push(`<text x="16" y="${shown.length * LEGEND_ROW + 10}" fill-opacity="0.6">… ${entries.length - shown.length} more</text>`);
  } else {
    const barHeight = Math.min(220, Math.max(60, height - 40));
    const stops = legend.gradient.map((stop) => `<stop offset="${num(stop.offset, 3)}" stop-color="${attr(stop.color)}"/>`).join("");
    out.push(`<text x="0" y="10" font-weight="600">${text(truncate(legend.label, 24))}</text>`);
    // The gradient runs bottom (low) to top (high), as on the screen's legend.
    out.push(`<defs><linearGradient id="scale" x1="0" y1="1" x2="0" y2="0">${stops}</linearGradient></defs>`);
    out.push(`<rect x="0" y="20" width="14" height="${num(barHeight)}" fill="url(#scale)"/>`);
    for (const tick of legend.ticks) {
      const tickY = 20 + barHeight * (1 - tick.offset);
      out.push(`<line x1="14" x2="18" y1="${num(tickY)}" y2="${num(tickY)}" stroke="${attr(foreground)}"/><text x="22" y="${num(tickY + 4)}">${text(tick.text)}</text>`);
    }
    if (legend.missingCount > 0) {
      const missingY = 20 + barHeight + 20;
      out.push(`<circle cx="7" cy="${num(missingY - 4)}" r="5" fill="${attr(legend.missingColor)}"/><text x="16" y="${num(missingY)}">missing (${legend.missingCount})</text>`);
    }
  }
  out.push(`</g>`);
  return out.join("\n");
}

function num(value: number, decimals = 1): string {
  const factor = 10 ** decimals;
  return String(Math.round(value * factor) / factor);
}

function truncate(value: string, length: number): string {
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}

function text(value: string): string {
  return value.replace(/[&<>]/g, (character) => (character === "&" ? "&amp;" : character === "<" ? "&lt;" : "&gt;"));
}

function attr(value: string): string {
  return text(value).replace(/"/g, "&quot;");
}
