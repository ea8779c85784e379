import type { FileHandle } from "node:fs/promises";
import { open } from "node:fs/promises";
import {
  contentRangeHeader,
  etagMatches,
  parseByteRange,
  rangeStillValid,
  unsatisfiedRangeHeader,
} from "../http/byte-range";

/**
 * Serves a file from disk as a web Response with HTTP Range support, reading
 * it in chunks as the client consumes them: a 700 MB original never sits in
 * memory. Used for content-addressed files, so the ETag is their hash.
 */
export interface ServeFileOptions {
  filePath: string;
  contentType: string;
  /** Quoted entity tag, e.g. `"<sha256>"`. */
  etag: string;
  cacheControl: string;
  /** The request's method and headers (Range, If-Range, If-None-Match). */
  request: Pick<Request, "method" | "headers">;
  contentDisposition?: string;
}

/** Read size per pull; large enough for few system calls, small enough to stop quickly when a seek cancels. */
const CHUNK_BYTES = 256 * 1024;

/** Resolves null when there is no regular file at `filePath`, so the caller can say what is missing. */
export async function serveFileRange(options: ServeFileOptions): Promise<Response | null> {
  const handle = await openIfPresent(options.filePath);
  if (!handle) return null;
  let handedOver = false;
  try {
    const info = await handle.stat();
    if (!info.isFile()) return null;
    const size = info.size;
    const headers = new Headers({
      "Accept-Ranges": "bytes",
      "Cache-Control": options.cacheControl,
      ETag: options.etag,
      "Content-Type": options.contentType,
    });
    if (options.contentDisposition) headers.set("Content-Disposition", options.contentDisposition);

    const request = options.request;
    if (etagMatches(request.headers.get("if-none-match"), options.etag)) return new Response(null, { status: 304, headers });

    const range = rangeStillValid(request.headers.get("if-range"), options.etag)
      ? parseByteRange(request.headers.get("range"), size)
      : { kind: "whole" as const };
    if (range.kind === "unsatisfiable") {
      headers.set("Content-Range", unsatisfiedRangeHeader(size));
      headers.set("Content-Type", "text/plain; charset=utf-8");
      return new Response(`The requested range is outside the ${size} bytes of this file.`, { status: 416, headers });
    }
    const start = range.kind === "partial" ? range.start : 0;
    const end = range.kind === "partial" ? range.end : size - 1;
    headers.set("Content-Length", String(end - start + 1));
    if (range.kind === "partial") headers.set("Content-Range", contentRangeHeader(start, end, size));
    const status = range.kind === "partial" ? 206 : 200;

    if (request.method === "HEAD" || size === 0) return new Response(null, { status, headers });
    handedOver = true;
    return new Response(fileRangeStream(handle, start, end), { status, headers });
  } finally {
    if (!handedOver) await handle.close();
  }
}

async function openIfPresent(filePath: string): Promise<FileHandle | null> {
  try {
    return await open(filePath, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR") return null;
    throw error;
  }
}

/** Bytes start..end (inclusive) of an open file; the stream owns the handle and closes it when done or cancelled. */
export function fileRangeStream(handle: FileHandle, start: number, end: number): ReadableStream<Uint8Array<ArrayBuffer>> {
  let position = start;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      async pull(controller) {
        try {
          const wanted = Math.min(CHUNK_BYTES, end + 1 - position);
          const chunk = new Uint8Array(wanted);
          const { bytesRead } = await handle.read(chunk, 0, wanted, position);
          if (bytesRead === 0) {
            // The file shrank under us; a content-addressed file never should.
            await close();
            controller.error(new Error(`file ended at byte ${position}, before byte ${end} that was promised`));
            return;
          }
          position += bytesRead;
          controller.enqueue(bytesRead === wanted ? chunk : chunk.slice(0, bytesRead));
          if (position > end) {
            await close();
            controller.close();
          }
        } catch (error) {
          await close().catch(() => undefined);
          controller.error(error);
        }
      },
      cancel: close,
    },
    { highWaterMark: 1 },
  );
}
