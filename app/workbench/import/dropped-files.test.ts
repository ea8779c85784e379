import { describe, expect, it } from "vitest";
import { walkEntry } from "./dropped-files";

// The File System entry API exists only in browsers; these stand-ins follow
// its contract (callbacks, readEntries in batches ending with an empty one).
function fileEntry(fullPath: string): FileSystemFileEntry {
  const name = fullPath.split("/").pop()!;
  return {
    isFile: true,
    isDirectory: false,
    name,
    fullPath,
    file: (resolve: (file: File) => void) => resolve(new File([name], name)),
  } as unknown as FileSystemFileEntry;
}

function folderEntry(fullPath: string, children: FileSystemEntry[], batchSize = 2): FileSystemDirectoryEntry {
  return {
    isFile: false,
    isDirectory: true,
    name: fullPath.split("/").pop()!,
    fullPath,
    createReader: () => {
      let offset = 0;
      return {
        readEntries: (resolve: (entries: FileSystemEntry[]) => void) => {
          const batch = children.slice(offset, offset + batchSize);
          offset += batch.length;
          setTimeout(() => resolve(batch), 0);
        },
      };
    },
  } as unknown as FileSystemDirectoryEntry;
}

describe("walkEntry", () => {
  it("lists every file of nested folders with paths relative to the drop, across readEntries batches", async () => {
    const tree = folderEntry("/study", [
      fileEntry("/study/manifest.csv"),
      folderEntry("/study/P01", [fileEntry("/study/P01/a.wav"), fileEntry("/study/P01/b.wav"), fileEntry("/study/P01/c.wav")]),
      folderEntry("/study/empty", []),
      fileEntry("/study/z.wav"),
    ]);
    const files = await walkEntry(tree);
    expect(files.map((entry) => entry.relativePath)).toEqual([
      "study/manifest.csv",
      "study/P01/a.wav",
      "study/P01/b.wav",
      "study/P01/c.wav",
      "study/z.wav",
    ]);
    expect(files[0]!.file.name).toBe("manifest.csv");
  });

  it("takes a loose file by its name", async () => {
    const files = await walkEntry(fileEntry("/a.wav"));
    expect(files.map((entry) => entry.relativePath)).toEqual(["a.wav"]);
  });
});
