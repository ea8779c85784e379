import type { InferenceDevice, ProviderStatus } from "./onnx-session";
import type { ModelRunResult } from "./run-model";

/** Messages between the analysis job and its inference worker thread. */
export interface AnalyseRequest {
  modelFolder: string;
  /** The recording's 16 kHz analysis WAV. */
  audioPath: string;
  /** Seconds into the recording; the whole of it when absent. */
  range?: { startSeconds: number; endSeconds: number };
  overlapSeconds?: number;
  batchSize?: number;
}

export interface AnalyseResult extends ModelRunResult {
  model: { id: string; version: string; fileHash: string };
  provider: ProviderStatus;
  audioSeconds: number;
  decodeMs: number;
  sessionMs: number;
}

export type InferenceRequest =
  | { type: "probe"; id: number }
  | { type: "analyse"; id: number; request: AnalyseRequest }
  /** Several whole recordings with one model: equal-length ones share batches. */
  | { type: "analyse-many"; id: number; requests: AnalyseRequest[] }
  | { type: "cancel"; id: number };

/** One entry of an analyse-many reply: a result, or the typed failure of that recording. */
export type AnalyseOutcome = { ok: true; result: AnalyseResult } | { ok: false; error: { name: string; code: string; message: string } };

export type InferenceReply =
  | { id: number; ok: true; value: ProviderStatus | AnalyseResult | AnalyseOutcome[] }
  | { id: number; ok: false; error: { name: string; code?: string; message: string; bug?: boolean } };

export interface InferenceWorkerData {
  /** For starting the prefetch thread's TypeScript entry. */
  projectRoot: string;
  device: InferenceDevice;
  threads: number;
  /** Equal-length windows per session.run where the graph allows batching; by provider when absent. */
  batchSize?: number;
  probeModelPath: string;
}
