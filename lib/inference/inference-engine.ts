import path from "node:path";
import { createWorkerClient } from "../jobs/worker-client";
import { startTypeScriptWorker } from "../jobs/typescript-worker";
import type { AnalyseRequest, AnalyseResult, InferenceWorkerData } from "./inference-protocol";
import type { InferenceDevice, ProviderStatus } from "./onnx-session";

/** The analysis job's (and model check's) handle on the inference worker thread. */
export interface InferenceEngine {
  /** Which execution provider works here, found with a tiny model; cached. */
  probe(): Promise<ProviderStatus>;
  analyse(request: AnalyseRequest, signal?: AbortSignal): Promise<AnalyseResult>;
  close(): Promise<void>;
}

export function createInferenceEngine(options: { projectRoot: string; device: InferenceDevice; threads: number }): InferenceEngine {
  const workerData: InferenceWorkerData = {
    device: options.device,
    threads: options.threads,
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
    close: () => client.close(),
  };
}
