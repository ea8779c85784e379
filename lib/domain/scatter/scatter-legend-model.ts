import { continuousColorAt, MISSING_COLOR } from "./scatter-colors";
import { type CategoricalColoring, type ContinuousColoring, MISSING_CODE } from "./scatter-coloring";

export interface CategoricalLegendEntry {
  /** The category's code, or MISSING_CODE for the "missing" entry. */
  code: number;
  label: string;
  color: string;
  count: number;
  hidden: boolean;
}

export interface CategoricalLegend {
  kind: "categorical";
  entries: CategoricalLegendEntry[];
}

export interface LegendTick {
  value: number;
  /** Position along the bar, 0 at the low end of the domain, 1 at the high end. */
  offset: number;
  text: string;
}

export interface ContinuousLegend {
  kind: "continuous";
  label: string;
  domain: readonly [number, number];
  /** Gradient stops from the low to the high end. */
  gradient: { offset: number; color: string }[];
  ticks: LegendTick[];
  missingCount: number;
  missingColor: string;
  /** Whether the legend filter hides the missing values (MISSING_CODE in the hidden set). */
  missingHidden: boolean;
}

export type ScatterLegend = CategoricalLegend | ContinuousLegend;

export const MISSING_LABEL = "(missing)";

/** One entry per category with its point count, in the categories' order, then "(missing)" when any point lacks a value. */
export function legendForCategorical(coloring: CategoricalColoring, hidden: ReadonlySet<number> = new Set()): CategoricalLegend {
  const counts = new Array<number>(coloring.categories.length).fill(0);
  let missing = 0;
  for (const code of coloring.codes) {
    if (code === MISSING_CODE) missing++;
    else counts[code] = (counts[code] ?? 0) + 1;
  }
  const entries = coloring.categories.map((category, code) => ({ code, label: category.label, color: category.color, count: counts[code]!, hidden: hidden.has(code) }));
  if (missing > 0) entries.push({ code: MISSING_CODE, label: MISSING_LABEL, color: MISSING_COLOR, count: missing, hidden: hidden.has(MISSING_CODE) });
  return { kind: "categorical", entries };
}

/** A gradient bar over the colouring's domain with about `tickCount` round-numbered ticks. */
export function legendForContinuous(coloring: ContinuousColoring, options: { tickCount?: number; hidden?: ReadonlySet<number> } = {}): ContinuousLegend {
  const tickCount = options.tickCount ?? 5;
  const [low, high] = coloring.domain;
  let missingCount = 0;
  for (const value of coloring.values) if (Number.isNaN(value)) missingCount++;
  const gradientSteps = 9;
  const gradient = Array.from({ length: gradientSteps }, (_, index) => {
    const offset = index / (gradientSteps - 1);
    return { offset, color: continuousColorAt(offset) };
  });
  const span = high - low;
  const ticks = niceTicks(low, high, tickCount).map((value) => ({ value, offset: span > 0 ? (value - low) / span : 0.5, text: formatTick(value, low, high, tickCount) }));
  return {
    kind: "continuous",
    label: coloring.label,
    domain: coloring.domain,
    gradient,
    ticks,
    missingCount,
    missingColor: MISSING_COLOR,
    missingHidden: options.hidden?.has(MISSING_CODE) ?? false,
  };
}

/** Round numbers (1, 2 or 5 × 10ⁿ apart) inside [low, high], about `count` of them; the single value when low equals high. */
export function niceTicks(low: number, high: number, count: number): number[] {
  if (!Number.isFinite(low) || !Number.isFinite(high) || high < low) return [];
  if (high === low) return [low];
  const step = tickStep(low, high, count);
  const first = Math.ceil(low / step);
  const last = Math.floor(high / step);
  const ticks: number[] = [];
  // Multiplying integers by the step (rather than adding steps) keeps 0.1 × 3 from drifting to 0.30000000000000004 in the label.
  for (let index = first; index <= last; index++) ticks.push(roundToStep(index * step, step));
  return ticks;
}

function tickStep(low: number, high: number, count: number): number {
  const raw = (high - low) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction >= 7.5 ? 10 : fraction >= 3.5 ? 5 : fraction >= 1.5 ? 2 : 1) * power;
}

function roundToStep(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  // `+ 0` turns -0 (from Math.ceil of a small negative) into 0.
  return Number(value.toFixed(decimals)) + 0;
}

function formatTick(value: number, low: number, high: number, count: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(tickStep(low, high, count))));
  return value.toFixed(decimals);
}

/** The hidden set with `code` shown if it was hidden, hidden if it was shown. */
export function toggleHidden(hidden: ReadonlySet<number>, code: number): Set<number> {
  const next = new Set(hidden);
  if (next.has(code)) next.delete(code);
  else next.add(code);
  return next;
}

/**
 * The hidden set that shows only `code`. Isolating the entry that is already
 * the only one shown shows everything again, as legends in plotting tools do.
 */
export function isolateInLegend(legend: CategoricalLegend, code: number): Set<number> {
  const others = legend.entries.filter((entry) => entry.code !== code);
  const alreadyIsolated = others.every((entry) => entry.hidden) && legend.entries.some((entry) => entry.code === code && !entry.hidden);
  return alreadyIsolated ? new Set() : new Set(others.map((entry) => entry.code));
}
