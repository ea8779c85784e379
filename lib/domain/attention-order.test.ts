import { describe, expect, it } from "vitest";
import { attentionReason, compareAttention, needsAttention, nextAttention, type AttentionCandidate } from "./attention-order";

const candidate = (recordingId: string, extra: Partial<AttentionCandidate> = {}): AttentionCandidate => ({
  recordingId,
  name: `${recordingId}.wav`,
  status: "predicted",
  humanEmotion: null,
  modelEmotion: "happy",
  modelConfidence: 0.5,
  ...extra,
});

const disagreeing = (id: string, confidence: number) =>
  candidate(id, { status: "labelled", humanEmotion: "sad", modelEmotion: "happy", modelConfidence: confidence });

describe("needsAttention", () => {
  it("wants every recording not yet fully labelled, and labelled ones the model disagrees with", () => {
    expect(needsAttention(candidate("a", { status: "unlabelled", modelEmotion: null, modelConfidence: null }))).toBe(true);
    expect(needsAttention(candidate("a"))).toBe(true);
    expect(needsAttention(candidate("a", { status: "in_progress" }))).toBe(true);
    expect(needsAttention(candidate("a", { status: "labelled", humanEmotion: "happy" }))).toBe(false);
    expect(needsAttention(candidate("a", { status: "labelled", humanEmotion: null }))).toBe(false);
    expect(needsAttention(disagreeing("a", 0.9))).toBe(true);
  });

  it("never wants a reviewed recording, even one that disagrees", () => {
    expect(needsAttention({ ...disagreeing("a", 0.9), status: "reviewed" })).toBe(false);
    expect(attentionReason({ ...disagreeing("a", 0.9), status: "reviewed" })).toBeNull();
  });

  it("gives the reason it is offered", () => {
    expect(attentionReason(disagreeing("a", 0.9))).toBe("disagreement");
    expect(attentionReason(candidate("a"))).toBe("low-confidence");
    expect(attentionReason(candidate("a", { modelEmotion: null, modelConfidence: null, status: "unlabelled" }))).toBe("no-human-label");
  });
});

describe("attention order", () => {
  const list = [
    candidate("no-model-b", { name: "b.wav", modelEmotion: null, modelConfidence: null, status: "unlabelled" }),
    candidate("sure", { modelConfidence: 0.9 }),
    disagreeing("disagree-sure", 0.95),
    candidate("unsure", { modelConfidence: 0.2 }),
    candidate("no-model-a", { name: "a.wav", modelEmotion: null, modelConfidence: null, status: "unlabelled" }),
    disagreeing("disagree-unsure", 0.4),
    candidate("tie-y", { name: "y.wav", modelConfidence: 0.6 }),
    candidate("tie-x", { name: "x.wav", modelConfidence: 0.6 }),
    candidate("done", { status: "labelled", humanEmotion: "happy" }),
  ];

  it("puts disagreements first, then lowest confidence, no model result last, then name", () => {
    expect([...list].filter(needsAttention).sort(compareAttention).map((c) => c.recordingId)).toEqual([
      "disagree-unsure",
      "disagree-sure",
      "unsure",
      "tie-x",
      "tie-y",
      "sure",
      "no-model-a",
      "no-model-b",
    ]);
  });

  it("compares names by code unit, the way COLLATE \"C\" does, not by locale", () => {
    const upper = candidate("u", { name: "Zed.wav" });
    const lower = candidate("l", { name: "abe.wav" });
    expect(compareAttention(upper, lower)).toBeLessThan(0);
  });

  it("starts at the first without a current recording, and goes on after the current one", () => {
    expect(nextAttention(list)).toEqual({ recordingId: "disagree-unsure", reason: "disagreement" });
    expect(nextAttention(list, list.find((c) => c.recordingId === "unsure"))).toEqual({ recordingId: "tie-x", reason: "low-confidence" });
    expect(nextAttention(list, list.find((c) => c.recordingId === "sure"))).toEqual({ recordingId: "no-model-a", reason: "no-human-label" });
  });

  it("wraps around after the last and never offers the current recording", () => {
    expect(nextAttention(list, list.find((c) => c.recordingId === "no-model-b"))?.recordingId).toBe("disagree-unsure");
    const single = [candidate("only")];
    expect(nextAttention(single, single[0])).toBeNull();
    expect(nextAttention([list[8]!])).toBeNull();
  });

  it("goes on from where a just-labelled recording sits in the order", () => {
    // "unsure" (0.2) was just labelled in agreement with the model: no longer waiting, but still between 0.2 and 0.6.
    const labelled = { ...candidate("unsure", { modelConfidence: 0.2 }), status: "labelled" as const, humanEmotion: "happy" };
    const now = list.map((c) => (c.recordingId === "unsure" ? labelled : c));
    expect(nextAttention(now, labelled)?.recordingId).toBe("tie-x");
  });
});
