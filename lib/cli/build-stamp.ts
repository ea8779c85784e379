import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * A fingerprint of everything `next build` reads, so `npm start` rebuilds only
 * when the sources changed since the last build (a fresh clone has no build).
 */
const BUILD_INPUTS = ["app", "lib", "next.config.ts", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const SKIPPED = new Set(["generated", "node_modules", ".next"]);

export function sourceFingerprint(projectRoot: string): string {
  const hash = createHash("sha256");
  for (const input of BUILD_INPUTS) addPath(hash, projectRoot, input);
  return hash.digest("hex");
}

function addPath(hash: ReturnType<typeof createHash>, root: string, relative: string): void {
  const absolute = path.join(root, relative);
  if (!existsSync(absolute)) return;
  if (statSync(absolute).isDirectory()) {
    for (const entry of readdirSync(absolute).sort()) {
      if (SKIPPED.has(entry) || entry.endsWith(".test.ts") || entry.endsWith(".test.tsx")) continue;
      addPath(hash, root, path.join(relative, entry));
    }
    return;
  }
  hash.update(relative);
  hash.update("\0");
  hash.update(readFileSync(absolute));
  hash.update("\0");
}

const STAMP_FILE = path.join(".next", "resonance-build-stamp");

export function buildIsCurrent(projectRoot: string): boolean {
  const stampPath = path.join(projectRoot, STAMP_FILE);
  if (!existsSync(path.join(projectRoot, ".next", "BUILD_ID")) || !existsSync(stampPath)) return false;
  return readFileSync(stampPath, "utf8").trim() === sourceFingerprint(projectRoot);
}

export function stampPath(projectRoot: string): string {
  return path.join(projectRoot, STAMP_FILE);
}
