import { ANALYSIS_AUDIO_TYPE, audioContentType } from "../http/audio-content-type";
import { errorResponse } from "../http/error-response";
import type { AudioStore } from "./audio-store";
import type { RecordingMedia } from "./corpus-types";
import { serveFileRange } from "./serve-file-range";

/** The researcher's file as imported, or the 16 kHz mono WAV that models and the editor read. */
export const AUDIO_VARIANTS = ["original", "analysis"] as const;
export type AudioVariant = (typeof AUDIO_VARIANTS)[number];

// A recording id always names the same content (files are addressed by hash),
// so browsers may keep what they fetched; `private` keeps it out of shared caches.
const CACHE_CONTROL = "private, max-age=86400";

/**
 * Streams one of a recording's stored audio files with Range support. Answers
 * 404 when the file is not in the store, naming the recording but never a
 * path on the server.
 */
export async function serveStoredAudio(options: {
  store: AudioStore;
  media: RecordingMedia;
  variant: AudioVariant;
  request: Pick<Request, "method" | "headers">;
}): Promise<Response> {
  const { store, media, variant, request } = options;
  const hash = variant === "original" ? media.contentHash : media.analysisHash;
  if (!hash) {
    return errorResponse(404, `Recording ${media.originalName} has no analysis audio yet; import it again to create it.`, "AUDIO_NOT_STORED");
  }
  const response = await serveFileRange({
    filePath: variant === "original" ? store.originalPath(hash) : store.analysisPath(hash),
    contentType: variant === "original" ? audioContentType(media.format) : ANALYSIS_AUDIO_TYPE,
    etag: `"${hash}"`,
    cacheControl: CACHE_CONTROL,
    request,
    contentDisposition: `inline; filename*=UTF-8''${encodeURIComponent(downloadName(media, variant))}`,
  });
  return (
    response ??
    errorResponse(
      404,
      `The ${variant} audio of recording ${media.originalName} is missing from the audio store; import the file again to restore it.`,
      "AUDIO_FILE_MISSING",
    )
  );
}

function downloadName(media: RecordingMedia, variant: AudioVariant): string {
  if (variant === "original") return media.originalName;
  const stem = media.originalName.replace(/\.[^./]*$/, "");
  return `${stem}.16k.wav`;
}
