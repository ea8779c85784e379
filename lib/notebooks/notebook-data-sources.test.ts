import { describe, expect, it } from "vitest";
import { referencedNotebookViews, sqlCellSources, viewCellSources } from "./notebook-data-sources";

describe("the data a notebook cell rests on", () => {
  it("finds the views a query names, qualified or not, quoted or not, once each", () => {
    expect(referencedNotebookViews('SELECT * FROM notebook.labels l JOIN "cohort_members" m USING (patient_id) JOIN labels x ON true')).toEqual([
      "labels",
      "cohort_members",
    ]);
  });

  it("ignores view names inside strings and comments", () => {
    expect(referencedNotebookViews("SELECT 'labels' AS t -- analyses\nFROM cohorts")).toEqual(["cohorts"]);
  });

  it("maps views to the tables behind them", () => {
    expect(sqlCellSources("SELECT emotion, count(*) FROM labels JOIN cohort_members USING (patient_id) GROUP BY 1")).toEqual([
      "labels",
      "cohorts",
      "patients",
    ]);
    expect(sqlCellSources("SELECT 1")).toEqual([]);
  });

  it("pins view cells to their rows", () => {
    expect(viewCellSources({ kind: "projection", projectionId: "p" })).toEqual(["projection:p"]);
    expect(viewCellSources({ kind: "comparison", cohortIds: ["a", "b"] })).toEqual(["cohort:a", "cohort:b", "labels", "analyses"]);
    expect(viewCellSources({ kind: "recording", recordingId: "r", startSeconds: 0, endSeconds: 4 })).toEqual(["recording:r"]);
    expect(viewCellSources({ kind: "trajectory", patientId: "x" })).toEqual(["patient:x"]);
  });
});
