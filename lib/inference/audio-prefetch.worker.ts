import { open } from "node:fs/promises";
import { parentPort } from "node:worker_threads";

/**
 * Reads stored 16-bit analysis audio and converts it to float32 into shared
 * memory, on the second core, while the inference thread is already running
 * the first windows (onnxruntime-node's run blocks that thread, so this work
 * would otherwise add to every analysis). `progress[0]` counts the samples
 * ready; −1 means the read failed.
 */
export interface PrefetchRequest {
  filePath: string;
  /** Byte offset of the first sample to read. */
  byteOffset: number;
  samples: SharedArrayBuffer;
  progress: SharedArrayBuffer;
}

const port = parentPort;
if (!port) throw new Error("audio-prefetch.worker.ts must run as a worker thread.");
const BLOCK_SAMPLES = 256 * 1024;

port.on("message", (request: PrefetchRequest) => {
  void prefetch(request);
});

async function prefetch(request: PrefetchRequest): Promise<void> {
  const target = new Float32Array(request.samples);
  const progress = new Int32Array(request.progress);
  const bytes = new Uint8Array(BLOCK_SAMPLES * 2);
  const pcm = new Int16Array(bytes.buffer);
  const unit = 1 / 32768;
  try {
    const handle = await open(request.filePath, "r");
    try {
      let done = 0;
      while (done < target.length) {
        const want = Math.min(BLOCK_SAMPLES, target.length - done);
        const { bytesRead } = await handle.read(bytes, 0, want * 2, request.byteOffset + done * 2);
        const got = Math.floor(bytesRead / 2);
        if (got === 0) break;
        for (let k = 0; k < got; k++) target[done + k] = pcm[k]! * unit;
        done += got;
        Atomics.store(progress, 0, done);
        Atomics.notify(progress, 0);
      }
      if (done < target.length) throw new Error(`the analysis audio ended after ${done} of ${target.length} samples`);
    } finally {
      await handle.close();
    }
  } catch (error) {
    Atomics.store(progress, 0, -1);
    Atomics.notify(progress, 0);
    port!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}
