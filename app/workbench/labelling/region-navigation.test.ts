import { describe, expect, it } from "vitest";
import { adjacentRegion, regionAtTime, selectionAfterDelete } from "./region-navigation";

const regions = [
  { id: "a", startSeconds: 0, endSeconds: 10 },
  { id: "b", startSeconds: 2, endSeconds: 3 },
  { id: "c", startSeconds: 12, endSeconds: 14 },
];

describe("adjacentRegion", () => {
  it("steps through the timeline from the selected region and stops at the ends", () => {
    expect(adjacentRegion(regions, "a", 1, 0)).toBe("b");
    expect(adjacentRegion(regions, "c", 1, 0)).toBe("c");
    expect(adjacentRegion(regions, "b", -1, 0)).toBe("a");
    expect(adjacentRegion(regions, "a", -1, 0)).toBe("a");
  });

  it("starts from the playhead when nothing is selected", () => {
    expect(adjacentRegion(regions, null, 1, 5)).toBe("c");
    expect(adjacentRegion(regions, null, -1, 5)).toBe("b");
    expect(adjacentRegion(regions, null, 1, 20)).toBe("c");
    expect(adjacentRegion(regions, null, -1, 0)).toBe("a");
    expect(adjacentRegion(regions, "deleted", 1, 1)).toBe("b");
    expect(adjacentRegion([], null, 1, 0)).toBeNull();
  });
});

describe("regionAtTime", () => {
  it("picks the shortest region under the pointer, and cycles on the next click", () => {
    expect(regionAtTime(regions, 2.5, null)).toBe("b");
    expect(regionAtTime(regions, 2.5, "b")).toBe("a");
    expect(regionAtTime(regions, 2.5, "a")).toBe("b");
    expect(regionAtTime(regions, 5, "a")).toBe("a");
    expect(regionAtTime(regions, 5, "c")).toBe("a");
  });

  it("selects nothing between regions", () => {
    expect(regionAtTime(regions, 11, "a")).toBeNull();
  });
});

describe("selectionAfterDelete", () => {
  it("selects the following region, else the previous one", () => {
    expect(selectionAfterDelete(regions, "b")).toBe("c");
    expect(selectionAfterDelete(regions, "c")).toBe("b");
    expect(selectionAfterDelete([regions[0]!], "a")).toBeNull();
    expect(selectionAfterDelete(regions, "zzz")).toBeNull();
  });
});
