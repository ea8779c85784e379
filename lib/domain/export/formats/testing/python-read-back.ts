/* eslint-disable no-restricted-imports -- test-only helper: it writes temporary files and runs python3 to read them back; the writers under test stay pure. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const SCRIPT = path.join(import.meta.dirname, "read_back.py");

/** Debian's interpreter (python3-numpy comes from Debian), else whatever python3 is on PATH; null when neither runs. */
export const PYTHON: string | null = (() => {
  for (const candidate of ["/usr/bin/python3", "python3"]) {
    if (candidate.startsWith("/") && !existsSync(candidate)) continue;
    if (canImport(candidate, "json")) return candidate;
  }
  return null;
})();

export const HAS_NUMPY = PYTHON !== null && canImport(PYTHON, "numpy");

export type ReadBackKind = "jsonl" | "csv" | "tsv" | "audiofolder" | "npy" | "fairseq" | "chat";

/**
 * Writes `files` (paths relative to a fresh temporary folder) and runs
 * read_back.py KIND with `args`, where "{dir}" stands for that folder; returns
 * the JSON it prints. The folder is removed afterwards.
 */
export function readBack(kind: ReadBackKind, files: Readonly<Record<string, string | Uint8Array>>, args: readonly string[]): unknown {
  if (PYTHON === null) throw new Error("readBack: no python3 here; guard the test with it.skipIf(PYTHON === null)");
  const dir = mkdtempSync(path.join(tmpdir(), "export-formats-"));
  try {
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(dir, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    const output = execFileSync(PYTHON, [SCRIPT, kind, ...args.map((arg) => arg.replaceAll("{dir}", dir))], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    return JSON.parse(output) as unknown;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function canImport(python: string, module: string): boolean {
  try {
    execFileSync(python, ["-c", `import ${module}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
