import { describe, expect, it } from "vitest";
import { annotatorAgreement, cohensKappa } from "./annotator-agreement";

function pairs(counts: readonly [string, string, number][]): [string, string][] {
  return counts.flatMap(([a, b, n]) => Array.from({ length: n }, (): [string, string] => [a, b]));
}

describe("cohensKappa", () => {
  it("matches the textbook two-by-two case worked by hand", () => {
    // 50 items: both yes 20, yes/no 5, no/yes 10, both no 15. p_o = 35/50 = 0.7;
    // first says yes 25/50, second 30/50, so p_e = 0.5·0.6 + 0.5·0.4 = 0.5; kappa = 0.2/0.5 = 0.4.
    const table = pairs([
      ["yes", "yes", 20],
      ["yes", "no", 5],
      ["no", "yes", 10],
      ["no", "no", 15],
    ]);
    expect(cohensKappa(table)).toBeCloseTo(0.4, 12);
    expect(annotatorAgreement(table)).toEqual({ pairs: 50, percentAgreement: 70, cohensKappa: cohensKappa(table) });
  });

  it("matches a three-label case worked by hand", () => {
    // 10 items, 7 agree; both annotators give happy 5, sad 3, neutral 2: p_e = (25 + 9 + 4)/100 = 0.38; kappa = 0.32/0.62.
    const table: [string, string][] = [
      ["happy", "happy"],
      ["happy", "happy"],
      ["happy", "happy"],
      ["happy", "happy"],
      ["happy", "sad"],
      ["sad", "sad"],
      ["sad", "sad"],
      ["sad", "neutral"],
      ["neutral", "neutral"],
      ["neutral", "happy"],
    ];
    expect(cohensKappa(table)).toBeCloseTo(0.32 / 0.62, 12);
  });

  it("is 1 for perfect agreement, −1 for systematic swaps, and null where it is undefined", () => {
    expect(cohensKappa([["sad", "sad"], ["happy", "happy"], ["sad", "sad"]])).toBe(1);
    expect(cohensKappa([["sad", "happy"], ["happy", "sad"]])).toBe(-1);
    expect(cohensKappa([["sad", "sad"], ["sad", "sad"]])).toBeNull();
    expect(cohensKappa([])).toBeNull();
    expect(annotatorAgreement([])).toBeNull();
  });
});
