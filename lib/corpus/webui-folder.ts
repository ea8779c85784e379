import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { ImportPathError } from "./import-path-error";
import { isWithinRoots, resolveImportRoots } from "./import-roots";
import { formatNpyShape, parseNpy } from "./npy-parse";
import { parseWebUiFolderTimestamp } from "./webui-folder-name";
import { WebUiFolderError } from "./webui-folder-error";
import { parseWebUiResult, type WebUiResult } from "./webui-result";

import { WEBUI_AUDIO_FILE, WEBUI_EMBEDDING_FILE, WEBUI_RESULT_FILE } from "../domain/webui-export";

export interface WebUiFolder {
  folderName: string;
  /** processed_audio.wav, 16 kHz as the WebUI wrote it. */
  audioPath: string;
  result: WebUiResult;
  /** (D,) for utterance granularity, (F, D) for frame granularity; absent when the run saved no embedding. */
  embedding?: { shape: number[]; data: Float32Array };
  /** From the folder name, local time of the researcher's machine without zone; null when the folder was renamed. */
  startedAt: string | null;
}

/**
 * Reads one emotion2vec+ WebUI output folder. Throws WebUiFolderError when
 * the audio or result.json is absent or the embedding's shape contradicts the
 * granularity, WebUiResultError / NpyFormatError when a file is malformed.
 * Messages name files as `outputs_…/result.json`, never by full path, so they
 * stay meaningful on another machine.
 *
 * Pass `roots` (IMPORT_ROOTS) when the folder came from a researcher's
 * request: walkImportFolder does not look inside WebUI folders, so a symbolic
 * link planted there is only caught here (ImportPathError,
 * IMPORT_PATH_OUTSIDE_ROOTS). `audioPath` is then the real path.
 */
export async function describeWebUiFolder(dirPath: string, options: { roots?: readonly string[] } = {}): Promise<WebUiFolder> {
  const folderName = path.basename(path.resolve(dirPath));
  const display = (file: string) => `${folderName}/${file}`;
  const realRoots = options.roots ? (await resolveImportRoots(options.roots)).real : null;
  const confined = async (file: string): Promise<string> => {
    const filePath = path.join(dirPath, file);
    if (realRoots === null) return filePath;
    const real = await realpath(filePath);
    if (!isWithinRoots(real, realRoots)) {
      throw new ImportPathError("IMPORT_PATH_OUTSIDE_ROOTS", display(file), `${display(file)} is a symbolic link to a place outside the import roots`);
    }
    return real;
  };

  if (!(await isFile(path.join(dirPath, WEBUI_AUDIO_FILE)))) {
    throw new WebUiFolderError("WEBUI_AUDIO_MISSING", folderName, `${folderName} has no ${WEBUI_AUDIO_FILE}; it is not a complete WebUI output folder`);
  }
  const audioPath = await confined(WEBUI_AUDIO_FILE);
  if (!(await isFile(path.join(dirPath, WEBUI_RESULT_FILE)))) {
    throw new WebUiFolderError("WEBUI_RESULT_MISSING", folderName, `${folderName} has no ${WEBUI_RESULT_FILE}; it is not a complete WebUI output folder`);
  }
  const result = parseWebUiResult(await readFile(await confined(WEBUI_RESULT_FILE), "utf8"), display(WEBUI_RESULT_FILE));

  const folder: WebUiFolder = { folderName, audioPath, result, startedAt: parseWebUiFolderTimestamp(folderName) };
  if (await isFile(path.join(dirPath, WEBUI_EMBEDDING_FILE))) {
    const name = display(WEBUI_EMBEDDING_FILE);
    const { shape, data } = parseNpy(new Uint8Array(await readFile(await confined(WEBUI_EMBEDDING_FILE))), name);
    const expected = result.granularity === "utterance" ? "(D,)" : "(F, D)";
    const rank = result.granularity === "utterance" ? 1 : 2;
    if (shape.length !== rank || shape.some((size) => size === 0)) {
      throw new WebUiFolderError(
        "WEBUI_EMBEDDING_SHAPE",
        name,
        `${name} has shape ${formatNpyShape(shape)} but ${WEBUI_RESULT_FILE} says granularity ${result.granularity}, which needs shape ${expected} with no empty dimension`,
      );
    }
    folder.embedding = { shape, data };
  }
  return folder;
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch (error) {
    if (isNodeError(error) && (error.code === "ENOENT" || error.code === "ENOTDIR")) return false;
    throw error;
  }
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && "code" in error;
}
