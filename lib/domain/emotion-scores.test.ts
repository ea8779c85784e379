import { describe, expect, it } from "vitest";
import { ArrayShapeError } from "./array-shape-error";
import { applyHead, hasNonFinite, layerNormalize, meanRows, softmaxRows, topLabel } from "./emotion-scores";

const closeTo = (values: ArrayLike<number>, expected: number[], digits = 6) => {
  expect(values.length).toBe(expected.length);
  expected.forEach((value, index) => expect(values[index]).toBeCloseTo(value, digits));
};

describe("softmaxRows", () => {
  it("turns each row of logits into probabilities", () => {
    const probabilities = softmaxRows(new Float32Array([1, 2, 3, 0, Math.log(3), 0]), 3);
    closeTo(probabilities.subarray(0, 3), [0.09003057, 0.24472847, 0.66524096]);
    closeTo(probabilities.subarray(3, 6), [0.2, 0.6, 0.2]);
  });

  it("stays exact for logits whose exp() would overflow or underflow", () => {
    expect(Array.from(softmaxRows([1000, 1000, -1000, 0], 2))).toEqual([0.5, 0.5, 0, 1]);
    expect(hasNonFinite(softmaxRows([88.8, 89.9, 1e30, -1e30], 2))).toBe(false);
  });

  it("poisons a row with NaN or +Infinity, and only that row", () => {
    const probabilities = softmaxRows([Number.NaN, 1, 0, 0, Infinity, 0], 2);
    expect(Array.from(probabilities.subarray(0, 2))).toEqual([Number.NaN, Number.NaN]);
    expect(Array.from(probabilities.subarray(2, 4))).toEqual([0.5, 0.5]);
    expect(Array.from(probabilities.subarray(4, 6))).toEqual([Number.NaN, Number.NaN]);
  });

  it("refuses logits that are not whole rows", () => {
    expect(() => softmaxRows(new Float32Array(10), 9)).toThrow(ArrayShapeError);
    expect(() => softmaxRows(new Float32Array(10), 9)).toThrow("softmaxRows: logits has 10 values, which is not a whole number of rows of 9");
  });
});

describe("applyHead", () => {
  it("computes E·Wᵀ + b with W in nn.Linear's classes × dim layout", () => {
    const embeddings = new Float32Array([1, 2, 3, 0, -1, 0.5]);
    const weights = new Float32Array([1, 0, 0, 0, 1, 1]);
    expect(Array.from(applyHead(embeddings, 3, weights, [0.5, -1], 2))).toEqual([1.5, 4, 0.5, -1.5]);
  });

  it("handles class counts that are not a multiple of four", () => {
    const weights = [1, 0, 0, 1, 1, 1, 1, -1, 2, 0];
    expect(Array.from(applyHead([3, 4], 2, weights, [0, 0, 0, 0, 0.5], 5))).toEqual([3, 4, 7, -1, 6.5]);
  });

  it("refuses a head that does not fit the embeddings", () => {
    expect(() => applyHead(new Float32Array(768 * 2), 768, new Float32Array(9 * 1024), new Float32Array(9), 9)).toThrow(
      "applyHead: the head's weights have 9216 values; 9 classes × 768 dimensions need 6912",
    );
    expect(() => applyHead(new Float32Array(768), 768, new Float32Array(9 * 768), new Float32Array(8), 9)).toThrow("bias has 8 values for 9 classes");
    expect(() => applyHead(new Float32Array(770), 768, new Float32Array(9 * 768), new Float32Array(9), 9)).toThrow(ArrayShapeError);
  });
});

describe("meanRows", () => {
  it("averages each column over the rows", () => {
    expect(Array.from(meanRows(new Float32Array([1, 2, 3, 4, 5, 9]), 2))).toEqual([3, 5]);
  });

  it("refuses a matrix without rows", () => {
    expect(() => meanRows(new Float32Array(0), 768)).toThrow("meanRows: the matrix has no rows");
  });
});

describe("layerNormalize", () => {
  it("matches layer_norm without affine: (x - mean) / sqrt(biased var + 1e-5)", () => {
    closeTo(layerNormalize(new Float32Array([1, 2, 3, 4])), [-1.3416354, -0.4472118, 0.4472118, 1.3416354]);
  });

  it("ignores a DC offset and gives zeros for silence", () => {
    closeTo(layerNormalize(new Float32Array([1_000_001, 1_000_002, 1_000_003, 1_000_004])), [-1.3416354, -0.4472118, 0.4472118, 1.3416354]);
    expect(Array.from(layerNormalize(new Float32Array(5).fill(0.25)))).toEqual([0, 0, 0, 0, 0]);
    expect(layerNormalize(new Float32Array(0)).length).toBe(0);
  });

  it("gives zero mean and unit variance for a longer signal", () => {
    const signal = new Float32Array(16_000).map((_, index) => 0.3 + 0.1 * Math.sin(index / 7));
    const normalized = layerNormalize(signal);
    const mean = normalized.reduce((sum, value) => sum + value, 0) / normalized.length;
    const variance = normalized.reduce((sum, value) => sum + (value - mean) ** 2, 0) / normalized.length;
    expect(mean).toBeCloseTo(0, 5);
    // The 1e-5 eps against a variance of 0.005 lowers the result's variance by 0.2%.
    expect(variance).toBeCloseTo(0.005 / (0.005 + 1e-5), 3);
  });
});

describe("topLabel", () => {
  const labels = ["angry", "happy", "sad"] as const;

  it("names the highest score, the first one on a tie", () => {
    expect(topLabel([0.2, 0.5, 0.3], labels)).toEqual({ label: "happy", index: 1, score: 0.5 });
    expect(topLabel(new Float32Array([0.4, 0.2, 0.4]), labels)).toEqual({ label: "angry", index: 0, score: Math.fround(0.4) });
  });

  it("never picks NaN over a number", () => {
    expect(topLabel([Number.NaN, 0.1, 0.05], labels)).toEqual({ label: "happy", index: 1, score: 0.1 });
    expect(topLabel([0.1, Number.NaN, 0.05], labels).label).toBe("angry");
  });

  it("refuses scores that do not match the labels", () => {
    expect(() => topLabel([0.5, 0.5], labels)).toThrow("topLabel: 2 scores for 3 labels");
    expect(() => topLabel([], [])).toThrow(ArrayShapeError);
  });
});

describe("hasNonFinite", () => {
  it("finds NaN and infinities, including float32 overflow", () => {
    expect(hasNonFinite(new Float32Array([0, -1, 3.4e38]))).toBe(false);
    expect(hasNonFinite([])).toBe(false);
    expect(hasNonFinite([1, Number.NaN])).toBe(true);
    expect(hasNonFinite([Infinity])).toBe(true);
    expect(hasNonFinite(new Float32Array([-3.4e38 * 10]))).toBe(true);
  });
});
