import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Datasource } from "../datasource";

/**
 * Which schema engine the Prisma CLI should run. Returns the executable to
 * set, or undefined to leave Prisma's own choice alone:
 * - an explicit PRISMA_SCHEMA_ENGINE_BINARY always wins;
 * - the embedded database needs ours (no native engine can open PGlite);
 * - for PostgreSQL, a native engine already installed by Prisma is used;
 * - otherwise ours, so nothing is downloaded.
 */
export function chooseSchemaEngineBinary(
  projectRoot: string,
  datasource: Datasource,
  override: string | undefined,
): string | undefined {
  if (override) return undefined;
  if (datasource.mode === "postgresql" && nativeEngineInstalled(projectRoot)) return undefined;
  return projectSchemaEngine(projectRoot);
}

export function projectSchemaEngine(projectRoot: string): string {
  return path.join(projectRoot, "prisma", "bin", "schema-engine");
}

function nativeEngineInstalled(projectRoot: string): boolean {
  const enginesDir = path.join(projectRoot, "node_modules", "@prisma", "engines");
  if (!existsSync(enginesDir)) return false;
  return readdirSync(enginesDir).some((name) => name.startsWith("schema-engine-") && !name.endsWith(".sha256"));
}
