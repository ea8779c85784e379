import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { AppError } from "../domain/app-error";
import type { WorkerReply, WorkerRequest } from "./audio-processing-protocol";
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

/** A failure reported by the worker thread, with the original error's name and code. */
export class AudioProcessingError extends AppError {
  override readonly name = "AudioProcessingError";
  constructor(
    readonly code: string,
    message: string,
    /** The original error's class name, e.g. "AudioInputError". */
    readonly originalName: string,
    /** True when the failure was not an expected, typed one (worth a bug report). */
    readonly unexpected: boolean,
  ) {
    super(message);
  }
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export function createAudioProcessor(options: { dataDir: string; projectRoot: string }): AudioProcessor {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const start = (): Worker => {
    if (worker) return worker;
    // Node 20 workers do not inherit tsx's loader hooks, so the worker starts
    // from a one-line script that loads the TypeScript entry through tsx's API.
    const tsxApi = pathToFileURL(path.join(options.projectRoot, "node_modules/tsx/dist/esm/api/index.mjs")).href;
    const entry = pathToFileURL(path.join(options.projectRoot, "lib/corpus/audio-processing.worker.ts")).href;
    const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
    const started = new Worker(bootstrap, { eval: true, workerData: { dataDir: options.dataDir } });
    started.on("message", (reply: WorkerReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new AudioProcessingError(reply.error.code ?? "AUDIO_PROCESSING_FAILED", reply.error.message, reply.error.name, reply.error.bug === true));
    });
    const failAll = (reason: string) => {
      worker = undefined;
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.reject(new AudioProcessingError("AUDIO_WORKER_CRASHED", reason, "WorkerCrash", true));
      }
    };
    started.on("error", (error) => failAll(`the audio worker failed: ${error.message}`));
    started.on("exit", (code) => failAll(`the audio worker stopped unexpectedly (exit code ${code})`));
    worker = started;
    return started;
  };

  type Call = { type: "hash"; filePath: string; displayName: string } | { type: "process"; input: ProcessAudioFileInput };
  const call = <T>(request: Call, signal?: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      const target = start();
      const onAbort = () => target.postMessage({ type: "cancel", id } satisfies WorkerRequest);
      signal?.addEventListener("abort", onAbort, { once: true });
      const settle = () => signal?.removeEventListener("abort", onAbort);
      pending.set(id, {
        resolve: (value) => {
          settle();
          resolve(value as T);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      target.postMessage({ ...request, id } as WorkerRequest);
    });

  return {
    hash: (filePath, displayName, signal) => call({ type: "hash", filePath, displayName }, signal),
    process: (input, signal) => call({ type: "process", input }, signal),
    close: async () => {
      const current = worker;
      worker = undefined;
      if (current) {
        current.removeAllListeners("exit");
        await current.terminate();
      }
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.reject(new AudioProcessingError("CANCELLED", "The audio worker was closed.", "CancelledError", false));
      }
    },
  };
}
