import { describe, expect, it } from "vitest";
import { CANONICAL_INDEX, CANONICAL_LABELS, type CanonicalLabel } from "../domain/emotion-labels";
import { regionModelLabel, utteranceModelLabel } from "./model-label";

const K = CANONICAL_LABELS.length;
const timing = { frameRate: 50, frameOffsetSeconds: 0.0125 };

/** Frames whose scores put `winner` on top with `score`, the rest shared evenly. */
function frames(winners: readonly [CanonicalLabel, number][]): Float32Array {
  const scores = new Float32Array(winners.length * K);
  winners.forEach(([label, score], frame) => {
    for (let k = 0; k < K; k++) scores[frame * K + k] = (1 - score) / (K - 1);
    scores[frame * K + CANONICAL_INDEX[label]] = score;
  });
  return scores;
}

describe("utteranceModelLabel", () => {
  it("takes the top canonical score, not the model's own label name", () => {
    const stored = { labels: [...CANONICAL_LABELS], scores: [0.05, 0.02, 0.03, 0.1, 0.1, 0.05, 0.6, 0.03, 0.02], top: "sad_own_name", confidence: 0.6 };
    expect(utteranceModelLabel(stored)).toEqual({ emotion: "sad", confidence: 0.6 });
  });

  it("answers null for scores of another shape", () => {
    expect(utteranceModelLabel({ labels: ["a", "b"], scores: [0.5, 0.5], top: "a", confidence: 0.5 })).toBeNull();
    expect(utteranceModelLabel(null)).toBeNull();
  });
});

describe("regionModelLabel", () => {
  // 0–0.5 s angry (frames 0–24), 0.5–1 s sad (frames 25–49), 50 frames a second, centres at 0.0125 + f/50.
  const scores = frames([...Array.from({ length: 25 }, () => ["angry", 0.9] as [CanonicalLabel, number]), ...Array.from({ length: 25 }, () => ["sad", 0.7] as [CanonicalLabel, number])]);

  it("averages the frames whose centres lie in the region", () => {
    expect(regionModelLabel(scores, timing, { startSeconds: 0, endSeconds: 0.5 })).toEqual({ emotion: "angry", confidence: expect.closeTo(0.9, 6) });
    expect(regionModelLabel(scores, timing, { startSeconds: 0.5, endSeconds: 1 })).toEqual({ emotion: "sad", confidence: expect.closeTo(0.7, 6) });
    // 0.3–0.6 s: frames 15–29, ten angry and five sad; angry's mean is (10·0.9 + 5·0.0375) / 15.
    const mixed = regionModelLabel(scores, timing, { startSeconds: 0.3, endSeconds: 0.6 });
    expect(mixed?.emotion).toBe("angry");
    expect(mixed?.confidence).toBeCloseTo((10 * 0.9 + 5 * (0.3 / 8)) / 15, 6);
  });

  it("counts a frame centred exactly on the start in, and one on the end out", () => {
    // Frame 25 is centred at 0.5125 s: a region from there holds only sad frames, one ending there only angry ones.
    expect(regionModelLabel(scores, timing, { startSeconds: 0.5125, endSeconds: 0.6 })?.emotion).toBe("sad");
    expect(regionModelLabel(scores, timing, { startSeconds: 0.4, endSeconds: 0.5125 })?.confidence).toBeCloseTo(0.9, 6);
  });

  it("takes the nearest frame for a region narrower than a frame, and the edge frame past the ends", () => {
    expect(regionModelLabel(scores, timing, { startSeconds: 0.52, endSeconds: 0.53 })?.emotion).toBe("sad");
    expect(regionModelLabel(scores, timing, { startSeconds: 5, endSeconds: 6 })?.emotion).toBe("sad");
  });

  it("answers null without frames", () => {
    expect(regionModelLabel(new Float32Array(0), timing, { startSeconds: 0, endSeconds: 1 })).toBeNull();
    expect(regionModelLabel(scores, { frameRate: 0, frameOffsetSeconds: 0 }, { startSeconds: 0, endSeconds: 1 })).toBeNull();
  });
});
