"use client";

import { useCallback, useId, useState } from "react";
import { FolderImportForm } from "./folder-import-form";
import { ImportJobView } from "./import-job-view";
import { UploadImportForm } from "./upload-import-form";
import type { UploadFailure } from "./upload-transfer";
import { useModalDialog } from "../use-modal-dialog";

const TABS = [
  { id: "folder", label: "From a folder on this machine" },
  { id: "upload", label: "Upload" },
] as const;

type TabId = (typeof TABS)[number]["id"];

/**
 * The import dialog: choose a source on one of two tabs, start, then follow
 * the job to its report. Modal (native <dialog>), Escape closes it; a job
 * already started keeps running and stays in the Jobs panel.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const dialog = useModalDialog();
  const [tab, setTab] = useState<TabId>("folder");
  const [started, setStarted] = useState<{ jobId: string; uploadFailures: UploadFailure[] } | null>(null);


  const onUploadStarted = useCallback((jobId: string, uploadFailures: UploadFailure[]) => setStarted({ jobId, uploadFailures }), []);

  return (
    <dialog ref={dialog} className="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onClose={onClose}>
      <header className="dialog__header">
        <h2 id={`${id}-title`}>Import recordings</h2>
        <button type="button" className="dialog__close" aria-label="Close" onClick={() => dialog.current?.close()}>
          ×
        </button>
      </header>
      {started ? (
        <>
          {started.uploadFailures.length > 0 && <UploadFailures failures={started.uploadFailures} />}
          <ImportJobView jobId={started.jobId} />
        </>
      ) : (
        <>
          <div role="tablist" aria-label="Import source" className="dialog__tabs">
            {TABS.map((entry) => (
              <button
                key={entry.id}
                type="button"
                role="tab"
                id={`${id}-tab-${entry.id}`}
                aria-selected={tab === entry.id}
                aria-controls={`${id}-panel`}
                onClick={() => setTab(entry.id)}
              >
                {entry.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`}>
            {tab === "folder" ? (
              <FolderImportForm onStarted={(jobId) => setStarted({ jobId, uploadFailures: [] })} />
            ) : (
              <UploadImportForm onStarted={onUploadStarted} />
            )}
          </div>
        </>
      )}
      <footer className="dialog__footer">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </footer>
    </dialog>
  );
}

/** Files the server refused during the upload; the import report lists them too. */
function UploadFailures({ failures }: { failures: readonly UploadFailure[] }) {
  const shown = failures.slice(0, 10);
  return (
    <div className="form-hint" data-testid="upload-failures">
      <p>
        {failures.length} file{failures.length === 1 ? " was" : "s were"} not uploaded:
      </p>
      <ul>
        {shown.map((failure) => (
          <li key={failure.path}>{failure.message}</li>
        ))}
        {failures.length > shown.length && <li>…and {failures.length - shown.length} more (see the report)</li>}
      </ul>
    </div>
  );
}
