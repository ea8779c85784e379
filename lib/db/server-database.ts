import type { Database } from "./database";
import { DatabaseNotStartedError } from "./database-errors";

/**
 * The server process's one database. `npm start` opens and migrates it before
 * Next.js serves a request and registers it here; route handlers and server
 * actions, which Next.js bundles as separate module instances, find it through
 * a global symbol rather than a module variable.
 */
const REGISTRY_KEY = Symbol.for("resonance.server-database");

type Registry = { [REGISTRY_KEY]?: Promise<Database> };

export function registerServerDatabase(database: Database): void {
  (globalThis as Registry)[REGISTRY_KEY] = Promise.resolve(database);
}

export function getServerDatabase(): Promise<Database> {
  const database = (globalThis as Registry)[REGISTRY_KEY];
  if (!database) {
    // Opening here would pull the schema engine into the Next.js bundle and
    // race a second opener; the server entry point owns the database.
    return Promise.reject(
      new DatabaseNotStartedError("The database is not open: start the workbench with `npm start` or `npm run dev`."),
    );
  }
  return database;
}
