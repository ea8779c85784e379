import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildIsCurrent, sourceFingerprint, stampPath } from "./build-stamp";
import { runTool } from "./run-command";

/** Regenerates the Prisma client when the schema changed since the last generation. */
export async function ensurePrismaClient(projectRoot: string): Promise<void> {
  const schema = readFileSync(path.join(projectRoot, "prisma", "schema.prisma"));
  const schemaHash = createHash("sha256").update(schema).digest("hex");
  const hashFile = path.join(projectRoot, "lib", "db", "generated", ".schema-hash");
  if (existsSync(hashFile) && readFileSync(hashFile, "utf8") === schemaHash) return;
  await runTool(projectRoot, "prisma", ["generate"]);
  writeFileSync(hashFile, schemaHash);
}

/** Builds the production bundle unless the last build is of the current sources. */
export async function ensureProductionBuild(projectRoot: string, log: (line: string) => void): Promise<void> {
  await ensurePrismaClient(projectRoot);
  if (buildIsCurrent(projectRoot)) return;
  log("Building the workbench (first start, or sources changed)…");
  const fingerprint = sourceFingerprint(projectRoot);
  await runTool(projectRoot, "next", ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  mkdirSync(path.dirname(stampPath(projectRoot)), { recursive: true });
  writeFileSync(stampPath(projectRoot), fingerprint);
}
