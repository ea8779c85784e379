import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { childEnvironment, parseServerEnvironment } from "../config/env";
import { listRecordings, listReferencedAudioHashes } from "../db/corpus.repository";
import { openDatabase } from "../db/database";
import { createTestDatasource, PROJECT_ROOT, testDatabaseMode, type TestDatasource } from "../db/testing/test-database";
import { startJobRuntime } from "../jobs/job-runtime";
import { openAudioStore } from "./audio-store";
import type { ImportReport } from "./import-report";
import { sineChannel, waitForJob, writeWav } from "./testing/import-fixtures";

/**
 * Kills a real import process (SIGKILL, no chance to clean up) at two points,
 * then starts the job runtime the way the next server start would, and checks
 * the promises: a recording exists only with all its files, the job resumes
 * and imports every file exactly once, and no orphan file is left behind.
 */

const TSX = path.join(PROJECT_ROOT, "node_modules", "tsx", "dist", "esm", "index.mjs");
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe(`an import killed mid-way on ${testDatabaseMode()}`, () => {
  for (const killWhen of ["decoding", "files-stored"] as const) {
    it(`leaves nothing half-written and resumes after a kill while ${killWhen}`, async () => {
      const testDatasource = await createTestDatasource();
      const dataDir =
        testDatasource.datasource.mode === "embedded" ? testDatasource.datasource.dataDir : mkdtempSync(path.join(tmpdir(), "resonance-crash-data-"));
      const root = mkdtempSync(path.join(tmpdir(), "resonance-crash-root-"));
      cleanups.push(async () => {
        await testDatasource.destroy();
        rmSync(dataDir, { recursive: true, force: true });
        rmSync(root, { recursive: true, force: true });
      });
      // One long file so the kill lands inside its processing, then short ones.
      writeWav(path.join(root, "a-long.wav"), [sineChannel(440, 120, 48_000), sineChannel(550, 120, 48_000)], 48_000);
      for (let index = 0; index < 3; index++) writeWav(path.join(root, `b-short-${index}.wav`), [sineChannel(300 + index * 50, 1, 16_000)], 16_000);

      const child = startImportProcess(testDatasource, dataDir, root);
      const audio = path.join(dataDir, "audio");
      await waitUntil(
        () =>
          killWhen === "decoding"
            ? existsSync(path.join(audio, "tmp")) && readdirSync(path.join(audio, "tmp")).length > 0
            : existsSync(path.join(audio, "analysis")) && readdirSync(path.join(audio, "analysis")).length > 0,
        child,
      );
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));

      // The next start.
      const database = await openDatabase(testDatasource.datasource, "crash test");
      const environment = parseServerEnvironment({ DATA_DIR: dataDir, IMPORT_ROOTS: root, JOB_HEARTBEAT_TIMEOUT_SECONDS: "1" });
      // On PostgreSQL the dead worker's job is taken over once its heartbeat is a second old.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const runtime = await startJobRuntime({ database, environment, projectRoot: PROJECT_ROOT, dataDir, orphanGraceMs: 0 });
      try {
        const [job] = await runtime.queue.list({ kind: "import" });
        const done = await waitForJob(runtime.queue, job!.id, ["succeeded", "failed"], 90_000);
        expect(done.status).toBe("succeeded");
        const report = done.result as unknown as ImportReport;
        expect(report.entries.map((entry) => [entry.path, entry.outcome])).toEqual([
          ["a-long.wav", "imported"],
          ["b-short-0.wav", "imported"],
          ["b-short-1.wav", "imported"],
          ["b-short-2.wav", "imported"],
        ]);

        const recordings = await listRecordings(database.prisma);
        expect(recordings).toHaveLength(4);
        const store = openAudioStore(dataDir);
        for (const recording of recordings) {
          expect(existsSync(store.originalPath(recording.contentHash))).toBe(true);
          expect(existsSync(store.analysisPath(recording.analysisHash!))).toBe(true);
          expect(existsSync(store.peaksPath(recording.analysisHash!))).toBe(true);
        }
        // Every stored file belongs to a row; nothing is left in tmp/.
        const referenced = await listReferencedAudioHashes(database.prisma);
        const stored = (kind: string) =>
          readdirSync(path.join(audio, kind)).flatMap((prefix) => readdirSync(path.join(audio, kind, prefix)).map((name) => name.split(".")[0]));
        expect(new Set(stored("originals"))).toEqual(referenced.contentHashes);
        expect(new Set(stored("analysis"))).toEqual(referenced.analysisHashes);
        expect(new Set(stored("peaks"))).toEqual(referenced.analysisHashes);
        expect(readdirSync(path.join(audio, "tmp"))).toEqual([]);
      } finally {
        await runtime.stop();
        await database.close();
      }
    });
  }
});

function startImportProcess(testDatasource: TestDatasource, dataDir: string, root: string): ChildProcess {
  const child = spawn(process.execPath, ["--import", TSX, path.join(PROJECT_ROOT, "lib", "cli", "import.ts"), root, "--corpus", "Crash"], {
    cwd: PROJECT_ROOT,
    env: childEnvironment({
      DATA_DIR: dataDir,
      IMPORT_ROOTS: root,
      INIT_CWD: PROJECT_ROOT,
      DATABASE_URL: testDatasource.datasource.mode === "postgresql" ? testDatasource.datasource.url : undefined,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.once("exit", (code, signal) => {
    if (signal !== "SIGKILL") throw new Error(`The import process ended before it was killed (${code}): ${output}`);
  });
  return child;
}

async function waitUntil(condition: () => boolean, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (child.exitCode !== null) throw new Error("The import process exited before the crash point.");
    if (Date.now() > deadline) throw new Error("The import never reached the crash point.");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
