import type { ProjectionMetric } from "./projection-metric";

export interface KnnWorkerData {
  readonly n: number;
  readonly paddedRows: number;
  readonly paddedDims: number;
  readonly metric: ProjectionMetric;
  readonly data: SharedArrayBuffer;
  readonly halfNorms: SharedArrayBuffer;
  readonly queryBlocks: readonly number[];
  readonly keep: number;
}

export type KnnWorkerMessage =
  | { readonly kind: "progress"; readonly pairs: number }
  | { readonly kind: "result"; readonly scores: Float64Array; readonly indices: Int32Array };
