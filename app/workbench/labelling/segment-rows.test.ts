import { describe, expect, it } from "vitest";
import type { RegionView } from "@/lib/domain/label-state";
import { rowForKey, scrollTopFor, segmentRows, visibleRowWindow } from "./segment-rows";

const label = { id: "l", modelKey: null, authorName: null, createdAt: "2025-01-01T00:00:00Z" };

describe("segmentRows", () => {
  it("formats times, label, source, confidence and note for each region", () => {
    const regions: RegionView[] = [
      { id: "a", startSeconds: 12.3, endSeconds: 15, note: " sighs\n twice ", label: { ...label, emotion: "sad", source: "human", confidence: null } },
      { id: "b", startSeconds: 3725.5, endSeconds: 3730, note: "", label: { ...label, emotion: "angry", source: "model", confidence: 0.816 } },
      { id: "c", startSeconds: 20, endSeconds: 21, note: "", label: { ...label, emotion: null, source: "human", confidence: null } },
      { id: "d", startSeconds: 30, endSeconds: 31.25, note: "", label: null },
    ];
    expect(segmentRows(regions)).toEqual([
      { id: "a", index: 1, startSeconds: 12.3, start: "0:12.30", end: "0:15.00", duration: "2.70 s", emotion: "sad", label: "sad", source: "human", confidence: "—", note: "sighs twice" },
      { id: "b", index: 2, startSeconds: 3725.5, start: "1:02:05.50", end: "1:02:10.00", duration: "4.50 s", emotion: "angry", label: "angry", source: "model", confidence: "82%", note: "" },
      { id: "c", index: 3, startSeconds: 20, start: "0:20.00", end: "0:21.00", duration: "1.00 s", emotion: null, label: "cleared", source: "—", confidence: "—", note: "" },
      { id: "d", index: 4, startSeconds: 30, start: "0:30.00", end: "0:31.25", duration: "1.25 s", emotion: null, label: "—", source: "—", confidence: "—", note: "" },
    ]);
  });
});

describe("visibleRowWindow", () => {
  it("renders the rows in view plus overscan, with padding for the rest", () => {
    expect(visibleRowWindow(240, 96, 24, 500, 2)).toEqual({ first: 8, last: 17, paddingTop: 192, paddingBottom: 483 * 24 });
  });

  it("stays inside the list at both ends", () => {
    expect(visibleRowWindow(0, 200, 24, 5, 8)).toEqual({ first: 0, last: 5, paddingTop: 0, paddingBottom: 0 });
    expect(visibleRowWindow(100_000, 200, 24, 500, 8)).toMatchObject({ first: 500, last: 500, paddingBottom: 0 });
    expect(visibleRowWindow(0, 200, 24, 0)).toEqual({ first: 0, last: 0, paddingTop: 0, paddingBottom: 0 });
  });
});

describe("rowForKey", () => {
  it("moves by one, by a page and to either end, without leaving the list", () => {
    expect(rowForKey("ArrowDown", -1, 10, 4)).toBe(0);
    expect(rowForKey("ArrowDown", 3, 10, 4)).toBe(4);
    expect(rowForKey("ArrowDown", 9, 10, 4)).toBe(9);
    expect(rowForKey("ArrowUp", 0, 10, 4)).toBe(0);
    expect(rowForKey("PageDown", 3, 10, 4)).toBe(7);
    expect(rowForKey("PageDown", 8, 10, 4)).toBe(9);
    expect(rowForKey("PageUp", 2, 10, 4)).toBe(0);
    expect(rowForKey("Home", 5, 10, 4)).toBe(0);
    expect(rowForKey("End", 5, 10, 4)).toBe(9);
  });

  it("ignores other keys and empty lists", () => {
    expect(rowForKey("a", 0, 10, 4)).toBeNull();
    expect(rowForKey("ArrowDown", -1, 0, 4)).toBeNull();
  });
});

describe("scrollTopFor", () => {
  it("scrolls just enough to show the row", () => {
    expect(scrollTopFor(2, 24, 100, 120)).toBe(48);
    expect(scrollTopFor(10, 24, 100, 120)).toBe(144);
    expect(scrollTopFor(5, 24, 100, 120)).toBe(100);
  });
});
