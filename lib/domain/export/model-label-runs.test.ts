import { describe, expect, it } from "vitest";
import { CANONICAL_LABELS } from "../emotion-labels";
import { modelLabelRuns } from "./model-label-runs";

function frames(tops: readonly string[]): Float32Array {
  const scores = new Float32Array(tops.length * CANONICAL_LABELS.length).fill(0.01);
  tops.forEach((top, frame) => (scores[frame * CANONICAL_LABELS.length + CANONICAL_LABELS.indexOf(top as never)] = 0.9));
  return scores;
}

describe("modelLabelRuns", () => {
  it("merges equal top labels into intervals on the frame grid, clamped to the recording", () => {
    const runs = modelLabelRuns(frames(["sad", "sad", "happy", "happy", "happy"]), { frameRate: 50, frameOffsetSeconds: 0.01 }, 0.095, (label) => label);
    // Frame 0 is centred at 0.01 s, so frames span [i/50, (i + 1)/50); the last ends at the recording's end.
    expect(runs.map((run) => [run.label, Number(run.start.toFixed(6)), Number(run.end.toFixed(6))])).toEqual([
      ["sad", 0, 0.04],
      ["happy", 0.04, 0.095],
    ]);
  });

  it("leaves frames the mapping drops as gaps and merges across labels that map alike", () => {
    const valence = (label: string) => (label === "sad" || label === "angry" ? "negative" : label === "neutral" ? "neutral" : null);
    const runs = modelLabelRuns(frames(["sad", "angry", "other", "neutral"]), { frameRate: 10, frameOffsetSeconds: 0.05 }, 1, valence);
    expect(runs.map((run) => [run.label, run.start, Number(run.end.toFixed(3))])).toEqual([
      ["negative", 0, 0.2],
      ["neutral", 0.3, 0.4],
    ]);
  });
});
