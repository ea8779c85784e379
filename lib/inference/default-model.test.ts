import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openAudioDecoding } from "../audio/decode-audio-file";
import { collectDecoding } from "../audio/decode-test-signal";
import { createResampler } from "../audio/dsp/resampler";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import { DEFAULT_MODEL_ID } from "../jobs/demo-seed";
import { loadModelFolder } from "./model-registry";
import { createSession } from "./onnx-session";
import { runModel } from "./run-model";

/**
 * The committed default model (trained by models/synthetic-baseline/training)
 * is what its manifest and card say, and tells two clearly different
 * synthetic styles apart. The training pipeline itself is not part of the tests.
 */
const FOLDER = path.resolve(import.meta.dirname, "..", "..", "models", "synthetic-baseline");

async function clip(file: string): Promise<Float32Array> {
  const decoding = await openAudioDecoding(path.join(FOLDER, "testing", file));
  const rate = decoding.info.sampleRate;
  const mono = (await collectDecoding(decoding)).channels[0]!;
  if (rate === 16_000) return mono;
  const resampler = await createResampler(rate, 16_000);
  const out = [resampler.push(mono), resampler.flush()];
  resampler.dispose();
  const joined = new Float32Array(out[0]!.length + out[1]!.length);
  joined.set(out[0]!);
  joined.set(out[1]!, out[0]!.length);
  return joined;
}

describe("the default model", () => {
  it("is the model its manifest and card describe", async () => {
    const model = await loadModelFolder(FOLDER);
    expect(model.manifest.id).toBe(DEFAULT_MODEL_ID);
    expect(statSync(model.modelPath).size).toBeLessThanOrEqual(20 * 1024 * 1024);
    const card = readFileSync(path.join(FOLDER, "MODEL_CARD.md"), "utf8");
    const sha = createHash("sha256").update(readFileSync(model.modelPath)).digest("hex");
    expect(model.fileHash).toBe(sha);
    expect(card).toContain(sha);
    expect(card).toContain(`\`${model.manifest.id}\` ${model.manifest.version}`);
    for (const label of model.manifest.labels) expect(card).toContain(label);
    expect(model.toCanonical.every((label) => label !== null)).toBe(true);
  });

  it("produces 50 Hz frame scores and a 128–256-d embedding from the waveform", async () => {
    const model = await loadModelFolder(FOLDER);
    const { session } = await createSession(model.modelPath, { device: "cpu", threads: 1 }, "default model");
    const samples = await clip("angry.flac");
    const result = await runModel(model, session, samples);
    expect(result.frameCount).toBe(Math.floor((samples.length - 400) / 320) + 1);
    expect(result.frameRate).toBe(50);
    expect(result.embedding!.length).toBeGreaterThanOrEqual(128);
    expect(result.embedding!.length).toBeLessThanOrEqual(256);
    expect(result.frameScores.length).toBe(result.frameCount * CANONICAL_LABELS.length);
  });

  it("scores an angry clip higher on angry, and a sad clip higher on sad (held-out voice)", async () => {
    const model = await loadModelFolder(FOLDER);
    const { session } = await createSession(model.modelPath, { device: "cpu", threads: 1 }, "default model");
    const angry = await runModel(model, session, await clip("angry.flac"));
    const sad = await runModel(model, session, await clip("sad.flac"));
    const score = (result: typeof angry, label: string) => result.canonicalScores[CANONICAL_LABELS.indexOf(label as never)]!;
    expect(score(angry, "angry")).toBeGreaterThan(score(sad, "angry"));
    expect(score(sad, "sad")).toBeGreaterThan(score(angry, "sad"));
    expect(angry.topLabel).toBe("angry");
    expect(sad.topLabel).toBe("sad");
  });
});
