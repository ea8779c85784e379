import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { DatabaseNewerThanAppError, MigrationFailedError } from "./database-errors";
import { listLocalMigrations, type MigrationPaths, readMigrationState } from "./migrations";
import type { OpenConnection } from "./open-connection";
import { loadSchemaEngine } from "./schema-engine/load-wasm-engine";
import { toErrorData } from "./schema-engine/rpc-dispatch";

/**
 * Applies the committed Prisma migrations in-process with the WASM schema
 * engine (the same engine `prisma migrate deploy` uses through
 * prisma/bin/schema-engine), so `npm start` needs no CLI and holds the
 * embedded database's lock throughout.
 */

export function loadMigrationList(migrationsDir: string): MigrationList {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: listLocalMigrations(migrationsDir).map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** Applies pending migrations; returns the names applied. Refuses a database from a newer version. */
export async function applyPendingMigrations(connection: OpenConnection, paths: MigrationPaths): Promise<string[]> {
  const state = await readMigrationState(connection, paths.migrationsDir);
  if (state.unknown.length > 0) {
    throw new DatabaseNewerThanAppError(
      `The database was migrated by a newer version of Resonance: it has migration(s) ${state.unknown.join(", ")} ` +
        "that this version does not know. Upgrade the app (git pull && npm ci) before starting it on this database.",
      state.unknown,
    );
  }
  if (state.pending.length === 0 && state.failed.length === 0) return [];

  const SchemaEngine = await loadSchemaEngine();
  const engine = await SchemaEngine.new(
    { datamodels: [[paths.schemaPath, readFileSync(paths.schemaPath, "utf8")]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(connection.adapterFactory),
  );
  try {
    const output = await engine.applyMigrations({
      migrationsList: loadMigrationList(paths.migrationsDir),
      filters: { externalTables: [], externalEnums: [] },
    });
    return output.appliedMigrationNames;
  } catch (error) {
    throw new MigrationFailedError(`Applying database migrations failed: ${toErrorData(error).message}`);
  } finally {
    engine.free();
  }
}
