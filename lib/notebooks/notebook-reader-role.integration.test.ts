import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTestEnvironment } from "../config/env";
import { postgresPoolConfig } from "../db/adapters";
import { applyPendingMigrations } from "../db/apply-migrations";
import { type Database, openDatabase } from "../db/database";
import { projectMigrationPaths } from "../db/migrations";
import { PROJECT_ROOT, testDatabaseMode } from "../db/testing/test-database";
import { administratorStatements, NOTEBOOK_READER_ROLE, NotebookReaderRoleError } from "./notebook-reader-role";
import { runCheckedNotebookQuery, runNotebookQuery } from "./run-notebook-query";

/**
 * A team server whose application user has no CREATEROLE: the migrations
 * still apply (so the server starts), notebook SQL says what an administrator
 * must run, and works once they have. PostgreSQL only: the embedded database
 * always connects as a superuser.
 */

const serverUrl = readTestEnvironment().TEST_DATABASE_URL;
const suffix = randomBytes(5).toString("hex");
const appUser = `resonance_test_app_${suffix}`;
const databaseName = `resonance_test_unprivileged_${suffix}`;
let database: Database | undefined;
const ALL = { workspaces: "all" } as const;

async function asSuperuser(sql: string, databasePath = "/postgres"): Promise<void> {
  const url = new URL(serverUrl!);
  url.pathname = databasePath;
  const client = new pg.Client(postgresPoolConfig(url.toString()));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe.skipIf(testDatabaseMode() !== "postgresql")("notebook SQL for an application user without CREATEROLE", () => {
  beforeAll(async () => {
    await asSuperuser(`CREATE ROLE ${appUser} LOGIN PASSWORD 'app-${suffix}' NOSUPERUSER NOCREATEROLE NOCREATEDB`);
    await asSuperuser(`CREATE DATABASE ${databaseName} OWNER ${appUser}`);
    const url = new URL(serverUrl!);
    url.username = appUser;
    url.password = `app-${suffix}`;
    url.pathname = `/${databaseName}`;
    database = await openDatabase({ mode: "postgresql", url: url.toString() }, "unprivileged notebook test");
    await applyPendingMigrations(database.connection, projectMigrationPaths(PROJECT_ROOT));
  });

  afterAll(async () => {
    await database?.close();
    await asSuperuser(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await asSuperuser(`DROP ROLE IF EXISTS ${appUser}`);
  });

  it("applies every migration, then refuses notebook SQL with the statements an administrator must run", async () => {
    const error = await runNotebookQuery(database!, "SELECT count(*) FROM recordings", ALL).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(NotebookReaderRoleError);
    expect((error as Error).message).toContain(`the database user "${appUser}" may not create or join the role ${NOTEBOOK_READER_ROLE}`);
    expect((error as Error).message).toContain(administratorStatements(appUser));
  });

  it("works once an administrator has created the role and granted it, without a restart", async () => {
    // The role may exist already: other test databases on this server create it.
    await asSuperuser(
      `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${NOTEBOOK_READER_ROLE}') THEN CREATE ROLE ${NOTEBOOK_READER_ROLE} NOLOGIN; END IF; END $$`,
    );
    await asSuperuser(`GRANT ${NOTEBOOK_READER_ROLE} TO ${appUser}`);
    const result = await runNotebookQuery(database!, "SELECT count(*) AS n, current_user AS reader FROM recordings", ALL);
    expect(result.rows).toEqual([[0, NOTEBOOK_READER_ROLE]]);
    // Still only the views: the application's own tables stay out of reach.
    await expect(runNotebookQuery(database!, 'SELECT * FROM public."User"', ALL)).rejects.toThrow(/can only read the notebook views/);
  });

  it("while set_config is still allowed, a query cannot turn its transaction read-write again to add to its workspace scope", async () => {
    const reopen = runCheckedNotebookQuery(database!, { kind: "query", statement: "SELECT set_config('transaction_read_only', 'off', true)" }, ALL);
    await expect(reopen).rejects.toThrow(/read-write mode must be set before any query/);
  });

  it("keeps working after the administrator revokes set_config, which then cannot switch the role back", async () => {
    await asSuperuser("REVOKE EXECUTE ON FUNCTION pg_catalog.set_config(text, text, boolean) FROM PUBLIC", `/${databaseName}`);
    expect((await runNotebookQuery(database!, "SELECT count(*) FROM labels", ALL)).rows).toEqual([[0]]);
    const escape = runCheckedNotebookQuery(database!, { kind: "query", statement: `SELECT set_config('role', '${appUser}', true)` }, ALL);
    await expect(escape).rejects.toThrow(/set_config\(\) is not allowed/);
  });
});
