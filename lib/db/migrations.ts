import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { OpenConnection } from "./open-connection";

/**
 * Which committed migrations the database has. Kept apart from applying them
 * (apply-migrations.ts) so route handlers can report status without loading
 * the schema engine.
 */

export interface MigrationPaths {
  schemaPath: string;
  migrationsDir: string;
}

export function projectMigrationPaths(projectRoot: string): MigrationPaths {
  return {
    schemaPath: path.join(projectRoot, "prisma", "schema.prisma"),
    migrationsDir: path.join(projectRoot, "prisma", "migrations"),
  };
}

export interface MigrationState {
  /** Migrations committed in prisma/migrations, oldest first. */
  local: string[];
  applied: string[];
  pending: string[];
  /** Applied in the database but unknown here: written by a newer version of the app. */
  unknown: string[];
  /** Started but never finished (a crash or error mid-migration). */
  failed: string[];
}

export function listLocalMigrations(migrationsDir: string): string[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

export async function readMigrationState(connection: OpenConnection, migrationsDir: string): Promise<MigrationState> {
  const local = listLocalMigrations(migrationsDir);
  const [table] = await connection.query<{ exists: boolean }>(
    "SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS exists",
  );
  let applied: string[] = [];
  let failed: string[] = [];
  if (table?.exists) {
    const rows = await connection.query<{ migration_name: string; finished: boolean }>(
      "SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations " +
        "WHERE rolled_back_at IS NULL ORDER BY migration_name",
    );
    applied = rows.filter((row) => row.finished).map((row) => row.migration_name);
    failed = rows.filter((row) => !row.finished).map((row) => row.migration_name);
  }
  const appliedSet = new Set(applied);
  const localSet = new Set(local);
  return {
    local,
    applied,
    pending: local.filter((name) => !appliedSet.has(name)),
    unknown: applied.filter((name) => !localSet.has(name)),
    failed,
  };
}
