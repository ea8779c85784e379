import { describe, expect, it } from "vitest";
import { doneCount, statusShares, statusSummary } from "./status-text";

const counts = { unlabelled: 7, predicted: 0, in_progress: 0, labelled: 2, reviewed: 3 };

describe("status text", () => {
  it("counts labelled and reviewed recordings as done", () => {
    expect(doneCount(counts)).toBe(5);
  });

  it("spells out a folder's counts, most finished first, leaving out empty statuses", () => {
    expect(statusSummary(12, counts)).toBe("12 recordings: 3 reviewed, 2 labelled, 7 unlabelled");
    expect(statusSummary(1, { unlabelled: 0, predicted: 0, in_progress: 1, labelled: 0, reviewed: 0 })).toBe("1 recording: 1 in progress");
    expect(statusSummary(0, { unlabelled: 0, predicted: 0, in_progress: 0, labelled: 0, reviewed: 0 })).toBe("0 recordings");
  });

  it("gives each present status its share of the bar, summing to one", () => {
    const shares = statusShares(counts);
    expect(shares.map((entry) => entry.status)).toEqual(["reviewed", "labelled", "unlabelled"]);
    expect(shares.reduce((sum, entry) => sum + entry.share, 0)).toBeCloseTo(1, 10);
    expect(statusShares({ unlabelled: 0, predicted: 0, in_progress: 0, labelled: 0, reviewed: 0 })).toEqual([]);
  });
});
