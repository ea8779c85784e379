import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { childEnvironment, readTestEnvironment } from "../config/env";
import { createAudioProcessor } from "../corpus/audio-processor";
import { ensureStoreFolders, openAudioStore } from "../corpus/audio-store";
import { importHarness, sineChannel, waitForJob, writeWav } from "../corpus/testing/import-fixtures";
import { listRecordings } from "../db/corpus.repository";
import { createTestDatabase, createTestDatasource, PROJECT_ROOT, type TestDatabase } from "../db/testing/test-database";
import type { AnalysisReport, AnalysisReportEntry } from "../inference/analysis-job";
import { enqueueAnalysis } from "../inference/start-analysis";
import { DEFAULT_MODEL_ID } from "../jobs/demo-seed";
import { createJobQueue, type JobQueue } from "../jobs/job-queue";
import type { JobRecord } from "../jobs/job-types";

/**
 * Real `npm run worker` processes against a PostgreSQL database, sharing one
 * store: what they refuse, that two of them run every job exactly once, that
 * a worker killed with SIGKILL mid-job has its job finished by the other
 * after the heartbeat timeout (resuming from its checkpoint, one result per
 * recording and range), and that SIGTERM hands the job in hand back.
 */

const serverUrl = readTestEnvironment().TEST_DATABASE_URL;
const TSX = path.join(PROJECT_ROOT, "node_modules", "tsx", "dist", "esm", "index.mjs");
const MODELS_DIR = path.join(PROJECT_ROOT, "models");
const HEARTBEAT_TIMEOUT_SECONDS = 3;
/** Jobs run one recording each: a few regions make each worth a poll interval, so both workers get some. */
const SHORT = { recordings: 8, regions: 8 };
/** One job over this corpus: long enough to be killed in the middle. */
const SLOW = { corpus: "Slow", recordings: 10, regions: 20 };
const FINISHED = ["succeeded", "failed", "cancelled"];

interface WorkerProcess {
  child: ChildProcess;
  workerId: string;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let database: TestDatabase;
let queue: JobQueue;
let dataDir: string;
let audioRoot: string;
let shortRecordings: { id: string; analysisHash: string }[];
let slowRecordings: { id: string; analysisHash: string }[];
const workers: WorkerProcess[] = [];
const folders: string[] = [];

describe.skipIf(!serverUrl)("npm run worker on PostgreSQL", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    queue = createJobQueue(database, { heartbeatTimeoutSeconds: HEARTBEAT_TIMEOUT_SECONDS });
    dataDir = temporaryFolder("resonance-worker-data-");
    audioRoot = temporaryFolder("resonance-worker-audio-");
    // Every file a different length and pitch: distinct audio, and no two share an inference batch.
    for (let index = 0; index < SHORT.recordings; index++) {
      writeWav(path.join(audioRoot, "short", `short-${index}.wav`), [sineChannel(200 + 25 * index, 3 + 0.25 * index, 16_000)], 16_000);
    }
    for (let index = 0; index < SLOW.recordings; index++) {
      writeWav(path.join(audioRoot, "slow", `slow-${index}.wav`), [sineChannel(300 + 20 * index, 12 + 0.5 * index, 16_000)], 16_000);
    }
    const store = openAudioStore(dataDir);
    await ensureStoreFolders(store);
    const processor = createAudioProcessor({ dataDir, projectRoot: PROJECT_ROOT });
    try {
      const harness = importHarness({ database, store, processor, dataDir, roots: [audioRoot] });
      for (const [corpusName, folder] of [["Short", "short"], [SLOW.corpus, "slow"]] as const) {
        const { report } = await harness.run({ corpusName, source: { kind: "path", path: path.join(audioRoot, folder) } });
        expect(report.counts.failed).toBe(0);
      }
    } finally {
      await processor.close();
    }
    const recordings = await listRecordings(database.prisma);
    const inCorpus = (name: string, regions: number) => {
      const picked = recordings.filter((recording) => recording.corpusName === name).map((recording) => ({ id: recording.id, analysisHash: recording.analysisHash! }));
      return { picked, regions: picked.flatMap((recording) => regionsOf(recording.id, regions)) };
    };
    const short = inCorpus("Short", SHORT.regions);
    const slow = inCorpus(SLOW.corpus, SLOW.regions);
    shortRecordings = short.picked;
    slowRecordings = slow.picked;
    expect(shortRecordings).toHaveLength(SHORT.recordings);
    expect(slowRecordings).toHaveLength(SLOW.recordings);
    await database.prisma.region.createMany({ data: [...short.regions, ...slow.regions] });
  }, 90_000);

  afterEach((context) => {
    // The workers' logs (job ids and kinds only) are what explains a failure here.
    if (context.task.result?.state === "fail") {
      for (const worker of workers) console.error(`worker ${worker.workerId}:\n${worker.lines.join("\n")}`);
    }
  });

  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill("SIGKILL");
    await Promise.all(workers.map((worker) => worker.exited));
    await database?.destroy();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it("refuses to start without PostgreSQL, on a database of another version, or without the server's store", async () => {
    const unmigrated = await createTestDatasource();
    const emptyDataDir = temporaryFolder("resonance-worker-empty-");
    const wrongStore = temporaryFolder("resonance-worker-wrong-");
    mkdirSync(path.join(wrongStore, "audio"));
    try {
      const [noUrl, notMigrated, noStore, otherStore] = await Promise.all([
        runToExit({ DATABASE_URL: undefined }),
        runToExit({ DATABASE_URL: urlOf(unmigrated.datasource) }),
        runToExit({ DATA_DIR: emptyDataDir }),
        runToExit({ DATA_DIR: wrongStore }),
      ]);
      expect(noUrl.code).toBe(1);
      expect(noUrl.output).toMatch(/npm run worker needs DATABASE_URL: .*embedded database .* cannot be shared/);
      expect(notMigrated.code).toBe(1);
      expect(notMigrated.output).toMatch(/lacks migration\(s\) .*Workers never migrate the shared database/);
      expect(noStore.code).toBe(1);
      expect(noStore.output).toContain(`DATA_DIR (${emptyDataDir}) holds no audio store`);
      expect(otherStore.code).toBe(1);
      expect(otherStore.output).toContain(`DATA_DIR (${wrongStore}) is not the server's store`);
    } finally {
      await unmigrated.destroy();
    }

    // A migration this version does not know: the database belongs to a newer server.
    await database.prisma.$executeRawUnsafe(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ('worker-test', 'x', '99990101000000_from_the_future', now(), now(), 1)`,
    );
    try {
      const newer = await runToExit({});
      expect(newer.code).toBe(1);
      expect(newer.output).toContain("was migrated by a newer version of Resonance: it has migration(s) 99990101000000_from_the_future");
    } finally {
      await database.prisma.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE id = 'worker-test'`);
    }
  }, 60_000);

  it("runs every job exactly once with two workers", async () => {
    workers.push(startWorker(), startWorker());
    await Promise.all(workers.map((worker) => waitForLine(worker, /ready: runs analyse jobs/)));

    const queued: JobRecord[] = [];
    for (const recording of shortRecordings) {
      queued.push(await enqueueAnalysis(queue, { modelId: DEFAULT_MODEL_ID, selection: { recordingIds: [recording.id] } }, MODELS_DIR));
    }
    const finished = await Promise.all(queued.map((job) => waitForJob(queue, job.id, FINISHED, 60_000)));
    for (const job of finished) {
      expect(job.status).toBe("succeeded");
      expect(job.attempts).toBe(1);
      expect((job.result as unknown as AnalysisReport).counts).toEqual({ analysed: 1, cached: 0, failed: 0 });
    }
    // Each job started and finished once, by one worker; both workers took part.
    const ranBy = queued.map((job) => {
      const starts = workers.filter((worker) => worker.lines.some((line) => line.includes(`job ${job.id} analyse started (attempt 1 of 5)`)));
      const ends = workers.filter((worker) => worker.lines.some((line) => line.includes(`job ${job.id} analyse succeeded after`)));
      expect(starts).toHaveLength(1);
      expect(ends).toEqual(starts);
      return starts[0]!.workerId;
    });
    expect(new Set(ranBy).size).toBe(2);

    const analyses = await database.prisma.analysis.findMany({
      where: { audioHash: { in: shortRecordings.map((recording) => recording.analysisHash) } },
      select: { audioHash: true, rangeKey: true },
    });
    expect(analyses).toHaveLength(SHORT.recordings * (1 + SHORT.regions));
    expect(new Set(analyses.map((analysis) => `${analysis.audioHash}/${analysis.rangeKey}`)).size).toBe(analyses.length);
    // No worker logs what it worked on.
    for (const worker of workers) expect(worker.lines.join("\n")).not.toMatch(/short-\d\.wav|Short/);
  }, 90_000);

  it("finishes the job of a worker killed with SIGKILL once its heartbeat lapses, from its checkpoint", async () => {
    const job = await enqueueAnalysis(queue, { modelId: DEFAULT_MODEL_ID, selection: { corpusName: SLOW.corpus } }, MODELS_DIR);
    // Some recordings done, not all: the kill lands mid-job.
    await waitUntil(async () => {
      const current = await queue.get(job.id);
      if (FINISHED.includes(current.status)) throw new Error("The slow job finished before it could be killed: give it more work.");
      return current.status === "running" && nextTarget(current) >= 1;
    }, 60_000);
    const held = await queue.get(job.id);
    const victim = workers.find((worker) => worker.workerId === held.workerId)!;
    const survivor = workers.find((worker) => worker !== victim && worker.child.exitCode === null)!;
    expect(victim).toBeDefined();
    victim.child.kill("SIGKILL");
    const killedAt = Date.now();
    expect((await victim.exited).signal).toBe("SIGKILL");

    // What the dead worker left: its last checkpoint and last heartbeat.
    const left = await queue.get(job.id);
    expect(left).toMatchObject({ status: "running", workerId: victim.workerId, attempts: 1 });
    const doneBeforeKill = checkpointOf(left).entries.map((entry) => entry.recordingId);
    expect(doneBeforeKill.length).toBeGreaterThanOrEqual(1);
    expect(doneBeforeKill.length).toBeLessThan(SLOW.recordings);

    const done = await waitForJob(queue, job.id, FINISHED, 60_000);
    expect(done.status).toBe("succeeded");
    expect(done.attempts).toBe(2);
    const report = done.result as unknown as AnalysisReport;
    expect(report.entries.map((entry) => entry.recordingId)).toEqual(slowRecordings.map((recording) => recording.id));
    expect(report.counts.failed).toBe(0);
    expect(report.counts.analysed + report.counts.cached).toBe(SLOW.recordings);

    // The survivor took over only after the heartbeat timeout, and ran attempt 2 to the end.
    const takeover = await waitForLine(survivor, new RegExp(`job ${job.id} analyse started \\(attempt 2 of 5\\)`));
    expect(Date.parse(takeover.split(" ")[0]!) - left.heartbeatAt!.getTime()).toBeGreaterThanOrEqual(HEARTBEAT_TIMEOUT_SECONDS * 1000);
    await waitForLine(survivor, new RegExp(`job ${job.id} analyse succeeded after`));
    expect(victim.lines.filter((line) => line.includes(`job ${job.id}`))).toEqual([expect.stringContaining("started (attempt 1 of 5)")]);

    // One result per recording and range; what the dead worker stored was kept, not redone.
    const slowHashes = slowRecordings.map((recording) => recording.analysisHash);
    const analyses = await database.prisma.analysis.findMany({
      where: { audioHash: { in: slowHashes } },
      select: { audioHash: true, rangeKey: true, createdAt: true },
    });
    expect(analyses).toHaveLength(SLOW.recordings * (1 + SLOW.regions));
    expect(new Set(analyses.map((analysis) => `${analysis.audioHash}/${analysis.rangeKey}`)).size).toBe(analyses.length);
    const hashOf = new Map(slowRecordings.map((recording) => [recording.id, recording.analysisHash]));
    const keptFromVictim = new Set(doneBeforeKill.map((id) => hashOf.get(id)));
    for (const analysis of analyses.filter((row) => keptFromVictim.has(row.audioHash))) {
      expect(analysis.createdAt.getTime()).toBeLessThan(killedAt);
    }
  }, 90_000);

  it("hands the job in hand back when stopped with SIGTERM, and the next worker finishes it", async () => {
    const job = await enqueueAnalysis(queue, { modelId: DEFAULT_MODEL_ID, selection: { corpusName: SLOW.corpus }, force: true }, MODELS_DIR);
    await waitUntil(async () => {
      const current = await queue.get(job.id);
      if (FINISHED.includes(current.status)) throw new Error("The slow job finished before it could be stopped: give it more work.");
      return current.status === "running" && nextTarget(current) >= 1;
    }, 60_000);
    const { workerId } = await queue.get(job.id);
    const stopping = workers.find((worker) => worker.workerId === workerId);
    expect(stopping).toBeDefined();
    stopping!.child.kill("SIGTERM");
    expect(await stopping!.exited).toEqual({ code: 0, signal: null });
    await waitForLine(stopping!, new RegExp(`job ${job.id} analyse handed back to the queue`));

    const handedBack = await queue.get(job.id);
    expect(handedBack).toMatchObject({ status: "queued", attempts: 0, workerId: null });
    const entries = checkpointOf(handedBack).entries;
    expect(entries.length).toBeGreaterThanOrEqual(1);
    // The recording in hand is not recorded as failed because the process stopped under it.
    expect(entries.filter((entry) => entry.outcome !== "analysed")).toEqual([]);

    const next = startWorker();
    workers.push(next);
    const done = await waitForJob(queue, job.id, FINISHED, 60_000);
    expect(done.status).toBe("succeeded");
    expect(done.attempts).toBe(1);
    expect((done.result as unknown as AnalysisReport).counts).toEqual({ analysed: SLOW.recordings, cached: 0, failed: 0 });
    await waitForLine(next, new RegExp(`job ${job.id} analyse succeeded after`));
  }, 90_000);
});

function regionsOf(recordingId: string, count: number): { recordingId: string; startSeconds: number; endSeconds: number }[] {
  return Array.from({ length: count }, (_, index) => ({ recordingId, startSeconds: 0.1 * index, endSeconds: 0.1 * index + 1 }));
}

/** The analysis job's checkpoint: how far it got and the report entries so far. */
function checkpointOf(job: JobRecord): { nextTarget: number; entries: AnalysisReportEntry[] } {
  return (job.checkpoint ?? { nextTarget: 0, entries: [] }) as unknown as { nextTarget: number; entries: AnalysisReportEntry[] };
}

function nextTarget(job: JobRecord): number {
  return checkpointOf(job).nextTarget;
}

function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

function urlOf(datasource: TestDatabase["testDatasource"]["datasource"]): string {
  if (datasource.mode !== "postgresql") throw new Error("These tests run on PostgreSQL only.");
  return datasource.url;
}

function spawnWorker(overrides: Record<string, string | undefined>): { child: ChildProcess; lines: string[] } {
  const child = spawn(process.execPath, ["--import", TSX, path.join(PROJECT_ROOT, "lib", "cli", "worker.ts")], {
    cwd: PROJECT_ROOT,
    env: childEnvironment({
      DATABASE_URL: urlOf(database.testDatasource.datasource),
      DATA_DIR: dataDir,
      JOB_HEARTBEAT_TIMEOUT_SECONDS: String(HEARTBEAT_TIMEOUT_SECONDS),
      MODELS_DIR: undefined,
      WORKER_KINDS: undefined,
      INFERENCE_DEVICE: "cpu",
      INFERENCE_THREADS: "1",
      ...overrides,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const collect = (stream: NodeJS.ReadableStream | null) => {
    let rest = "";
    stream?.on("data", (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split("\n");
      rest = parts.pop() ?? "";
      lines.push(...parts);
    });
    stream?.on("end", () => rest && lines.push(rest));
  };
  collect(child.stdout);
  collect(child.stderr);
  return { child, lines };
}

function startWorker(): WorkerProcess {
  const { child, lines } = spawnWorker({});
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, lines, exited, workerId: `${hostname()}:${child.pid}` };
}

async function runToExit(overrides: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const { child, lines } = spawnWorker(overrides);
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  return { code, output: lines.join("\n") };
}

async function waitForLine(worker: WorkerProcess, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  let found: string | undefined;
  await waitUntil(async () => {
    found = worker.lines.find((line) => pattern.test(line));
    if (!found && worker.child.exitCode !== null) throw new Error(`Worker ${worker.workerId} exited before printing ${pattern}:\n${worker.lines.join("\n")}`);
    return found !== undefined;
  }, timeoutMs);
  return found!;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
