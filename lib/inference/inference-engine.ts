import path from "node:path";
import { createWorkerClient } from "../jobs/worker-client";
import { startTypeScriptWorker } from "../jobs/typescript-worker";
import type { AnalyseOutcome, AnalyseRequest, AnalyseResult, InferenceWorkerData } from "./inference-protocol";
import type { InferenceDevice, ProviderStatus } from "./onnx-session";

/** The analysis job's (and model check's) handle on the inference worker thread. */
export interface InferenceEngine {
  /** Which execution provider works here, found with a tiny model; cached. */
  probe(): Promise<ProviderStatus>;
  analyse(request: AnalyseRequest, signal?: AbortSignal): Promise<AnalyseResult>;
  /** Whole recordings with one model; equal-length ones share batches. One outcome per request, in order. */
  analyseMany(requests: AnalyseRequest[], signal?: AbortSignal): Promise<AnalyseOutcome[]>;
  close(): Promise<void>;
}

export function createInferenceEngine(options: {
  projectRoot: string;
  device: InferenceDevice;
  threads: number;
  batchSize?: number;
}): InferenceEngine {
  const workerData: InferenceWorkerData = {
    projectRoot: options.projectRoot,
    device: options.device,
    threads: options.threads,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    probeModelPath: path.join(options.projectRoot, "models", "probe", "probe.onnx"),
  };
  const client = createWorkerClient(() => startTypeScriptWorker(options.projectRoot, "lib/inference/inference.worker.ts", workerData), "inference worker");
  let probed: Promise<ProviderStatus> | undefined;
  return {
    probe: () => {
      probed ??= client.call<ProviderStatus>({ type: "probe" });
      probed.catch(() => (probed = undefined));
      return probed;
    },
    analyse: (request, signal) => client.call<AnalyseResult>({ type: "analyse", request: { ...request } }, signal),
    analyseMany: (requests, signal) => client.call<AnalyseOutcome[]>({ type: "analyse-many", requests: requests.map((request) => ({ ...request })) }, signal),
    close: () => client.close(),
  };
}
