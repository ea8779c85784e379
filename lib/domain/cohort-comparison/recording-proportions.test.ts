import { describe, expect, it } from "vitest";
import { ArrayShapeError } from "../array-shape-error";
import { CANONICAL_INDEX, type CanonicalLabel } from "../emotion-labels";
import { frameTopShares, recordingProportions } from "./recording-proportions";

const oneHot = (label: CanonicalLabel) => Array.from({ length: 9 }, (_, k) => (k === CANONICAL_INDEX[label] ? 1 : 0));

/** Frames whose top class is the given label (score 0.6, the rest 0.05). */
function frames(...labels: CanonicalLabel[]): Float32Array {
  const scores = new Float32Array(labels.length * 9).fill(0.05);
  labels.forEach((label, frame) => (scores[frame * 9 + CANONICAL_INDEX[label]] = 0.6));
  return scores;
}

const utterance = (label: CanonicalLabel) => oneHot(label).map((value) => (value === 1 ? 0.7 : 0.3 / 8));

describe("recordingProportions", () => {
  it("takes labelled duration per emotion over the total labelled duration", () => {
    const result = recordingProportions({
      regionLabels: [
        { startSeconds: 0, endSeconds: 3, emotion: "sad" },
        { startSeconds: 5, endSeconds: 6, emotion: "happy" },
      ],
      recordingLabel: "neutral",
      model: { frameScores: frames("angry"), utteranceScores: utterance("angry") },
    });
    expect(result?.source).toBe("human");
    expect(result?.basis).toBe("regions");
    expect(result?.proportions[CANONICAL_INDEX.sad]).toBeCloseTo(0.75, 12);
    expect(result?.proportions[CANONICAL_INDEX.happy]).toBeCloseTo(0.25, 12);
    expect(result?.proportions.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
  });

  it("counts overlapping regions fully, each with its own label", () => {
    // sad 0–4 and happy 2–4 overlap for 2 s: 4 s of sad and 2 s of happy out of 6 labelled seconds.
    const result = recordingProportions({
      regionLabels: [
        { startSeconds: 0, endSeconds: 4, emotion: "sad" },
        { startSeconds: 2, endSeconds: 4, emotion: "happy" },
      ],
      recordingLabel: null,
      model: null,
    });
    expect(result?.proportions[CANONICAL_INDEX.sad]).toBeCloseTo(4 / 6, 12);
    expect(result?.proportions[CANONICAL_INDEX.happy]).toBeCloseTo(2 / 6, 12);
  });

  it("falls back to the whole-recording label as one-hot when no region is labelled", () => {
    const result = recordingProportions({
      regionLabels: [{ startSeconds: 2, endSeconds: 2, emotion: "sad" }],
      recordingLabel: "fearful",
      model: { frameScores: frames("angry"), utteranceScores: utterance("angry") },
    });
    expect(result).toEqual({ proportions: oneHot("fearful"), source: "human", basis: "recording-label" });
  });

  it("ignores labels that are not canonical", () => {
    const result = recordingProportions({ regionLabels: [{ startSeconds: 0, endSeconds: 1, emotion: "bored" }], recordingLabel: "bored", model: null });
    expect(result).toBeNull();
  });

  it("uses the model's frames without human labels: the share of frames each class tops", () => {
    const result = recordingProportions({ regionLabels: [], recordingLabel: null, model: { frameScores: frames("sad", "sad", "sad", "happy"), utteranceScores: utterance("angry") } });
    expect(result?.source).toBe("model");
    expect(result?.basis).toBe("frames");
    expect(result?.proportions[CANONICAL_INDEX.sad]).toBe(0.75);
    expect(result?.proportions[CANONICAL_INDEX.happy]).toBe(0.25);
  });

  it("uses the utterance top class when the analysis has no frame scores", () => {
    const result = recordingProportions({ regionLabels: [], recordingLabel: null, model: { frameScores: null, utteranceScores: utterance("surprised") } });
    expect(result).toEqual({ proportions: oneHot("surprised"), source: "model", basis: "utterance" });
  });

  it("is null without labels and without an analysis", () => {
    expect(recordingProportions({ regionLabels: [], recordingLabel: null, model: null })).toBeNull();
    expect(recordingProportions({ regionLabels: [], recordingLabel: null, model: { frameScores: null, utteranceScores: null } })).toBeNull();
  });
});

describe("frameTopShares", () => {
  it("gives a tie to the first class in canonical order and skips frames of NaN", () => {
    const scores = new Float32Array(27).fill(0);
    scores[CANONICAL_INDEX.happy] = 0.5;
    scores[CANONICAL_INDEX.sad] = 0.5;
    scores.fill(Number.NaN, 9, 18);
    scores[18 + CANONICAL_INDEX.sad] = 0.9;
    const shares = frameTopShares(scores)!;
    expect(shares[CANONICAL_INDEX.happy]).toBe(0.5);
    expect(shares[CANONICAL_INDEX.sad]).toBe(0.5);
  });

  it("is null for no frames and refuses a length that is not frames × 9", () => {
    expect(frameTopShares(new Float32Array(0))).toBeNull();
    expect(() => frameTopShares(new Float32Array(10))).toThrow(ArrayShapeError);
  });
});
