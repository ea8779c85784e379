import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { walkImportFolder, type WalkEntry } from "./folder-walk";

async function collect(walk: AsyncIterable<WalkEntry>): Promise<WalkEntry[]> {
  const entries: WalkEntry[] = [];
  for await (const entry of walk) entries.push(entry);
  return entries;
}

const summary = (entry: WalkEntry) => `${entry.kind} ${entry.relativePath}`;

describe("walkImportFolder", () => {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), "folder-walk-test-")));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const root = path.join(base, "root");
  const study = path.join(root, "study");
  const outside = path.join(base, "outside");
  const files: Record<string, string> = {
    "study/b.wav": "bb",
    "study/a/x.wav": "a",
    "study/a-b/x.wav": "ab",
    "study/.DS_Store": "",
    "study/.hidden/inner.wav": "",
    "study/notes.txt": "",
    "study/outputs_20240305_143012/result.json": "{}",
    "study/outputs_20240305_143012/processed_audio.wav": "",
    "study/outputs_20240305_150000/z.wav": "",
    "shared/s.wav": "sss",
  };
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  mkdirSync(outside);
  writeFileSync(path.join(outside, "secret.wav"), "");
  symlinkSync(path.join(root, "shared"), path.join(study, "link-in"));
  symlinkSync(path.join(root, "shared"), path.join(study, "link-in2"));
  symlinkSync(study, path.join(study, "loop"));
  symlinkSync("..", path.join(study, "a", "up"));
  symlinkSync(outside, path.join(study, "escape"));
  symlinkSync(path.join(outside, "secret.wav"), path.join(study, "escape.wav"));
  symlinkSync(path.join(study, "nowhere"), path.join(study, "broken"));
  const hasFifo = (() => {
    try {
      execFileSync("mkfifo", [path.join(study, "fifo")]);
      return true;
    } catch {
      return false;
    }
  })();

  it("yields files, WebUI folders, refusals and hidden names in file-tree order", async () => {
    const entries = await collect(walkImportFolder("study", [root]));
    expect(entries.map(summary)).toEqual([
      "hidden .DS_Store",
      "hidden .hidden",
      "refused a/up",
      "file a/x.wav",
      "file a-b/x.wav",
      "file b.wav",
      "refused broken",
      "refused escape",
      "refused escape.wav",
      ...(hasFifo ? ["refused fifo"] : []),
      "file link-in/s.wav",
      "refused link-in2",
      "refused loop",
      "file notes.txt",
      "webui outputs_20240305_143012",
      "file outputs_20240305_150000/z.wav",
    ]);
    const byPath = new Map(entries.map((entry) => [entry.relativePath, entry]));
    expect(byPath.get("b.wav")).toEqual({ kind: "file", absolutePath: path.join(study, "b.wav"), relativePath: "b.wav", sizeBytes: 2 });
    expect(byPath.get("link-in/s.wav")).toMatchObject({ absolutePath: path.join(root, "shared", "s.wav"), sizeBytes: 3 });
    expect(byPath.get("outputs_20240305_143012")).toEqual({
      kind: "webui",
      folder: path.join(study, "outputs_20240305_143012"),
      relativePath: "outputs_20240305_143012",
    });
    expect(byPath.get("escape")).toMatchObject({ reason: "it is a symbolic link to a place outside the import roots" });
    expect(byPath.get("escape.wav")).toMatchObject({ reason: "it is a symbolic link to a place outside the import roots" });
    expect(byPath.get("broken")).toMatchObject({ reason: "it is a broken symbolic link" });
    expect(byPath.get("loop")).toMatchObject({ reason: expect.stringContaining("already walked as .") });
    expect(byPath.get("a/up")).toMatchObject({ reason: expect.stringContaining("already walked as .") });
    expect(byPath.get("link-in2")).toMatchObject({ reason: expect.stringContaining("already walked as link-in") });
    if (hasFifo) expect(byPath.get("fifo")).toMatchObject({ reason: "it is not a regular file or folder" });
  });

  it("gives the same order on every walk", async () => {
    const first = (await collect(walkImportFolder(study, [root]))).map(summary);
    const second = (await collect(walkImportFolder(study, [root]))).map(summary);
    expect(second).toEqual(first);
  });

  it("stops when aborted", async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const walk = async () => {
      for await (const entry of walkImportFolder(study, [root], { signal: controller.signal })) {
        seen.push(entry.relativePath);
        if (seen.length === 3) controller.abort();
      }
    };
    await expect(walk()).rejects.toMatchObject({ name: "AbortError" });
    expect(seen).toHaveLength(3);
    const aborted = AbortSignal.abort();
    await expect(collect(walkImportFolder(study, [root], { signal: aborted }))).rejects.toMatchObject({ name: "AbortError" });
  });

  it("refuses to start outside the roots, at a missing path or at a file", async () => {
    await expect(collect(walkImportFolder(outside, [root]))).rejects.toMatchObject({ code: "IMPORT_PATH_OUTSIDE_ROOTS" });
    await expect(collect(walkImportFolder("study/escape", [root]))).rejects.toMatchObject({ code: "IMPORT_PATH_OUTSIDE_ROOTS" });
    await expect(collect(walkImportFolder("nope", [root]))).rejects.toMatchObject({ code: "IMPORT_PATH_NOT_FOUND" });
    await expect(collect(walkImportFolder("study/b.wav", [root]))).rejects.toMatchObject({ code: "IMPORT_PATH_NOT_A_FOLDER" });
  });

  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot)("refuses an unreadable subfolder and keeps walking (skipped as root, which reads everything)", async () => {
    const locked = path.join(base, "locked-root");
    mkdirSync(path.join(locked, "closed"), { recursive: true });
    writeFileSync(path.join(locked, "open.wav"), "");
    chmodSync(path.join(locked, "closed"), 0o000);
    try {
      const entries = await collect(walkImportFolder(locked, [locked]));
      expect(entries.map(summary)).toEqual(["refused closed", "file open.wav"]);
      expect(entries[0]).toMatchObject({ reason: "the folder cannot be read (permission denied)" });
    } finally {
      chmodSync(path.join(locked, "closed"), 0o755);
    }
  });
});
