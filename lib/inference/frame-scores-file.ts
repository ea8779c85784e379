import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import type { AudioStore } from "../corpus/audio-store";

/**
 * A model's frame scores (float32 little-endian, frames × 9) as a
 * content-addressed file in the store. The database row keeps only the hash:
 * writing megabytes through the embedded database would stall the server.
 */
export async function writeFrameScores(store: AudioStore, scores: Float32Array): Promise<string> {
  const bytes = new Uint8Array(scores.buffer, scores.byteOffset, scores.byteLength);
  const hash = createHash("sha256").update(bytes).digest("hex");
  const target = store.frameScoresPath(hash);
  if (await store.exists(target)) return hash;
  const temporary = store.temporaryPath(".f32");
  await writeFile(temporary, bytes);
  await store.commit(temporary, target);
  return hash;
}

export async function readFrameScores(store: AudioStore, hash: string): Promise<Float32Array> {
  return readFrameScoresFile(store.frameScoresPath(hash));
}

export async function readFrameScoresFile(filePath: string): Promise<Float32Array> {
  const bytes = await readFile(filePath);
  const copy = new Uint8Array(bytes.length - (bytes.length % 4));
  copy.set(bytes.subarray(0, copy.length));
  return new Float32Array(copy.buffer);
}
