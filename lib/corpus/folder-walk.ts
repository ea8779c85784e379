import type { Stats } from "node:fs";
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { ImportPathError } from "./import-path-error";
import { pathError, resolveImportPath } from "./import-path";
import { isWithinRoots, resolveImportRoots } from "./import-roots";
import { isWebUiOutputFolderName } from "./webui-folder-name";
import { WEBUI_RESULT_FILE } from "../domain/webui-export";

export type WalkEntry =
  /** A regular file. `absolutePath` is its real path (symlinks resolved, checked to be inside the roots): read that one. */
  | { kind: "file"; absolutePath: string; relativePath: string; sizeBytes: number }
  /** An emotion2vec+ WebUI output folder (name outputs_YYYYMMDD_HHMMSS with a result.json); not descended into. */
  | { kind: "webui"; folder: string; relativePath: string }
  /** Something that will not be imported, with the reason for the researcher. */
  | { kind: "refused"; relativePath: string; reason: string }
  /** A name starting with "." (.DS_Store, ._ AppleDouble files, .git); hidden folders are not descended into. */
  | { kind: "hidden"; relativePath: string };

export interface WalkOptions {
  signal?: AbortSignal;
}

/** Entries of one folder inspected at once: enough to hide file-system latency, few enough to stay polite on network shares. */
const INSPECT_BATCH = 32;

type Inspected =
  | { kind: "hidden" }
  | { kind: "refused"; reason: string }
  | { kind: "file"; real: string; size: number }
  | { kind: "folder"; real: string; webui: boolean };

/**
 * Walks an import folder below the configured roots. Entries come in a fixed
 * order: names sorted by UTF-16 code units (not locale) within each folder,
 * each folder's contents right after the folder, as a file tree lists them.
 * `relativePath` is POSIX and relative to `folder`.
 *
 * Symbolic links are followed when their target is inside the roots; each
 * real folder is walked once, so loops end and a second link to a walked
 * folder is refused. Hidden entries are yielded as "hidden" so the caller can
 * count them; nothing below a hidden folder is read. Throws ImportPathError
 * when `folder` itself may not or cannot be walked, and the signal's reason
 * when aborted.
 */
export async function* walkImportFolder(
  folder: string,
  roots: readonly string[],
  options: WalkOptions = {},
): AsyncGenerator<WalkEntry, void, undefined> {
  const { signal } = options;
  const realRoots = (await resolveImportRoots(roots)).real;
  const start = await resolveImportPath(folder, roots);
  let startStats: Stats;
  try {
    startStats = await stat(start);
  } catch (error) {
    throw pathError(error, folder);
  }
  if (!startStats.isDirectory()) {
    throw new ImportPathError("IMPORT_PATH_NOT_A_FOLDER", folder, `${folder} is a file; choose the folder that contains it`);
  }

  const visited = new Map<string, string>([[start, "."]]);

  async function* walk(realDir: string, relativeDir: string): AsyncGenerator<WalkEntry, void, undefined> {
    signal?.throwIfAborted();
    let names: string[];
    try {
      names = await readdir(realDir);
    } catch (error) {
      if (relativeDir === "") throw pathError(error, folder);
      yield { kind: "refused", relativePath: relativeDir, reason: errorReason(error, "folder") };
      return;
    }
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

    for (let batch = 0; batch < names.length; batch += INSPECT_BATCH) {
      const slice = names.slice(batch, batch + INSPECT_BATCH);
      const inspected = await Promise.all(slice.map((name) => inspect(path.join(realDir, name), name, realRoots)));
      for (const [index, entry] of inspected.entries()) {
        signal?.throwIfAborted();
        const name = slice[index] ?? "";
        const relativePath = relativeDir === "" ? name : `${relativeDir}/${name}`;
        if (entry.kind === "hidden") yield { kind: "hidden", relativePath };
        else if (entry.kind === "refused") yield { kind: "refused", relativePath, reason: entry.reason };
        else if (entry.kind === "file") yield { kind: "file", absolutePath: entry.real, relativePath, sizeBytes: entry.size };
        else if (entry.webui) yield { kind: "webui", folder: entry.real, relativePath };
        else {
          const earlier = visited.get(entry.real);
          if (earlier !== undefined) {
            yield { kind: "refused", relativePath, reason: `it leads to a folder already walked as ${earlier} (a symbolic link loop or a second link to it)` };
            continue;
          }
          visited.set(entry.real, relativePath);
          yield* walk(entry.real, relativePath);
        }
      }
    }
  }

  yield* walk(start, "");
}

async function inspect(entryPath: string, name: string, realRoots: readonly string[]): Promise<Inspected> {
  if (name.startsWith(".")) return { kind: "hidden" };
  try {
    let stats = await lstat(entryPath);
    let real = entryPath;
    if (stats.isSymbolicLink()) {
      try {
        real = await realpath(entryPath);
      } catch (error) {
        return { kind: "refused", reason: errorReason(error, "link") };
      }
      if (!isWithinRoots(real, realRoots)) return { kind: "refused", reason: "it is a symbolic link to a place outside the import roots" };
      stats = await stat(real);
    }
    if (stats.isFile()) return { kind: "file", real, size: stats.size };
    if (stats.isDirectory()) {
      const webui = isWebUiOutputFolderName(name) && (await isFile(path.join(real, WEBUI_RESULT_FILE)));
      return { kind: "folder", real, webui };
    }
    // Opening a FIFO or device would block or stream forever.
    return { kind: "refused", reason: "it is not a regular file or folder" };
  } catch (error) {
    return { kind: "refused", reason: errorReason(error, "entry") };
  }
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}

/** Why an entry cannot be used, for the researcher; rethrows errors that are not about the entry. */
function errorReason(error: unknown, what: "folder" | "link" | "entry"): string {
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  if (code === "EACCES" || code === "EPERM") return what === "folder" ? "the folder cannot be read (permission denied)" : "it cannot be read (permission denied)";
  if (code === "ELOOP") return "it is a symbolic link that loops back on itself";
  if (code === "ENOENT" || code === "ENOTDIR") return what === "link" ? "it is a broken symbolic link" : "it disappeared while the folder was being read";
  throw error;
}
