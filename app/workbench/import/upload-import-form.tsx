"use client";

import { type FormEvent, useState } from "react";
import { formatBytes } from "@/lib/http/format-bytes";
import { DropZone } from "./drop-zone";
import { ImportOptionsFields } from "./import-options-fields";
import { INITIAL_IMPORT_OPTIONS } from "./import-request";
import { mergePicked, type PickedFile, totalBytes } from "./picked-files";
import type { UploadFailure } from "./upload-transfer";
import { UploadProgressView } from "./upload-progress-view";
import { useUploadImport } from "./use-upload-import";

/** Uploads files or folders from the researcher's computer, then imports them. */
export function UploadImportForm({ onStarted }: { onStarted: (jobId: string, failures: UploadFailure[]) => void }) {
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [options, setOptions] = useState(INITIAL_IMPORT_OPTIONS);
  const { phase, start, cancel } = useUploadImport(onStarted);
  const busy = phase.kind !== "idle";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void start(files, options);
  };

  return (
    <form className="import-form" onSubmit={submit}>
      <DropZone disabled={busy} onFiles={(added) => setFiles((current) => mergePicked(current, added))} />
      <p className="form-hint" aria-live="polite" data-testid="upload-selection">
        {files.length === 0 ? "No files chosen." : `${files.length} file${files.length === 1 ? "" : "s"} chosen, ${formatBytes(totalBytes(files))}.`}
        {files.length > 0 && !busy && (
          <button type="button" className="link-button" onClick={() => setFiles([])}>
            Clear
          </button>
        )}
      </p>
      <ImportOptionsFields
        value={options}
        onChange={setOptions}
        disabled={busy}
        manifestHint={
          "A CSV, TSV or JSONL file among the uploaded ones, by its path in the upload. " +
          "Empty: manifest.csv or metadata.csv at the top, if uploaded."
        }
      />
      {phase.kind === "uploading" && <UploadProgressView progress={phase.progress} onCancel={cancel} />}
      {phase.kind === "starting" && <p aria-live="polite">Upload complete; starting the import…</p>}
      {phase.kind === "idle" && phase.error && (
        <p role="alert" className="form-error">
          {phase.error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy || files.length === 0 || !options.corpusName.trim()}>
          Upload and import
        </button>
      </div>
    </form>
  );
}
