import { ensureModelEntry } from "../db/corpus.repository";
import type { Database } from "../db/database";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import type { NewImportedAnalysis } from "./corpus-types";
import type { WebUiFolder } from "./webui-folder";

/**
 * Results imported from emotion2vec+ WebUI folders are attributed to one model
 * entry of their own: we did not run the model, so they must never be
 * confused with (or cached as) results of a model we ran.
 */
export const WEBUI_IMPORT_MODEL = {
  modelKey: "emotion2vec-plus-webui-import",
  version: "1",
  name: "Imported emotion2vec+ WebUI result",
  // No ONNX file: a fixed marker keeps the (key, version, file hash) identity stable.
  fileHash: "imported-webui-result",
  labelNames: [...CANONICAL_LABELS],
  manifest: { source: "emotion2vec+ WebUI output folders (result.json, embedding.npy)", imported: true },
};

export function ensureWebUiModel(database: Database): Promise<string> {
  return ensureModelEntry(database.prisma, WEBUI_IMPORT_MODEL);
}

/** The WebUI's result as an analysis of the recording's (16 kHz) audio. */
export function webUiAnalysis(folder: WebUiFolder, modelId: string): NewImportedAnalysis {
  const { result, embedding } = folder;
  return {
    modelId,
    labelNames: [...CANONICAL_LABELS],
    utteranceScores: CANONICAL_LABELS.map((label) => result.scores[label]),
    topLabel: result.emotion,
    confidence: result.confidence,
    ...(embedding ? { embedding: toEmbedding(embedding) } : {}),
    details: {
      source: "emotion2vec+ WebUI",
      granularity: result.granularity,
      timestamp: result.timestamp,
      folder: folder.folderName,
      ...(embedding ? { embeddingShape: embedding.shape } : {}),
    },
  };
}

/** (D,) is the utterance embedding; (F, D) are frame embeddings, whose mean is the utterance embedding. */
function toEmbedding(embedding: { shape: number[]; data: Float32Array }): NonNullable<NewImportedAnalysis["embedding"]> {
  if (embedding.shape.length === 1) return { dim: embedding.shape[0]!, utterance: embedding.data };
  const [frames, dim] = embedding.shape as [number, number];
  const mean = new Float32Array(dim);
  for (let frame = 0; frame < frames; frame++) {
    for (let index = 0; index < dim; index++) mean[index]! += embedding.data[frame * dim + index]! / frames;
  }
  return { dim, utterance: mean, frames: embedding.data };
}
