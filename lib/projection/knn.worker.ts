// Worker thread of exactKnn: collects candidates for its share of the query blocks.
import { parentPort, workerData } from "node:worker_threads";
import { collectKnnCandidates } from "./knn-rows";
import type { KnnWorkerData, KnnWorkerMessage } from "./knn-worker-protocol";

const input = workerData as KnnWorkerData;
const heaps = collectKnnCandidates(
  {
    n: input.n,
    paddedRows: input.paddedRows,
    paddedDims: input.paddedDims,
    metric: input.metric,
    data: new Float32Array(input.data),
    halfNorms: new Float32Array(input.halfNorms),
  },
  input.queryBlocks,
  input.keep,
  undefined,
  (pairs) => parentPort!.postMessage({ kind: "progress", pairs } satisfies KnnWorkerMessage),
);
const message: KnnWorkerMessage = { kind: "result", scores: heaps.scores, indices: heaps.indices };
parentPort!.postMessage(message, [heaps.scores.buffer as ArrayBuffer, heaps.indices.buffer as ArrayBuffer]);
