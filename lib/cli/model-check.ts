// `npm run model:check -- models/<folder>`: validates a model folder, runs it
// once on a test tone through the same worker the jobs use, and prints what it
// produced and how fast. Exit status 0 when the model is usable, 1 otherwise.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { encodeWav } from "../audio/wav-encode";
import { readInvocationDirectory, readServerEnvironment } from "../config/env";
import { AppError } from "../domain/app-error";
import { createInferenceEngine } from "../inference/inference-engine";
import { loadModelFolder, modelLabel } from "../inference/model-registry";
import { defaultThreads } from "../inference/onnx-session";

const TONE_SECONDS = 10;

const target = process.argv[2];
if (!target || target === "-h" || target === "--help") {
  console.log("Usage: npm run model:check -- models/<folder>");
  process.exit(target ? 0 : 1);
}
const folder = path.resolve(readInvocationDirectory(), target);
const environment = readServerEnvironment();
const engine = createInferenceEngine({
  projectRoot: process.cwd(),
  device: environment.INFERENCE_DEVICE,
  threads: environment.INFERENCE_THREADS ?? defaultThreads(cpus().length),
});
const scratch = mkdtempSync(path.join(tmpdir(), "resonance-model-check-"));
let status = 0;
try {
  const model = await loadModelFolder(folder);
  const { manifest } = model;
  console.log(`${manifest.name}: ${modelLabel(model)}`);
  console.log(`  licence   ${manifest.license}`);
  console.log(`  input     ${manifest.input.name} at ${manifest.input.sampleRate} Hz${manifest.input.layerNorm ? ", normalised by the caller" : ""}`);
  const outputs = Object.entries(manifest.outputs).filter(([, name]) => name);
  console.log(`  outputs   ${outputs.map(([role, name]) => `${role}=${name}`).join(", ")}`);
  if (model.head) console.log(`  head      ${model.head.classes} × ${model.head.dim} (${manifest.head!.weights}, ${manifest.head!.bias})`);
  console.log(`  labels    ${manifest.labels.map((label, index) => (model.toCanonical[index] === label ? label : `${label}→${model.toCanonical[index] ?? "∅"}`)).join(", ")}`);

  const tone = new Float32Array(TONE_SECONDS * manifest.input.sampleRate);
  for (let index = 0; index < tone.length; index++) tone[index] = 0.3 * Math.sin((2 * Math.PI * 220 * index) / manifest.input.sampleRate);
  const audioPath = path.join(scratch, "tone.wav");
  writeFileSync(audioPath, encodeWav(tone, manifest.input.sampleRate, "pcm16"));
  // The first run pays for creating the session; the second is the throughput.
  const first = await engine.analyse({ modelFolder: folder, audioPath });
  const result = await engine.analyse({ modelFolder: folder, audioPath });
  const frameRate = result.frameCount / ((tone.length - manifest.frames.windowSamples) / manifest.input.sampleRate);
  console.log(`  provider  ${result.provider.active} (${result.provider.threads} threads)${result.provider.fallbackReason ? `; CUDA not used: ${result.provider.fallbackReason}` : ""}`);
  console.log(`  run       ${TONE_SECONDS} s tone → ${result.frameCount} frames × ${result.ownLabels.length} classes in ${result.windows} window(s), embedding ${result.embedding ? `${result.embedding.length}-d` : "none"}`);
  console.log(`  frames    ${frameRate.toFixed(2)} per second measured, ${manifest.frames.rate} declared`);
  console.log(`  speed     ${(result.audioSeconds / (result.inferenceMs / 1000)).toFixed(0)}× real time (${result.inferenceMs.toFixed(0)} ms; session created in ${first.sessionMs.toFixed(0)} ms)`);
  console.log(`  top       ${result.topLabel} (${(result.confidence * 100).toFixed(1)}%) on a plain tone, which means nothing`);
  if (Math.abs(frameRate - manifest.frames.rate) > 0.02 * manifest.frames.rate) {
    console.error(`error: the graph produces ${frameRate.toFixed(2)} frames per second but the manifest says ${manifest.frames.rate}`);
    status = 1;
  } else {
    console.log("OK: the model is usable.");
  }
} catch (error) {
  console.error(`error: ${error instanceof AppError || error instanceof Error ? error.message : String(error)}`);
  status = 1;
} finally {
  await engine.close();
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(status);
