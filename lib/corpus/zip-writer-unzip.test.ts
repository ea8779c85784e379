import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createZip } from "../domain/zip-writer";

/** The domain's zip writer checked by real unzip tools; lives here because it runs subprocesses. */
describe("createZip read by unzip and Python's zipfile", () => {
  const available = (command: string, args: string[]) => {
    try {
      execFileSync(command, args, { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  };
  const hasUnzip = available("unzip", ["-v"]);
  const hasPython = available("python3", ["-c", "import zipfile"]);
  const dir = mkdtempSync(path.join(tmpdir(), "zip-writer-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const modified = new Date("2026-11-21T10:30:00Z");
  const files = [
    { name: "outputs_20261121_103000/result.json", data: new TextEncoder().encode('{"emotion": "happy"}\n') },
    { name: "outputs_20261121_103000/embedding.npy", data: new Uint8Array(300_001).map((_, index) => (index * 7919) & 0xff) },
    { name: "outputs_20261121_103000/Büro 生气.txt", data: new TextEncoder().encode("ü") },
    { name: "empty.bin", data: new Uint8Array(0) },
  ];
  const zipPath = path.join(dir, "run.zip");
  writeFileSync(zipPath, createZip(files.map((file) => ({ ...file, modified }))));

  it.skipIf(!hasUnzip)("passes unzip -t and extracts identical bytes (skipped without unzip)", () => {
    const tested = execFileSync("unzip", ["-t", zipPath], { encoding: "utf8" });
    expect(tested).toContain("No errors detected");
    const target = path.join(dir, "unzipped");
    execFileSync("unzip", ["-q", "-o", zipPath, "-d", target]);
    for (const file of files) expect(readFileSync(path.join(target, file.name)).equals(file.data), file.name).toBe(true);
  });

  it.skipIf(!hasPython)("passes Python's zipfile test with the same names, bytes and time (skipped without python3)", () => {
    const script = [
      "import hashlib, json, sys, zipfile",
      "z = zipfile.ZipFile(sys.argv[1])",
      "print(json.dumps({'bad': z.testzip(), 'entries': [",
      "    {'name': i.filename, 'size': i.file_size, 'stored': i.compress_type == zipfile.ZIP_STORED,",
      "     'date': list(i.date_time), 'sha': hashlib.sha256(z.read(i)).hexdigest()} for i in z.infolist()]}))",
    ].join("\n");
    const report = JSON.parse(execFileSync("python3", ["-c", script, zipPath], { encoding: "utf8" })) as {
      bad: string | null;
      entries: { name: string; size: number; stored: boolean; date: number[]; sha: string }[];
    };
    expect(report.bad).toBeNull();
    expect(report.entries).toEqual(
      files.map((file) => ({
        name: file.name,
        size: file.data.length,
        stored: true,
        date: [2026, 11, 21, 10, 30, 0],
        sha: createHash("sha256").update(file.data).digest("hex"),
      })),
    );
  });
});
