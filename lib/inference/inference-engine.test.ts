import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWavFileWriter } from "../audio/wav-file-writer";
import { createInferenceEngine, type InferenceEngine } from "./inference-engine";

/**
 * Inference runs in a worker thread: while an hour of audio is analysed, the
 * thread that serves requests keeps turning. Timer lateness on this thread is
 * what a request would wait; /api/health needs it well under 200 ms.
 */
const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
let scratch: string;
let engine: InferenceEngine;
let hour: string;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), "resonance-engine-"));
  engine = createInferenceEngine({ projectRoot: PROJECT_ROOT, device: "cpu", threads: 1 });
  hour = path.join(scratch, "hour.wav");
  const writer = await createWavFileWriter(hour, { sampleRate: 16_000, channels: 1, encoding: "pcm16" });
  const block = new Float32Array(16_000 * 60);
  for (let minute = 0; minute < 60; minute++) {
    for (let index = 0; index < block.length; index++) block[index] = 0.3 * Math.sin((2 * Math.PI * (150 + minute) * index) / 16_000);
    await writer.write(block);
  }
  await writer.close();
}, 120_000);

afterAll(async () => {
  await engine?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("the inference engine", () => {
  it("reports the provider it runs on and its thread count", async () => {
    const status = await engine.probe();
    expect(status.requested).toBe("cpu");
    expect(status.active).toBe("cpu");
    expect(status.threads).toBe(1);
  });

  it("keeps this thread responsive while it analyses an hour of audio", async () => {
    let worstLateMs = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worstLateMs = Math.max(worstLateMs, now - last - 10);
      last = now;
    }, 10);
    try {
      const result = await engine.analyse({ modelFolder: path.join(PROJECT_ROOT, "models", "testing", "funasr-like"), audioPath: hour });
      expect(result.audioSeconds).toBe(3600);
      expect(result.frameCount).toBe(Math.floor((3600 * 16_000 - 400) / 320) + 1);
      expect(result.windows).toBeGreaterThan(100);
    } finally {
      clearInterval(timer);
    }
    expect(worstLateMs).toBeLessThan(200);
  }, 180_000);
});
