import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { AudioStore } from "../corpus/audio-store";
import type { RecordingMedia } from "../corpus/corpus-types";
import type { Database } from "../db/database";
import { buildWebUiRunEntries, webUiFolderName } from "../domain/webui-export";
import { createZipParts } from "../domain/zip-writer";
import { errorResponse } from "../http/error-response";
import { parseUtteranceScores } from "./serve-analyses";
import { latestWholeAnalysisOr404 } from "./serve-curves";

/**
 * GET /api/recordings/:id/webui-download: a model's latest whole-recording
 * analysis as the emotion2vec+ WebUI would have written it, zipped:
 * outputs_YYYYMMDD_HHMMSS/ with result.json (utterance granularity),
 * embedding.npy (float32 (D,), when the model gives one) and
 * processed_audio.wav (the stored 16 kHz mono analysis audio). Scripts
 * written for WebUI output read it unchanged, and so does our WebUI import.
 */

export const webUiDownloadQuerySchema = z.object({
  model: z.string({ error: "model (a model id) is required" }).min(1, { error: "model must not be empty" }).max(200),
});

export type WebUiDownloadQuery = z.infer<typeof webUiDownloadQuerySchema>;

/** Minutes east of UTC on this server at `at` (the WebUI writes the wall-clock time of the machine it runs on). */
export function serverUtcOffsetMinutes(at: Date): number {
  // getTimezoneOffset is minutes west of UTC, and -0 would print oddly.
  return -at.getTimezoneOffset() || 0;
}

export async function serveWebUiDownload(options: {
  database: Database;
  store: AudioStore;
  media: RecordingMedia;
  query: WebUiDownloadQuery;
}): Promise<Response> {
  const { database, store, media, query } = options;
  const analysis = await latestWholeAnalysisOr404(database, media, query.model);
  if (analysis instanceof Response) return analysis;
  const scores = parseUtteranceScores(analysis.utteranceScores);
  if (!scores) {
    return errorResponse(500, `The stored scores of ${media.originalName} by ${query.model} are not nine canonical labels; analyse it again.`, "ANALYSIS_SCORES_INVALID");
  }
  const wav = media.analysisHash ? await readStoredFile(store.analysisPath(media.analysisHash)) : null;
  if (!wav) {
    return errorResponse(404, `The 16 kHz audio of ${media.originalName} is missing from the audio store; import the file again.`, "ANALYSIS_AUDIO_MISSING");
  }
  const at = analysis.createdAt;
  const utcOffsetMinutes = serverUtcOffsetMinutes(at);
  const embedding = analysis.embedding && analysis.embedding.length > 0 ? { data: analysis.embedding, shape: [analysis.embedding.length] } : undefined;
  const entries = buildWebUiRunEntries({
    scores: scores.scores,
    granularity: "utterance",
    at,
    utcOffsetMinutes,
    processedAudioWav: wav,
    ...(embedding ? { embedding } : {}),
  });
  const parts = createZipParts(entries, { utcOffsetMinutes });
  const size = parts.reduce((total, part) => total + part.length, 0);
  const fileName = `${webUiFolderName(at, utcOffsetMinutes)}.zip`;
  return new Response(streamParts(parts), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Length": String(size),
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}

async function readStoredFile(filePath: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(filePath));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** The archive's chunks one by one, so the body is never joined into a second copy of an hour of audio. */
function streamParts(parts: Uint8Array[]): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const part = parts[index++];
      if (part) controller.enqueue(part);
      else controller.close();
    },
  });
}
