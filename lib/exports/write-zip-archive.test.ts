import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { crc32 } from "../domain/crc32";
import { writeZipArchive } from "./write-zip-archive";

const folder = mkdtempSync(path.join(tmpdir(), "resonance-zip-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, content: Uint8Array) {
  const filePath = path.join(folder, name.replaceAll("/", "_"));
  writeFileSync(filePath, content);
  return { name, filePath, size: content.length, crc32: crc32(content) };
}

describe("writeZipArchive", () => {
  const files = [
    file("README.md", new TextEncoder().encode("# Export\n")),
    file("audio/train/a.wav", Uint8Array.from({ length: 70_000 }, (_, index) => (index * 7) % 256)),
    file("manifest.jsonl", new TextEncoder().encode('{"id":"a"}\n')),
  ];

  it.skipIf(!existsSync("/usr/bin/python3"))("writes an archive Python's zipfile reads back, entry for entry, with matching CRCs", async () => {
    const out = path.join(folder, "export.zip");
    const size = await writeZipArchive(out, files);
    expect(readFileSync(out).length).toBe(size);
    const listing = execFileSync("/usr/bin/python3", [
      "-c",
      "import sys, zipfile, json\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps([[i.filename, i.file_size, i.CRC, i.date_time[0]] for i in z.infolist()]))",
      out,
    ]).toString();
    expect(JSON.parse(listing)).toEqual(files.map((entry) => [entry.name, entry.size, entry.crc32, 1980]));
  });

  it.skipIf(!existsSync("/usr/bin/python3"))("switches to Zip64 past 65,535 entries, and Python still reads every entry", async () => {
    const one = file("one.txt", Uint8Array.of(42));
    const many = Array.from({ length: 70_000 }, (_, index) => ({ ...one, name: `clips/${String(index).padStart(5, "0")}.txt` }));
    const out = path.join(folder, "many.zip");
    await writeZipArchive(out, many);
    const summary = execFileSync("/usr/bin/python3", [
      "-c",
      "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nn = z.namelist()\nprint(len(n), n[-1], z.read(n[-1])[0])",
      out,
    ]).toString();
    expect(summary.trim()).toBe("70000 clips/69999.txt 42");
  }, 60_000);

  it("gives the same bytes for the same files", async () => {
    const first = path.join(folder, "one.zip");
    const second = path.join(folder, "two.zip");
    await writeZipArchive(first, files);
    await writeZipArchive(second, files);
    expect(readFileSync(first).equals(readFileSync(second))).toBe(true);
  });

  it("refuses a file that changed size since it was hashed, leaving no archive behind", async () => {
    const out = path.join(folder, "bad.zip");
    await expect(writeZipArchive(out, [{ ...files[0]!, size: files[0]!.size + 1 }])).rejects.toThrow(/changed while it was archived/);
    expect(existsSync(out) || existsSync(`${out}.partial`)).toBe(false);
  });
});
