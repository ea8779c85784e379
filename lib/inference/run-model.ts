import { AppError } from "../domain/app-error";
import { CANONICAL_LABELS, toCanonicalScores } from "../domain/emotion-labels";
import { applyHead, hasNonFinite, softmaxRows } from "../domain/emotion-scores";
import { type AnalysisWindow, planWindows, stitchFrames } from "../domain/frame-windows";
import { float32Signal, type InputSignal } from "./input-signal";
import type { RegisteredModel } from "./model-registry";
import { ort } from "./onnx-session";

/**
 * Runs one model over one stretch of 16 kHz audio: cut into windows the model
 * accepts (overlapping), run them (batched when the graph allows), stitch the
 * frame curves with a cross-fade, and derive utterance scores and embedding.
 */

export const DEFAULT_OVERLAP_SECONDS = 1;

export interface ModelRunOptions {
  overlapSeconds?: number;
  /** Equal-length windows per session.run when the graph's batch axis is dynamic. */
  batchSize?: number;
  signal?: AbortSignal;
  /**
   * Applies the model's separate head to one window's frame embeddings
   * ([frames, dim] row-major): [frames, classes] logits and, optionally, the
   * embeddings summed over frames. Default: JavaScript loops; the worker
   * passes an onnxruntime session of the head.
   */
  applyHead?: (embeddings: Float32Array, frames: number) => Promise<HeadOutput>;
}

export interface HeadOutput {
  logits: Float32Array;
  /** Sum of the embeddings over all the window's frames (dim values). */
  frameSum?: Float32Array;
}

export interface ModelRunResult {
  frameCount: number;
  frameRate: number;
  /** Time of frame 0's centre; frame i is at offset + i / rate. */
  frameOffsetSeconds: number;
  /** frames × 9 canonical probabilities, row-major. */
  frameScores: Float32Array;
  ownLabels: string[];
  ownScores: number[];
  canonicalScores: number[];
  topLabel: string;
  confidence: number;
  embedding: Float32Array | null;
  windows: number;
  overlapSeconds: number;
  inferenceMs: number;
}

/** Thrown when audio is too short for the model to produce a single frame. */
export class AudioTooShortError extends AppError {
  override readonly name = "AudioTooShortError";
  readonly code = "AUDIO_TOO_SHORT";
}

/** Thrown when a model's outputs do not match its manifest (shapes, label count, NaN). */
export class ModelOutputError extends AppError {
  override readonly name = "ModelOutputError";
  readonly code = "MODEL_OUTPUT_INVALID";
}

/** Thrown between windows when the caller's signal is aborted. */
export class InferenceCancelledError extends AppError {
  override readonly name = "InferenceCancelledError";
  readonly code = "CANCELLED";
}

export async function runModel(
  model: RegisteredModel,
  session: ort.InferenceSession,
  input: Float32Array | InputSignal,
  options: ModelRunOptions = {},
): Promise<ModelRunResult> {
  const [result] = await runModelOnMany(model, session, [input], options);
  if (result instanceof Error) throw result;
  return result!;
}

/** Per-input state while its windows are run (possibly batched with other inputs' windows). */
interface InputRun {
  signal: InputSignal;
  /** Applied to each window as it is copied out: (x − mean) · scale. */
  normalisation: { mean: number; scale: number };
  windows: AnalysisWindow[];
  owned: [number, number][];
  totalFrames: number;
  windowLogits: Float32Array[];
  embeddingSum: Float64Array | null;
  utteranceLogitSum: Float64Array | null;
  utteranceEmbeddingSum: Float64Array | null;
}

/**
 * Runs several inputs; windows of equal length (from one long input, or from
 * short inputs of the same length) share a session.run when the graph's batch
 * axis is dynamic. An input too short for one frame gets its error in its
 * place; the others still run.
 */
export async function runModelOnMany(
  model: RegisteredModel,
  session: ort.InferenceSession,
  inputs: readonly (Float32Array | InputSignal)[],
  options: ModelRunOptions = {},
): Promise<(ModelRunResult | AudioTooShortError)[]> {
  const { manifest } = model;
  const sampleRate = manifest.input.sampleRate;
  const geometry = { hopSamples: manifest.frames.hopSamples, windowSamples: manifest.frames.windowSamples };
  const overlapSeconds = Math.min(options.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS, manifest.maxWindowSeconds / 4);

  const runs: (InputRun | AudioTooShortError)[] = inputs.map((given) => {
    const input = given instanceof Float32Array ? float32Signal(given) : given;
    const windows = planWindows(input.length, {
      geometry,
      maxWindowSamples: Math.floor(manifest.maxWindowSeconds * sampleRate),
      overlapSamples: Math.round(overlapSeconds * sampleRate),
    });
    if (windows.length === 0) {
      return new AudioTooShortError(
        `the audio is ${(input.length / sampleRate).toFixed(3)} s long; ${model.manifest.id} needs at least ${geometry.windowSamples} samples (${(geometry.windowSamples / sampleRate).toFixed(3)} s) for one frame`,
      );
    }
    return {
      signal: input,
      // Normalised over the whole stretch, not per window, so windows of one recording see one level.
      normalisation: manifest.input.layerNorm ? input.normalisation() : { mean: 0, scale: 1 },
      windows,
      owned: ownedFrames(windows),
      totalFrames: windows.reduce((end, window) => Math.max(end, window.firstFrame + window.frameCount), 0),
      windowLogits: new Array<Float32Array>(windows.length),
      embeddingSum: null,
      utteranceLogitSum: null,
      utteranceEmbeddingSum: null,
    };
  });

  const work: WorkItem[] = [];
  runs.forEach((run, input) => {
    if (!(run instanceof Error)) run.windows.forEach((window, index) => work.push({ input, index, length: window.sampleCount }));
  });
  const started = performance.now();
  // Ask only for the outputs we use: frame embeddings are the largest tensor
  // (frames × dim per window) and are not needed when the graph gives logits
  // and an utterance embedding of its own.
  const needFrameEmbeddings = Boolean(
    manifest.outputs.frameEmbeddings && (!manifest.outputs.frameLogits || !manifest.outputs.utteranceEmbedding || (!manifest.outputs.utteranceLogits && model.head)),
  );
  const fetches = [
    manifest.outputs.frameLogits,
    needFrameEmbeddings ? manifest.outputs.frameEmbeddings : null,
    manifest.outputs.utteranceLogits,
    manifest.outputs.utteranceEmbedding,
  ].filter((name): name is string => Boolean(name));
  const groups = batches(work, manifest.batch.dynamic ? Math.max(1, options.batchSize ?? 1) : 1);
  const start = (batch: readonly WorkItem[]) => {
    const length = batch[0]!.length;
    const data = new Float32Array(batch.length * length);
    batch.forEach((item, row) => {
      const run = runs[item.input] as InputRun;
      const { mean, scale } = run.normalisation;
      run.signal.copyWindow(data.subarray(row * length, (row + 1) * length), run.windows[item.index]!.startSample, mean, scale);
    });
    return session.run({ [manifest.input.name]: new ort.Tensor("float32", data, [batch.length, length]) }, fetches);
  };
  const head =
    options.applyHead ??
    (async (embeddings: Float32Array) => ({ logits: applyHead(embeddings, model.head!.dim, model.head!.weights, model.head!.bias, model.head!.classes) }));
  for (const group of groups) {
    if (options.signal?.aborted) throw new InferenceCancelledError("The analysis was cancelled.");
    const outputs = await start(group);
    for (const [row, item] of group.entries()) await collectWindow(model, runs[item.input] as InputRun, item.index, outputs, row, head);
  }
  const inferenceMs = performance.now() - started;
  const shareOfTime = (run: InputRun) => (inferenceMs * run.windows.length) / Math.max(1, work.length);
  return runs.map((run) => (run instanceof Error ? run : finishInput(model, run, overlapSeconds, shareOfTime(run))));
}

interface WorkItem {
  input: number;
  index: number;
  length: number;
}

async function collectWindow(
  model: RegisteredModel,
  run: InputRun,
  index: number,
  outputs: ort.InferenceSession.ReturnType,
  row: number,
  head: (embeddings: Float32Array, frames: number) => Promise<HeadOutput>,
): Promise<void> {
  const { manifest } = model;
  const classes = manifest.labels.length;
  const window = run.windows[index]!;
  const frames = window.frameCount;
  const frameEmbeddings =
    manifest.outputs.frameEmbeddings && outputs[manifest.outputs.frameEmbeddings] ? rows3d(outputs, manifest.outputs.frameEmbeddings, row, frames, model) : null;
  let logits: Float32Array;
  let frameSum: Float32Array | undefined;
  if (manifest.outputs.frameLogits) {
    logits = rows3d(outputs, manifest.outputs.frameLogits, row, frames, model).values;
    checkWidth(logits.length / frames, classes, manifest.outputs.frameLogits, model);
  } else {
    const embeddings = frameEmbeddings!;
    checkWidth(embeddings.width, model.head!.dim, `${manifest.outputs.frameEmbeddings} (the head's input)`, model);
    ({ logits, frameSum } = await head(embeddings.values, frames));
  }
  run.windowLogits[index] = logits;
  const [ownStart, ownEnd] = run.owned[index]!;
  if (frameEmbeddings) {
    const { values, width } = frameEmbeddings;
    run.embeddingSum ??= new Float64Array(width);
    const from = ownStart - window.firstFrame;
    const to = ownEnd - window.firstFrame;
    if (frameSum) {
      // The whole window's sum less the few overlap frames another window owns.
      for (let k = 0; k < width; k++) run.embeddingSum[k]! += frameSum[k]!;
      subtractRows(run.embeddingSum, values, width, 0, from);
      subtractRows(run.embeddingSum, values, width, to, frames);
    } else {
      addRows(run.embeddingSum, values, width, from, to);
    }
  }
  const weight = ownEnd - ownStart;
  if (manifest.outputs.utteranceLogits) {
    const values = rows2d(outputs, manifest.outputs.utteranceLogits, row, model);
    checkWidth(values.length, classes, manifest.outputs.utteranceLogits, model);
    run.utteranceLogitSum ??= new Float64Array(values.length);
    for (let k = 0; k < values.length; k++) run.utteranceLogitSum[k]! += values[k]! * weight;
  }
  if (manifest.outputs.utteranceEmbedding) {
    const values = rows2d(outputs, manifest.outputs.utteranceEmbedding, row, model);
    run.utteranceEmbeddingSum ??= new Float64Array(values.length);
    for (let k = 0; k < values.length; k++) run.utteranceEmbeddingSum[k]! += values[k]! * weight;
  }
}

function finishInput(model: RegisteredModel, run: InputRun, overlapSeconds: number, inferenceMs: number): ModelRunResult {
  const { manifest } = model;
  const classes = manifest.labels.length;
  const { totalFrames, windows } = run;
  const frameLogits = stitchFrames(windows, run.windowLogits, classes, totalFrames);
  const frameProbabilities = softmaxRows(frameLogits, classes);
  if (hasNonFinite(frameProbabilities)) throw new ModelOutputError(`${manifest.id} produced NaN or infinite scores`);
  const frameScores = canonicalFrames(frameProbabilities, classes, model.toCanonical.map((label) => (label === null ? -1 : CANONICAL_LABELS.indexOf(label))), totalFrames);

  const meanEmbedding = run.embeddingSum ? scale(run.embeddingSum, 1 / totalFrames) : null;
  let ownScores: Float32Array;
  if (run.utteranceLogitSum) ownScores = softmaxRows(scale(run.utteranceLogitSum, 1 / totalFrames), classes);
  else if (model.head && meanEmbedding) ownScores = softmaxRows(applyHead(meanEmbedding, model.head.dim, model.head.weights, model.head.bias, classes), classes);
  else ownScores = meanOfRows(frameProbabilities, classes);
  if (hasNonFinite(ownScores)) throw new ModelOutputError(`${manifest.id} produced NaN or infinite utterance scores`);
  const embedding = run.utteranceEmbeddingSum ? scale(run.utteranceEmbeddingSum, 1 / totalFrames) : meanEmbedding;

  const canonicalScores = toCanonicalScores(ownScores, model.toCanonical);
  let top = 0;
  for (let k = 1; k < canonicalScores.length; k++) if (canonicalScores[k]! > canonicalScores[top]!) top = k;
  return {
    frameCount: totalFrames,
    frameRate: manifest.frames.rate,
    frameOffsetSeconds: manifest.frames.windowSamples / 2 / manifest.input.sampleRate,
    frameScores,
    ownLabels: [...manifest.labels],
    ownScores: [...ownScores],
    canonicalScores,
    topLabel: CANONICAL_LABELS[top]!,
    confidence: canonicalScores[top]!,
    embedding,
    windows: windows.length,
    overlapSeconds,
    inferenceMs,
  };
}

/**
 * Each global frame belongs to exactly one window (split at the middle of each
 * overlap), so means over frames count overlapped frames once.
 */
function ownedFrames(windows: readonly AnalysisWindow[]): [number, number][] {
  const bounds = windows.map((window, index) => {
    if (index === 0) return window.firstFrame;
    const previous = windows[index - 1]!;
    return Math.floor((window.firstFrame + previous.firstFrame + previous.frameCount) / 2);
  });
  return windows.map((window, index) => [bounds[index]!, index + 1 < windows.length ? bounds[index + 1]! : window.firstFrame + window.frameCount]);
}

/** Work grouped into batches of equal-length windows, at most `size` each, in first-seen order of lengths. */
function batches(work: readonly WorkItem[], size: number): WorkItem[][] {
  const byLength = new Map<number, WorkItem[]>();
  for (const item of work) {
    const group = byLength.get(item.length);
    if (group) group.push(item);
    else byLength.set(item.length, [item]);
  }
  const groups: WorkItem[][] = [];
  for (const items of byLength.values()) for (let start = 0; start < items.length; start += size) groups.push(items.slice(start, start + size));
  return groups;
}

function output(outputs: ort.InferenceSession.ReturnType, name: string, model: RegisteredModel): ort.Tensor {
  const tensor = outputs[name];
  if (!tensor) throw new ModelOutputError(`${model.manifest.id}: the graph has no output named "${name}" (manifest outputs)`);
  return tensor;
}

function rows3d(outputs: ort.InferenceSession.ReturnType, name: string, row: number, frames: number, model: RegisteredModel) {
  const tensor = output(outputs, name, model);
  const [, tensorFrames, width] = tensor.dims as number[];
  if (tensor.dims.length !== 3 || tensorFrames !== frames) {
    throw new ModelOutputError(
      `${model.manifest.id}: output "${name}" has shape [${tensor.dims.join(", ")}], but the manifest's frame geometry expects ${frames} frames for this window`,
    );
  }
  const data = tensor.data as Float32Array;
  return { values: data.subarray(row * frames * width!, (row + 1) * frames * width!), width: width! };
}

function rows2d(outputs: ort.InferenceSession.ReturnType, name: string, row: number, model: RegisteredModel): Float32Array {
  const tensor = output(outputs, name, model);
  if (tensor.dims.length !== 2) throw new ModelOutputError(`${model.manifest.id}: output "${name}" should be [batch, n], not [${tensor.dims.join(", ")}]`);
  const width = tensor.dims[1]!;
  return (tensor.data as Float32Array).subarray(row * width, (row + 1) * width);
}

function checkWidth(actual: number, expected: number, what: string, model: RegisteredModel): void {
  if (actual !== expected) {
    throw new ModelOutputError(`${model.manifest.id}: ${what} has ${actual} values per frame, but ${expected} were expected (labels or head in manifest.json)`);
  }
}

function addRows(sum: Float64Array, values: Float32Array, width: number, fromRow: number, toRow: number): void {
  for (let r = fromRow; r < toRow; r++) for (let k = 0; k < width; k++) sum[k]! += values[r * width + k]!;
}

/** frames × classes model scores → frames × 9 canonical scores (summing labels that share one), without per-frame allocation. */
function canonicalFrames(scores: Float32Array, classes: number, targets: readonly number[], frames: number): Float32Array {
  const width = CANONICAL_LABELS.length;
  const out = new Float32Array(frames * width);
  for (let frame = 0; frame < frames; frame++) {
    const from = frame * classes;
    const to = frame * width;
    for (let k = 0; k < classes; k++) {
      const target = targets[k]!;
      if (target >= 0) out[to + target]! += scores[from + k]!;
    }
  }
  return out;
}

function subtractRows(sum: Float64Array, values: Float32Array, width: number, fromRow: number, toRow: number): void {
  for (let r = fromRow; r < toRow; r++) for (let k = 0; k < width; k++) sum[k]! -= values[r * width + k]!;
}

function scale(values: Float64Array, factor: number): Float32Array {
  const result = new Float32Array(values.length);
  for (let k = 0; k < values.length; k++) result[k] = values[k]! * factor;
  return result;
}

function meanOfRows(matrix: Float32Array, width: number): Float32Array {
  const sum = new Float64Array(width);
  const rows = matrix.length / width;
  addRows(sum, matrix, width, 0, rows);
  return scale(sum, 1 / rows);
}
