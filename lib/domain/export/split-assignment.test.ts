import { describe, expect, it } from "vitest";
import { createSeededRandom } from "../statistics/seeded-random";
import { ExportInputError } from "./export-input-error";
import { EXPORT_SPLITS, type ExportSplit } from "./export-item";
import { assignSplits, type SplitCandidate } from "./split-assignment";

const RATIOS_80_10_10 = { train: 0.8, validation: 0.1, test: 0.1 };
const LABELS = ["neutral", "sad", "happy", "angry", "fearful", "surprised", "disgusted"];
const LABEL_WEIGHTS = [0.4, 0.2, 0.15, 0.1, 0.08, 0.04, 0.03];

function pick(random: () => number, weights: readonly number[]): number {
  let u = random();
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i]!;
    if (u < 0) return i;
  }
  return weights.length - 1;
}

/** Patients with 1 to 12 items, each leaning to one emotion, as real patients do; some recordings have no patient. */
function syntheticItems(patients: number, seed: number): SplitCandidate[] {
  const random = createSeededRandom(seed);
  const items: SplitCandidate[] = [];
  for (let p = 0; p < patients; p++) {
    const leaning = pick(random, LABEL_WEIGHTS);
    const count = 1 + Math.floor(random() * 12);
    for (let i = 0; i < count; i++) {
      const label = random() < 0.5 ? LABELS[leaning]! : LABELS[pick(random, LABEL_WEIGHTS)]!;
      items.push({ key: `p${p}-i${i}`, group: `P${String(p).padStart(3, "0")}`, label });
    }
  }
  for (let r = 0; r < patients / 10; r++) items.push({ key: `r${r}`, group: `recording:r${r}`, label: LABELS[pick(random, LABEL_WEIGHTS)]! });
  return items;
}

function permuted<T>(values: readonly T[], seed: number): T[] {
  const copy = [...values];
  const random = createSeededRandom(seed);
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function splitsOfGroups(items: readonly SplitCandidate[], assignment: ReadonlyMap<string, ExportSplit>): Map<string, Set<ExportSplit>> {
  const byGroup = new Map<string, Set<ExportSplit>>();
  for (const item of items) {
    const split = assignment.get(item.key);
    if (split === undefined) throw new Error(`item ${item.key} was not assigned`);
    const set = byGroup.get(item.group) ?? new Set<ExportSplit>();
    set.add(split);
    byGroup.set(item.group, set);
  }
  return byGroup;
}

const sorted = (assignment: ReadonlyMap<string, ExportSplit>) => [...assignment].sort(([a], [b]) => (a < b ? -1 : 1));

describe("assignSplits", () => {
  it("never puts one patient in two splits, and assigns every item (random inputs)", () => {
    for (let trial = 0; trial < 40; trial++) {
      const random = createSeededRandom(1000 + trial);
      const items = syntheticItems(1 + Math.floor(random() * 60), 2000 + trial);
      const a = random();
      const b = random() * (1 - a);
      const ratios = { train: a, validation: b, test: 1 - a - b };
      for (const stratify of [true, false]) {
        const assignment = assignSplits(items, { ratios, seed: trial, stratify });
        expect(assignment.size).toBe(items.length);
        for (const [group, splits] of splitsOfGroups(items, assignment)) expect([group, splits.size]).toEqual([group, 1]);
      }
    }
  });

  it("gives the same assignment for the same items in any order, and another one for another seed", () => {
    const items = syntheticItems(80, 7);
    const options = { ratios: RATIOS_80_10_10, seed: 42, stratify: true };
    const reference = sorted(assignSplits(items, options));
    for (let seed = 1; seed <= 5; seed++) expect(sorted(assignSplits(permuted(items, seed), options))).toEqual(reference);
    expect(sorted(assignSplits(items, { ...options, seed: 43 }))).not.toEqual(reference);
  });

  it("meets the ratios and each label's ratios on 200 patients", () => {
    const items = syntheticItems(200, 11);
    for (const seed of [1, 2, 3]) {
      const assignment = assignSplits(items, { ratios: { train: 0.7, validation: 0.15, test: 0.15 }, seed, stratify: true });
      const ratios = { train: 0.7, validation: 0.15, test: 0.15 };
      for (const split of EXPORT_SPLITS) {
        const share = items.filter((item) => assignment.get(item.key) === split).length / items.length;
        expect(Math.abs(share - ratios[split])).toBeLessThan(0.03);
        for (const label of LABELS) {
          const ofLabel = items.filter((item) => item.label === label);
          const labelShare = ofLabel.filter((item) => assignment.get(item.key) === split).length / ofLabel.length;
          expect({ split, label, off: Math.abs(labelShare - ratios[split]) < 0.05 }).toEqual({ split, label, off: true });
        }
      }
    }
  });

  it("balances labels better when stratified than when not", () => {
    const items = syntheticItems(200, 5);
    const labelError = (stratify: boolean) => {
      let error = 0;
      for (const seed of [1, 2, 3, 4, 5]) {
        const assignment = assignSplits(items, { ratios: RATIOS_80_10_10, seed, stratify });
        for (const split of EXPORT_SPLITS) {
          for (const label of LABELS) {
            const ofLabel = items.filter((item) => item.label === label);
            error += Math.abs(ofLabel.filter((item) => assignment.get(item.key) === split).length / ofLabel.length - RATIOS_80_10_10[split]);
          }
        }
      }
      return error;
    };
    expect(labelError(true)).toBeLessThan(labelError(false) / 2);
  });

  it("places a hand case as worked out on paper", () => {
    // Totals: a 6, b 4. Targets train 0.5 → a 3, b 2; validation and test 0.25 → a 1.5, b 1.
    // Sizes 4 (P1), 3 (P2), 2 (P3), 1 (P4): no ties, so the seed cannot matter.
    // P1 (a 3, b 1): increase in train = (9 − 18)/3 + (1 − 4)/2 = −4.5; in validation (9 − 9)/1.5 + (1 − 2)/1 = −1 → train.
    // P2 (a 1, b 2): train (1 + 2(3 − 3))/3 + (4 + 4(1 − 2))/2 = 0.33; validation (1 − 3)/1.5 + (4 − 4)/1 = −1.33, test the same → validation (tie, split order).
    // P3 (a 2): train (4 + 4(3 − 3))/3 = 1.33; validation (4 + 4(1 − 1.5))/1.5 = 1.33; test (4 − 12)/1.5 = −5.33 → test.
    // P4 (b 1): train (1 + 2(1 − 2))/2 = −0.5; validation (1 + 2(2 − 1))/1 = 3; test (1 − 2)/1 = −1 → test.
    const items: SplitCandidate[] = [
      { key: "1a", group: "P1", label: "a" },
      { key: "1b", group: "P1", label: "a" },
      { key: "1c", group: "P1", label: "a" },
      { key: "1d", group: "P1", label: "b" },
      { key: "2a", group: "P2", label: "a" },
      { key: "2b", group: "P2", label: "b" },
      { key: "2c", group: "P2", label: "b" },
      { key: "3a", group: "P3", label: "a" },
      { key: "3b", group: "P3", label: "a" },
      { key: "4a", group: "P4", label: "b" },
    ];
    for (const seed of [0, 1, 99]) {
      const assignment = assignSplits(items, { ratios: { train: 0.5, validation: 0.25, test: 0.25 }, seed, stratify: true });
      expect(Object.fromEntries([...splitsOfGroups(items, assignment)].map(([group, splits]) => [group, [...splits][0]]))).toEqual({
        P1: "train",
        P2: "validation",
        P3: "test",
        P4: "test",
      });
    }
  });

  it("gives nothing to a split with ratio 0", () => {
    const items = syntheticItems(50, 3);
    const assignment = assignSplits(items, { ratios: { train: 0.75, validation: 0, test: 0.25 }, seed: 1, stratify: true });
    const values = [...assignment.values()];
    expect(values).not.toContain("validation");
    expect(values).toContain("train");
    expect(values).toContain("test");
    const only = assignSplits(items, { ratios: { train: 0, validation: 0, test: 1 }, seed: 1, stratify: false });
    expect(new Set(only.values())).toEqual(new Set(["test"]));
  });

  it("puts a single patient in the largest split, and handles an empty input", () => {
    const items = [1, 2, 3].map((n) => ({ key: `k${n}`, group: "P1", label: n === 1 ? "sad" : "happy" }));
    expect(new Set(assignSplits(items, { ratios: { train: 0.2, validation: 0.7, test: 0.1 }, seed: 5, stratify: true }).values())).toEqual(
      new Set(["validation"]),
    );
    expect(new Set(assignSplits(items, { ratios: { train: 0.5, validation: 0, test: 0.5 }, seed: 5, stratify: true }).values())).toEqual(new Set(["train"]));
    expect(assignSplits([], { ratios: RATIOS_80_10_10, seed: 1, stratify: true }).size).toBe(0);
  });

  it("still gives validation and test a patient when there are only three", () => {
    const items = ["P1", "P2", "P3"].flatMap((group) => [0, 1, 2, 3].map((i) => ({ key: `${group}-${i}`, group, label: i % 2 ? "sad" : "happy" })));
    const assignment = assignSplits(items, { ratios: RATIOS_80_10_10, seed: 1, stratify: true });
    expect(new Set(assignment.values())).toEqual(new Set(EXPORT_SPLITS));
  });

  it("refuses ratios that do not add up to 1, a bad seed and duplicate keys, naming them", () => {
    const items = [{ key: "k1", group: "P1", label: "sad" }];
    expect(() => assignSplits(items, { ratios: { train: 0.8, validation: 0.1, test: 0.2 }, seed: 1, stratify: true })).toThrow(
      "split ratios add up to 1.1", // 0.8 + 0.1 + 0.2 in floating point
    );
    expect(() => assignSplits(items, { ratios: { train: 1.2, validation: -0.2, test: 0 }, seed: 1, stratify: true })).toThrow(
      "split ratio train = 1.2 is not a number from 0 to 1",
    );
    expect(() => assignSplits(items, { ratios: { train: Number.NaN, validation: 0.5, test: 0.5 }, seed: 1, stratify: true })).toThrow(ExportInputError);
    expect(() => assignSplits(items, { ratios: RATIOS_80_10_10, seed: -1, stratify: true })).toThrow("split seed -1");
    expect(() => assignSplits([...items, { key: "k1", group: "P2", label: "happy" }], { ratios: RATIOS_80_10_10, seed: 1, stratify: true })).toThrow(
      "export item 'k1' appears twice",
    );
  });
});
