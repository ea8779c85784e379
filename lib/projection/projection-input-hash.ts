import { createHash } from "node:crypto";

/**
 * SHA-256 of what a projection was computed from: the model's identity, the
 * level, and every point's key with its embedding bytes, in order. Two
 * projections with the same hash and parameters have the same coordinates.
 */
export function projectionInputHash(
  model: { readonly modelKey: string; readonly version: string; readonly fileHash: string },
  level: string,
  keys: readonly { readonly recordingId: string; readonly regionId: string | null }[],
  vectors: Float32Array,
  dims: number,
): string {
  const hash = createHash("sha256");
  hash.update(`resonance-projection-input/1\n${model.modelKey}\n${model.version}\n${model.fileHash}\n${level}\n${dims}\n`);
  const bytes = new Uint8Array(vectors.buffer, vectors.byteOffset, vectors.byteLength);
  keys.forEach((key, index) => {
    hash.update(`${key.recordingId}:${key.regionId ?? ""}\n`);
    hash.update(bytes.subarray(index * dims * 4, (index + 1) * dims * 4));
  });
  return hash.digest("hex");
}
