import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyPendingMigrations } from "./apply-migrations";
import { DataDirInUseError } from "./database-errors";
import { openDatabase } from "./database";
import { datasourceToUrl } from "./datasource";
import { projectMigrationPaths } from "./migrations";
import { openConnection } from "./open-connection";
import { createTestDatasource, PROJECT_ROOT, testDatabaseMode, type TestDatasource } from "./testing/test-database";

let place: TestDatasource | undefined;
afterAll(async () => {
  await place?.destroy();
});

describe(`durability on ${testDatabaseMode()}`, () => {
  it("keeps every row committed before the process is killed with SIGKILL", async () => {
    place = await createTestDatasource();
    const setup = await openConnection(place.datasource, "setup");
    await applyPendingMigrations(setup, projectMigrationPaths(PROJECT_ROOT));
    await setup.close();

    const rows = 25;
    // node with tsx's loader rather than the tsx CLI, which would put a second
    // process between us and the one we need to kill.
    const child = spawn(
      process.execPath,
      [
        "--import",
        path.join(PROJECT_ROOT, "node_modules", "tsx", "dist", "esm", "index.mjs"),
        path.join(PROJECT_ROOT, "lib", "db", "testing", "commit-then-wait.ts"),
        datasourceToUrl(place.datasource),
        String(rows),
      ],
      { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    let committed = 0;
    await waitForLine(child, (line) => {
      const match = /^committed (\d+)$/.exec(line);
      if (match) committed = Number(match[1]);
      return line === "waiting";
    });
    expect(committed).toBe(rows);

    if (place.datasource.mode === "embedded") {
      // While the child lives, the folder is its alone.
      await expect(openConnection(place.datasource, "intruder")).rejects.toBeInstanceOf(DataDirInUseError);
    }

    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;

    // A restart after the crash: the stale lock is taken over and every committed row is there.
    const reopened = await openDatabase(place.datasource, "after crash");
    try {
      expect(await reopened.prisma.job.count({ where: { kind: "durability" } })).toBe(rows);
    } finally {
      await reopened.close();
    }
  });
});

function waitForLine(child: ChildProcess, done: (line: string) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      if (lines.some(done)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`child exited early with code ${code}`)));
  });
}
