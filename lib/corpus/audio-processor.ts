import { createWorkerClient } from "../jobs/worker-client";
import { startTypeScriptWorker } from "../jobs/typescript-worker";
import type { ProcessAudioFileInput, ProcessedAudioFile } from "./process-audio-file";

/**
 * The import job's handle on its audio worker thread. One file at a time: on
 * two cores one thread decodes while the other serves the workbench.
 */
export interface AudioProcessor {
  /** `displayName` is what an error message calls the file (its path relative to the import root). */
  hash(filePath: string, displayName: string, signal?: AbortSignal): Promise<{ sha256: string; sizeBytes: number }>;
  process(input: ProcessAudioFileInput, signal?: AbortSignal): Promise<ProcessedAudioFile>;
  close(): Promise<void>;
}

export function createAudioProcessor(options: { dataDir: string; projectRoot: string }): AudioProcessor {
  const client = createWorkerClient(
    () => startTypeScriptWorker(options.projectRoot, "lib/corpus/audio-processing.worker.ts", { dataDir: options.dataDir }),
    "audio worker",
  );
  return {
    hash: (filePath, displayName, signal) => client.call({ type: "hash", filePath, displayName }, signal),
    process: (input, signal) => client.call({ type: "process", input }, signal),
    close: () => client.close(),
  };
}
