import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { walkImportFolder } from "./folder-walk";
import { classifyImportFile } from "./import-path-kind";
import { resolveImportPath } from "./import-path";
import type { ImportReportEntry } from "./import-report";
import { matchManifest } from "./manifest-match";
import { parseManifest } from "./manifest-parse";
import type { ManifestRow, ParsedManifest } from "./manifest-types";

/**
 * Turns an import request into an ordered list of tasks: audio files and WebUI
 * output folders, each with its manifest row, plus the problems found before
 * any audio is read (refused paths, manifest rows naming missing files).
 */

export type ImportTask =
  | {
      kind: "audio";
      absolutePath: string;
      relativePath: string;
      sizeBytes: number;
      row?: ManifestRow;
      /** No audio extension: imported only if the content turns out to be audio, otherwise skipped quietly. */
      sniffOnly: boolean;
    }
  | { kind: "webui"; folder: string; relativePath: string; sizeBytes: number; row?: ManifestRow };

export interface ImportPlan {
  /** The folder relative paths are relative to. */
  root: string;
  /** The roots the import is confined to. */
  roots: readonly string[];
  tasks: ImportTask[];
  problems: ImportReportEntry[];
  manifest?: ParsedManifest;
  ignoredFiles: number;
}

/** Manifest file names used without being asked for, when one sits at the top of the imported folder. */
export const AUTO_MANIFEST_NAMES = ["manifest.csv", "manifest.tsv", "manifest.jsonl", "metadata.csv", "metadata.jsonl"];

export interface PlanImportOptions {
  /** A folder or a file; resolved against and confined to `roots`. */
  sourcePath: string;
  roots: readonly string[];
  manifestPath?: string;
  manifestComplete: boolean;
  signal?: AbortSignal;
}

export async function planImport(options: PlanImportOptions): Promise<ImportPlan> {
  const resolved = await resolveImportPath(options.sourcePath, options.roots);
  const problems: ImportReportEntry[] = [];
  const audio: { absolutePath: string; relativePath: string; sizeBytes: number; sniffOnly: boolean }[] = [];
  const webui: { folder: string; relativePath: string }[] = [];
  const manifestCandidates: string[] = [];
  let ignoredFiles = 0;

  const info = await stat(resolved);
  const root = info.isDirectory() ? resolved : path.dirname(resolved);
  if (info.isDirectory()) {
    for await (const entry of walkImportFolder(resolved, options.roots, { signal: options.signal })) {
      if (entry.kind === "refused") {
        problems.push({ path: entry.relativePath, outcome: "problem", code: "IMPORT_PATH_REFUSED", reason: entry.reason });
      } else if (entry.kind === "hidden") {
        // Dotfiles (.DS_Store, editor swap files) are never research data.
        ignoredFiles++;
      } else if (entry.kind === "webui") {
        webui.push({ folder: entry.folder, relativePath: entry.relativePath });
      } else {
        const role = classifyImportFile(entry.relativePath);
        if (role === "audio-candidate" || role === "unknown") {
          audio.push({ absolutePath: entry.absolutePath, relativePath: entry.relativePath, sizeBytes: entry.sizeBytes, sniffOnly: role === "unknown" });
        }
        else if (role === "manifest" && !entry.relativePath.includes("/")) manifestCandidates.push(entry.absolutePath);
        else ignoredFiles++;
      }
    }
  } else {
    audio.push({ absolutePath: resolved, relativePath: path.basename(resolved), sizeBytes: info.size, sniffOnly: false });
  }

  const manifestFile = options.manifestPath
    ? await resolveImportPath(options.manifestPath, options.roots)
    : manifestCandidates.find((candidate) => AUTO_MANIFEST_NAMES.includes(path.basename(candidate).toLowerCase()));
  let manifest: ParsedManifest | undefined;
  let rowsByFile = new Map<string, ManifestRow>();
  if (manifestFile) {
    const fileName = path.basename(manifestFile);
    manifest = parseManifest(await readFile(manifestFile), { fileName });
    for (const problem of manifest.problems) {
      problems.push({
        path: problem.line === null ? fileName : `${fileName}:${problem.line}`,
        outcome: "problem",
        code: "MANIFEST_ROW_INVALID",
        reason: problem.message,
      });
    }
    // A WebUI run is named in a manifest by its folder (outputs_YYYYMMDD_HHMMSS).
    const described = [...audio.map((file) => file.relativePath), ...webui.map((folder) => folder.relativePath)];
    const match = matchManifest(manifest, described, { complete: options.manifestComplete });
    rowsByFile = match.byFile;
    for (const missing of match.missingFiles) {
      problems.push({
        path: missing.path,
        outcome: "problem",
        code: "MANIFEST_FILE_MISSING",
        reason: `${fileName} line ${missing.line} names ${missing.path}, which is not in the imported folder.`,
      });
    }
    for (const conflict of match.conflicts) {
      problems.push({
        path: conflict.path,
        outcome: "problem",
        code: "MANIFEST_ROW_CONFLICT",
        reason: `${fileName} line ${conflict.line} names ${conflict.file}, which line ${conflict.claimedByLine} already describes.`,
      });
    }
    for (const unlisted of match.unlistedFiles) {
      problems.push({
        path: unlisted,
        outcome: "problem",
        code: "MANIFEST_FILE_UNLISTED",
        reason: `${fileName} is declared complete but has no row for this file; it was imported without metadata.`,
      });
    }
  }

  const tasks: ImportTask[] = [];
  for (const file of audio) tasks.push({ ...file, kind: "audio", row: rowsByFile.get(file.relativePath) });
  for (const folder of webui) {
    const audioPath = path.join(folder.folder, "processed_audio.wav");
    const sizeBytes = await stat(audioPath).then((s) => s.size, () => 0);
    tasks.push({ ...folder, kind: "webui", sizeBytes, row: rowsByFile.get(folder.relativePath) });
  }
  tasks.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  return { root, roots: options.roots, tasks, problems, manifest, ignoredFiles };
}
