import { describe, expect, it } from "vitest";
import { parseCellSettings } from "./notebook-cell-settings";

describe("parseCellSettings", () => {
  it("accepts each kind's settings and drops unknown keys", () => {
    expect(parseCellSettings("markdown", { colour: "red" })).toEqual({ ok: true, kind: "markdown", settings: {} });
    expect(parseCellSettings("sql", undefined)).toEqual({ ok: true, kind: "sql", settings: {} });
    expect(parseCellSettings("sql", { limit: 500, future: true })).toEqual({ ok: true, kind: "sql", settings: { limit: 500 } });
    const chart = { sourceCellId: "q", spec: { type: "line", x: "t", y: "valence", colour: "cohort", aggregate: "mean", title: "Valence" } };
    expect(parseCellSettings("chart", chart)).toEqual({ ok: true, kind: "chart", settings: chart });
    const views = [
      { kind: "recording", recordingId: "r", startSeconds: 0, endSeconds: 12.5 },
      { kind: "projection", projectionId: "p" },
      { kind: "comparison", cohortIds: ["a", "b"] },
      { kind: "trajectory", patientId: "p1" },
      null,
    ];
    for (const view of views) expect(parseCellSettings("view", { view })).toEqual({ ok: true, kind: "view", settings: { view } });
  });

  it("says what is wrong, naming the field", () => {
    expect(parseCellSettings("sql", { limit: 2.5 })).toEqual({ ok: false, problem: "limit must be a whole number" });
    expect(parseCellSettings("chart", { sourceCellId: null, spec: { type: "bar", x: "a", aggregate: "mean" } })).toEqual({
      ok: false,
      problem: "spec.y is required unless spec.aggregate is count",
    });
    expect(parseCellSettings("chart", { sourceCellId: null })).toMatchObject({ ok: false });
    expect(parseCellSettings("view", { view: { kind: "recording", recordingId: "r", startSeconds: 5, endSeconds: 5 } })).toEqual({
      ok: false,
      problem: "view.endSeconds must be after view.startSeconds",
    });
    expect(parseCellSettings("view", { view: { kind: "map" } })).toEqual({ ok: false, problem: "view.kind must be recording, projection, comparison or trajectory" });
    expect(parseCellSettings("sql", "limit 5")).toMatchObject({ ok: false });
  });
});
