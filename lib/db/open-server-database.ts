import { readServerEnvironment } from "../config/env";
import { applyPendingMigrations } from "./apply-migrations";
import { type Database, openDatabase } from "./database";
import { datasourceFromSettings } from "./datasource";
import { projectMigrationPaths } from "./migrations";

/** Opens the configured database for the server process and brings it up to the committed migrations. */
export async function openServerDatabase(): Promise<Database> {
  const projectRoot = process.cwd();
  const datasource = datasourceFromSettings(readServerEnvironment(), projectRoot);
  const database = await openDatabase(datasource, `Resonance server (PID ${process.pid})`);
  try {
    await applyPendingMigrations(database.connection, projectMigrationPaths(projectRoot));
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
