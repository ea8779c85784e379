import { createReadStream } from "node:fs";
import { open, readFile, rename, rm } from "node:fs/promises";
import { zipCentralHeader, zipEndRecords, zipLocalHeader, type ZipStreamEntry } from "../domain/zip64-records";

const WRITE_BUFFER_BYTES = 1 << 20;
const SMALL_FILE_BYTES = 256 * 1024;

export interface ArchiveFile extends ZipStreamEntry {
  /** Where the file is on disk. */
  readonly filePath: string;
}

/**
 * Writes a stored zip of `files` (sizes and CRCs known from when they were
 * written) to `outPath`, streaming each file from disk, through a temporary
 * name renamed into place at the end. Returns the archive's size.
 */
export async function writeZipArchive(outPath: string, files: readonly ArchiveFile[], options: { signal?: AbortSignal; onBytes?: (bytes: number) => void } = {}): Promise<number> {
  const partial = `${outPath}.partial`;
  const handle = await open(partial, "w");
  let offset = 0;
  // Headers and small files go through one buffer: an export has tens of
  // thousands of short clips, and a write call per header would dominate.
  const buffer = new Uint8Array(WRITE_BUFFER_BYTES);
  let buffered = 0;
  const flush = async () => {
    if (buffered === 0) return;
    await handle.write(buffer, 0, buffered);
    buffered = 0;
  };
  try {
    const write = async (bytes: Uint8Array) => {
      if (bytes.length > buffer.length - buffered) await flush();
      if (bytes.length >= buffer.length) await handle.write(bytes, 0, bytes.length);
      else {
        buffer.set(bytes, buffered);
        buffered += bytes.length;
      }
      offset += bytes.length;
    };
    const central: Uint8Array[] = [];
    for (const file of files) {
      options.signal?.throwIfAborted();
      central.push(zipCentralHeader(file, offset));
      await write(zipLocalHeader(file));
      let copied = 0;
      if (file.size <= SMALL_FILE_BYTES) {
        const bytes = await readFile(file.filePath);
        await write(bytes);
        copied = bytes.length;
        options.onBytes?.(bytes.length);
      } else {
        for await (const chunk of createReadStream(file.filePath, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
          await write(chunk);
          copied += chunk.length;
          options.onBytes?.(chunk.length);
        }
      }
      if (copied !== file.size) throw new Error(`${file.name} changed while it was archived (${copied} bytes, expected ${file.size})`);
    }
    const directoryOffset = offset;
    for (const header of central) await write(header);
    await write(zipEndRecords(files.length, directoryOffset, offset - directoryOffset));
    await flush();
    await handle.close();
    await rename(partial, outPath);
    return offset;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}
