import { describe, expect, it } from "vitest";
import { ArrayShapeError } from "../array-shape-error";
import { StatisticsInputError } from "./statistics-input-error";
import { expectClose } from "./testing/expect-close";
import reference from "./testing/reference.json";
import { patientTrajectory, type TrajectorySession } from "./trajectory";

const nine = (happy: number) => [0, 0, 0, happy, 1 - happy, 0, 0, 0, 0];

describe("patientTrajectory", () => {
  it("orders sessions by date and measures each step (by hand)", () => {
    const sessions: TrajectorySession[] = [
      { sessionId: "late", time: 300, embedding: [3, 4], proportions: nine(0.75) },
      { sessionId: "first", time: 100, embedding: [0, 0.5], proportions: nine(0.25) },
      { sessionId: "middle", time: 200, embedding: [0, 4], proportions: null },
    ];
    const trajectory = patientTrajectory(sessions);
    expect(trajectory.sessionIds).toEqual(["first", "middle", "late"]);
    // (0, 0.5) → (0, 4): 3.5 apart, same direction; (0, 4) → (3, 4): 3 apart, cos = 16/20.
    expect(trajectory.steps).toEqual([
      { fromSessionId: "first", toSessionId: "middle", euclidean: 3.5, cosine: 0 },
      { fromSessionId: "middle", toSessionId: "late", euclidean: 3, cosine: expect.closeTo(0.2, 15) },
    ]);
    expect(trajectory.emotions.find((series) => series.label === "happy")!.values).toEqual([0.25, null, 0.75]);
    expect(trajectory.emotions.map((series) => series.label)).toHaveLength(9);
  });

  it("matches SciPy's distances, stepping over a session without an embedding", () => {
    const { sessions, sessionIds, withoutEmbedding, steps } = reference.trajectory;
    const trajectory = patientTrajectory(sessions);
    expect(trajectory.sessionIds).toEqual(sessionIds);
    expect(trajectory.withoutEmbedding).toEqual(withoutEmbedding);
    expect(trajectory.steps.map((step) => [step.fromSessionId, step.toSessionId])).toEqual(steps.map((step) => [step.fromSessionId, step.toSessionId]));
    trajectory.steps.forEach((step, i) => {
      expectClose(step.euclidean, steps[i]!.euclidean, 1e-13, `euclidean step ${i}`);
      expectClose(step.cosine, steps[i]!.cosine, 1e-12, `cosine step ${i}`);
    });
    const byId = new Map(sessions.map((session) => [session.sessionId, session]));
    trajectory.emotions.forEach((series, k) => {
      expect(series.values).toEqual(sessionIds.map((id) => byId.get(id)!.proportions?.[k] ?? null));
    });
  });

  it("keeps input order for sessions on the same date and handles an empty or single-session patient", () => {
    const same = patientTrajectory([
      { sessionId: "b", time: 5, embedding: [1, 0], proportions: null },
      { sessionId: "a", time: 5, embedding: [0, 1], proportions: null },
    ]);
    expect(same.sessionIds).toEqual(["b", "a"]);
    expect(patientTrajectory([]).steps).toEqual([]);
    expect(patientTrajectory([{ sessionId: "only", time: 1, embedding: [1], proportions: null }]).steps).toEqual([]);
  });

  it("refuses mixed embedding sizes and undated sessions, naming the session", () => {
    expect(() =>
      patientTrajectory([
        { sessionId: "s1", time: 1, embedding: [1, 2], proportions: null },
        { sessionId: "s2", time: 2, embedding: [1, 2, 3], proportions: null },
      ]),
    ).toThrow(ArrayShapeError);
    expect(() => patientTrajectory([{ sessionId: "s3", time: Number.NaN, embedding: null, proportions: null }])).toThrow(StatisticsInputError);
    expect(() => patientTrajectory([{ sessionId: "s3", time: Number.NaN, embedding: null, proportions: null }])).toThrow("session s3");
  });
});
