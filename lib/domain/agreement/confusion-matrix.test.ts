import { describe, expect, it } from "vitest";
import { AgreementInputError } from "./agreement-input-error";
import { confusionMatrix } from "./confusion-matrix";
import { itemsFromTable } from "./testing/agreement-fixtures";

const CATEGORIES = ["angry", "happy", "sad"];

describe("confusionMatrix", () => {
  it("counts rater A (rows) against rater B (columns) over items both rated", () => {
    // Items 4 and 5 lack one of the two raters; rater C is ignored.
    const items = itemsFromTable(
      ["A", "B", "C"],
      [
        ["happy", "happy", "sad"],
        ["sad", "happy", null],
        ["happy", "happy", null],
        ["angry", null, "angry"],
        [null, "sad", "sad"],
        ["angry", "sad", null],
      ],
    );
    const matrix = confusionMatrix(items, "A", "B", CATEGORIES);
    expect(matrix.counts).toEqual([
      [0, 0, 1], // A angry: B sad once
      [0, 2, 0], // A happy: B happy twice
      [0, 1, 0], // A sad: B happy once
    ]);
    expect(matrix.rowTotals).toEqual([1, 2, 1]);
    expect(matrix.columnTotals).toEqual([0, 3, 1]);
    expect(matrix.n).toBe(4);
    expect(matrix.categories).toEqual(CATEGORIES);
  });

  it("is the transpose when the raters swap", () => {
    const items = itemsFromTable(["A", "B"], [["sad", "happy"], ["angry", "happy"], ["sad", "sad"]]);
    const ab = confusionMatrix(items, "A", "B", CATEGORIES).counts;
    const ba = confusionMatrix(items, "B", "A", CATEGORIES).counts;
    expect(ba).toEqual(ab[0]!.map((_, j) => ab.map((row) => row[j])));
  });

  it("is all zeros for raters who share no item", () => {
    const items = itemsFromTable(["A", "B"], [["sad", null], [null, "happy"]]);
    const matrix = confusionMatrix(items, "A", "B", CATEGORIES);
    expect(matrix.n).toBe(0);
    expect(matrix.counts.flat().every((count) => count === 0)).toBe(true);
  });

  it("refuses to compare a rater with themself, and unknown categories", () => {
    expect(() => confusionMatrix([], "A", "A", CATEGORIES)).toThrow(AgreementInputError);
    const items = itemsFromTable(["A", "B"], [["sad", "calm"]]);
    expect(() => confusionMatrix(items, "A", "B", CATEGORIES)).toThrow(/item "item-1": rater "B" gave "calm"/);
  });
});
