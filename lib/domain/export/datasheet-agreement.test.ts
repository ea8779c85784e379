import { describe, expect, it } from "vitest";
import { agreementSummary } from "../agreement/agreement-summary";
import { CANONICAL_LABELS } from "../emotion-labels";
import { datasheetAgreement } from "./datasheet-agreement";

const item = (itemId: string, ratings: Record<string, string>) => ({ itemId, ratings: new Map(Object.entries(ratings)) });

describe("the datasheet's agreement", () => {
  it("numbers the annotators and carries alpha, Fleiss and each pair's kappa", () => {
    // Two annotators, 4 shared items, 3 agree: po = 3/4; A: sad 2, happy 2; B: sad 3, happy 1;
    // pe = (2·3 + 2·1)/16 = 0.5; kappa = 0.25/0.5 = 0.5.
    const summary = agreementSummary(
      [item("1", { ana: "sad", ben: "sad" }), item("2", { ana: "sad", ben: "sad" }), item("3", { ana: "happy", ben: "happy" }), item("4", { ana: "happy", ben: "sad" }), item("5", { ana: "angry" })],
      CANONICAL_LABELS,
    );
    const agreement = datasheetAgreement(summary)!;
    expect(agreement).toMatchObject({ annotators: 2, items: 4, fleissExcluded: 1 });
    expect(agreement.pairs).toEqual([{ a: "A1", b: "A2", n: 4, kappa: expect.closeTo(0.5, 12), observed: 0.75 }]);
    expect(agreement.alpha).toBe(summary.alpha.alpha);
    expect(JSON.stringify(agreement)).not.toMatch(/ana|ben/);
  });

  it("is null when no item has two annotations", () => {
    expect(datasheetAgreement(agreementSummary([item("1", { ana: "sad" })], CANONICAL_LABELS))).toBeNull();
  });
});
