import { categoricalColor, continuousColor, continuousRamp, MISSING_COLOR } from "./scatter-colors";
import { ScatterInputError } from "./scatter-input-error";

/** Code of a point whose categorical value is missing. */
export const MISSING_CODE = -1;

export interface ScatterCategory {
  label: string;
  color: string;
}

export interface CategoricalColoring {
  kind: "categorical";
  /** Per point: an index into `categories`, or MISSING_CODE. */
  codes: Int32Array;
  categories: readonly ScatterCategory[];
}

export interface ContinuousColoring {
  kind: "continuous";
  /** Per point; NaN is missing. */
  values: Float32Array;
  domain: readonly [number, number];
  label: string;
}

/** How the scatter colours its points: by a category per point, or by a number per point on a continuous scale. */
export type ScatterColoring = CategoricalColoring | ContinuousColoring;

/** Levels the continuous scale is quantised to on the GPU: finer than the eye can tell apart along the ramp. */
export const CONTINUOUS_LEVELS = 256;

export type CategoryOrder = "frequency" | "label";

/**
 * Categories from one string per point (null, undefined or "" are missing).
 * "frequency" puts the commonest first so it gets the most distinct colours;
 * "label" sorts naturally (P2 before P10). `colors` pins colours by label
 * (e.g. the emotion colours the rest of the workbench uses).
 */
export function categoricalColoringFrom(
  values: ArrayLike<string | null | undefined>,
  options: { order?: CategoryOrder; colors?: Readonly<Record<string, string>> } = {},
): CategoricalColoring {
  const counts = new Map<string, number>();
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value === null || value === undefined || value === "") continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  const labels = [...counts.keys()].sort((a, b) =>
    options.order === "label" ? collator.compare(a, b) : counts.get(b)! - counts.get(a)! || collator.compare(a, b),
  );
  const codeOf = new Map(labels.map((label, code) => [label, code]));
  const codes = new Int32Array(values.length);
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    codes[index] = value === null || value === undefined || value === "" ? MISSING_CODE : codeOf.get(value)!;
  }
  return { kind: "categorical", codes, categories: labels.map((label, code) => ({ label, color: options.colors?.[label] ?? categoricalColor(code) })) };
}

/** A continuous colouring from one number per point (null, undefined and non-finite are missing); the domain defaults to the finite range. */
export function continuousColoringFrom(values: ArrayLike<number | null | undefined>, label: string, domain?: readonly [number, number]): ContinuousColoring {
  const out = new Float32Array(values.length);
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      out[index] = Number.NaN;
      continue;
    }
    out[index] = value;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  const range: readonly [number, number] = domain ?? (low <= high ? [low, high] : [0, 1]);
  return { kind: "continuous", values: out, domain: range, label };
}

/** Throws unless the colouring describes exactly `pointCount` points and every code names a category. */
export function assertColoringFits(coloring: ScatterColoring, pointCount: number): void {
  const length = coloring.kind === "categorical" ? coloring.codes.length : coloring.values.length;
  if (length !== pointCount) {
    throw new ScatterInputError(`the colouring has ${length} values for ${pointCount} points`);
  }
  if (coloring.kind === "continuous") {
    const [low, high] = coloring.domain;
    if (!Number.isFinite(low) || !Number.isFinite(high) || low > high) {
      throw new ScatterInputError(`the colour scale "${coloring.label}" has an invalid domain [${low}, ${high}]`);
    }
    return;
  }
  const categoryCount = coloring.categories.length;
  for (let index = 0; index < length; index++) {
    const code = coloring.codes[index]!;
    if (code !== MISSING_CODE && (code < 0 || code >= categoryCount)) {
      throw new ScatterInputError(`point ${index} has colour code ${code}, but there are ${categoryCount} categories`);
    }
  }
}

/** The hex colour of point `index`, for exports drawn outside WebGL. */
export function pointColorResolver(coloring: ScatterColoring): (index: number) => string {
  if (coloring.kind === "categorical") {
    const { codes, categories } = coloring;
    return (index) => categories[codes[index]!]?.color ?? MISSING_COLOR;
  }
  const { values, domain } = coloring;
  return (index) => continuousColor(values[index]!, domain);
}

/**
 * The colouring as the GPU wants it: one small integer per point indexing a
 * colour table, with missing points on the table's last entry. A continuous
 * scale is quantised to CONTINUOUS_LEVELS, so switching between categorical
 * and continuous colourings is the same operation.
 */
export function toColorTable(coloring: ScatterColoring): { codes: Float32Array; palette: string[] } {
  if (coloring.kind === "categorical") {
    const missing = coloring.categories.length;
    const codes = new Float32Array(coloring.codes.length);
    for (let index = 0; index < codes.length; index++) {
      const code = coloring.codes[index]!;
      codes[index] = code < 0 ? missing : code;
    }
    return { codes, palette: [...coloring.categories.map((category) => category.color), MISSING_COLOR] };
  }
  const [low, high] = coloring.domain;
  const span = high - low;
  const top = CONTINUOUS_LEVELS - 1;
  const codes = new Float32Array(coloring.values.length);
  for (let index = 0; index < codes.length; index++) {
    const value = coloring.values[index]!;
    if (Number.isNaN(value)) {
      codes[index] = CONTINUOUS_LEVELS;
      continue;
    }
    const t = span > 0 ? (value - low) / span : 0.5;
    codes[index] = Math.round((t <= 0 ? 0 : t >= 1 ? 1 : t) * top);
  }
  return { codes, palette: [...continuousRamp(CONTINUOUS_LEVELS), MISSING_COLOR] };
}

/** The category code (MISSING_CODE for missing) of point `index`, so a legend filter can apply to either kind. */
export function legendCodeOf(coloring: ScatterColoring, index: number): number {
  if (coloring.kind === "categorical") return coloring.codes[index]!;
  return Number.isNaN(coloring.values[index]!) ? MISSING_CODE : 0;
}

/**
 * Indices of the points a legend filter leaves visible, ascending; null when
 * nothing is hidden. For a continuous colouring only MISSING_CODE can be hidden.
 */
export function visiblePointIndices(coloring: ScatterColoring, hidden: ReadonlySet<number> | undefined): number[] | null {
  if (!hidden || hidden.size === 0) return null;
  if (coloring.kind === "continuous" && !hidden.has(MISSING_CODE)) return null;
  const count = coloring.kind === "categorical" ? coloring.codes.length : coloring.values.length;
  const visible: number[] = [];
  for (let index = 0; index < count; index++) {
    if (!hidden.has(legendCodeOf(coloring, index))) visible.push(index);
  }
  return visible;
}
