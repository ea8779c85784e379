import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A running server leaves its URL in DATA_DIR/server.json, so CLIs (`npm run
 * import`) can ask it to do the work instead of opening the embedded database
 * beside it, which PGlite cannot share.
 */
const FILE = "server.json";

interface ServerAddress {
  pid: number;
  url: string;
}

export function writeServerAddress(dataDir: string, url: string): void {
  writeFileSync(path.join(dataDir, FILE), JSON.stringify({ pid: process.pid, url } satisfies ServerAddress));
}

export function removeServerAddress(dataDir: string): void {
  const current = readServerAddress(dataDir);
  if (current?.pid === process.pid) rmSync(path.join(dataDir, FILE), { force: true });
}

/** The URL of a live server using this data folder, or null. */
export function readServerAddress(dataDir: string): ServerAddress | null {
  try {
    const parsed = JSON.parse(readFileSync(path.join(dataDir, FILE), "utf8")) as Partial<ServerAddress>;
    if (typeof parsed.pid !== "number" || typeof parsed.url !== "string") return null;
    process.kill(parsed.pid, 0);
    return { pid: parsed.pid, url: parsed.url };
  } catch {
    return null;
  }
}
