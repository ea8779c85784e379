import type { ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";

/**
 * Writes a web Response to a Node.js response with every header it has,
 * Content-Length included (Next.js's handler removes it, and sends chunked).
 * Streams with backpressure; when the client goes away the body stream is
 * cancelled, which closes the file behind it.
 */
export async function sendWebResponse(response: Response, target: ServerResponse, method: string): Promise<void> {
  target.statusCode = response.status;
  response.headers.forEach((value, name) => target.setHeader(name, value));
  if (!response.body || method === "HEAD") {
    await response.body?.cancel();
    target.end();
    return;
  }
  try {
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), target);
  } catch (error) {
    // A client that stops reading (a seek, a closed tab) is normal for media.
    if ((error as NodeJS.ErrnoException).code === "ERR_STREAM_PREMATURE_CLOSE" || target.destroyed) return;
    throw error;
  }
}
