import { manifestBaseName, normalizeManifestPath } from "./manifest-path";
import type { ManifestRow, ParsedManifest } from "./manifest-types";

export interface ManifestMatch {
  /** Found file (as passed in) → its manifest row. */
  byFile: Map<string, ManifestRow>;
  /** Rows that name no file found under the import root. */
  missingFiles: { line: number; path: string }[];
  /** Files no row names; only filled when `complete` is set. */
  unlistedFiles: string[];
  /** Rows that resolve to a file another, earlier row already claimed (e.g. `a.wav` and `sub/a.wav`). */
  conflicts: { line: number; path: string; file: string; claimedByLine: number }[];
}

/**
 * Pairs manifest rows with the files found under the import root. `files` are
 * root-relative POSIX paths; pass only the files the manifest is meant to
 * describe (the audio candidates), since every other one would count as
 * unlisted.
 *
 * A row matches the file at the same root-relative path (Windows separators,
 * a leading `./` and Unicode composition do not matter; case does). A row
 * whose path is a bare file name, without folders, also matches a file in a
 * subfolder when no other found file has that name, so a flat spreadsheet of
 * names works on a nested folder. Absolute paths from another machine match
 * nothing. `complete` says the manifest claims to list every file, so files it
 * omits are reported.
 */
export function matchManifest(
  manifest: Pick<ParsedManifest, "rows">,
  files: readonly string[],
  options: { complete: boolean },
): ManifestMatch {
  const fileByKey = new Map<string, string>();
  const filesByBaseName = new Map<string, string[]>();
  for (const file of files) {
    const key = normalizeManifestPath(file);
    fileByKey.set(key, file);
    const base = manifestBaseName(key);
    filesByBaseName.set(base, [...(filesByBaseName.get(base) ?? []), file]);
  }

  const result: ManifestMatch = { byFile: new Map(), missingFiles: [], unlistedFiles: [], conflicts: [] };
  const claim = (row: ManifestRow, file: string) => {
    const claimed = result.byFile.get(file);
    if (claimed) result.conflicts.push({ line: row.line, path: row.path, file, claimedByLine: claimed.line });
    else result.byFile.set(file, row);
  };
  // Exact paths first, so a bare name never takes a file that another row names in full.
  const byBaseName: ManifestRow[] = [];
  for (const row of manifest.rows) {
    const file = fileByKey.get(normalizeManifestPath(row.path));
    if (file !== undefined) claim(row, file);
    else byBaseName.push(row);
  }
  for (const row of byBaseName) {
    const key = normalizeManifestPath(row.path);
    const sameName = key.includes("/") ? undefined : filesByBaseName.get(key);
    if (sameName?.length === 1 && sameName[0] !== undefined) claim(row, sameName[0]);
    else result.missingFiles.push({ line: row.line, path: row.path });
  }
  if (options.complete) result.unlistedFiles = files.filter((file) => !result.byFile.has(file));
  return result;
}
