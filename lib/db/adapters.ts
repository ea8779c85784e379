import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * Driver adapters for the Prisma client and the schema engine, one per
 * database mode. Both are migration-aware: the schema engine asks them for a
 * shadow database when `prisma migrate dev` checks for drift.
 */

// pglite-prisma-adapter 0.7.2 starts `executeScript` without awaiting it, so a
// failing migration script is reported as success and its error surfaces later
// as an unhandled rejection. We await it and route errors through the
// adapter's own conversion, which turns them into Prisma driver errors.
interface PGliteAdapterInternals {
  executeScript(script: string): Promise<void>;
  onError(error: unknown): never;
  dispose(): Promise<void>;
}

function awaitScripts(adapter: SqlDriverAdapter, client: PGlite, closeOnDispose: boolean): SqlDriverAdapter {
  const internals = adapter as unknown as PGliteAdapterInternals;
  internals.executeScript = async (script: string) => {
    try {
      await client.exec(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  if (closeOnDispose) internals.dispose = () => client.close();
  return adapter;
}

export function pgliteAdapterFactory(client: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPGlite(client);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => awaitScripts(await base.connect(), client, false),
    connectToShadowDb: async () => {
      const shadow = new PGlite();
      return awaitScripts(await new PrismaPGlite(shadow).connect(), shadow, true);
    },
  };
}

/**
 * PostgreSQL. The connection string is parsed into fields so a database name
 * can be swapped in for the shadow database.
 */
export function postgresAdapterFactory(
  url: string,
  shadowDatabaseUrl?: string,
): SqlMigrationAwareDriverAdapterFactory {
  const config = postgresPoolConfig(url);
  const base = new PrismaPg(config);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => readCharAsText(await base.connect()),
    connectToShadowDb: async () =>
      readCharAsText(
        shadowDatabaseUrl
          ? await new PrismaPg(postgresPoolConfig(shadowDatabaseUrl)).connect()
          : await temporaryShadowDatabase(config),
      ),
  };
}

// The schema engine reads catalog columns of PostgreSQL's one-byte "char" type
// (pg_class.relkind and friends). @prisma/adapter-pg 7.10 has no mapping for
// that type and fails the query, so `migrate dev` cannot inspect the database.
// Reading such columns as text gives the engine the same one-letter strings.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

interface PgQueryableInternals {
  performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }>;
}

function patchCharColumns<T extends object>(queryable: T): T {
  const internals = queryable as unknown as PgQueryableInternals;
  const performIO = internals.performIO.bind(queryable);
  internals.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  return queryable;
}

function readCharAsText(adapter: SqlDriverAdapter): SqlDriverAdapter {
  patchCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => patchCharColumns(await startTransaction(isolationLevel));
  return adapter;
}

// @prisma/adapter-pg 7.10 drops its shadow database while its own pool still
// holds a connection to it, so PostgreSQL refuses the DROP and `migrate dev`
// fails. Ours closes the pool first.
async function temporaryShadowDatabase(config: pg.PoolConfig): Promise<SqlDriverAdapter> {
  const database = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
  await onMaintenanceConnection(config, `CREATE DATABASE "${database}"`);
  const adapter = await new PrismaPg({ ...config, database }).connect();
  const closePool = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await closePool();
    await onMaintenanceConnection(config, `DROP DATABASE IF EXISTS "${database}"`);
  };
  return adapter;
}

async function onMaintenanceConnection(config: pg.PoolConfig, sql: string): Promise<void> {
  const client = new pg.Client(config);
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function postgresPoolConfig(url: string): pg.PoolConfig {
  const parsed = new URL(url);
  const sslMode = parsed.searchParams.get("sslmode");
  return {
    host: decodeURIComponent(parsed.hostname) || parsed.searchParams.get("host") || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || undefined,
    ssl: sslMode && sslMode !== "disable" ? { rejectUnauthorized: sslMode === "verify-full" } : undefined,
    connectionTimeoutMillis: 10_000,
    application_name: "resonance",
  };
}
