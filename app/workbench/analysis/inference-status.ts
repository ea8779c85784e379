import type { InferenceAvailability } from "../api-types";

/**
 * What the status bar says about inference: the provider in use ("CPU ·
 * 1 thread", "CUDA"), with why CUDA was not used in the tooltip; or that it
 * is starting, or unavailable and why.
 */
export function inferenceStatus(availability: InferenceAvailability | undefined): { text: string; title: string } {
  if (!availability) return { text: "Inference: …", title: "Waiting for the server's health report." };
  if (availability.state === "probing") return { text: "Inference starting…", title: "The inference worker is finding out which execution provider works here." };
  if (availability.state === "unavailable") {
    return { text: `Inference unavailable: ${availability.reason}`, title: `Models cannot run: ${availability.reason}` };
  }
  const { active, threads, fallbackReason, requested } = availability.provider;
  const name = active === "cuda" ? "CUDA" : "CPU";
  const text = active === "cuda" ? name : `${name} · ${threads} thread${threads === 1 ? "" : "s"}`;
  const asked = requested === "cpu" ? "INFERENCE_DEVICE=cpu asks for the CPU." : `Requested: ${requested}.`;
  const title = fallbackReason
    ? `Inference runs on the CPU (${threads} thread${threads === 1 ? "" : "s"}) because CUDA is unavailable: ${fallbackReason}`
    : `Inference runs on ${name}${active === "cuda" ? "" : ` with ${threads} thread${threads === 1 ? "" : "s"}`}. ${asked}`;
  return { text, title };
}
