import { fetchJson } from "../api-fetch";
import type { ApiError } from "../api-types";
import { type PickedFile, uploadPaths } from "./picked-files";

/**
 * Sends picked files to a new upload: one PUT per file with the raw file as
 * the body, through XMLHttpRequest because fetch reports no upload progress.
 * Two files travel at a time. A file the server refuses (too large, bad name)
 * does not stop the others: the server lists it for the import report.
 */
export interface UploadProgress {
  bytesDone: number;
  bytesTotal: number;
  filesDone: number;
  filesTotal: number;
  /** Paths being sent now. */
  current: string[];
}

export interface UploadFailure {
  path: string;
  message: string;
}

export interface UploadOutcome {
  uploadId: string;
  failures: UploadFailure[];
}

const PARALLEL_FILES = 2;

export async function uploadPickedFiles(
  files: readonly PickedFile[],
  options: { signal: AbortSignal; onProgress: (progress: UploadProgress) => void },
): Promise<UploadOutcome> {
  const { signal, onProgress } = options;
  const { uploadId } = await fetchJson<{ uploadId: string; maxBytes: number }>("/api/uploads", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
    signal,
  });
  const paths = uploadPaths(files);
  const sent = new Array<number>(files.length).fill(0);
  const current = new Set<string>();
  const failures: UploadFailure[] = [];
  let filesDone = 0;
  const report = () =>
    onProgress({
      bytesDone: sent.reduce((sum, bytes) => sum + bytes, 0),
      bytesTotal: files.reduce((sum, entry) => sum + entry.file.size, 0),
      filesDone,
      filesTotal: files.length,
      current: [...current],
    });

  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      signal.throwIfAborted();
      const index = next++;
      const path = paths[index]!;
      const file = files[index]!.file;
      current.add(path);
      report();
      const failure = await putFile(uploadId, path, file, signal, (loaded) => {
        sent[index] = loaded;
        report();
      });
      sent[index] = file.size;
      current.delete(path);
      filesDone++;
      if (failure) failures.push({ path, message: failure });
      report();
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_FILES, files.length) }, worker));
  return { uploadId, failures };
}

/** Resolves null when stored, or the server's message; rejects with an AbortError when cancelled. */
function putFile(
  uploadId: string,
  path: string,
  file: File,
  signal: AbortSignal,
  onBytes: (loaded: number) => void,
): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const abort = () => request.abort();
    const finish = () => signal.removeEventListener("abort", abort);
    request.open("PUT", `/api/uploads/${encodeURIComponent(uploadId)}/files?path=${encodeURIComponent(path)}`);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.upload.onprogress = (event) => onBytes(event.loaded);
    request.onload = () => {
      finish();
      if (request.status >= 200 && request.status < 300) return resolve(null);
      resolve(serverMessage(request) ?? `${path}: the server answered ${request.status}.`);
    };
    request.onerror = () => {
      finish();
      resolve(`${path}: the connection to the server failed while sending the file.`);
    };
    request.onabort = () => {
      finish();
      reject(new DOMException("The upload was cancelled.", "AbortError"));
    };
    if (signal.aborted) {
      reject(new DOMException("The upload was cancelled.", "AbortError"));
      return;
    }
    signal.addEventListener("abort", abort);
    request.send(file);
  });
}

function serverMessage(request: XMLHttpRequest): string | null {
  try {
    return (JSON.parse(request.responseText) as Partial<ApiError>).error ?? null;
  } catch {
    return null;
  }
}
