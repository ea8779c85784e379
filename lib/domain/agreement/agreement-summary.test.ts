import { describe, expect, it } from "vitest";
import { CANONICAL_LABELS } from "../emotion-labels";
import { AgreementInputError } from "./agreement-input-error";
import { agreementSummary } from "./agreement-summary";
import { fleissKappa } from "./fleiss-kappa";
import { krippendorffAlphaNominal } from "./krippendorff-alpha";
import { pairwiseCohensKappa } from "./pairwise-cohens-kappa";
import { perCategoryAgreement } from "./per-category-agreement";
import { itemsFromTable } from "./testing/agreement-fixtures";

describe("agreementSummary", () => {
  const items = itemsFromTable(
    ["rater-2", "rater-1", "rater-3"],
    [
      ["happy", "happy", "happy"],
      ["sad", "happy", "sad"],
      ["angry", "angry", null],
      [null, null, "neutral"],
      [null, null, null],
    ],
  );

  it("counts raters, items and ratings", () => {
    const summary = agreementSummary(items, CANONICAL_LABELS);
    expect(summary).toMatchObject({
      categories: [...CANONICAL_LABELS],
      raters: ["rater-1", "rater-2", "rater-3"],
      itemCount: 5,
      ratingCount: 9,
      itemsWithTwoOrMoreRatings: 3,
    });
  });

  it("carries the same figures as the individual functions", () => {
    const summary = agreementSummary(items, CANONICAL_LABELS);
    expect(summary.pairwise).toEqual(pairwiseCohensKappa(items, CANONICAL_LABELS));
    expect(summary.fleiss).toEqual(fleissKappa(items, CANONICAL_LABELS));
    expect(summary.alpha).toEqual(krippendorffAlphaNominal(items, CANONICAL_LABELS));
    expect(summary.perCategory).toEqual(perCategoryAgreement(items, CANONICAL_LABELS));
    // Fleiss uses the two 3-rating items and leaves out the 2-, 1- and 0-rating ones.
    expect(summary.fleiss).toMatchObject({ ratersPerItem: 3, itemCount: 2, excludedItems: 3 });
  });

  it("survives a JSON round trip unchanged, for datasheets and notebooks", () => {
    const summary = agreementSummary(items, CANONICAL_LABELS);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it("rejects a rating outside the categories", () => {
    expect(() => agreementSummary(items, ["happy", "sad"])).toThrow(AgreementInputError);
  });
});
