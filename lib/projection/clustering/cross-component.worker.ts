// Worker thread of joinComponents: the lightest cross-component edges for its share of the query blocks.
import { parentPort, workerData } from "node:worker_threads";
import { createCrossComponentSearch } from "./cross-component-edges";
import type { CrossComponentWorkerData, CrossComponentWorkerMessage } from "./cross-component-worker-protocol";

const input = workerData as CrossComponentWorkerData;
const search = createCrossComponentSearch({
  prepared: {
    n: input.n,
    paddedRows: input.paddedRows,
    paddedDims: input.paddedDims,
    metric: input.metric,
    data: new Float32Array(input.data),
    halfNorms: new Float32Array(input.halfNorms),
  },
  component: input.component,
  coreScore: input.coreScore,
  point: input.point,
  components: input.components,
});
for (const block of input.queryBlocks) {
  const pairs = search.searchBlock(block);
  parentPort!.postMessage({ kind: "progress", pairs } satisfies CrossComponentWorkerMessage);
}
const { score, low, high } = search.found;
const message: CrossComponentWorkerMessage = { kind: "result", score, low, high };
parentPort!.postMessage(message, [score.buffer as ArrayBuffer, low.buffer as ArrayBuffer, high.buffer as ArrayBuffer]);
