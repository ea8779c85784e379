import { describe, expect, it } from "vitest";
import { MAX_COMPARED_COHORTS } from "@/lib/cohorts/serve-cohort-comparison";
import type { NotebookViewSpec } from "@/lib/domain/notebook/notebook-cell";
import { checkDraft, draftFromView, MAX_VIEW_COHORTS, parseSeconds, type ViewDraft } from "./view-spec-draft";

const RECORDING = "6f1c2d3e-0000-4000-8000-000000000001";

function recordingDraft(from: string, to: string): ViewDraft {
  return { ...draftFromView(null), kind: "recording", recordingId: RECORDING, from, to };
}

describe("draftFromView", () => {
  it("starts a new cell on a recording range with nothing chosen", () => {
    expect(draftFromView(null)).toEqual({ kind: "recording", recordingId: null, from: "", to: "", projectionId: null, cohortIds: [], patientId: null });
  });

  it("round-trips every kind through checkDraft", () => {
    const views: NotebookViewSpec[] = [
      { kind: "recording", recordingId: RECORDING, startSeconds: 12, endSeconds: 18.5 },
      { kind: "projection", projectionId: "p-1" },
      { kind: "comparison", cohortIds: ["a", "b", "c"] },
      { kind: "trajectory", patientId: "patient-1" },
    ];
    for (const view of views) {
      expect(checkDraft(draftFromView(view), { recordingDurationSeconds: 35 })).toEqual({ ok: true, view });
    }
  });
});

describe("checkDraft: recording range", () => {
  const facts = { recordingDurationSeconds: 35 };

  it("accepts 0 ≤ from < to ≤ duration, the end included", () => {
    expect(checkDraft(recordingDraft("0", "35"), facts)).toEqual({ ok: true, view: { kind: "recording", recordingId: RECORDING, startSeconds: 0, endSeconds: 35 } });
  });

  it("names the field and the limit when the range is wrong", () => {
    expect(checkDraft(recordingDraft("-1", "5"), facts)).toMatchObject({ ok: false, field: "from", message: "From (s) must be 0 or more." });
    expect(checkDraft(recordingDraft("18.5", "12"), facts)).toMatchObject({ ok: false, field: "to", message: "To (s) must be after From (s)." });
    expect(checkDraft(recordingDraft("12", "12"), facts)).toMatchObject({ ok: false, field: "to" });
    expect(checkDraft(recordingDraft("12", "35.5"), facts)).toMatchObject({ ok: false, field: "to", message: "To (s) must be at most 35.00, the recording's length." });
    expect(checkDraft(recordingDraft("", "5"), facts)).toMatchObject({ ok: false, field: "from" });
    expect(checkDraft(recordingDraft("1", "abc"), facts)).toMatchObject({ ok: false, field: "to" });
  });

  it("asks for a recording first, and waits for its length before accepting", () => {
    expect(checkDraft({ ...recordingDraft("0", "5"), recordingId: null }, facts)).toMatchObject({ ok: false, field: "recording", message: "Choose a recording." });
    expect(checkDraft(recordingDraft("0", "5"))).toMatchObject({ ok: false, field: "recording" });
  });
});

describe("checkDraft: other kinds", () => {
  const base = draftFromView(null);

  it("takes only a finished projection once the list is known", () => {
    const draft: ViewDraft = { ...base, kind: "projection", projectionId: "running-one" };
    expect(checkDraft(draft, { finishedProjectionIds: new Set(["done"]) })).toMatchObject({ ok: false, field: "projection" });
    expect(checkDraft({ ...draft, projectionId: "done" }, { finishedProjectionIds: new Set(["done"]) })).toEqual({ ok: true, view: { kind: "projection", projectionId: "done" } });
    expect(checkDraft({ ...draft, projectionId: null })).toMatchObject({ ok: false, message: "Choose a projection." });
  });

  it("compares 2 to 12 distinct cohorts, the route's own limit", () => {
    expect(MAX_VIEW_COHORTS).toBe(MAX_COMPARED_COHORTS);
    const draft = (cohortIds: string[]): ViewDraft => ({ ...base, kind: "comparison", cohortIds });
    expect(checkDraft(draft(["a"]))).toMatchObject({ ok: false, field: "cohorts", message: "Choose at least two cohorts to compare." });
    expect(checkDraft(draft(["a", "a"]))).toMatchObject({ ok: false, field: "cohorts" });
    expect(checkDraft(draft(["a", "b", "a"]))).toEqual({ ok: true, view: { kind: "comparison", cohortIds: ["a", "b"] } });
    const thirteen = Array.from({ length: 13 }, (_, index) => `c${index}`);
    expect(checkDraft(draft(thirteen))).toMatchObject({ ok: false, field: "cohorts" });
    expect(checkDraft(draft(thirteen.slice(0, 12)))).toMatchObject({ ok: true });
  });

  it("needs a patient for a trajectory", () => {
    expect(checkDraft({ ...base, kind: "trajectory" })).toMatchObject({ ok: false, field: "patient", message: "Choose a patient." });
  });
});

describe("parseSeconds", () => {
  it("reads what a researcher types, and never an empty input as 0", () => {
    expect(parseSeconds(" 12.5 ")).toBe(12.5);
    expect(parseSeconds("12,5")).toBe(12.5);
    expect(parseSeconds("")).toBeNull();
    expect(parseSeconds("   ")).toBeNull();
    expect(parseSeconds("twelve")).toBeNull();
    expect(parseSeconds("Infinity")).toBeNull();
  });
});
