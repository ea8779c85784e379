import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";

const READ_BLOCK_BYTES = 4 * 1024 * 1024;

/** SHA-256 (hex) of a file's bytes, read in large blocks. */
export async function hashFile(filePath: string, signal?: AbortSignal): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  for await (const block of createReadStream(filePath, { highWaterMark: READ_BLOCK_BYTES, signal })) {
    const bytes = block as Buffer;
    hash.update(bytes);
    sizeBytes += bytes.length;
  }
  return { sha256: hash.digest("hex"), sizeBytes };
}

/**
 * Copies a file while hashing what was copied, so the stored copy's address is
 * the hash of exactly the bytes stored, even if the source changes meanwhile.
 */
export async function copyAndHashFile(
  source: string,
  destination: string,
  signal?: AbortSignal,
): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  const tap = new Transform({
    transform(block: Buffer, _encoding, callback) {
      hash.update(block);
      sizeBytes += block.length;
      callback(null, block);
    },
  });
  await pipeline(createReadStream(source, { highWaterMark: READ_BLOCK_BYTES }), tap, createWriteStream(destination), { signal });
  return { sha256: hash.digest("hex"), sizeBytes };
}
