import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";

/**
 * The server's console output, also appended to DATA_DIR/logs/server.log, so
 * an administrator can read what happened after the terminal is gone, and the
 * test run can scan what the servers it started wrote (it must never hold
 * audio, patient identifiers or secrets).
 */
export function teeOutputToLogFile(dataDir: string): string {
  const folder = path.join(dataDir, "logs");
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, "server.log");
  const stream = createWriteStream(file, { flags: "a" });
  for (const target of [process.stdout, process.stderr]) {
    const write = target.write.bind(target) as (...args: unknown[]) => boolean;
    target.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk === "string" || chunk instanceof Uint8Array) stream.write(chunk);
      return write(chunk, ...rest);
    }) as typeof target.write;
  }
  return file;
}
