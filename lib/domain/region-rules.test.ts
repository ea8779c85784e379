import { describe, expect, it } from "vitest";
import { checkRegion, type RegionContext } from "./region-rules";

const existing = { id: "a", startSeconds: 10, endSeconds: 20 };
const strict: RegionContext = { liveRegions: [existing], durationSeconds: 60, constraints: { noOverlap: true, minSeconds: 0.5 } };
const loose: RegionContext = { liveRegions: [existing], durationSeconds: 60, constraints: { noOverlap: false, minSeconds: 0 } };

const region = (startSeconds: number, endSeconds: number, id = "new") => ({ id, startSeconds, endSeconds });

describe("checkRegion", () => {
  it("accepts a region inside the recording that meets the constraints", () => {
    expect(checkRegion(region(0, 10), strict)).toEqual({ ok: true });
    expect(checkRegion(region(20, 60), strict)).toEqual({ ok: true });
    expect(checkRegion(region(1, 2), { liveRegions: [], durationSeconds: 5 })).toEqual({ ok: true });
  });

  it("refuses a region that does not end after it starts, or whose times are not numbers", () => {
    expect(checkRegion(region(5, 5), loose)).toMatchObject({ ok: false, problem: "empty", message: "Region 0:05.00–0:05.00 must end after it starts" });
    expect(checkRegion(region(6, 5), loose)).toMatchObject({ ok: false, problem: "empty" });
    expect(checkRegion(region(Number.NaN, 5), loose)).toMatchObject({ ok: false, problem: "not-finite" });
    expect(checkRegion(region(1, Number.POSITIVE_INFINITY), loose)).toMatchObject({ ok: false, problem: "not-finite" });
  });

  it("refuses a region reaching outside 0 … duration", () => {
    expect(checkRegion(region(-0.5, 2), loose)).toMatchObject({
      ok: false,
      problem: "outside",
      message: "Region -0:00.50–0:02.00 lies outside the recording (0:00.00–1:00.00)",
    });
    expect(checkRegion(region(59, 60.01), loose)).toMatchObject({ ok: false, problem: "outside" });
    // Float noise at the very end is not "outside".
    expect(checkRegion(region(59, 60 + 1e-9), loose)).toEqual({ ok: true });
  });

  it("refuses a region shorter than the minimum, naming both", () => {
    expect(checkRegion(region(12.3, 12.4), { ...strict, liveRegions: [] })).toEqual({
      ok: false,
      problem: "too-short",
      message: "Region 0:12.30–0:12.40 is shorter than the minimum 0.5 s",
    });
    expect(checkRegion(region(30, 30.5), strict)).toEqual({ ok: true });
    expect(checkRegion(region(30, 30.49), strict)).toMatchObject({ problem: "too-short" });
  });

  it("refuses an overlap when asked, but not regions that only touch", () => {
    expect(checkRegion(region(19, 25), strict)).toEqual({
      ok: false,
      problem: "overlap",
      message: "Region 0:19.00–0:25.00 overlaps region 0:10.00–0:20.00",
      conflictingRegionId: "a",
    });
    expect(checkRegion(region(5, 11), strict)).toMatchObject({ problem: "overlap" });
    expect(checkRegion(region(12, 15), strict)).toMatchObject({ problem: "overlap" });
    expect(checkRegion(region(5, 30), strict)).toMatchObject({ problem: "overlap" });
    expect(checkRegion(region(20, 25), strict)).toEqual({ ok: true });
    expect(checkRegion(region(5, 10), strict)).toEqual({ ok: true });
    expect(checkRegion(region(5, 10.0000001), strict)).toEqual({ ok: true });
  });

  it("allows a region drawn inside or across another when overlap is allowed", () => {
    expect(checkRegion(region(12, 15), loose)).toEqual({ ok: true });
    expect(checkRegion(region(5, 30), loose)).toEqual({ ok: true });
    expect(checkRegion(region(12, 15), { liveRegions: [existing], durationSeconds: 60 })).toEqual({ ok: true });
  });

  it("does not count the region being moved as overlapping itself", () => {
    expect(checkRegion(region(11, 21, "a"), strict)).toEqual({ ok: true });
    expect(checkRegion(region(11, 21, "b"), strict)).toMatchObject({ problem: "overlap" });
  });
});
