/**
 * Files the researcher picked or dropped, each with the relative path the
 * upload sends (the server sanitises it again). Pure, for the upload tab.
 */
export interface PickedFile {
  file: File;
  /** e.g. "study/P01/a.wav" for a file inside a dropped folder, "a.wav" for a loose file. */
  relativePath: string;
}

/** A file from an `<input type=file>`: webkitRelativePath is set when a folder was picked. */
export function pickedFromInput(files: Iterable<File>): PickedFile[] {
  return Array.from(files, (file) => ({ file, relativePath: file.webkitRelativePath || file.name }));
}

/** Adds newly picked files; a path already in the list keeps its first file. */
export function mergePicked(existing: readonly PickedFile[], added: readonly PickedFile[]): PickedFile[] {
  const seen = new Set(existing.map((entry) => entry.relativePath));
  const merged = [...existing];
  for (const entry of added) {
    if (seen.has(entry.relativePath)) continue;
    seen.add(entry.relativePath);
    merged.push(entry);
  }
  return merged;
}

/**
 * The paths to upload under. When everything comes from one folder
 * ("study/…"), that folder becomes the upload itself, so a manifest at its
 * top is found and its rows ("P01/a.wav") match without the folder's name.
 */
export function uploadPaths(files: readonly { relativePath: string }[]): string[] {
  const paths = files.map((entry) => entry.relativePath.replace(/^\/+/, ""));
  const tops = new Set(paths.map((path) => (path.includes("/") ? path.slice(0, path.indexOf("/")) : null)));
  if (tops.size !== 1 || tops.has(null)) return paths;
  const top = [...tops][0]!;
  return paths.map((path) => path.slice(top.length + 1));
}

export function totalBytes(files: readonly { file: { size: number } }[]): number {
  return files.reduce((sum, entry) => sum + entry.file.size, 0);
}
