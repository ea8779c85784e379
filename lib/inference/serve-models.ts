import path from "node:path";
import { readServerEnvironment } from "../config/env";
import { type InvalidModel, type RegisteredModel, scanModels } from "./model-registry";

/**
 * GET /api/models: the models the workbench can run and the folders it
 * cannot, with their reasons, for the model picker. Folder paths stay on the
 * server; a folder is named by its name only.
 */

export interface ModelView {
  id: string;
  name: string;
  version: string;
  /** SHA-256 of the ONNX file. */
  fileHash: string;
  /** The model's own labels, in output order. */
  labels: string[];
  license: string;
  source: string;
  /** Frames per second of its frame scores. */
  frameRate: number;
  maxWindowSeconds: number;
  /** Scores come from a classification head applied outside the graph. */
  hasHead: boolean;
  /**
   * Frame scores are the utterance head applied to each frame's embedding
   * (a head and no frame-logits output): they are not calibrated
   * probabilities, and the workbench says so wherever it draws them.
   */
  frameScoresFromUtteranceHead: boolean;
}

export interface InvalidModelView {
  folderName: string;
  reason: string;
}

export interface ModelsListing {
  models: ModelView[];
  invalid: InvalidModelView[];
}

/** MODELS_DIR resolved the way the job runtime resolves it (against the project folder the server runs from). */
export function serverModelsDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), readServerEnvironment().MODELS_DIR);
}

export async function listModels(modelsDir: string): Promise<ModelsListing> {
  const { models, invalid } = await scanModels(modelsDir);
  return { models: models.map(toModelView), invalid: invalid.map(toInvalidView) };
}

export function toModelView(model: RegisteredModel): ModelView {
  const { manifest } = model;
  return {
    id: manifest.id,
    name: manifest.name,
    version: manifest.version,
    fileHash: model.fileHash,
    labels: [...manifest.labels],
    license: manifest.license,
    source: manifest.source,
    frameRate: manifest.frames.rate,
    maxWindowSeconds: manifest.maxWindowSeconds,
    hasHead: model.head !== null,
    frameScoresFromUtteranceHead: model.head !== null && !manifest.outputs.frameLogits,
  };
}

function toInvalidView(model: InvalidModel): InvalidModelView {
  // Reasons start with the folder name, never its absolute path (see loadModelFolder), so they can be shown as they are.
  return { folderName: model.folderName, reason: model.reason };
}

export async function serveModels(modelsDir: string): Promise<Response> {
  return Response.json(await listModels(modelsDir), { headers: { "Cache-Control": "no-store" } });
}
