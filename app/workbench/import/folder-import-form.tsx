"use client";

import { type FormEvent, useId, useState, useTransition } from "react";
import { startImport } from "@/app/actions/import-actions";
import { ImportOptionsFields } from "./import-options-fields";
import { INITIAL_IMPORT_OPTIONS, toImportRequest } from "./import-request";

/** Imports a folder (or one file) the server can read, under IMPORT_ROOTS. */
export function FolderImportForm({ onStarted }: { onStarted: (jobId: string) => void }) {
  const id = useId();
  const [folder, setFolder] = useState("");
  const [options, setOptions] = useState(INITIAL_IMPORT_OPTIONS);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await startImport(toImportRequest(options, { kind: "path", path: folder.trim() })).catch(
        (reason: unknown) => ({ ok: false as const, error: reason instanceof Error ? reason.message : String(reason) }),
      );
      if (result.ok) onStarted(result.jobId);
      else setError(result.error);
    });
  };

  return (
    <form className="import-form" onSubmit={submit}>
      <label htmlFor={`${id}-folder`}>Folder or file on this machine</label>
      <input
        id={`${id}-folder`}
        type="text"
        required
        data-autofocus
        placeholder="/home/me/recordings/pilot"
        aria-describedby={`${id}-folder-hint`}
        value={folder}
        onChange={(event) => setFolder(event.target.value)}
      />
      <p id={`${id}-folder-hint`} className="form-hint">
        An absolute path, or relative to the first import root. Only folders under IMPORT_ROOTS can be read.
      </p>
      <ImportOptionsFields
        value={options}
        onChange={setOptions}
        disabled={pending}
        manifestHint="A CSV, TSV or JSONL file under the import roots. Empty: manifest.csv or metadata.csv at the top of the folder, if there is one."
      />
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={pending || !folder.trim() || !options.corpusName.trim()}>
          {pending ? "Starting…" : "Start import"}
        </button>
      </div>
    </form>
  );
}
