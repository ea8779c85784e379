import { ArrayShapeError } from "./array-shape-error";

/**
 * Score arithmetic for emotion models. Matrices are row-major Float32Arrays
 * (one row per frame); sums run in float64 so an hour of frames loses no
 * precision before the result is rounded back to float32.
 */

/** torch.nn.functional.layer_norm's default eps, which emotion2vec's waveform normalisation uses. */
export const LAYER_NORM_EPS = 1e-5;

/**
 * Softmax of every row of `logits` (rows × classes), into a new array.
 * Subtracting each row's maximum first keeps exp() from overflowing, so rows
 * of large logits (±1000) still give exact probabilities. A row holding NaN
 * or +Infinity comes out as NaN; check with hasNonFinite.
 */
export function softmaxRows(logits: ArrayLike<number>, classes: number): Float32Array {
  const rows = rowCount(logits.length, classes, "softmaxRows: logits");
  const probabilities = new Float32Array(logits.length);
  const exps = new Float64Array(classes);
  for (let row = 0; row < rows; row++) {
    const offset = row * classes;
    let max = -Infinity;
    for (let k = 0; k < classes; k++) {
      const value = logits[offset + k]!;
      // `!(value <= max)` is also true for NaN, which then poisons the row as it should.
      if (!(value <= max)) max = value;
    }
    let sum = 0;
    for (let k = 0; k < classes; k++) {
      const e = Math.exp(logits[offset + k]! - max);
      exps[k] = e;
      sum += e;
    }
    for (let k = 0; k < classes; k++) probabilities[offset + k] = exps[k]! / sum;
  }
  return probabilities;
}

/**
 * A linear classification head on frame embeddings: logits = E·Wᵀ + b, with
 * E frames × dim, W classes × dim (PyTorch's nn.Linear layout), b classes.
 * Returns frames × classes logits.
 */
export function applyHead(
  embeddings: ArrayLike<number>,
  dim: number,
  weights: ArrayLike<number>,
  bias: ArrayLike<number>,
  classes: number,
): Float32Array {
  const frames = rowCount(embeddings.length, dim, "applyHead: embeddings");
  if (!Number.isSafeInteger(classes) || classes <= 0) throw new ArrayShapeError(`applyHead: classes must be a positive whole number, got ${classes}`);
  if (weights.length !== classes * dim) {
    throw new ArrayShapeError(`applyHead: the head's weights have ${weights.length} values; ${classes} classes × ${dim} dimensions need ${classes * dim}`);
  }
  if (bias.length !== classes) throw new ArrayShapeError(`applyHead: the head's bias has ${bias.length} values for ${classes} classes`);
  const logits = new Float32Array(frames * classes);
  for (let frame = 0; frame < frames; frame++) {
    const rowStart = frame * dim;
    const outStart = frame * classes;
    let k = 0;
    // Four classes per pass: each embedding value is loaded once for four independent multiply-add chains.
    for (; k + 3 < classes; k += 4) {
      const w0 = k * dim;
      const w1 = w0 + dim;
      const w2 = w1 + dim;
      const w3 = w2 + dim;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let d = 0; d < dim; d++) {
        const e = embeddings[rowStart + d]!;
        s0 += e * weights[w0 + d]!;
        s1 += e * weights[w1 + d]!;
        s2 += e * weights[w2 + d]!;
        s3 += e * weights[w3 + d]!;
      }
      logits[outStart + k] = s0 + bias[k]!;
      logits[outStart + k + 1] = s1 + bias[k + 1]!;
      logits[outStart + k + 2] = s2 + bias[k + 2]!;
      logits[outStart + k + 3] = s3 + bias[k + 3]!;
    }
    for (; k < classes; k++) {
      const w0 = k * dim;
      let s0 = 0;
      for (let d = 0; d < dim; d++) s0 += embeddings[rowStart + d]! * weights[w0 + d]!;
      logits[outStart + k] = s0 + bias[k]!;
    }
  }
  return logits;
}

/** Column means of a rows × width matrix (the mean frame). Throws ArrayShapeError for a matrix without rows. */
export function meanRows(matrix: ArrayLike<number>, width: number): Float32Array {
  const rows = rowCount(matrix.length, width, "meanRows: matrix");
  if (rows === 0) throw new ArrayShapeError("meanRows: the matrix has no rows, so it has no mean");
  const sums = new Float64Array(width);
  for (let row = 0; row < rows; row++) {
    const offset = row * width;
    for (let column = 0; column < width; column++) sums[column]! += matrix[offset + column]!;
  }
  const mean = new Float32Array(width);
  for (let column = 0; column < width; column++) mean[column] = sums[column]! / rows;
  return mean;
}

/**
 * The waveform normalised to zero mean and unit variance, as
 * torch.nn.functional.layer_norm(x, x.shape) without affine parameters:
 * (x − mean) / sqrt(var + eps) with the biased variance. Two passes, so a
 * large DC offset does not cost precision. An empty input gives an empty
 * output.
 */
export function layerNormalize(samples: ArrayLike<number>, eps: number = LAYER_NORM_EPS): Float32Array {
  const normalized = new Float32Array(samples.length);
  const { mean, scale } = layerNormStats(samples, eps);
  for (let index = 0; index < samples.length; index++) normalized[index] = (samples[index]! - mean) * scale;
  return normalized;
}

/**
 * The mean and 1/sqrt(variance + eps) layerNormalize applies, for callers
 * that normalise slices on the fly instead of copying the whole signal.
 */
export function layerNormStats(samples: ArrayLike<number>, eps: number = LAYER_NORM_EPS): { mean: number; scale: number } {
  const count = samples.length;
  if (count === 0) return { mean: 0, scale: 1 / Math.sqrt(eps) };
  let sum = 0;
  for (let index = 0; index < count; index++) sum += samples[index]!;
  const mean = sum / count;
  let squares = 0;
  for (let index = 0; index < count; index++) {
    const centred = samples[index]! - mean;
    squares += centred * centred;
  }
  return { mean, scale: 1 / Math.sqrt(squares / count + eps) };
}

export interface TopLabel<L extends string> {
  label: L;
  index: number;
  score: number;
}

/**
 * The highest-scoring label; on a tie the one listed first. NaN scores never
 * win (check hasNonFinite first when NaN means a broken model). Throws
 * ArrayShapeError when scores and labels differ in length or are empty.
 */
export function topLabel<L extends string>(scores: ArrayLike<number>, labels: readonly L[]): TopLabel<L> {
  if (scores.length !== labels.length || labels.length === 0) {
    throw new ArrayShapeError(`topLabel: ${scores.length} scores for ${labels.length} labels`);
  }
  let best = 0;
  for (let index = 1; index < scores.length; index++) {
    const score = scores[index]!;
    const bestScore = scores[best]!;
    if (score > bestScore || (Number.isNaN(bestScore) && !Number.isNaN(score))) best = index;
  }
  return { label: labels[best]!, index: best, score: scores[best]! };
}

/** Whether any value is NaN or ±Infinity (a model that overflowed or a head that does not fit). */
export function hasNonFinite(values: ArrayLike<number>): boolean {
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    // value − value is 0 for every finite number and NaN for NaN and ±Infinity.
    if (value - value !== 0) return true;
  }
  return false;
}

function rowCount(length: number, width: number, what: string): number {
  if (!Number.isSafeInteger(width) || width <= 0) throw new ArrayShapeError(`${what}: the row width must be a positive whole number, got ${width}`);
  if (length % width !== 0) throw new ArrayShapeError(`${what} has ${length} values, which is not a whole number of rows of ${width}`);
  return length / width;
}
