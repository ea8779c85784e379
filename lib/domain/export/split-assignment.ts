import { createSeededRandom } from "../statistics/seeded-random";
import { ExportInputError } from "./export-input-error";
import { EXPORT_SPLITS, type ExportSplit } from "./export-item";

export interface SplitCandidate {
  /** Unique per item (the export item id). */
  readonly key: string;
  /** The unit that must not be split: the patient code, or "recording:<id>" for a recording without a patient. */
  readonly group: string;
  /** The item's exported (mapped) label. */
  readonly label: string;
}

export interface SplitOptions {
  readonly ratios: Readonly<Record<ExportSplit, number>>;
  /** Unsigned 32-bit; the same seed gives the same assignment. */
  readonly seed: number;
  /** Balance each label across splits rather than only the item counts. */
  readonly stratify: boolean;
}

/** How far the three ratios may add up away from 1 (floating-point sums such as 0.7 + 0.2 + 0.1). */
export const RATIO_TOLERANCE = 1e-9;

/**
 * Assigns every item to train, validation or test so that no group (patient)
 * appears in two splits, each split's share of the items comes near its
 * ratio, and, when stratified, so does its share of each label.
 *
 * Algorithm (greedy, one group at a time):
 * 1. Gather the items into groups and sort the groups by id (code units), so
 *    the input's order cannot matter; shuffle them with the seeded PRNG, then
 *    sort stably by size, largest first: big groups are placed while there is
 *    still room for them, and equal sizes keep a seeded, not alphabetical, order.
 * 2. Each split s has a target per label l: t(s,l) = ratio(s) × items of l
 *    (one pseudo-label for all items when not stratified).
 * 3. Each group goes to the split where it raises Pearson's distance
 *    Σ (count − target)² / target least, counted over the group's labels and
 *    weighted by how many items of each label it brings: the split whose
 *    counts lie furthest below target relative to its size, without dropping a
 *    large group into a small split. Ties go to the larger ratio, then to
 *    train, validation, test in that order. A split with ratio 0 gets nothing.
 * 4. While the groups still to place are no more than the splits with a
 *    positive ratio that are still empty, they go only to those empty splits,
 *    so a small export still gets a validation and a test patient.
 *
 * Guarantees: disjointness is exact (a group is placed whole, once); the same
 * items in any order with the same seed give the same assignment; every split
 * with a positive ratio gets a group when there are at least as many groups as
 * such splits; one group goes to the largest ratio. The ratios themselves are
 * met only approximately: the error is about the size of one group, so it
 * shrinks as patients grow many and small (on 200 patients with a few items
 * each, every split and label share lands within a few points of its ratio).
 */
export function assignSplits(items: readonly SplitCandidate[], options: SplitOptions): ReadonlyMap<string, ExportSplit> {
  const ratios = checkedRatios(options.ratios);
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff) {
    throw new ExportInputError("EXPORT_INVALID_SEED", `split seed ${options.seed} is not a whole number from 0 to 4294967295`);
  }
  const result = new Map<string, ExportSplit>();
  if (items.length === 0) return result;

  const labels = options.stratify ? sortedUnique(items.map((item) => item.label)) : [""];
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  const groups = new Map<string, { readonly id: string; readonly keys: string[]; readonly counts: Float64Array }>();
  const seenKeys = new Set<string>();
  const totals = new Float64Array(labels.length);
  for (const item of items) {
    if (seenKeys.has(item.key)) throw new ExportInputError("EXPORT_DUPLICATE_ITEM", `export item '${item.key}' appears twice in the split input`);
    seenKeys.add(item.key);
    let group = groups.get(item.group);
    if (group === undefined) {
      group = { id: item.group, keys: [], counts: new Float64Array(labels.length) };
      groups.set(item.group, group);
    }
    group.keys.push(item.key);
    const l = options.stratify ? labelIndex.get(item.label)! : 0;
    group.counts[l]! += 1;
    totals[l]! += 1;
  }

  const order = [...groups.values()].sort((a, b) => compareText(a.id, b.id));
  shuffle(order, createSeededRandom(options.seed));
  order.sort((a, b) => b.keys.length - a.keys.length);

  const active = EXPORT_SPLITS.filter((split) => ratios[split] > 0).sort((a, b) => ratios[b] - ratios[a] || EXPORT_SPLITS.indexOf(a) - EXPORT_SPLITS.indexOf(b));
  const targets = new Map(active.map((split) => [split, totals.map((total) => ratios[split] * total)]));
  const counts = new Map(active.map((split) => [split, new Float64Array(labels.length)]));
  const empty = new Set(active);

  order.forEach((group, position) => {
    const remaining = order.length - position;
    // `active` is already in tie-break order, so the first best split wins ties.
    const candidates = remaining <= empty.size ? active.filter((split) => empty.has(split)) : active;
    let best = candidates[0]!;
    let bestIncrease = Infinity;
    for (const split of candidates) {
      const increase = distanceIncrease(group.counts, counts.get(split)!, targets.get(split)!);
      if (increase < bestIncrease) {
        best = split;
        bestIncrease = increase;
      }
    }
    const splitCounts = counts.get(best)!;
    group.counts.forEach((count, l) => (splitCounts[l]! += count));
    empty.delete(best);
    for (const key of group.keys) result.set(key, best);
  });
  return result;
}

/** Σ over the group's labels of the change in (count − target)² / target if the group joins this split. */
function distanceIncrease(group: Float64Array, counts: Float64Array, targets: Float64Array): number {
  let increase = 0;
  for (let l = 0; l < group.length; l++) {
    const v = group[l]!;
    // A label the group brings always has target > 0 here: its total is positive and so is the split's ratio.
    if (v > 0) increase += (v * v + 2 * v * (counts[l]! - targets[l]!)) / targets[l]!;
  }
  return increase;
}

function checkedRatios(ratios: Readonly<Record<ExportSplit, number>>): Readonly<Record<ExportSplit, number>> {
  for (const split of EXPORT_SPLITS) {
    const value = ratios[split];
    if (!(value >= 0 && value <= 1)) throw new ExportInputError("EXPORT_INVALID_RATIOS", `split ratio ${split} = ${value} is not a number from 0 to 1`);
  }
  const sum = EXPORT_SPLITS.reduce((total, split) => total + ratios[split], 0);
  if (Math.abs(sum - 1) > RATIO_TOLERANCE) {
    throw new ExportInputError("EXPORT_INVALID_RATIOS", `split ratios add up to ${sum}, not 1 (train ${ratios.train}, validation ${ratios.validation}, test ${ratios.test})`);
  }
  return ratios;
}

function shuffle<T>(values: T[], random: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareText);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
