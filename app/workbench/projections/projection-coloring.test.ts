import { describe, expect, it } from "vitest";
import { categoricalColor } from "@/lib/domain/scatter/scatter-colors";
import type { ProjectionPointsPayload } from "../api-types";
import { EMOTION_COLORS } from "../analysis/emotion-colors";
import { coloringFor, metadataColorFields } from "./projection-coloring";

const points: ProjectionPointsPayload = {
  count: 4,
  x: [0, 1, 2, 3],
  y: [0, 1, 2, 3],
  placed: [false, false, true, false],
  recordingIds: ["a", "b", "c", "d"],
  regionIds: [null, null, null, null],
  startSeconds: [null, null, null, null],
  endSeconds: [null, null, null, null],
  names: ["a", "b", "c", "d"],
  corpusIds: ["k", "k", "k", "k"],
  patients: ["P10", "P2", null, "P2"],
  patientIds: ["p10", "p2", null, "p2"],
  sessions: ["S1", "S1", null, "S2"],
  sessionDates: ["2024-01-01", null, null, null],
  cohorts: ["control", "depression", null, "depression"],
  humanEmotion: ["sad", null, "happy", null],
  modelEmotion: ["sad", "angry", "happy", null],
  modelConfidence: [0.9, 0.5, 0.7, null],
  metadata: { phq9: [3, 20, null, 11], site: ["north", 4, null, "south"] },
};

describe("coloringFor", () => {
  it("colours labels with the workbench's emotion colours and leaves unlabelled points missing", () => {
    const coloring = coloringFor(points, "human");
    if (coloring.kind !== "categorical") throw new Error("expected categories");
    expect(coloring.categories.find((category) => category.label === "sad")?.color).toBe(EMOTION_COLORS.sad);
    expect(Array.from(coloring.codes).filter((code) => code < 0)).toHaveLength(2);
  });

  it("orders patients naturally and treats a numeric metadata column as continuous, a mixed one as categories", () => {
    const patients = coloringFor(points, "patient");
    expect(patients.kind === "categorical" && patients.categories.map((category) => category.label)).toEqual(["P2", "P10"]);
    const phq = coloringFor(points, "metadata:phq9");
    expect(phq.kind).toBe("continuous");
    expect(phq.kind === "continuous" && phq.domain).toEqual([3, 20]);
    expect(coloringFor(points, "metadata:site").kind).toBe("categorical");
    expect(metadataColorFields(points)).toEqual(["metadata:phq9", "metadata:site"]);
  });

  it("gives each cluster the palette colour of its number, as its outline, and noise grey", () => {
    const coloring = coloringFor(points, "cluster", Int32Array.from([1, 0, -1, 1]));
    if (coloring.kind !== "categorical") throw new Error("expected categories");
    const colorOf = (label: string) => coloring.categories.find((category) => category.label === label)?.color;
    expect(colorOf("cluster 1")).toBe(categoricalColor(0));
    expect(colorOf("cluster 2")).toBe(categoricalColor(1));
    expect(colorOf("noise")).toBe("#b0b0b0");
  });
});
