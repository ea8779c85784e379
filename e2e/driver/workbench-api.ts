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
}
