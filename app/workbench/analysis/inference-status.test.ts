import { describe, expect, it } from "vitest";
import { inferenceStatus } from "./inference-status";

describe("inferenceStatus", () => {
  it("names the CPU and its threads, and gives the CUDA fallback reason in the tooltip", () => {
    const status = inferenceStatus({
      state: "ready",
      provider: { requested: "auto", active: "cpu", threads: 1, fallbackReason: "libcudart.so.12: cannot open shared object file" },
    });
    expect(status.text).toBe("CPU · 1 thread");
    expect(status.title).toContain("because CUDA is unavailable: libcudart.so.12: cannot open shared object file");
  });

  it("says CUDA when it runs there, and plural threads on the CPU", () => {
    expect(inferenceStatus({ state: "ready", provider: { requested: "cuda", active: "cuda", threads: 4 } }).text).toBe("CUDA");
    const cpu = inferenceStatus({ state: "ready", provider: { requested: "cpu", active: "cpu", threads: 3 } });
    expect(cpu.text).toBe("CPU · 3 threads");
    expect(cpu.title).toContain("INFERENCE_DEVICE=cpu");
  });

  it("says when inference is starting or cannot run, and why", () => {
    expect(inferenceStatus({ state: "probing" }).text).toBe("Inference starting…");
    expect(inferenceStatus({ state: "unavailable", reason: "no job worker runs in this process" }).text).toBe(
      "Inference unavailable: no job worker runs in this process",
    );
    expect(inferenceStatus(undefined).text).toBe("Inference: …");
  });
});
