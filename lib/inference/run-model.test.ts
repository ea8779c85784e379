import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseNpy } from "../corpus/npy-parse";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import { loadModelFolder } from "./model-registry";
import { HEAD_FRAME_SUM, HEAD_INPUT, HEAD_OUTPUT, headGraphBytes } from "./head-graph";
import { createSession, ort } from "./onnx-session";
import { AudioTooShortError, runModel } from "./run-model";

/**
 * onnxruntime-node, our head, softmax, label mapping and windowing against
 * reference runs computed in PyTorch by models/testing/make_test_models.py.
 */
const TESTING = path.resolve(import.meta.dirname, "..", "..", "models", "testing");

interface Expected {
  tolerance: number;
  frames: number;
  labels: string[];
  frameProbabilities: { data: number[][][] };
  utteranceProbabilities: { data: number[][] };
  utteranceEmbedding: { data: number[][] };
}

async function load(folder: string) {
  const model = await loadModelFolder(path.join(TESTING, folder));
  const { session } = await createSession(model.modelPath, { device: "cpu", threads: 1 }, folder);
  const expected = JSON.parse(readFileSync(path.join(TESTING, folder, "expected.json"), "utf8")) as Expected;
  const input = parseNpy(readFileSync(path.join(TESTING, folder, "expected-input.npy")), "expected-input.npy").data;
  return { model, session, expected, input };
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let index = 0; index < expected.length; index++) worst = Math.max(worst, Math.abs(actual[index]! - expected[index]!));
  expect(worst).toBeLessThan(tolerance);
}

describe("runModel against PyTorch", () => {
  it("applies the separate head of a FunASR-style encoder, after normalising the waveform", async () => {
    const { model, session, expected, input } = await load("funasr-like");
    const result = await runModel(model, session, input);
    expect(result.frameCount).toBe(expected.frames);
    expect(result.windows).toBe(1);
    expectClose(result.frameScores, expected.frameProbabilities.data[0]!.flat(), expected.tolerance);
    expectClose(result.canonicalScores, expected.utteranceProbabilities.data[0]!, expected.tolerance);
    expectClose(result.embedding!, expected.utteranceEmbedding.data[0]!, expected.tolerance);
    expect(result.topLabel).toBe(CANONICAL_LABELS[result.canonicalScores.indexOf(Math.max(...result.canonicalScores))]);
  });

  it("gives the same results with the head run as an onnxruntime graph", async () => {
    const { model, session, expected, input } = await load("funasr-like");
    const head = model.head!;
    const { session: headSession } = await createSession(headGraphBytes(head), { device: "cpu", threads: 1 }, "head");
    const onnxHead = async (embeddings: Float32Array, frames: number) => {
      const outputs = await headSession.run({ [HEAD_INPUT]: new ort.Tensor("float32", embeddings, [frames, head.dim]) });
      return { logits: outputs[HEAD_OUTPUT]!.data as Float32Array, frameSum: outputs[HEAD_FRAME_SUM]!.data as Float32Array };
    };
    const result = await runModel(model, session, input, { applyHead: onnxHead });
    expectClose(result.frameScores, expected.frameProbabilities.data[0]!.flat(), expected.tolerance);
    expectClose(result.canonicalScores, expected.utteranceProbabilities.data[0]!, expected.tolerance);
    expectClose(result.embedding!, expected.utteranceEmbedding.data[0]!, expected.tolerance);

    // Over many windows the graph's per-window sums, less the overlap frames other windows own, give the same mean.
    const long = new Float32Array(40 * 16_000).map((_, index) => 0.3 * Math.sin(index / 11) + 0.1 * Math.sin(index / 3));
    const short = { ...model, manifest: { ...model.manifest, maxWindowSeconds: 6 } };
    const inJs = await runModel(short, session, long);
    const inGraph = await runModel(short, session, long, { applyHead: onnxHead });
    expect(inGraph.windows).toBeGreaterThan(5);
    expectClose(inGraph.embedding!, inJs.embedding!, 1e-5);
    expectClose(inGraph.frameScores, inJs.frameScores, 1e-5);
  });

  it("maps a model's own labels onto the canonical nine, and reads graph utterance outputs", async () => {
    const { model, session, expected, input } = await load("full-outputs");
    const result = await runModel(model, session, input);
    expect(result.ownLabels).toEqual(["ang", "hap", "neu", "sad"]);
    expectClose(result.ownScores, expected.utteranceProbabilities.data[0]!, expected.tolerance);
    // ang, hap, neu, sad land on angry, happy, neutral, sad; the other five canonical labels get 0.
    const canonical = Object.fromEntries(CANONICAL_LABELS.map((label, index) => [label, result.canonicalScores[index]]));
    expect(canonical.angry).toBeCloseTo(result.ownScores[0]!, 6);
    expect(canonical.sad).toBeCloseTo(result.ownScores[3]!, 6);
    expect(canonical.disgusted).toBe(0);
  });

  it("analyses long audio in overlapping windows with curves that agree with one whole run away from the ends", async () => {
    const { model, session } = await load("funasr-like");
    const seconds = 75;
    const samples = new Float32Array(seconds * 16_000);
    let seed = 7;
    for (let index = 0; index < samples.length; index++) {
      seed = (seed * 1_103_515_245 + 12_345) >>> 0;
      samples[index] = 0.3 * Math.sin((2 * Math.PI * (200 + 100 * Math.sin(index / 16_000)) * index) / 16_000) + 0.02 * (seed / 2 ** 32 - 0.5);
    }
    const whole = await runModel({ ...model, manifest: { ...model.manifest, maxWindowSeconds: 600 } }, session, samples);
    const windowed = await runModel({ ...model, manifest: { ...model.manifest, maxWindowSeconds: 10 } }, session, samples, { overlapSeconds: 1 });
    expect(whole.windows).toBe(1);
    expect(windowed.windows).toBeGreaterThan(7);
    expect(windowed.frameCount).toBe(whole.frameCount);
    // This encoder sees only its 400-sample receptive field, so stitching must reproduce the whole run.
    expectClose(windowed.frameScores, whole.frameScores, 1e-5);
    expectClose(windowed.canonicalScores, whole.canonicalScores, 1e-4);
  });

  it("batches equal-length windows without changing the results", async () => {
    const { model, session } = await load("funasr-like");
    const samples = new Float32Array(40 * 16_000).map((_, index) => 0.2 * Math.sin(index / 7));
    const short = { ...model, manifest: { ...model.manifest, maxWindowSeconds: 5 } };
    const single = await runModel(short, session, samples, { batchSize: 1 });
    const batched = await runModel(short, session, samples, { batchSize: 4 });
    expectClose(batched.frameScores, single.frameScores, 1e-6);
  });

  it("refuses audio shorter than one frame with the lengths in the message", async () => {
    const { model, session } = await load("funasr-like");
    await expect(runModel(model, session, new Float32Array(300))).rejects.toThrow(AudioTooShortError);
    await expect(runModel(model, session, new Float32Array(300))).rejects.toThrow(/0\.019 s long; testing-funasr-like needs at least 400 samples/);
  });
});
