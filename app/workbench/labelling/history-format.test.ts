import { describe, expect, it } from "vitest";
import type { LabelHistoryEntry } from "@/lib/domain/label-state";
import { describeChange, historyRow, relativeTime } from "./history-format";

const NOW = new Date("2025-03-10T12:00:00Z");

describe("describeChange", () => {
  it("shows a label change, with a model's confidence", () => {
    expect(describeChange({ emotion: "neutral", source: "model", confidence: 0.612 }, { emotion: "sad", source: "human", confidence: null })).toBe(
      "neutral (model 61%) → sad",
    );
    expect(describeChange({ emotion: "sad" }, { emotion: null })).toBe("sad → none");
  });

  it("shows a moved, created or deleted region by its times", () => {
    expect(describeChange({ startSeconds: 12.3, endSeconds: 15 }, { startSeconds: 12.5, endSeconds: 15 })).toBe("0:12.30–0:15.00 → 0:12.50–0:15.00");
    expect(describeChange(null, { startSeconds: 1, endSeconds: 2 })).toBe("none → 0:01.00–0:02.00");
    expect(describeChange({ startSeconds: 1, endSeconds: 2 }, null)).toBe("0:01.00–0:02.00 → deleted");
  });

  it("quotes notes, shortening long ones, and names the review state", () => {
    expect(describeChange({ note: "" }, { note: "laughs\nloudly" })).toBe("no note → “laughs loudly”");
    expect(describeChange({ note: "x" }, { note: "a".repeat(60) })).toBe(`“x” → “${"a".repeat(39)}…”`);
    expect(describeChange({ reviewedAt: null }, { reviewedAt: "2025-03-10T11:00:00Z" })).toBe("not reviewed → reviewed");
  });

  it("returns null when nothing comparable was stored", () => {
    expect(describeChange(null, null)).toBeNull();
    expect(describeChange({ other: 1 }, {})).toBeNull();
  });
});

describe("relativeTime", () => {
  it("reads recent edits relatively and older ones as a date", () => {
    expect(relativeTime("2025-03-10T11:59:40Z", NOW)).toBe("just now");
    expect(relativeTime("2025-03-10T11:55:00Z", NOW)).toBe("5 min ago");
    expect(relativeTime("2025-03-10T09:00:00Z", NOW)).toBe("3 h ago");
    expect(relativeTime("2025-03-09T10:00:00Z", NOW)).toBe("yesterday");
    expect(relativeTime("2025-02-01T10:00:00Z", NOW)).toBe("2025-02-01");
    expect(relativeTime("not a date", NOW)).toBe("not a date");
  });
});

describe("historyRow", () => {
  it("names the author, or the model, and keeps the undone state", () => {
    const entry: LabelHistoryEntry = {
      id: "h1",
      version: 4,
      kind: "label.set",
      regionId: "r1",
      source: "model",
      authorName: null,
      createdAt: "2025-03-10T11:50:00Z",
      before: null,
      after: { emotion: "happy", source: "model", confidence: 0.9 },
      state: "undone",
      undoneAt: "2025-03-10T11:55:00Z",
      title: "Accept model label happy for region 0:01.00–0:02.00",
    };
    expect(historyRow(entry, NOW)).toEqual({
      id: "h1",
      title: "Accept model label happy for region 0:01.00–0:02.00",
      who: "model",
      when: "10 min ago",
      at: "2025-03-10T11:50:00Z",
      change: "none → happy (model 90%)",
      source: "model",
      state: "undone",
    });
  });
});
