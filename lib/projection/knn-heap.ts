// Ties in score are ordered by index, so that which candidates are kept does
// not depend on the order they arrive in (and so not on the thread count).
function worse(scores: Float64Array, indices: Int32Array, a: number, b: number): boolean {
  return scores[a]! > scores[b]! || (scores[a] === scores[b] && indices[a]! > indices[b]!);
}

/** Restores the max-heap of `size` entries at `base` after its root was replaced. */
export function siftDown(scores: Float64Array, indices: Int32Array, base: number, size: number): void {
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= size) return;
    const right = left + 1;
    let largest = left;
    if (right < size && worse(scores, indices, base + right, base + left)) largest = right;
    if (!worse(scores, indices, base + largest, base + i)) return;
    const s = scores[base + i]!;
    scores[base + i] = scores[base + largest]!;
    scores[base + largest] = s;
    const x = indices[base + i]!;
    indices[base + i] = indices[base + largest]!;
    indices[base + largest] = x;
    i = largest;
  }
}
