import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../db/database";
import { createTestDatabase, testDatabaseMode, type TestDatabase } from "../db/testing/test-database";
import { JobLeaseLostError, JobStateError } from "./job-errors";
import { createJobQueue, type JobQueue } from "./job-queue";
import { startJobWorker, TransientJobError } from "./job-worker";

let database: TestDatabase;
let queue: JobQueue;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.destroy();
});

beforeEach(async () => {
  await database.prisma.job.deleteMany();
  // Jitter fixed at 0: each retry waits exactly half its backoff ceiling.
  queue = createJobQueue(database, { heartbeatTimeoutSeconds: 60, backoff: { baseSeconds: 2, maxSeconds: 60 }, random: () => 0 });
});

describe(`job queue on ${testDatabaseMode()}`, () => {
  it("runs a job from enqueue through claim, progress and completion", async () => {
    const job = await queue.enqueue("import", { path: "corpus-a" });
    expect(job.status).toBe("queued");

    const claimed = await queue.claim("worker-1");
    expect(claimed?.job.id).toBe(job.id);
    expect(claimed?.lease).toEqual({ jobId: job.id, workerId: "worker-1", attempt: 1 });

    await queue.heartbeat(claimed!.lease, { done: 3, total: 10, unit: "files" });
    expect((await queue.get(job.id)).progress).toEqual({ done: 3, total: 10, unit: "files" });

    await queue.complete(claimed!.lease, { imported: 10 });
    const done = await queue.get(job.id);
    expect(done.status).toBe("succeeded");
    expect(done.result).toEqual({ imported: 10 });
    expect(done.finishedAt).not.toBeNull();
    expect(await queue.claim("worker-1")).toBeNull();
  });

  it("keeps a checkpoint across attempts, and refuses one from a lost lease", async () => {
    const job = await queue.enqueue("import", {});
    const first = await queue.claim("worker-1");
    expect(first?.job.checkpoint).toBeNull();
    await queue.saveCheckpoint(first!.lease, { filesDone: 4 });
    // The server crashed; on restart the embedded database hands the job back at once.
    expect(await queue.requeueRunning()).toBe(1);
    const second = await queue.claim("worker-2");
    expect(second?.job.id).toBe(job.id);
    expect(second?.job.checkpoint).toEqual({ filesDone: 4 });
    expect(second?.lease.attempt).toBe(2);
    await expect(queue.saveCheckpoint(first!.lease, { filesDone: 1 })).rejects.toBeInstanceOf(JobLeaseLostError);
    expect((await queue.get(job.id)).checkpoint).toEqual({ filesDone: 4 });
  });

  it("claims by priority, then age, and only the kinds asked for", async () => {
    const low = await queue.enqueue("analyse", {}, { priority: 0 });
    const high = await queue.enqueue("analyse", {}, { priority: 5 });
    const other = await queue.enqueue("export", {}, { priority: 9 });

    expect((await queue.claim("w", ["analyse"]))?.job.id).toBe(high.id);
    expect((await queue.claim("w", ["analyse"]))?.job.id).toBe(low.id);
    expect(await queue.claim("w", ["analyse"])).toBeNull();
    expect((await queue.claim("w"))?.job.id).toBe(other.id);
  });

  it("does not hand out a job before its runAfter time", async () => {
    await queue.enqueue("analyse", {}, { runAfter: new Date(Date.now() + 60_000) });
    expect(await queue.claim("w")).toBeNull();
  });

  it("retries a transient failure with backoff, then fails when attempts run out", async () => {
    const job = await queue.enqueue("analyse", {}, { maxAttempts: 2 });
    const first = await queue.claim("w");
    expect(await queue.fail(first!.lease, { message: "device busy", transient: true })).toBe("retrying");

    const waiting = await queue.get(job.id);
    expect(waiting.status).toBe("queued");
    expect(waiting.error?.message).toBe("device busy");
    // attempt 1, base 2 s, jitter 0 → 1 s.
    expect(waiting.runAfter.getTime() - Date.now()).toBeGreaterThan(500);
    expect(await queue.claim("w")).toBeNull();

    await sleep(1100);
    const second = await queue.claim("w");
    expect(second?.lease.attempt).toBe(2);
    expect(await queue.fail(second!.lease, { message: "device busy", transient: true })).toBe("failed");
    expect((await queue.get(job.id)).status).toBe("failed");
  });

  it("fails a permanent error at once, and retry() puts it back with fresh attempts", async () => {
    const job = await queue.enqueue("analyse", {}, { maxAttempts: 5 });
    const claimed = await queue.claim("w");
    expect(await queue.fail(claimed!.lease, { message: "unsupported codec", transient: false })).toBe("failed");
    expect((await queue.get(job.id)).status).toBe("failed");

    const again = await queue.retry(job.id);
    expect(again.status).toBe("queued");
    expect(again.attempts).toBe(0);
    expect(again.error).toBeNull();
    await expect(queue.retry(job.id)).rejects.toBeInstanceOf(JobStateError);
  });

  it("cancels a queued job at once and a running job through its worker", async () => {
    const queued = await queue.enqueue("analyse", {});
    expect((await queue.cancel(queued.id)).status).toBe("cancelled");
    expect(await queue.claim("w")).toBeNull();

    const running = await queue.enqueue("analyse", {});
    const claimed = await queue.claim("w");
    const flagged = await queue.cancel(running.id);
    expect(flagged.status).toBe("running");
    expect(flagged.cancelRequested).toBe(true);
    expect(await queue.heartbeat(claimed!.lease)).toEqual({ cancelRequested: true });
    await queue.acknowledgeCancel(claimed!.lease);
    expect((await queue.get(running.id)).status).toBe("cancelled");
  });

  it("gives a dead worker's job to another after the heartbeat timeout, and fences the dead one out", async () => {
    const shortQueue = createJobQueue(database, { heartbeatTimeoutSeconds: 1 });
    const job = await shortQueue.enqueue("analyse", {});
    const lost = await shortQueue.claim("worker-that-dies");
    expect(lost?.job.id).toBe(job.id);

    // Within the timeout nobody else may take it.
    expect(await shortQueue.claim("worker-b")).toBeNull();
    await sleep(1500);

    const takenOver = await shortQueue.claim("worker-b");
    expect(takenOver?.job.id).toBe(job.id);
    expect(takenOver?.lease.attempt).toBe(2);

    // The first worker wakes up: it may neither report nor finish.
    await expect(shortQueue.heartbeat(lost!.lease)).rejects.toBeInstanceOf(JobLeaseLostError);
    await expect(shortQueue.complete(lost!.lease, { stale: true })).rejects.toBeInstanceOf(JobLeaseLostError);

    await shortQueue.complete(takenOver!.lease, { ok: true });
    const finished = await shortQueue.get(job.id);
    expect(finished.status).toBe("succeeded");
    expect(finished.result).toEqual({ ok: true });
  });

  it("fails a job whose worker died on its last attempt", async () => {
    const shortQueue = createJobQueue(database, { heartbeatTimeoutSeconds: 1 });
    const job = await shortQueue.enqueue("analyse", {}, { maxAttempts: 1 });
    await shortQueue.claim("worker-that-dies");
    await sleep(1500);
    expect(await shortQueue.claim("worker-b")).toBeNull();
    const failed = await shortQueue.get(job.id);
    expect(failed.status).toBe("failed");
    expect(failed.error?.code).toBe("WORKER_LOST");
  });

  it("runs handlers in a worker loop with progress, retries and cancellation", async () => {
    const attemptsSeen: number[] = [];
    let cancelSeen = false;
    const worker = startJobWorker({
      queue,
      workerId: "loop",
      pollIntervalMs: 50,
      heartbeatIntervalMs: 50,
      handlers: {
        count: async ({ job, reportProgress }) => {
          reportProgress({ done: 1, total: 1, unit: "items" });
          return { echoed: job.payload };
        },
        flaky: async ({ job }) => {
          attemptsSeen.push(job.attempts);
          if (job.attempts === 1) throw new TransientJobError("first try fails");
          return "ok";
        },
        endless: ({ signal }) =>
          new Promise((_, reject) => {
            if (signal.aborted) {
              cancelSeen = true;
              reject(new Error("aborted"));
            }
            signal.addEventListener("abort", () => {
              cancelSeen = true;
              reject(new Error("aborted"));
            });
          }),
      },
    });
    try {
      const counted = await queue.enqueue("count", { n: 1 });
      const flaky = await queue.enqueue("flaky", {});
      const endless = await queue.enqueue("endless", {});

      await waitFor(async () => (await queue.get(counted.id)).status === "succeeded");
      expect((await queue.get(counted.id)).result).toEqual({ echoed: { n: 1 } });
      // The final progress is stored even though no heartbeat fell between it and completion.
      expect((await queue.get(counted.id)).progress).toEqual({ done: 1, total: 1, unit: "items" });

      await waitFor(async () => (await queue.get(endless.id)).status === "running");
      await queue.cancel(endless.id);
      await waitFor(async () => (await queue.get(endless.id)).status === "cancelled");
      expect(cancelSeen).toBe(true);

      // The flaky job's retry waits out its 1 s backoff, then succeeds.
      await waitFor(async () => (await queue.get(flaky.id)).status === "succeeded");
      expect(attemptsSeen).toEqual([1, 2]);
    } finally {
      // Bounded, so a failed expectation above is reported instead of a hang
      // behind a handler that never returned.
      await Promise.race([worker.stop(), sleep(5000)]);
    }
  });
});

describe(`worker shutdown on ${testDatabaseMode()}`, () => {
  it("hands the job in hand back with its checkpoint, and the next worker resumes it", async () => {
    const seen: unknown[] = [];
    const first = startJobWorker({
      queue,
      workerId: "shutting-down",
      pollIntervalMs: 50,
      handlers: {
        long: async ({ signal, saveCheckpoint }) => {
          await saveCheckpoint({ step: 1 });
          await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
          throw new Error("stopped");
        },
      },
    });
    const job = await queue.enqueue("long", {});
    await waitFor(async () => (await queue.get(job.id)).checkpoint !== null);
    await first.stop();
    const handedBack = await queue.get(job.id);
    expect(handedBack.status).toBe("queued");
    expect(handedBack.attempts).toBe(0);
    expect(handedBack.error).toBeNull();

    const second = startJobWorker({
      queue,
      workerId: "next",
      pollIntervalMs: 50,
      handlers: {
        long: async ({ job: resumed }) => {
          seen.push(resumed.checkpoint);
          return "done";
        },
      },
    });
    try {
      await waitFor(async () => (await queue.get(job.id)).status === "succeeded");
      expect(seen).toEqual([{ step: 1 }]);
    } finally {
      await Promise.race([second.stop(), sleep(5000)]);
    }
  });
});

describe.runIf(testDatabaseMode() === "postgresql")("job queue with concurrent claimers on PostgreSQL", () => {
  let second: Database;

  beforeAll(async () => {
    // A second, independent connection pool: as if a second worker process.
    second = await openDatabase(database.testDatasource.datasource, "second claimer");
  });

  afterAll(async () => {
    await second?.close();
  });

  it("never gives the same job to two claimers", async () => {
    const total = 120;
    for (let i = 0; i < total; i += 40) {
      await Promise.all(Array.from({ length: 40 }, (_, j) => queue.enqueue("analyse", { n: i + j })));
    }
    const queues = [queue, createJobQueue(second, { heartbeatTimeoutSeconds: 60 })];
    const claimedBy = new Map<string, string[]>();

    // Four claim loops per connection, all racing for the same rows.
    await Promise.all(
      queues.flatMap((q, qi) =>
        Array.from({ length: 4 }, async (_, li) => {
          const workerId = `worker-${qi}-${li}`;
          for (;;) {
            const claimed = await q.claim(workerId);
            if (!claimed) return;
            claimedBy.set(claimed.job.id, [...(claimedBy.get(claimed.job.id) ?? []), workerId]);
            await q.complete(claimed.lease, null);
          }
        }),
      ),
    );

    expect(claimedBy.size).toBe(total);
    const doubled = [...claimedBy.values()].filter((workers) => workers.length > 1);
    expect(doubled).toEqual([]);
    const workersUsed = new Set([...claimedBy.values()].flat());
    expect(workersUsed.size).toBeGreaterThan(1);
    expect(await database.prisma.job.count({ where: { status: "succeeded" } })).toBe(total);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await sleep(25);
  }
  throw new Error(`Condition not met within ${timeoutMs} ms`);
}
