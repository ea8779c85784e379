import { existsSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { pgliteAdapterFactory, postgresAdapterFactory, postgresPoolConfig } from "./adapters";
import { acquireDataDirLock } from "./data-dir-lock";
import {
  DatabaseAuthenticationError,
  DatabaseMissingError,
  DatabaseUnreachableError,
  DataDirCorruptError,
} from "./database-errors";
import { type Datasource, redactUrl } from "./datasource";

/**
 * A live connection to the configured database, as a driver-adapter factory the
 * Prisma client and the schema engine both use. It deliberately does not touch
 * the generated Prisma client, so the schema engine can run before generation.
 */
export interface OpenConnection {
  readonly datasource: Datasource;
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Runs SQL outside Prisma (status checks before the client exists). */
  query<Row>(sql: string): Promise<Row[]>;
  close(): Promise<void>;
}

export async function openConnection(
  datasource: Datasource,
  purpose: string,
  options: { shadowDatabaseUrl?: string } = {},
): Promise<OpenConnection> {
  return datasource.mode === "embedded"
    ? openEmbedded(datasource, purpose)
    : openPostgres(datasource, options.shadowDatabaseUrl);
}

async function openEmbedded(
  datasource: Extract<Datasource, { mode: "embedded" }>,
  purpose: string,
): Promise<OpenConnection> {
  const lock = acquireDataDirLock(datasource.dataDir, purpose);
  let client: PGlite;
  try {
    client = await PGlite.create(datasource.databaseDir);
  } catch (error) {
    lock.release();
    const detail = error instanceof Error ? error.message : String(error);
    throw new DataDirCorruptError(
      `The embedded database in ${datasource.databaseDir} cannot be opened (${detail}). ` +
        "It may be damaged or written by an incompatible PGlite version. Restore it from a backup, " +
        "or move it aside to start with an empty database.",
    );
  }
  let closed = false;
  return {
    datasource,
    adapterFactory: pgliteAdapterFactory(client),
    query: async <Row>(sql: string) => (await client.query<Row>(sql)).rows,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock.release();
      }
    },
  };
}

async function openPostgres(
  datasource: Extract<Datasource, { mode: "postgresql" }>,
  shadowDatabaseUrl: string | undefined,
): Promise<OpenConnection> {
  await checkPostgresReachable(datasource.url);
  const pool = new pg.Pool({ ...postgresPoolConfig(datasource.url), max: 4 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  let closed = false;
  return {
    datasource,
    adapterFactory: postgresAdapterFactory(datasource.url, shadowDatabaseUrl),
    query: async <Row>(sql: string) => (await pool.query(sql)).rows as Row[],
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** Connects once and turns node-postgres failures into errors a researcher can act on. */
export async function checkPostgresReachable(url: string): Promise<void> {
  const client = new pg.Client(postgresPoolConfig(url));
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw describePostgresFailure(url, error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function describePostgresFailure(url: string, error: unknown): Error {
  const where = redactUrl(url);
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  const detail = error instanceof Error ? error.message : String(error);
  if (code === "28P01" || code === "28000") {
    return new DatabaseAuthenticationError(
      `PostgreSQL at ${where} rejected the login (${detail}). Check the user name and password in DATABASE_URL.`,
    );
  }
  if (code === "3D000") {
    return new DatabaseMissingError(
      `PostgreSQL at ${where} has no such database (${detail}). Create it (createdb) or fix the name in DATABASE_URL.`,
    );
  }
  return new DatabaseUnreachableError(
    `Cannot reach PostgreSQL at ${where}${code ? ` (${code})` : ""}: ${detail}. ` +
      "Check that the server is running and that DATABASE_URL's host and port are right.",
  );
}

export function embeddedDatabaseExists(datasource: Extract<Datasource, { mode: "embedded" }>): boolean {
  return existsSync(datasource.databaseDir);
}
