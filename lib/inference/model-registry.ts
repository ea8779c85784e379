import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseNpy } from "../corpus/npy-parse";
import { AppError } from "../domain/app-error";
import { type CanonicalLabel, resolveLabelMapping } from "../domain/emotion-labels";
import { describeManifestProblems, type ModelManifest, modelManifestSchema } from "./model-manifest";

/**
 * The models the workbench can run: every `models/<folder>/manifest.json`,
 * checked without loading the graph (that happens in the inference worker).
 * A broken folder is listed with its reason instead of stopping anything.
 */

export interface ClassificationHead {
  classes: number;
  dim: number;
  /** classes × dim, row-major. */
  weights: Float32Array;
  bias: Float32Array;
}

export interface RegisteredModel {
  folder: string;
  folderName: string;
  manifest: ModelManifest;
  modelPath: string;
  /** SHA-256 of the ONNX file: with id and version, the identity results are cached under. */
  fileHash: string;
  head: ClassificationHead | null;
  /** For each model label, its canonical emotion2vec+ label (or null). */
  toCanonical: (CanonicalLabel | null)[];
}

export interface InvalidModel {
  folder: string;
  folderName: string;
  reason: string;
}

/** Thrown when a model folder cannot be used; the message names the folder and the problem. */
export class ModelFolderError extends AppError {
  override readonly name = "ModelFolderError";
  readonly code = "MODEL_INVALID";
}

export async function scanModels(modelsDir: string): Promise<{ models: RegisteredModel[]; invalid: InvalidModel[] }> {
  const models: RegisteredModel[] = [];
  const invalid: InvalidModel[] = [];
  const entries = await readdir(modelsDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const folder = path.join(modelsDir, entry.name);
    if (!(await isFile(path.join(folder, "manifest.json")))) continue;
    try {
      models.push(await loadModelFolder(folder));
    } catch (error) {
      invalid.push({ folder, folderName: entry.name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  const seen = new Map<string, string>();
  for (const model of [...models]) {
    const key = `${model.manifest.id}@${model.manifest.version}`;
    const first = seen.get(key);
    if (first) {
      models.splice(models.indexOf(model), 1);
      invalid.push({ folder: model.folder, folderName: model.folderName, reason: `${model.folderName}: model ${key} is also in ${first}; give one of them another id or version` });
    } else {
      seen.set(key, model.folderName);
    }
  }
  return { models, invalid };
}

/** Reads and checks one model folder. Throws ModelFolderError. */
export async function loadModelFolder(folder: string): Promise<RegisteredModel> {
  const folderName = path.basename(folder);
  const fail = (problem: string): never => {
    throw new ModelFolderError(`${folderName}: ${problem}`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path.join(folder, "manifest.json"), "utf8"));
  } catch (error) {
    fail(`manifest.json is not readable JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = modelManifestSchema.safeParse(raw);
  if (!parsed.success) fail(`manifest.json is invalid: ${describeManifestProblems(parsed.error!).join("; ")}`);
  const manifest = parsed.data!;

  const mapping = resolveLabelMapping(manifest.labels, manifest.labelMapping);
  if (!mapping.ok) fail(`labels: ${mapping.problems.join("; ")}`);

  const modelPath = path.join(folder, manifest.file);
  if (!(await isFile(modelPath))) fail(`${manifest.file} is missing`);

  let head: ClassificationHead | null = null;
  if (manifest.head) {
    const weights = await readNpy(folder, manifest.head.weights, fail);
    const bias = await readNpy(folder, manifest.head.bias, fail);
    if (weights.shape.length !== 2) fail(`${manifest.head.weights} must be a (classes, dim) matrix, not shape (${weights.shape.join(", ")})`);
    const [classes, dim] = weights.shape as [number, number];
    if (bias.shape.length !== 1 || bias.shape[0] !== classes) fail(`${manifest.head.bias} must have ${classes} values to match ${manifest.head.weights}`);
    if (classes !== manifest.labels.length) {
      fail(`the head has ${classes} classes but the manifest lists ${manifest.labels.length} labels`);
    }
    head = { classes, dim, weights: weights.data, bias: bias.data };
  } else if (!manifest.outputs.frameLogits) {
    fail("the graph has no frame logits and the manifest names no head to turn frame embeddings into scores");
  }
  return { folder, folderName, manifest, modelPath, fileHash: await hashModelFile(modelPath), head, toCanonical: mapping.ok ? mapping.toCanonical : [] };
}

/** How a model is named in messages and logs: id, version and the start of its file hash. */
export function modelLabel(model: Pick<RegisteredModel, "manifest" | "fileHash">): string {
  return `${model.manifest.id} ${model.manifest.version} (${model.fileHash.slice(0, 12)})`;
}

async function readNpy(folder: string, file: string, fail: (problem: string) => never) {
  try {
    return parseNpy(await readFile(path.join(folder, file)), file);
  } catch (error) {
    return fail(error instanceof Error ? error.message : `${file} is unreadable`);
  }
}

const hashCache = new Map<string, string>();

/** SHA-256 of a model file, remembered while its size and modification time stay the same. */
async function hashModelFile(filePath: string): Promise<string> {
  const info = await stat(filePath);
  const key = `${filePath}:${info.size}:${info.mtimeMs}`;
  const cached = hashCache.get(key);
  if (cached) return cached;
  const hash = createHash("sha256");
  for await (const block of createReadStream(filePath, { highWaterMark: 4 * 1024 * 1024 })) hash.update(block as Buffer);
  const digest = hash.digest("hex");
  hashCache.set(key, digest);
  return digest;
}

async function isFile(filePath: string): Promise<boolean> {
  return stat(filePath).then(
    (info) => info.isFile(),
    () => false,
  );
}
