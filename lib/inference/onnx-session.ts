import ort from "onnxruntime-node";
import { AppError } from "../domain/app-error";

/**
 * The one adapter over onnxruntime-node: creates sessions on the execution
 * provider the configuration asks for. `auto` tries CUDA and falls back to the
 * CPU with the reason, because onnxruntime-node's CUDA files are an optional
 * download (see README "Running on a GPU host").
 */

export type InferenceDevice = "auto" | "cpu" | "cuda";
export type ExecutionProvider = "cuda" | "cpu";

export interface ProviderStatus {
  requested: InferenceDevice;
  active: ExecutionProvider;
  /** Why CUDA was not used when `auto` asked for it. */
  fallbackReason?: string;
  threads: number;
}

export interface SessionOptions {
  device: InferenceDevice;
  threads: number;
}

/** Thrown when INFERENCE_DEVICE=cuda and the CUDA provider cannot be loaded. */
export class InferenceDeviceError extends AppError {
  override readonly name = "InferenceDeviceError";
  readonly code = "INFERENCE_DEVICE_UNAVAILABLE";
}

/** Thrown when onnxruntime cannot load a model file (corrupt, unsupported opset). */
export class ModelLoadError extends AppError {
  override readonly name = "ModelLoadError";
  readonly code = "MODEL_LOAD_FAILED";
}

export interface LoadedSession {
  session: ort.InferenceSession;
  status: ProviderStatus;
}

export async function createSession(model: string | Uint8Array, options: SessionOptions, displayName: string): Promise<LoadedSession> {
  const cpu: ort.InferenceSession.SessionOptions = {
    executionProviders: ["cpu"],
    intraOpNumThreads: options.threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: "all",
    logSeverityLevel: 3,
  };
  let fallbackReason: string | undefined;
  if (options.device !== "cpu") {
    try {
      const session = await quietly(() => create(model, { ...cpu, executionProviders: ["cuda", "cpu"] }));
      return { session, status: { requested: options.device, active: "cuda", threads: options.threads } };
    } catch (error) {
      fallbackReason = describeCudaFailure(error);
      if (options.device === "cuda") {
        throw new InferenceDeviceError(`INFERENCE_DEVICE is cuda, but the CUDA execution provider cannot be used: ${fallbackReason}`);
      }
    }
  }
  try {
    const session = await create(model, cpu);
    return { session, status: { requested: options.device, active: "cpu", threads: options.threads, ...(fallbackReason ? { fallbackReason } : {}) } };
  } catch (error) {
    throw new ModelLoadError(`${displayName}: onnxruntime cannot load the model: ${firstLine(error)}`);
  }
}

function create(model: string | Uint8Array, options: ort.InferenceSession.SessionOptions): Promise<ort.InferenceSession> {
  return typeof model === "string" ? ort.InferenceSession.create(model, options) : ort.InferenceSession.create(model, options);
}

/** onnxruntime prints its own copy of provider failures; we report ours once instead. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const previous = ort.env.logLevel;
  ort.env.logLevel = "fatal";
  try {
    return await run();
  } finally {
    ort.env.logLevel = previous;
  }
}

function describeCudaFailure(error: unknown): string {
  const text = firstLine(error);
  if (/providers_(shared|cuda)\.so|Failed to load (shared )?library/i.test(text)) {
    return "onnxruntime-node was installed without its CUDA files (install with ONNXRUNTIME_NODE_INSTALL=cuda12 npm ci on a GPU host)";
  }
  if (/CUDA driver|cudaGetDeviceCount|no CUDA-capable device/i.test(text)) return `no usable GPU: ${text}`;
  return text;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Strip terminal colour codes onnxruntime puts in its messages.
  // eslint-disable-next-line no-control-regex
  return (message.replace(/\u001b\[[0-9;]*m/g, "").split("\n")[0] ?? "").slice(0, 400);
}

export function defaultThreads(cores: number): number {
  return Math.max(1, cores - 1);
}

export { ort };
