import { describe, expect, it } from "vitest";
import { clampToLimits, KEY_STEP, PAGE_STEP, sizeAfterDrag, sizeAfterKey } from "./sash-math";

const limits = { min: 100, max: 500 };

describe("sizeAfterDrag", () => {
  it("grows the side bar as the pointer moves right and the panel as it moves up", () => {
    expect(sizeAfterDrag(300, 400, 450, "right", limits)).toBe(350);
    expect(sizeAfterDrag(300, 400, 350, "up", limits)).toBe(350);
    expect(sizeAfterDrag(300, 400, 450, "up", limits)).toBe(250);
  });

  it("stays within the limits and rounds to whole pixels", () => {
    expect(sizeAfterDrag(300, 0, 10_000, "right", limits)).toBe(500);
    expect(sizeAfterDrag(300, 0, -10_000, "right", limits)).toBe(100);
    expect(clampToLimits(200.6, limits)).toBe(201);
  });
});

describe("sizeAfterKey", () => {
  it("steps with the arrows that point the way the pane grows", () => {
    expect(sizeAfterKey(300, "ArrowRight", "right", limits)).toBe(300 + KEY_STEP);
    expect(sizeAfterKey(300, "ArrowLeft", "right", limits)).toBe(300 - KEY_STEP);
    expect(sizeAfterKey(300, "ArrowUp", "up", limits)).toBe(300 + KEY_STEP);
    expect(sizeAfterKey(300, "ArrowDown", "up", limits)).toBe(300 - KEY_STEP);
  });

  it("leaves keys of the other axis and unrelated keys alone", () => {
    expect(sizeAfterKey(300, "ArrowUp", "right", limits)).toBeNull();
    expect(sizeAfterKey(300, "ArrowLeft", "up", limits)).toBeNull();
    expect(sizeAfterKey(300, "a", "up", limits)).toBeNull();
  });

  it("jumps with PageUp/PageDown and to the limits with Home/End", () => {
    expect(sizeAfterKey(300, "PageUp", "right", limits)).toBe(300 + PAGE_STEP);
    expect(sizeAfterKey(150, "PageDown", "right", limits)).toBe(100);
    expect(sizeAfterKey(300, "Home", "up", limits)).toBe(100);
    expect(sizeAfterKey(300, "End", "up", limits)).toBe(500);
  });
});
