import type { ProcessAudioFileInput, ProcessedAudioFile } from "./process-audio-file";

/** Messages between the import job and its audio worker thread. */
export type WorkerRequest =
  | { type: "hash"; id: number; filePath: string; displayName: string }
  | { type: "process"; id: number; input: ProcessAudioFileInput }
  | { type: "cancel"; id: number };

export type WorkerReply =
  | { id: number; ok: true; value: { sha256: string; sizeBytes: number } | ProcessedAudioFile }
  | {
      id: number;
      ok: false;
      /** `bug` marks an error that is not a typed, expected failure (kept for the log). */
      error: { name: string; code?: string; message: string; bug?: boolean };
    };
