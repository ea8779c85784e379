import { describe, expect, it } from "vitest";
import { ArrayShapeError } from "../array-shape-error";
import { emotionColumn, proportionsByUnit, type RecordingEmotionProportions } from "./per-patient";
import { StatisticsInputError } from "./statistics-input-error";
import reference from "./testing/reference.json";

const onehot = (index: number): number[] => Array.from({ length: 9 }, (_, k) => (k === index ? 1 : 0));

describe("proportionsByUnit", () => {
  // Patient A: one all-happy and one all-sad recording; patient B: one all-neutral recording.
  const recordings: RecordingEmotionProportions[] = [
    { recordingId: "r1", patientId: "A", proportions: onehot(3) },
    { recordingId: "r2", patientId: "B", proportions: onehot(4) },
    { recordingId: "r3", patientId: "A", proportions: onehot(6) },
    { recordingId: "r4", patientId: null, proportions: onehot(0) },
  ];

  it("averages each patient's recordings, so every patient counts once (by hand)", () => {
    const result = proportionsByUnit(recordings);
    expect(result.unit).toBe("patient");
    expect(result.units.map((unit) => [unit.unitId, unit.recordingCount])).toEqual([
      ["A", 2],
      ["B", 1],
    ]);
    expect(result.units[0]!.proportions).toEqual([0, 0, 0, 0.5, 0, 0, 0.5, 0, 0]);
    expect(result.withoutPatient).toEqual(["r4"]);
    expect(Array.from(emotionColumn(result.units, "happy"))).toEqual([0.5, 0]);
  });

  it("keeps every recording as its own unit when asked for per-recording analysis", () => {
    const result = proportionsByUnit(recordings, "recording");
    expect(result.units.map((unit) => unit.unitId)).toEqual(["r1", "r2", "r3", "r4"]);
    expect(result.units.every((unit) => unit.recordingCount === 1)).toBe(true);
    expect(result.withoutPatient).toEqual([]);
    expect(Array.from(emotionColumn(result.units, "angry"))).toEqual([0, 0, 0, 1]);
  });

  it("matches NumPy's per-patient means", () => {
    const result = proportionsByUnit(reference.perPatient.recordings);
    expect(result.units.map((unit) => unit.unitId)).toEqual(reference.perPatient.patientMeans.map((mean) => mean.patientId));
    result.units.forEach((unit, u) => {
      const expected = reference.perPatient.patientMeans[u]!;
      expect(unit.recordingCount).toBe(expected.recordingCount);
      unit.proportions.forEach((value, k) => expect(value).toBeCloseTo(expected.proportions[k]!, 15));
    });
    expect(result.withoutPatient).toEqual(["R04", "R10"]);
  });

  it("refuses a recording with the wrong number of emotions or an impossible proportion, naming it", () => {
    expect(() => proportionsByUnit([{ recordingId: "r9", patientId: "A", proportions: [0.5, 0.5] }])).toThrow(ArrayShapeError);
    const bad = onehot(2);
    bad[5] = Number.NaN;
    expect(() => proportionsByUnit([{ recordingId: "r9", patientId: "A", proportions: bad }])).toThrow(StatisticsInputError);
    expect(() => proportionsByUnit([{ recordingId: "r9", patientId: "A", proportions: bad }])).toThrow("recording r9: proportion of other is NaN");
  });
});
