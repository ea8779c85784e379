import { describe, expect, it } from "vitest";
import type { JobRecord } from "../jobs/job-types";
import { toJobSummary } from "./job-summary";

function job(overrides: Partial<JobRecord>): JobRecord {
  const at = new Date("2026-01-02T03:04:05Z");
  return {
    id: "0b5f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b",
    kind: "import",
    status: "succeeded",
    priority: 0,
    payload: {},
    result: null,
    error: null,
    progress: { done: 3, total: 3, unit: "files" },
    attempts: 1,
    maxAttempts: 5,
    runAfter: at,
    heartbeatAt: null,
    workerId: null,
    cancelRequested: false,
    checkpoint: null,
    createdAt: at,
    startedAt: at,
    finishedAt: at,
    ...overrides,
  };
}

describe("toJobSummary", () => {
  it("replaces an import's report by a one-line summary", () => {
    const report = {
      corpusName: "Pilot",
      counts: { imported: 2, duplicates: 1, warnings: 0, failed: 1, problems: 0 },
      entries: [{ path: "a.wav", outcome: "imported" }],
    };
    const summary = toJobSummary(job({ result: report }));
    expect(summary.summary).toBe("2 imported, 1 duplicate, 1 failed");
    expect(summary).not.toHaveProperty("result");
    expect(summary).not.toHaveProperty("payload");
    expect(summary.createdAt).toBe("2026-01-02T03:04:05.000Z");
  });

  it("has no summary for jobs without a report", () => {
    expect(toJobSummary(job({ status: "running", result: null })).summary).toBeNull();
    expect(toJobSummary(job({ kind: "inference", result: { counts: 1 } })).summary).toBeNull();
    expect(toJobSummary(job({ result: { counts: { imported: "many" } } })).summary).toBeNull();
  });

  it("reads counts an older report lacks as zero", () => {
    expect(toJobSummary(job({ result: { counts: { imported: 1 } } })).summary).toBe("1 imported, 0 duplicates, 0 failed");
  });
});
