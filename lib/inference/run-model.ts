import { AppError } from "../domain/app-error";
import { CANONICAL_LABELS, toCanonicalScores } from "../domain/emotion-labels";
import { applyHead, hasNonFinite, layerNormalize, softmaxRows } from "../domain/emotion-scores";
import { type AnalysisWindow, planWindows, stitchFrames } from "../domain/frame-windows";
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
  input: Float32Array,
  options: ModelRunOptions = {},
): Promise<ModelRunResult> {
  const { manifest } = model;
  const sampleRate = manifest.input.sampleRate;
  const geometry = { hopSamples: manifest.frames.hopSamples, windowSamples: manifest.frames.windowSamples };
  const overlapSeconds = Math.min(options.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS, manifest.maxWindowSeconds / 4);
  const windows = planWindows(input.length, {
    geometry,
    maxWindowSamples: Math.floor(manifest.maxWindowSeconds * sampleRate),
    overlapSamples: Math.round(overlapSeconds * sampleRate),
  });
  if (windows.length === 0) {
    throw new AudioTooShortError(
      `the audio is ${(input.length / sampleRate).toFixed(3)} s long; ${model.manifest.id} needs at least ${geometry.windowSamples} samples (${(geometry.windowSamples / sampleRate).toFixed(3)} s) for one frame`,
    );
  }
  // Normalised over the whole stretch, not per window, so windows of one recording see one level.
  const samples = manifest.input.layerNorm ? layerNormalize(input) : input;
  const classes = manifest.labels.length;
  const totalFrames = windows.reduce((end, window) => Math.max(end, window.firstFrame + window.frameCount), 0);
  const owned = ownedFrames(windows);

  const windowLogits: Float32Array[] = new Array(windows.length);
  let embeddingSum: Float64Array | null = null;
  let utteranceLogitSum: Float64Array | null = null;
  let utteranceEmbeddingSum: Float64Array | null = null;
  const started = performance.now();

  for (const batch of batches(windows, manifest.batch.dynamic ? Math.max(1, options.batchSize ?? 1) : 1)) {
    if (options.signal?.aborted) throw new InferenceCancelledError("The analysis was cancelled.");
    const length = windows[batch[0]!]!.sampleCount;
    const data = new Float32Array(batch.length * length);
    batch.forEach((index, row) => data.set(samples.subarray(windows[index]!.startSample, windows[index]!.startSample + length), row * length));
    const feeds = { [manifest.input.name]: new ort.Tensor("float32", data, [batch.length, length]) };
    const outputs = await session.run(feeds);

    batch.forEach((index, row) => {
      const window = windows[index]!;
      const frames = window.frameCount;
      const frameEmbeddings = manifest.outputs.frameEmbeddings ? rows3d(outputs, manifest.outputs.frameEmbeddings, row, frames, model) : null;
      let logits: Float32Array;
      if (manifest.outputs.frameLogits) {
        logits = rows3d(outputs, manifest.outputs.frameLogits, row, frames, model).values;
        checkWidth(logits.length / frames, classes, manifest.outputs.frameLogits, model);
      } else {
        const head = model.head!;
        const embeddings = frameEmbeddings!;
        checkWidth(embeddings.width, head.dim, `${manifest.outputs.frameEmbeddings} (the head's input)`, model);
        logits = applyHead(embeddings.values, head.dim, head.weights, head.bias, head.classes);
      }
      windowLogits[index] = logits;
      const [ownStart, ownEnd] = owned[index]!;
      if (frameEmbeddings) {
        embeddingSum ??= new Float64Array(frameEmbeddings.width);
        addRows(embeddingSum, frameEmbeddings.values, frameEmbeddings.width, ownStart - window.firstFrame, ownEnd - window.firstFrame);
      }
      const weight = ownEnd - ownStart;
      if (manifest.outputs.utteranceLogits) {
        const values = rows2d(outputs, manifest.outputs.utteranceLogits, row, model);
        checkWidth(values.length, classes, manifest.outputs.utteranceLogits, model);
        utteranceLogitSum ??= new Float64Array(values.length);
        for (let k = 0; k < values.length; k++) utteranceLogitSum[k]! += values[k]! * weight;
      }
      if (manifest.outputs.utteranceEmbedding) {
        const values = rows2d(outputs, manifest.outputs.utteranceEmbedding, row, model);
        utteranceEmbeddingSum ??= new Float64Array(values.length);
        for (let k = 0; k < values.length; k++) utteranceEmbeddingSum[k]! += values[k]! * weight;
      }
    });
  }
  const inferenceMs = performance.now() - started;

  const frameLogits = stitchFrames(windows, windowLogits, classes, totalFrames);
  const frameProbabilities = softmaxRows(frameLogits, classes);
  if (hasNonFinite(frameProbabilities)) throw new ModelOutputError(`${manifest.id} produced NaN or infinite scores`);
  const frameScores = new Float32Array(totalFrames * CANONICAL_LABELS.length);
  for (let frame = 0; frame < totalFrames; frame++) {
    frameScores.set(toCanonicalScores(frameProbabilities.subarray(frame * classes, (frame + 1) * classes), model.toCanonical), frame * CANONICAL_LABELS.length);
  }

  const meanEmbedding = embeddingSum ? scale(embeddingSum, 1 / totalFrames) : null;
  let ownScores: Float32Array;
  if (utteranceLogitSum) ownScores = softmaxRows(scale(utteranceLogitSum, 1 / totalFrames), classes);
  else if (model.head && meanEmbedding) ownScores = softmaxRows(applyHead(meanEmbedding, model.head.dim, model.head.weights, model.head.bias, classes), classes);
  else ownScores = meanOfRows(frameProbabilities, classes);
  if (hasNonFinite(ownScores)) throw new ModelOutputError(`${manifest.id} produced NaN or infinite utterance scores`);
  const embedding = utteranceEmbeddingSum ? scale(utteranceEmbeddingSum, 1 / totalFrames) : meanEmbedding;

  const canonicalScores = toCanonicalScores(ownScores, model.toCanonical);
  let top = 0;
  for (let k = 1; k < canonicalScores.length; k++) if (canonicalScores[k]! > canonicalScores[top]!) top = k;
  return {
    frameCount: totalFrames,
    frameRate: manifest.frames.rate,
    frameOffsetSeconds: geometry.windowSamples / 2 / sampleRate,
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

/** Window indexes grouped into runs of equal length (only those can share a batch). */
function batches(windows: readonly AnalysisWindow[], size: number): number[][] {
  const groups: number[][] = [];
  for (let index = 0; index < windows.length; index++) {
    const last = groups.at(-1);
    if (last && last.length < size && windows[last[0]!]!.sampleCount === windows[index]!.sampleCount) last.push(index);
    else groups.push([index]);
  }
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
