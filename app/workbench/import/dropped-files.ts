import type { PickedFile } from "./picked-files";

/**
 * The files of a drop, walking dropped folders. Must be called from the drop
 * handler itself: the browser empties the DataTransfer once the event is
 * over, so the entries are taken before the first await.
 */
export function collectDroppedFiles(dataTransfer: DataTransfer): Promise<PickedFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(dataTransfer.items)) {
    if (item.kind !== "file") continue;
    const entry = item.webkitGetAsEntry();
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  return (async () => {
    const collected: PickedFile[] = loose.map((file) => ({ file, relativePath: file.name }));
    for (const entry of entries) collected.push(...(await walkEntry(entry)));
    return collected;
  })();
}

export async function walkEntry(entry: FileSystemEntry): Promise<PickedFile[]> {
  if (isFile(entry)) {
    const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
    return [{ file, relativePath: entry.fullPath.replace(/^\/+/, "") || file.name }];
  }
  if (!isDirectory(entry)) return [];
  const files: PickedFile[] = [];
  for (const child of await readAllEntries(entry.createReader())) files.push(...(await walkEntry(child)));
  return files;
}

/** readEntries answers in batches (100 in Chromium) until it answers an empty one. */
async function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}
