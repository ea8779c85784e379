import { describe, expect, it } from "vitest";
import type { ProjectionPointsPayload } from "../api-types";
import { compareSelectionWithRest, patientPathIndices, patientsInProjection } from "./selection-analysis";

function payload(rows: { human?: string; model?: string; patientId?: string; patient?: string; session?: string; date?: string }[]): ProjectionPointsPayload {
  const column = <T,>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
  return {
    count: rows.length,
    x: column(() => 0),
    y: column(() => 0),
    placed: column(() => false),
    recordingIds: column(() => "r"),
    regionIds: column(() => null),
    startSeconds: column(() => null),
    endSeconds: column(() => null),
    names: column(() => "n.wav"),
    corpusIds: column(() => "c"),
    patients: column((row) => row.patient ?? null),
    patientIds: column((row) => row.patientId ?? null),
    sessions: column((row) => row.session ?? null),
    sessionDates: column((row) => row.date ?? null),
    cohorts: column(() => null),
    humanEmotion: column((row) => row.human ?? null),
    modelEmotion: column((row) => row.model ?? null),
    modelConfidence: column(() => null),
    metadata: {},
  };
}

describe("compareSelectionWithRest", () => {
  it("counts human labels before predictions, says how many of each, and tests the 2 × emotion table", () => {
    const points = payload([
      { human: "sad" },
      { human: "sad", model: "happy" },
      { model: "sad" },
      { model: "happy" },
      { human: "happy" },
      { human: "happy" },
      {},
    ]);
    const result = compareSelectionWithRest(points, new Set([0, 1, 2]));
    expect(result.selection).toMatchObject({ points: 3, human: 2, model: 1, unlabelled: 0 });
    expect(result.selection.counts[6]).toBe(3); // sad
    expect(result.rest).toMatchObject({ points: 4, human: 2, model: 1, unlabelled: 1 });
    expect(result.rest.counts[3]).toBe(3); // happy
    // 2×2 table [[0 happy, 3 sad], [3 happy, 0 sad]]: X² = 6 with 1 degree of freedom.
    expect(result.test?.dof).toBe(1);
    expect(result.test?.statistic).toBeCloseTo(6, 10);
  });

  it("gives no test when one side has no labelled point", () => {
    expect(compareSelectionWithRest(payload([{ human: "sad" }, {}]), new Set([1])).test).toBeNull();
  });
});

describe("patientPathIndices", () => {
  it("orders one patient's points by session date, then session code, with undated sessions last", () => {
    const points = payload([
      { patientId: "a", session: "S3", date: "2024-03-01" },
      { patientId: "b", session: "S1", date: "2024-01-01" },
      { patientId: "a", session: "S10" },
      { patientId: "a", session: "S1", date: "2024-01-15" },
      { patientId: "a", session: "S2", date: "2024-01-15" },
    ]);
    expect(patientPathIndices(points, "a")).toEqual([3, 4, 0, 2]);
    expect(patientsInProjection({ ...points, patients: ["P2", "P10", "P2", "P2", "P2"] })).toEqual([
      { id: "a", code: "P2", points: 4 },
      { id: "b", code: "P10", points: 1 },
    ]);
  });
});
