import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORT_JOB_KIND } from "../corpus/import-job-payload";
import { countOutcomes, type ImportReport, type ImportReportEntry } from "../corpus/import-report";
import { claimNextJob, finishLeasedJob, insertJob } from "../db/job.repository";
import { createTestDatabase, testDatabaseMode, type TestDatabase } from "../db/testing/test-database";
import { ANALYSE_JOB_KIND } from "../inference/analysis-job-payload";
import type { AnalysisReport } from "../inference/analysis-job";
import type { JobError, JsonValue } from "./job-types";
import { listProblems, serveProblems } from "./serve-problems";

/** Problems from real job rows, finished through the queue's own repository functions. */

let database: TestDatabase;
const jobs: Record<string, string> = {};

async function finish(name: string, kind: string, payload: JsonValue, outcome: { result: unknown } | { error: JobError } | "cancelled"): Promise<void> {
  const job = await insertJob(database.prisma, kind, payload);
  const claimed = await claimNextJob(database.prisma, "test-worker", 60, [kind]);
  expect(claimed?.job.id).toBe(job.id);
  await finishLeasedJob(
    database.prisma,
    claimed!.lease,
    outcome === "cancelled"
      ? { status: "cancelled" }
      : "error" in outcome
        ? { status: "failed", error: outcome.error }
        : { status: "succeeded", result: outcome.result as JsonValue },
  );
  jobs[name] = job.id;
  // Finish times a few milliseconds apart, so "newest first" has one answer.
  await new Promise((resolve) => setTimeout(resolve, 10));
}

function importReport(entries: ImportReportEntry[]): ImportReport {
  return { corpusName: "Study", counts: countOutcomes(entries), entries };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const recordingId = "0b5f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b";
  await finish("firstImport", IMPORT_JOB_KIND, { corpusName: "Study" }, {
    result: importReport([
      { path: "a/ok.wav", outcome: "imported", recordingIds: [recordingId] },
      { path: "a/broken.m4a", outcome: "failed", code: "AUDIO_TRUNCATED", reason: "cannot decode broken.m4a: AAC stream ends at 12.4 s of 35.0 s" },
      { path: "a/loud.wav", outcome: "imported-with-warnings", reason: "clipped in 3% of samples", recordingIds: [recordingId] },
      { path: "a/same.wav", outcome: "duplicate" },
      { path: "manifest.csv", outcome: "problem", code: "MANIFEST_ROW_INVALID", reason: "row 4: no file named x.wav" },
      { path: "notes.txt", outcome: "skipped" },
    ]),
  });
  await finish("crashedImport", IMPORT_JOB_KIND, { corpusName: "Pilot" }, {
    error: { message: "The worker stopped responding and the job has no attempts left.", code: "WORKER_LOST", transient: false },
  });
  const analysis: AnalysisReport = {
    model: { id: "emotion2vec-plus-base", version: "1", fileHash: "f".repeat(64) },
    counts: { analysed: 1, cached: 0, failed: 1 },
    entries: [
      { recordingId, name: "ok.wav", outcome: "analysed" },
      { recordingId, name: "loud.wav", outcome: "failed", code: "MODEL_OUTPUT", reason: "the model returned NaN scores" },
    ],
  };
  await finish("analysis", ANALYSE_JOB_KIND, { modelId: "emotion2vec-plus-base" }, { result: analysis });
  await finish("cancelledImport", IMPORT_JOB_KIND, { corpusName: "Study" }, "cancelled");
  await finish("failedOther", "export", {}, { error: { message: "disk full", transient: false } });
  await finish("cleanImport", IMPORT_JOB_KIND, { corpusName: "Study" }, { result: importReport([{ path: "b.wav", outcome: "imported" }]) });
});

afterAll(async () => {
  await database?.destroy();
});

describe(`problems on ${testDatabaseMode()}`, () => {
  it("lists failed jobs and the doubtful entries of finished reports, newest first", async () => {
    const problems = await listProblems(database);
    expect(problems.map(({ at: _at, ...rest }) => rest)).toEqual([
      { id: jobs.failedOther, severity: "error", source: "job", jobId: jobs.failedOther, title: 'Job "export" failed', detail: "disk full" },
      {
        id: `${jobs.analysis}:1`,
        severity: "error",
        source: "analysis",
        jobId: jobs.analysis,
        title: "Analysis failed: loud.wav",
        detail: "the model returned NaN scores",
        recordingId: "0b5f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b",
      },
      {
        id: jobs.crashedImport,
        severity: "error",
        source: "import",
        jobId: jobs.crashedImport,
        title: 'Import into "Pilot" failed',
        detail: "The worker stopped responding and the job has no attempts left. (WORKER_LOST)",
      },
      {
        id: `${jobs.firstImport}:1`,
        severity: "error",
        source: "import",
        jobId: jobs.firstImport,
        title: "Not imported: a/broken.m4a",
        detail: "cannot decode broken.m4a: AAC stream ends at 12.4 s of 35.0 s",
        path: "a/broken.m4a",
      },
      {
        id: `${jobs.firstImport}:2`,
        severity: "warning",
        source: "import",
        jobId: jobs.firstImport,
        title: "Imported with warnings: a/loud.wav",
        detail: "clipped in 3% of samples",
        path: "a/loud.wav",
        recordingId: "0b5f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b",
      },
      {
        id: `${jobs.firstImport}:4`,
        severity: "warning",
        source: "import",
        jobId: jobs.firstImport,
        title: "Import problem: manifest.csv",
        detail: "row 4: no file named x.wav",
        path: "manifest.csv",
      },
    ]);
    const times = problems.map((problem) => Date.parse(problem.at));
    expect(times.every((time, index) => index === 0 || time <= times[index - 1]!)).toBe(true);
  });

  it("caps the list and answers it as JSON", async () => {
    expect((await listProblems(database, 2)).map((problem) => problem.jobId)).toEqual([jobs.failedOther, jobs.analysis]);
    const response = await serveProblems(database, new Request("http://127.0.0.1/api/problems"), 3);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = (await response.json()) as { problems: { id: string }[] };
    expect(body.problems.map((problem) => problem.id)).toEqual([jobs.failedOther, `${jobs.analysis}:1`, jobs.crashedImport]);
  });
});
