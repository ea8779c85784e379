import { expect, type APIRequestContext } from "@playwright/test";

interface CorpusSummary {
  id: string;
  name: string;
  recordingCount: number;
}

interface RecordingSummary {
  id: string;
  originalName: string;
  trackIndex: number;
  patientCode: string | null;
}

interface JobSummary {
  id: string;
  kind: string;
  status: string;
}

/** What specs read of a recording's label state (GET /api/recordings/:id/labels). */
export interface LabelStateSummary {
  version: number;
  reviewedAt: string | null;
  recordingLabel: { emotion: string | null; source: string } | null;
  regions: { id: string; startSeconds: number; endSeconds: number; label: { emotion: string | null } | null }[];
}

export interface HealthSample {
  status: number;
  milliseconds: number;
  body: { status: string; executionProviders?: string[]; inference?: { state: string; provider?: { active: string; threads: number } } };
}

/** The workbench's HTTP API as specs use it to look things up. */
export class WorkbenchApi {
  constructor(private readonly request: APIRequestContext) {}

  async recordingsOf(corpusName: string): Promise<RecordingSummary[]> {
    const corpora = await this.request.get("/api/corpora");
    expect(corpora.status()).toBe(200);
    const corpus = ((await corpora.json()) as { corpora: CorpusSummary[] }).corpora.find((entry) => entry.name === corpusName);
    if (!corpus) throw new Error(`no corpus named ${corpusName}`);
    const recordings = await this.request.get(`/api/recordings?corpus=${corpus.id}`);
    expect(recordings.status()).toBe(200);
    return ((await recordings.json()) as { recordings: RecordingSummary[] }).recordings;
  }

  async recordingId(corpusName: string, fileName: string): Promise<string> {
    const recording = (await this.recordingsOf(corpusName)).find((entry) => entry.originalName === fileName);
    if (!recording) throw new Error(`no recording ${fileName} in ${corpusName}`);
    return recording.id;
  }

  /** The recording's label state as the server holds it. */
  async labelState(recordingId: string): Promise<LabelStateSummary> {
    const response = await this.request.get(`/api/recordings/${recordingId}/labels`);
    expect(response.status()).toBe(200);
    return (await response.json()) as LabelStateSummary;
  }

  /** The newest job of a kind, or undefined. */
  async latestJob(kind: string): Promise<JobSummary | undefined> {
    const response = await this.request.get("/api/jobs?limit=20");
    expect(response.status()).toBe(200);
    return ((await response.json()) as { jobs: JobSummary[] }).jobs.find((job) => job.kind === kind);
  }

  /**
   * Waits until every job has finished and at least one job of each of
   * `kinds` has succeeded: a server that queues work in steps (the demo's
   * import, then its analysis) is idle for a moment in between.
   */
  async waitForIdleJobs(kinds: readonly string[], timeout: number): Promise<void> {
    await expect
      .poll(
        async () => {
          const response = await this.request.get("/api/jobs?limit=100");
          if (response.status() !== 200) return `GET /api/jobs answered ${response.status()}`;
          const { jobs } = (await response.json()) as { jobs: JobSummary[] };
          const busy = jobs.filter((job) => job.status === "queued" || job.status === "running");
          if (busy.length > 0) return `still ${busy.map((job) => `${job.kind} ${job.status}`).join(", ")}`;
          const missing = kinds.filter((kind) => !jobs.some((job) => job.kind === kind && job.status === "succeeded"));
          if (missing.length > 0) return `no succeeded ${missing.join(", ")} job yet (${jobs.map((job) => `${job.kind} ${job.status}`).join(", ") || "no jobs"})`;
          return "idle";
        },
        { timeout, intervals: [1_000, 2_000, 5_000], message: "the server's jobs did not finish in time" },
      )
      .toBe("idle");
  }

  /** GET /api/health, timed from request to parsed body. */
  async health(): Promise<HealthSample> {
    const started = performance.now();
    const response = await this.request.get("/api/health");
    const body = (await response.json()) as HealthSample["body"];
    return { status: response.status(), milliseconds: Math.round(performance.now() - started), body };
  }
}
