import type { ProviderStatus } from "./onnx-session";

/**
 * Which execution provider the server's inference worker ended up with, for
 * /api/health and the status bar. The server process writes it once the
 * worker has probed; route handlers (a separate module instance under
 * Next.js) read it through a global symbol, as with the database.
 */
const KEY = Symbol.for("resonance.inference-provider");

export type InferenceAvailability =
  | { state: "probing" }
  | { state: "ready"; provider: ProviderStatus }
  | { state: "unavailable"; reason: string };

type Registry = { [KEY]?: InferenceAvailability };

export function recordInferenceAvailability(availability: InferenceAvailability): void {
  (globalThis as Registry)[KEY] = availability;
}

export function readInferenceAvailability(): InferenceAvailability | null {
  return (globalThis as Registry)[KEY] ?? null;
}
