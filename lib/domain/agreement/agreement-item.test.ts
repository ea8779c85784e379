import { describe, expect, it } from "vitest";
import { CANONICAL_LABELS } from "../emotion-labels";
import { AgreementInputError } from "./agreement-input-error";
import { codeItems, compareIds } from "./agreement-item";

function item(itemId: string, ratings: Record<string, string>) {
  return { itemId, ratings: new Map(Object.entries(ratings)) };
}

describe("codeItems", () => {
  it("codes categories as indices, raters in ascending order", () => {
    const coded = codeItems([item("rec-1", { zoe: "sad", amir: "angry", mia: "unknown" })], CANONICAL_LABELS);
    expect(coded).toEqual([{ itemId: "rec-1", raterIds: ["amir", "mia", "zoe"], codes: [0, 8, 6] }]);
  });

  it("rejects a category outside the list, naming the item and the rater", () => {
    const run = () => codeItems([item("rec-1", { amir: "sad" }), item("rec-2", { amir: "joy" })], CANONICAL_LABELS);
    expect(run).toThrow(AgreementInputError);
    expect(run).toThrow(/item "rec-2": rater "amir" gave "joy", which is not one of the 9 categories/);
    try {
      run();
    } catch (error) {
      expect((error as AgreementInputError).code).toBe("AGREEMENT_INPUT_INVALID");
      expect((error as AgreementInputError).name).toBe("AgreementInputError");
    }
  });

  it("is case-sensitive: labels must be mapped to the canonical spelling first", () => {
    expect(() => codeItems([item("rec-1", { amir: "Happy" })], CANONICAL_LABELS)).toThrow(/"Happy"/);
  });

  it("rejects a category listed twice and an item id used twice", () => {
    expect(() => codeItems([], ["sad", "happy", "sad"])).toThrow(/names "sad" twice/);
    expect(() => codeItems([item("rec-1", { a: "sad" }), item("rec-1", { b: "sad" })], CANONICAL_LABELS)).toThrow(
      /item "rec-1" appears twice/,
    );
  });

  it("keeps items without ratings", () => {
    expect(codeItems([item("rec-1", {})], CANONICAL_LABELS)).toEqual([{ itemId: "rec-1", raterIds: [], codes: [] }]);
  });
});

describe("compareIds", () => {
  it("orders by code unit, not locale (upper case before lower case)", () => {
    expect(["b", "a", "B", "ä"].sort(compareIds)).toEqual(["B", "a", "b", "ä"]);
  });
});
