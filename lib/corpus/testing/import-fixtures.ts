import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { encodeWav } from "../../audio/wav-encode";
import type { Database } from "../../db/database";
import { createJobQueue, type JobQueue } from "../../jobs/job-queue";
import type { JobRecord } from "../../jobs/job-types";
import { startJobWorker } from "../../jobs/job-worker";
import type { AudioProcessor } from "../audio-processor";
import type { AudioStore } from "../audio-store";
import { createImportJobHandler } from "../import-job";
import { IMPORT_JOB_KIND, type ImportJobRequest } from "../import-job-payload";
import type { ImportReport } from "../import-report";
import { enqueueImport } from "../start-import";

/** Test audio and a way to run one import to the end, shared by the import integration tests. */

export function sineChannel(frequency: number, seconds: number, sampleRate: number, amplitude = 0.5): Float32Array {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let index = 0; index < samples.length; index++) {
    samples[index] = amplitude * Math.sin((2 * Math.PI * frequency * index) / sampleRate);
  }
  return samples;
}

export function writeWav(file: string, channels: Float32Array[], sampleRate: number): Uint8Array {
  const bytes = encodeWav(channels, sampleRate, "pcm16");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return bytes;
}

export interface ImportHarness {
  queue: JobQueue;
  run(request: ImportJobRequest): Promise<{ job: JobRecord; report: ImportReport }>;
}

export function importHarness(options: {
  database: Database;
  store: AudioStore;
  processor: AudioProcessor;
  dataDir: string;
  roots: readonly string[];
}): ImportHarness {
  const queue = createJobQueue(options.database, { heartbeatTimeoutSeconds: 60 });
  const handler = createImportJobHandler({ ...options, importRoots: options.roots });
  return {
    queue,
    run: async (request) => {
      const queued = await enqueueImport(queue, request, options.roots);
      const worker = startJobWorker({ queue, workerId: "test-importer", pollIntervalMs: 50, handlers: { [IMPORT_JOB_KIND]: handler } });
      try {
        const job = await waitForJob(queue, queued.id, ["succeeded", "failed", "cancelled"]);
        return { job, report: job.result as unknown as ImportReport };
      } finally {
        await worker.stop();
      }
    },
  };
}

export async function waitForJob(queue: JobQueue, id: string, statuses: readonly string[], timeoutMs = 60_000): Promise<JobRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.get(id);
    if (statuses.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`Job ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
