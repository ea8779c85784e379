import type { ProjectionMetric } from "../projection-metric";

export interface CrossComponentWorkerData {
  readonly n: number;
  readonly paddedRows: number;
  readonly paddedDims: number;
  readonly metric: ProjectionMetric;
  readonly data: SharedArrayBuffer;
  readonly halfNorms: SharedArrayBuffer;
  readonly component: Int32Array;
  readonly coreScore: Float64Array;
  readonly point: Int32Array;
  readonly components: number;
  readonly queryBlocks: readonly number[];
}

export type CrossComponentWorkerMessage =
  | { readonly kind: "progress"; readonly pairs: number }
  | { readonly kind: "result"; readonly score: Float64Array; readonly low: Int32Array; readonly high: Int32Array };
