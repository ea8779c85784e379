import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { readTestEnvironment } from "../../config/env";
import { postgresPoolConfig } from "../adapters";
import { applyPendingMigrations } from "../apply-migrations";
import { type Database, openDatabase } from "../database";
import { type Datasource, embeddedDatasource } from "../datasource";
import { projectMigrationPaths } from "../migrations";

/**
 * Integration tests run against a real database: an embedded PGlite folder in
 * a temporary directory, or, when TEST_DATABASE_URL is set, a fresh database
 * of its own on that PostgreSQL server. `npm test` runs the suite both ways.
 */
export type TestDatabaseMode = "embedded" | "postgresql";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

export function testDatabaseMode(): TestDatabaseMode {
  return readTestEnvironment().TEST_DATABASE_URL ? "postgresql" : "embedded";
}

export interface TestDatasource {
  datasource: Datasource;
  /** Removes the folder or drops the database. */
  destroy(): Promise<void>;
}

/** An empty, unmigrated place for a database in the current mode. */
export async function createTestDatasource(): Promise<TestDatasource> {
  const serverUrl = readTestEnvironment().TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), "resonance-test-"));
    return {
      datasource: embeddedDatasource(dir, PROJECT_ROOT),
      destroy: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `resonance_test_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    datasource: { mode: "postgresql", url: url.toString() },
    destroy: () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export interface TestDatabase extends Database {
  testDatasource: TestDatasource;
  /** Closes the connection and removes the database. */
  destroy(): Promise<void>;
}

/** A migrated, empty database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const testDatasource = await createTestDatasource();
  const database = await openDatabase(testDatasource.datasource, "integration test");
  await applyPendingMigrations(database.connection, projectMigrationPaths(PROJECT_ROOT));
  return {
    ...database,
    testDatasource,
    destroy: async () => {
      await database.close();
      await testDatasource.destroy();
    },
  };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client(postgresPoolConfig(serverUrl));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
