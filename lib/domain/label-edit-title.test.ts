import { describe, expect, it } from "vitest";
import { formatSpan, formatTimecode, labelEditTitle, type EditTitleInput } from "./label-edit-title";

const region = { startSeconds: 12.3, endSeconds: 15 };
const base: Omit<EditTitleInput, "kind"> = { source: "human", region: null, before: null, after: null };

describe("formatTimecode", () => {
  it("writes m:ss.cc below an hour and h:mm:ss.cc from an hour on", () => {
    expect(formatTimecode(0)).toBe("0:00.00");
    expect(formatTimecode(12.3)).toBe("0:12.30");
    expect(formatTimecode(75.05)).toBe("1:15.05");
    expect(formatTimecode(3599.99)).toBe("59:59.99");
    expect(formatTimecode(3600)).toBe("1:00:00.00");
    expect(formatTimecode(3725.5)).toBe("1:02:05.50");
    expect(formatTimecode(36_000 + 61.25)).toBe("10:01:01.25");
  });

  it("rounds to hundredths before splitting, so a carry reaches the minutes", () => {
    expect(formatTimecode(59.999)).toBe("1:00.00");
    expect(formatTimecode(3599.996)).toBe("1:00:00.00");
    expect(formatTimecode(0.004)).toBe("0:00.00");
  });

  it("keeps a sign and does not pretend NaN is a time", () => {
    expect(formatTimecode(-1.5)).toBe("-0:01.50");
    expect(formatTimecode(Number.NaN)).toBe("NaN");
  });

  it("joins a span with an en dash", () => {
    expect(formatSpan(region)).toBe("0:12.30–0:15.00");
  });
});

describe("labelEditTitle", () => {
  it("names region edits by their times", () => {
    expect(labelEditTitle({ ...base, kind: "region.create", after: region })).toBe("Create region 0:12.30–0:15.00");
    expect(labelEditTitle({ ...base, kind: "region.update", before: region, after: { startSeconds: 12, endSeconds: 15.5 } })).toBe(
      "Move region 0:12.30–0:15.00 to 0:12.00–0:15.50",
    );
    expect(labelEditTitle({ ...base, kind: "region.delete", before: region })).toBe("Delete region 0:12.30–0:15.00");
    // A history row whose values lack the times falls back to where the region lies.
    expect(labelEditTitle({ ...base, kind: "region.delete", region })).toBe("Delete region 0:12.30–0:15.00");
  });

  it("names label edits by target and emotion, and tells clearing and accepting the model apart", () => {
    expect(labelEditTitle({ ...base, kind: "label.set", region, after: { emotion: "sad" } })).toBe("Label region 0:12.30–0:15.00 as sad");
    expect(labelEditTitle({ ...base, kind: "label.set", after: { emotion: "sad" } })).toBe("Label recording as sad");
    expect(labelEditTitle({ ...base, kind: "label.set", before: { emotion: "sad" }, after: { emotion: null } })).toBe("Clear label of recording");
    expect(labelEditTitle({ ...base, kind: "label.set", source: "model", region, after: { emotion: "angry", confidence: 0.8 } })).toBe(
      "Accept model label angry for region 0:12.30–0:15.00",
    );
    expect(labelEditTitle({ ...base, kind: "label.accept-model", source: "model" })).toBe("Accept model label for recording");
  });

  it("names note and review edits", () => {
    expect(labelEditTitle({ ...base, kind: "note.set", after: { note: "loud" } })).toBe("Edit note");
    expect(labelEditTitle({ ...base, kind: "note.set", region, after: { note: "loud" } })).toBe("Edit note of region 0:12.30–0:15.00");
    expect(labelEditTitle({ ...base, kind: "review.set", after: { reviewedAt: "2026-11-21T12:00:00.000Z" } })).toBe("Mark reviewed");
    expect(labelEditTitle({ ...base, kind: "review.set", before: { reviewedAt: "2026-11-21T12:00:00.000Z" }, after: { reviewedAt: null } })).toBe(
      "Mark not reviewed",
    );
  });
});
