import { createKnnKernel } from "../knn-kernel";
import { type PreparedVectors, roundUp } from "../knn-prepared";

// Query rows per block (768 KB at 768-D) and candidate rows per kernel call
// (384 KB, kept in L2), as in the neighbour search.
export const CROSS_QUERY_BLOCK = 256;
const CANDIDATE_BLOCK = 128;

/**
 * Points laid out by component for the search of cross-component edges:
 * positions sorted by component (0, the largest, first), then by point.
 */
export interface ComponentLayout {
  /** Vectors in position order, prepared for the kernel. */
  readonly prepared: PreparedVectors;
  readonly component: Int32Array;
  /** Core distance per position in the units of the kernel's score: squared for euclidean, as is for cosine. */
  readonly coreScore: Float64Array;
  /** Point number of each position. */
  readonly point: Int32Array;
  readonly components: number;
}

/**
 * Per pair of components (slot a * (a - 1) / 2 + b for a > b), the lightest
 * mutual-reachability edge between them found so far: its score (squared
 * for euclidean) from the float32 kernel, and its ends as point numbers
 * (`low` < `high`); Infinity and -1 where none was seen.
 */
export interface CrossComponentEdges {
  readonly score: Float64Array;
  readonly low: Int32Array;
  readonly high: Int32Array;
}

export function componentPairSlot(a: number, b: number): number {
  return a > b ? (a * (a - 1)) / 2 + b : (b * (b - 1)) / 2 + a;
}

export function emptyCrossComponentEdges(components: number): CrossComponentEdges {
  const slots = (components * (components - 1)) / 2;
  return { score: new Float64Array(slots).fill(Infinity), low: new Int32Array(slots).fill(-1), high: new Int32Array(slots).fill(-1) };
}

/** Query blocks that hold a row outside the largest component (its `largest` rows come first): pairs inside it are never needed. */
export function crossQueryBlocks(n: number, largest: number): number[] {
  const blocks: number[] = [];
  for (let block = Math.floor(largest / CROSS_QUERY_BLOCK); block * CROSS_QUERY_BLOCK < n; block += 1) blocks.push(block);
  return blocks;
}

/** Dot products computed for a query block (pairs with a lower position): the measure of progress. */
export function crossBlockWork(n: number, block: number): number {
  const start = block * CROSS_QUERY_BLOCK;
  const end = Math.min(n, start + CROSS_QUERY_BLOCK);
  return (end - start) * end;
}

/** Whether the edge (score, low, high) comes before the one in `slot`: by score, then by its ends. */
export function isLighterEdge(into: CrossComponentEdges, slot: number, score: number, low: number, high: number): boolean {
  const current = into.score[slot]!;
  if (score !== current) return score < current;
  return low < into.low[slot]! || (low === into.low[slot] && high < into.high[slot]!);
}

/** A search over some query blocks; `found` accumulates as blocks are searched. */
export interface CrossComponentSearch {
  readonly found: CrossComponentEdges;
  /** Searches one query block and returns its crossBlockWork. */
  searchBlock(block: number): number;
}

/**
 * The lightest edge between every pair of components over the pairs (p, q)
 * with p in the searched query blocks and q at a lower position; the blocks
 * searched by all searches together must cover crossQueryBlocks once, and
 * their results be merged with mergeCrossComponentEdges. Pairs in one
 * component are skipped (whole kernel calls where both blocks lie in one).
 */
export function createCrossComponentSearch(layout: ComponentLayout): CrossComponentSearch {
  const { prepared, component, coreScore, point } = layout;
  const { n, paddedDims, data, halfNorms } = prepared;
  const cosine = prepared.metric === "cosine";
  const found = emptyCrossComponentEdges(layout.components);
  const rowBytes = paddedDims * 4;
  const dataBytes = prepared.paddedRows * rowBytes;
  const kernel = createKnnKernel(dataBytes + CROSS_QUERY_BLOCK * CANDIDATE_BLOCK * 4);
  new Float32Array(kernel.memory.buffer, 0, data.length).set(data);
  const out = new Float32Array(kernel.memory.buffer, dataBytes, CROSS_QUERY_BLOCK * CANDIDATE_BLOCK);

  const searchBlock = (block: number): number => {
    const aStart = block * CROSS_QUERY_BLOCK;
    const aEnd = Math.min(n, aStart + CROSS_QUERY_BLOCK);
    const aRows = roundUp(aEnd - aStart, 4);
    const aFirst = component[aStart]!;
    const aLast = component[aEnd - 1]!;
    for (let bStart = 0; bStart < aEnd; bStart += CANDIDATE_BLOCK) {
      const bEnd = Math.min(aEnd, bStart + CANDIDATE_BLOCK);
      if (aFirst === aLast && component[bStart] === aFirst && component[bEnd - 1] === aFirst) continue;
      const bRows = roundUp(bEnd - bStart, 2);
      kernel.exports.dot_block(aStart * rowBytes, aRows, bStart * rowBytes, bRows, paddedDims, dataBytes);
      for (let p = aStart; p < aEnd; p += 1) {
        const cp = component[p]!;
        const coreP = coreScore[p]!;
        const halfP = halfNorms[p]!;
        const outRow = (p - aStart) * bRows - bStart;
        const qEnd = Math.min(bEnd, p);
        for (let q = bStart; q < qEnd; q += 1) {
          const cq = component[q]!;
          if (cq === cp) continue;
          const dot = out[outRow + q]!;
          const distance = cosine ? 1 - dot : 2 * (halfP + halfNorms[q]! - dot);
          const score = Math.max(coreP, coreScore[q]!, distance, 0);
          const slot = componentPairSlot(cp, cq);
          if (score > found.score[slot]!) continue;
          const low = Math.min(point[p]!, point[q]!);
          const high = Math.max(point[p]!, point[q]!);
          if (!isLighterEdge(found, slot, score, low, high)) continue;
          found.score[slot] = score;
          found.low[slot] = low;
          found.high[slot] = high;
        }
      }
    }
    return crossBlockWork(n, block);
  };
  return { found, searchBlock };
}

/** Folds `others` into `into`, keeping per slot the lighter edge (ties to the lower ends), so the result does not depend on how the blocks were shared. */
export function mergeCrossComponentEdges(into: CrossComponentEdges, others: readonly CrossComponentEdges[]): CrossComponentEdges {
  for (const other of others) {
    for (let slot = 0; slot < into.score.length; slot += 1) {
      if (other.low[slot]! < 0) continue;
      if (into.low[slot]! < 0 || isLighterEdge(into, slot, other.score[slot]!, other.low[slot]!, other.high[slot]!)) {
        into.score[slot] = other.score[slot]!;
        into.low[slot] = other.low[slot]!;
        into.high[slot] = other.high[slot]!;
      }
    }
  }
  return into;
}
