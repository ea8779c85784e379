import type { Worker } from "node:worker_threads";
import { AppError } from "../domain/app-error";

/**
 * Request/response over a worker thread: each request gets an id, replies
 * settle the matching promise, an abort signal sends `{ type: "cancel", id }`,
 * and a thread that dies fails what it held and is started afresh next time.
 */

/** A failure reported by a worker thread, keeping the original error's name and code. */
export class WorkerTaskError extends AppError {
  override readonly name = "WorkerTaskError";
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

export type WorkerReplyMessage =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; code?: string; message: string; bug?: boolean } };

export interface WorkerClient {
  call<T>(request: { type: string } & Record<string, unknown>, signal?: AbortSignal): Promise<T>;
  close(): Promise<void>;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export function createWorkerClient(start: () => Worker, describe: string): WorkerClient {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: WorkerTaskError) => {
    for (const [id, waiting] of pending) {
      pending.delete(id);
      waiting.reject(error);
    }
  };

  const running = (): Worker => {
    if (worker) return worker;
    const started = start();
    started.on("message", (reply: WorkerReplyMessage) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new WorkerTaskError(reply.error.code ?? "WORKER_TASK_FAILED", reply.error.message, reply.error.name, reply.error.bug === true));
    });
    started.on("error", (error) => {
      worker = undefined;
      failAll(new WorkerTaskError("WORKER_CRASHED", `the ${describe} failed: ${error.message}`, "WorkerCrash", true));
    });
    started.on("exit", (code) => {
      worker = undefined;
      failAll(new WorkerTaskError("WORKER_CRASHED", `the ${describe} stopped unexpectedly (exit code ${code})`, "WorkerCrash", true));
    });
    worker = started;
    return started;
  };

  return {
    call: <T>(request: { type: string } & Record<string, unknown>, signal?: AbortSignal) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        const target = running();
        const onAbort = () => target.postMessage({ type: "cancel", id });
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
        target.postMessage({ ...request, id });
      }),
    close: async () => {
      const current = worker;
      worker = undefined;
      if (current) {
        current.removeAllListeners("exit");
        await current.terminate();
      }
      failAll(new WorkerTaskError("CANCELLED", `The ${describe} was closed.`, "CancelledError", false));
    },
  };
}
