import { parentPort, workerData } from "node:worker_threads";
import { AppError } from "../domain/app-error";
import { openAudioStore } from "./audio-store";
import { hashFile } from "./file-hash";
import { processAudioFile } from "./process-audio-file";
import type { WorkerReply, WorkerRequest } from "./audio-processing-protocol";

/**
 * The import's CPU-heavy half, in a worker thread so the server keeps
 * answering while an hour of audio is decoded and resampled.
 */
const port = parentPort;
if (!port) throw new Error("audio-processing.worker.ts must run as a worker thread.");
const store = openAudioStore((workerData as { dataDir: string }).dataDir);
const running = new Map<number, AbortController>();

port.on("message", (request: WorkerRequest) => {
  if (request.type === "cancel") {
    running.get(request.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(request.id, controller);
  const work =
    request.type === "hash"
      ? hashFile(request.filePath, controller.signal)
      : processAudioFile(store, request.input, controller.signal);
  const displayName = request.type === "hash" ? request.displayName : request.input.displayName;
  work.then(
    (value) => reply({ id: request.id, ok: true, value }),
    (error: unknown) => reply({ id: request.id, ok: false, error: serialiseError(error, controller.signal.aborted, displayName) }),
  );
});

function reply(message: WorkerReply): void {
  running.delete(message.id);
  port!.postMessage(message);
}

/** File-system failures in words a researcher can act on; Node's own messages carry absolute paths. */
const FILE_ERRORS: Record<string, { code: string; says: string }> = {
  EACCES: { code: "AUDIO_UNREADABLE", says: "permission denied" },
  EPERM: { code: "AUDIO_UNREADABLE", says: "permission denied" },
  EISDIR: { code: "AUDIO_UNREADABLE", says: "it is a folder" },
  ENOENT: { code: "IMPORT_FILE_VANISHED", says: "it was moved or deleted during the import" },
  EIO: { code: "AUDIO_UNREADABLE", says: "the disk reported an input/output error" },
};

function serialiseError(error: unknown, aborted: boolean, displayName: string): Extract<WorkerReply, { ok: false }>["error"] {
  if (aborted) return { name: "CancelledError", code: "CANCELLED", message: "Cancelled." };
  if (error instanceof AppError) return { name: error.name, code: error.code, message: error.message };
  const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
  const known = code ? FILE_ERRORS[code] : undefined;
  if (known) return { name: "FileSystemError", code: known.code, message: `cannot read ${displayName}: ${known.says}` };
  const message = error instanceof Error ? error.message : String(error);
  return { name: error instanceof Error ? error.name : "Error", code, message, bug: code === undefined };
}
