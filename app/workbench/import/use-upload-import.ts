"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { startImport } from "@/app/actions/import-actions";
import { type ImportFormOptions, toImportRequest } from "./import-request";
import type { PickedFile } from "./picked-files";
import { type UploadFailure, type UploadProgress, uploadPickedFiles } from "./upload-transfer";

export type UploadPhase =
  | { kind: "idle"; error?: string }
  | { kind: "uploading"; progress: UploadProgress }
  | { kind: "starting" };

/**
 * Uploads the picked files, then queues their import. Cancelling (or closing
 * the dialog) aborts the transfers; nothing is imported then.
 */
export function useUploadImport(onStarted: (jobId: string, failures: UploadFailure[]) => void) {
  const [phase, setPhase] = useState<UploadPhase>({ kind: "idle" });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (files: readonly PickedFile[], options: ImportFormOptions) => {
      const abort = new AbortController();
      controller.current = abort;
      setPhase({ kind: "uploading", progress: { bytesDone: 0, bytesTotal: 0, filesDone: 0, filesTotal: files.length, current: [] } });
      try {
        const outcome = await uploadPickedFiles(files, { signal: abort.signal, onProgress: (progress) => setPhase({ kind: "uploading", progress }) });
        setPhase({ kind: "starting" });
        const result = await startImport(toImportRequest(options, { kind: "upload", uploadId: outcome.uploadId }));
        if (result.ok) onStarted(result.jobId, outcome.failures);
        else setPhase({ kind: "idle", error: result.error });
      } catch (error) {
        const cancelled = error instanceof DOMException && error.name === "AbortError";
        setPhase({
          kind: "idle",
          error: cancelled ? "Upload cancelled; nothing was imported." : error instanceof Error ? error.message : String(error),
        });
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [onStarted],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { phase, start, cancel };
}
