import { describe, expect, it } from "vitest";
import { CANONICAL_INDEX, CANONICAL_LABELS } from "../emotion-labels";
import { assembleTrajectory, compareSessions, type TrajectorySessionInput } from "./trajectory-sessions";

const session = (sessionId: string, date: string | null, ordinal: number | null = null, code = sessionId): TrajectorySessionInput => ({ sessionId, code, date, ordinal });
const oneHot = (index: number) => CANONICAL_LABELS.map((_, k) => (k === index ? 1 : 0));

describe("compareSessions", () => {
  it("orders by date, then ordinal, then code, with sessions without a date last", () => {
    const sessions = [
      session("u2", null, 2),
      session("d2", "2024-03-01"),
      session("u1", null, 1),
      session("d1b", "2024-01-15", 2),
      session("ux", null, null, "b"),
      session("d1a", "2024-01-15", 1),
      session("uy", null, null, "a"),
      session("d1c", "2024-01-15", null),
    ];
    expect([...sessions].sort(compareSessions).map((entry) => entry.sessionId)).toEqual(["d1a", "d1b", "d1c", "d2", "u1", "u2", "uy", "ux"]);
  });
});

describe("assembleTrajectory", () => {
  const sessions = [session("s2", "2024-02-01"), session("s1", "2024-01-01"), session("s3", null, 1), session("s4", "2024-03-01")];
  const view = assembleTrajectory(sessions, [
    { recordingId: "a", sessionId: "s1", measure: { proportions: oneHot(6), source: "human", basis: "regions" }, embedding: [0, 0] },
    { recordingId: "b", sessionId: "s1", measure: { proportions: oneHot(3), source: "model", basis: "frames" }, embedding: [2, 0] },
    { recordingId: "c", sessionId: "s2", measure: { proportions: oneHot(3), source: "model", basis: "utterance" }, embedding: [1, 3] },
    { recordingId: "d", sessionId: "s3", measure: null, embedding: null },
    { recordingId: "e", sessionId: "s4", measure: { proportions: oneHot(4), source: "human", basis: "recording-label" }, embedding: [0, 2] },
    { recordingId: "f", sessionId: null, measure: { proportions: oneHot(4), source: "human", basis: "recording-label" }, embedding: [9, 9] },
  ]);

  it("puts the sessions in path order with their recordings and the mix's source", () => {
    expect(view.sessions.map((entry) => entry.sessionId)).toEqual(["s1", "s2", "s4", "s3"]);
    expect(view.sessions[0]!.recordingIds).toEqual(["a", "b"]);
    expect(view.sessions[0]!.source).toBe("mixed");
    expect(view.sessions[0]!.sources).toEqual({ human: 1, model: 1 });
    expect(view.sessions[0]!.proportions![CANONICAL_INDEX.sad]).toBe(0.5);
    expect(view.sessions[3]!.proportions).toBeNull();
    expect(view.sessions[3]!.withoutData).toBe(1);
    expect(view.undatedSessions).toBe(1);
    expect(view.recordingsWithoutSession).toEqual(["f"]);
  });

  it("measures consecutive steps between session mean embeddings, stepping over sessions without one", () => {
    // s1 mean (1,0) → s2 (1,3) → s4 (0,2); s3 has none.
    expect(view.steps.map((step) => [step.fromSessionId, step.toSessionId])).toEqual([
      ["s1", "s2"],
      ["s2", "s4"],
    ]);
    expect(view.steps[0]!.euclidean).toBeCloseTo(3, 12);
    expect(view.steps[1]!.euclidean).toBeCloseTo(Math.SQRT2, 12);
    // cos between (1,0) and (1,3) is 1/√10.
    expect(view.steps[0]!.cosine).toBeCloseTo(1 - 1 / Math.sqrt(10), 12);
    expect(view.withoutEmbedding).toEqual(["s3"]);
  });

  it("gives each emotion's share per session in path order", () => {
    const happy = view.emotions.find((series) => series.label === "happy")!;
    expect(happy.values).toEqual([0.5, 1, 0, null]);
  });
});
