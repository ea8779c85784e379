import type { IncomingMessage, ServerResponse } from "node:http";
import { serveExportArchive, serverExportPullContext } from "../exports/serve-export-pull";
import { errorResponse } from "../http/error-response";
import { recordingAudioResponse } from "./serve-recording-audio";
import { sendWebResponse } from "./serve-node-response";

const AUDIO_PATH = /^\/api\/recordings\/([^/]+)\/audio\/?$/;
const ARCHIVE_PATH = /^\/api\/exports\/([^/]+)\/archive\/?$/;

/**
 * Answers GET and HEAD /api/recordings/:id/audio and the export archives
 * (/api/exports/:id/archive, token-checked as in the route) in the server process before
 * Next.js sees it, so audio responses keep their Content-Length (Next.js
 * strips it from route handler responses, which leaves downloads without a
 * size and HEAD without an answer to "how big?"). Resolves false for any other
 * request, which then goes to Next.js as usual.
 */
export async function serveMediaRequest(incoming: IncomingMessage, outgoing: ServerResponse): Promise<boolean> {
  const method = incoming.method ?? "GET";
  if (method !== "GET" && method !== "HEAD") return false;
  const url = new URL(incoming.url ?? "/", "http://localhost");
  const audio = AUDIO_PATH.exec(url.pathname);
  const archive = audio ? null : ARCHIVE_PATH.exec(url.pathname);
  if (!audio && !archive) return false;

  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  let response: Response;
  try {
    response = audio
      ? await recordingAudioResponse(safeDecode(audio[1]!), url.searchParams, { method, headers })
      : await serveExportArchive(await serverExportPullContext(), { method, headers }, safeDecode(archive![1]!));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    response = errorResponse(500, `The ${audio ? "audio" : "export archive"} could not be served: ${reason}`, "MEDIA_SERVE_FAILED");
  }
  // Headers are out by the time streaming fails: all that is left is to cut the connection.
  await sendWebResponse(response, outgoing, method).catch(() => outgoing.destroy());
  return true;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
