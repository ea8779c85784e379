import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTestEnvironment } from "../config/env";
import { applyPendingMigrations } from "./apply-migrations";
import { acquireDataDirLock } from "./data-dir-lock";
import {
  DatabaseAuthenticationError,
  DatabaseMissingError,
  DatabaseNewerThanAppError,
  DatabaseUnreachableError,
  DataDirCorruptError,
  DataDirInUseError,
  DataDirUnwritableError,
} from "./database-errors";
import { embeddedDatasource } from "./datasource";
import { projectMigrationPaths } from "./migrations";
import { openConnection } from "./open-connection";
import { createTestDatabase, PROJECT_ROOT, testDatabaseMode } from "./testing/test-database";

const scratch = mkdtempSync(path.join(tmpdir(), "resonance-errors-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.runIf(testDatabaseMode() === "embedded")("embedded data folder", () => {
  it("refuses a second opener while the first holds the folder, naming its PID", async () => {
    const datasource = embeddedDatasource(path.join(scratch, "shared"), PROJECT_ROOT);
    const first = await openConnection(datasource, "first opener");
    try {
      const second = openConnection(datasource, "second opener");
      await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
      await expect(second).rejects.toThrow(`PID ${process.pid}`);
    } finally {
      await first.close();
    }
    // Released on close: the next opener gets in.
    const third = await openConnection(datasource, "third opener");
    await third.close();
  });

  it("takes over a lock left by a process that no longer exists", async () => {
    const dataDir = path.join(scratch, "stale");
    mkdirSync(dataDir, { recursive: true });
    // PIDs are capped well below this on Linux, so no process has it.
    writeFileSync(path.join(dataDir, "resonance.lock"), JSON.stringify({ pid: 2 ** 30, purpose: "crashed", since: "x" }));
    const lock = acquireDataDirLock(dataDir, "after a crash");
    lock.release();
  });

  it("says a data folder that cannot be created is unwritable", async () => {
    const file = path.join(scratch, "a-file");
    writeFileSync(file, "not a folder");
    const datasource = embeddedDatasource(path.join(file, "data"), PROJECT_ROOT);
    const opening = openConnection(datasource, "test");
    await expect(opening).rejects.toBeInstanceOf(DataDirUnwritableError);
    await expect(opening).rejects.toThrow(path.join(file, "data"));
  });

  it("says a damaged database folder is corrupt, and releases the folder", async () => {
    const datasource = embeddedDatasource(path.join(scratch, "corrupt"), PROJECT_ROOT);
    const good = await openConnection(datasource, "create");
    await good.close();
    writeFileSync(path.join(datasource.databaseDir, "global", "pg_control"), "garbage");
    await expect(openConnection(datasource, "reopen")).rejects.toBeInstanceOf(DataDirCorruptError);
    // The failed open did not leave the folder locked.
    acquireDataDirLock(datasource.dataDir, "after failure").release();
  });
});

describe.runIf(testDatabaseMode() === "postgresql")("PostgreSQL connection failures", () => {
  const serverUrl = () => new URL(readTestEnvironment().TEST_DATABASE_URL ?? "postgresql://localhost/postgres");

  it("reports a wrong password as an authentication failure without echoing it", async () => {
    const url = serverUrl();
    url.password = "definitely-wrong-password";
    const opening = openConnection({ mode: "postgresql", url: url.toString() }, "test");
    await expect(opening).rejects.toBeInstanceOf(DatabaseAuthenticationError);
    await expect(opening).rejects.not.toThrow("definitely-wrong-password");
  });

  it("reports a server that is not listening as unreachable", async () => {
    const url = serverUrl();
    url.port = "1";
    await expect(openConnection({ mode: "postgresql", url: url.toString() }, "test")).rejects.toBeInstanceOf(
      DatabaseUnreachableError,
    );
  });

  it("reports a database that does not exist", async () => {
    const url = serverUrl();
    url.pathname = "/resonance_no_such_database";
    await expect(openConnection({ mode: "postgresql", url: url.toString() }, "test")).rejects.toBeInstanceOf(
      DatabaseMissingError,
    );
  });
});

describe(`migrations on ${testDatabaseMode()}`, () => {
  it("refuses to start on a database migrated by a newer version", async () => {
    const database = await createTestDatabase();
    try {
      await database.connection.query(
        "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) " +
          "VALUES ('future', 'x', '29991231000000_from_the_future', now(), now(), 1)",
      );
      const applying = applyPendingMigrations(database.connection, projectMigrationPaths(PROJECT_ROOT));
      await expect(applying).rejects.toBeInstanceOf(DatabaseNewerThanAppError);
      await expect(applying).rejects.toThrow("29991231000000_from_the_future");
    } finally {
      await database.destroy();
    }
  });

  it("applies nothing twice", async () => {
    const database = await createTestDatabase();
    try {
      expect(await applyPendingMigrations(database.connection, projectMigrationPaths(PROJECT_ROOT))).toEqual([]);
    } finally {
      await database.destroy();
    }
  });
});
