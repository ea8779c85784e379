import { describe, expect, it } from "vitest";
import { rowsPerPage, scrollTopToReveal, visibleWindow } from "./virtual-window";

const base = { rowHeight: 22, viewportHeight: 440, overscan: 5 };

describe("visibleWindow", () => {
  it("renders the first screenful plus overscan below at the top", () => {
    expect(visibleWindow({ ...base, scrollTop: 0, rowCount: 100_000 })).toEqual({ start: 0, end: 25, offsetTop: 0, totalHeight: 2_200_000 });
  });

  it("renders only the rows around the viewport deep in a long list", () => {
    const window = visibleWindow({ ...base, scrollTop: 22 * 50_000 + 11, rowCount: 100_000 });
    // Rows 50,000 (half hidden) to 50,020 (half shown) are visible.
    expect(window.start).toBe(50_000 - 5);
    expect(window.end).toBe(50_021 + 5);
    expect(window.offsetTop).toBe(window.start * 22);
    expect(window.end - window.start).toBeLessThan(40);
  });

  it("stops at the end of the list", () => {
    const window = visibleWindow({ ...base, scrollTop: 22 * 99_990, rowCount: 100_000 });
    expect(window.end).toBe(100_000);
    expect(window.start).toBe(100_000 - 20 - 5);
  });

  it("clamps a scrollTop beyond the list (the list shrank while scrolled)", () => {
    const window = visibleWindow({ ...base, scrollTop: 1_000_000, rowCount: 30 });
    expect(window).toEqual({ start: 5, end: 30, offsetTop: 110, totalHeight: 660 });
    expect(visibleWindow({ ...base, scrollTop: -50, rowCount: 30 }).start).toBe(0);
  });

  it("renders everything of a list shorter than the viewport, and nothing of an empty one", () => {
    expect(visibleWindow({ ...base, scrollTop: 0, rowCount: 3 })).toEqual({ start: 0, end: 3, offsetTop: 0, totalHeight: 66 });
    expect(visibleWindow({ ...base, scrollTop: 0, rowCount: 0 })).toEqual({ start: 0, end: 0, offsetTop: 0, totalHeight: 0 });
  });

  it("still renders a row before the viewport has been measured", () => {
    expect(visibleWindow({ ...base, viewportHeight: 0, scrollTop: 0, rowCount: 10 })).toEqual({ start: 0, end: 6, offsetTop: 0, totalHeight: 220 });
  });
});

describe("scrollTopToReveal", () => {
  it("leaves the scroll position alone when the row is fully visible", () => {
    expect(scrollTopToReveal(5, 0, 440, 22)).toBe(0);
  });

  it("scrolls up to a row above and down just far enough for a row below", () => {
    expect(scrollTopToReveal(3, 220, 440, 22)).toBe(66);
    expect(scrollTopToReveal(30, 0, 440, 22)).toBe(31 * 22 - 440);
  });
});

describe("rowsPerPage", () => {
  it("counts whole rows, at least one", () => {
    expect(rowsPerPage(440, 22)).toBe(20);
    expect(rowsPerPage(10, 22)).toBe(1);
  });
});
