import { describe, expect, it } from "vitest";
import type { LabelView, RegionView } from "@/lib/domain/label-state";
import { hexToRgb, regionAppearance } from "./region-appearance";

function region(label: Partial<LabelView> | null, note = ""): RegionView {
  return {
    id: "r1",
    startSeconds: 12.3,
    endSeconds: 15,
    note,
    label: label && {
      id: "l1",
      emotion: "sad",
      source: "human",
      confidence: null,
      modelKey: null,
      authorName: "A",
      createdAt: "2025-01-01T00:00:00Z",
      ...label,
    },
  };
}

describe("regionAppearance", () => {
  it("fills a human label in its emotion colour and names it", () => {
    expect(regionAppearance(region({}), false)).toEqual({
      color: "rgba(31, 119, 180, 0.30)",
      text: "sad",
      title: "12.30–15.00 s · sad (human label)",
    });
  });

  it("draws model labels fainter, with their confidence", () => {
    const look = regionAppearance(region({ source: "model", confidence: 0.823, emotion: "angry" }), false);
    expect(look.color).toBe("rgba(214, 39, 40, 0.18)");
    expect(look.text).toBe("angry 82%");
  });

  it("draws the selected region stronger", () => {
    expect(regionAppearance(region({}), true).color).toBe("rgba(31, 119, 180, 0.45)");
  });

  it("marks unlabelled and cleared regions in grey, and notes with a pencil", () => {
    expect(regionAppearance(region(null), false)).toMatchObject({ color: "rgba(128, 128, 128, 0.12)", text: "–" });
    const cleared = regionAppearance(region({ emotion: null }, "  laughs  "), false);
    expect(cleared.text).toBe("– ✎");
    expect(cleared.title).toBe("12.30–15.00 s · unlabelled (label cleared) · laughs");
  });
});

describe("hexToRgb", () => {
  it("reads #rrggbb and falls back to grey for anything else", () => {
    expect(hexToRgb("#FF9F1C")).toBe("255, 159, 28");
    expect(hexToRgb("red")).toBe("128, 128, 128");
  });
});
