import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openAudioDecoding } from "../audio/decode-audio-file";
import { collectDecoding } from "../audio/decode-test-signal";
import { createResampler } from "../audio/dsp/resampler";
import { parseManifest } from "../corpus/manifest-parse";
import { loadModelFolder } from "./model-registry";
import { createSession } from "./onnx-session";
import { runModel } from "./run-model";

/**
 * The demo corpus carries what was synthesised (truth_emotion); the default
 * model, trained on other voices and sentences, should mostly agree on the
 * short utterances. Its card reports about 74% on all of them.
 */
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const DEMO = path.join(ROOT, "datasets", "demo");

async function read16k(file: string): Promise<Float32Array> {
  const decoding = await openAudioDecoding(file);
  const samples = (await collectDecoding(decoding)).channels[0]!;
  if (decoding.info.sampleRate === 16_000) return samples;
  const resampler = await createResampler(decoding.info.sampleRate, 16_000);
  const parts = [resampler.push(samples), resampler.flush()];
  resampler.dispose();
  const joined = new Float32Array(parts[0]!.length + parts[1]!.length);
  joined.set(parts[0]!);
  joined.set(parts[1]!, parts[0]!.length);
  return joined;
}

describe("the demo corpus against the default model", () => {
  it("has ground truth for every file, and the model agrees with most short utterances", async () => {
    const manifest = parseManifest(readFileSync(path.join(DEMO, "manifest.csv")), { fileName: "manifest.csv" });
    expect(manifest.problems).toEqual([]);
    expect(new Set(manifest.rows.map((row) => row.patientCode)).size).toBe(10);
    expect(manifest.rows.every((row) => typeof row.metadata.truth_emotion === "string" && typeof row.metadata.truth_spans === "string")).toBe(true);
    const long = manifest.rows.filter((row) => row.metadata.kind !== "utterance");
    expect(long.length).toBeGreaterThanOrEqual(3);

    const model = await loadModelFolder(path.join(ROOT, "models", "synthetic-baseline"));
    const { session } = await createSession(model.modelPath, { device: "cpu", threads: 1 }, "default model");
    const utterances = manifest.rows.filter((row) => row.metadata.kind === "utterance").slice(0, 30);
    let agree = 0;
    for (const row of utterances) {
      const result = await runModel(model, session, await read16k(path.join(DEMO, row.path)));
      if (result.topLabel === row.metadata.truth_emotion) agree++;
    }
    expect(agree / utterances.length).toBeGreaterThan(0.5);
  }, 120_000);
});
