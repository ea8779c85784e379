import { describe, expect, it } from "vitest";
import { describeChart, describeView } from "./notebook-cell-description";

describe("describeChart", () => {
  it("names the measure, the axes and the source cell", () => {
    expect(describeChart({ type: "bar", x: "cohort", aggregate: "count" }, 3)).toBe("bar of count by cohort, from cell 3");
    expect(describeChart({ type: "line", x: "session", y: "valence", aggregate: "mean", colour: "sex", facet: "site" }, 1)).toBe(
      "line of mean(valence) by session, coloured by sex, faceted by site, from cell 1",
    );
    expect(describeChart({ type: "scatter", x: "arousal", y: "valence", aggregate: "none" }, null)).toBe("scatter of valence by arousal, no source cell");
  });
});

describe("describeView", () => {
  it("names the view and what it is pinned to", () => {
    expect(describeView({ kind: "recording", recordingId: "r1", startSeconds: 12, endSeconds: 30.54 })).toBe("recording r1 12.0–30.5 s");
    expect(describeView({ kind: "projection", projectionId: "p1" })).toBe("projection p1");
    expect(describeView({ kind: "comparison", cohortIds: ["a", "b"] })).toBe("comparison of cohorts a, b");
    expect(describeView({ kind: "trajectory", patientId: "P-07" })).toBe("trajectory of patient P-07");
    expect(describeView(null)).toBe("no view chosen");
  });
});
