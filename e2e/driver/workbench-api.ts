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
}

interface JobSummary {
  id: string;
  kind: string;
  status: string;
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

  /** The newest job of a kind, or undefined. */
  async latestJob(kind: string): Promise<JobSummary | undefined> {
    const response = await this.request.get("/api/jobs?limit=20");
    expect(response.status()).toBe(200);
    return ((await response.json()) as { jobs: JobSummary[] }).jobs.find((job) => job.kind === kind);
  }

  /** GET /api/health, timed from request to parsed body. */
  async health(): Promise<HealthSample> {
    const started = performance.now();
    const response = await this.request.get("/api/health");
    const body = (await response.json()) as HealthSample["body"];
    return { status: response.status(), milliseconds: Math.round(performance.now() - started), body };
  }
}
