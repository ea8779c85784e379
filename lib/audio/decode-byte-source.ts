import { open, stat, type FileHandle } from "node:fs/promises";
import { AudioInputError } from "./audio-input-error";

/** Random access to a file's bytes; the header parsers take this so they can be tested on bytes in memory. */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes at `offset`; fewer only at the end of the source. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function memoryByteSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(Math.min(offset, bytes.length), Math.min(offset + length, bytes.length)),
  };
}

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a folder, not a file",
  ENOENT: "it does not exist (moved or deleted since the folder was listed?)",
  ELOOP: "it is a symbolic link that loops",
  ENOTREG: "it is not a regular file (a device, socket or pipe)",
  EIO: "the disk reported an input/output error",
};

/** Turns a file-system error into the researcher-facing AUDIO_UNREADABLE; anything else is rethrown as it is. */
export function unreadableError(error: unknown, displayName: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === "string" && code in REASONS) {
    return new AudioInputError("AUDIO_UNREADABLE", `cannot read ${displayName}: ${REASONS[code]}`, { cause: error });
  }
  return error;
}

export interface OpenedFile extends ByteSource {
  readonly handle: FileHandle;
  /** Fills `target` from `offset`, looping over short reads; returns the bytes read (less than asked only at end of file). */
  readInto(target: Uint8Array, offset: number): Promise<number>;
  close(): Promise<void>;
}

/** Opens a file for reading with file-system errors already turned into AudioInputError. */
export async function openFileSource(filePath: string, displayName: string): Promise<OpenedFile> {
  let handle: FileHandle;
  let size: number;
  try {
    // Check first: opening a named pipe for reading would block until something writes to it.
    const before = await stat(filePath);
    if (before.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    if (!before.isFile()) throw Object.assign(new Error("not a regular file"), { code: "ENOTREG" });
    handle = await open(filePath, "r");
  } catch (error) {
    throw unreadableError(error, displayName);
  }
  try {
    size = (await handle.stat()).size;
  } catch (error) {
    await handle.close();
    throw unreadableError(error, displayName);
  }
  const readInto = async (target: Uint8Array, offset: number): Promise<number> => {
    let filled = 0;
    try {
      while (filled < target.length) {
        const { bytesRead } = await handle.read(target, filled, target.length - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
    } catch (error) {
      throw unreadableError(error, displayName);
    }
    return filled;
  };
  return {
    handle,
    size,
    readInto,
    read: async (offset, length) => {
      const target = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      const n = await readInto(target, offset);
      return target.subarray(0, n);
    },
    close: () => handle.close(),
  };
}
