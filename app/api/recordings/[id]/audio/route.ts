import { recordingAudioResponse } from "@/lib/corpus/serve-recording-audio";

export const dynamic = "force-dynamic";

/**
 * A recording's original file or its 16 kHz analysis WAV, with HTTP Range
 * support (HEAD too, via GET). Next.js drops Content-Length from route
 * handler responses; the server answers this path itself when
 * serveMediaRequest is wired into it, and this handler is the fallback.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return recordingAudioResponse(id, new URL(request.url).searchParams, request);
}
