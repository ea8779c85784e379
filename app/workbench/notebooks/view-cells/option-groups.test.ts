import { describe, expect, it } from "vitest";
import { groupByCorpus } from "./option-groups";

describe("groupByCorpus", () => {
  it("groups by corpus in name order, numbers in codes compared as numbers, each entry once", () => {
    const patient = (id: string, code: string, corpusId: string, corpusName: string) => ({ id, code, corpusId, corpusName });
    const groups = groupByCorpus(
      [
        patient("p10", "P-10", "c2", "Study B"),
        patient("p2", "P-2", "c2", "Study B"),
        patient("p1", "P-1", "c1", "Study A"),
        // The same patient listed under two cohorts.
        patient("p2", "P-2", "c2", "Study B"),
      ],
      (entry) => entry.code,
    );
    expect(groups.map((group) => [group.corpusName, group.entries.map((entry) => entry.code)])).toEqual([
      ["Study A", ["P-1"]],
      ["Study B", ["P-2", "P-10"]],
    ]);
  });
});
