"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { ImportReport } from "../api-types";
import { cancelJob, isFinished, jobKeys, jobQuery } from "../jobs/job-queries";
import { JobProgressView } from "../jobs/job-progress-view";
import { recordingKeys } from "../recordings/recording-queries";
import { ImportReportView } from "./import-report-view";

const STATUS_TEXT = {
  queued: "Waiting for the worker…",
  running: "Importing…",
  succeeded: "Import finished.",
  failed: "The import failed.",
  cancelled: "The import was cancelled.",
} as const;

/** Follows an import job: progress and Cancel while it runs, the report when it is done. */
export function ImportJobView({ jobId }: { jobId: string }) {
  const job = useQuery(jobQuery(jobId));
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => cancelJob(jobId),
    onSuccess: (view) => queryClient.setQueryData(jobQuery(jobId).queryKey, view),
  });
  const status = job.data?.status;

  useEffect(() => {
    if (!isFinished(status)) return;
    void queryClient.invalidateQueries({ queryKey: recordingKeys.all });
    void queryClient.invalidateQueries({ queryKey: jobKeys.lists });
  }, [status, queryClient]);

  if (job.isError) {
    return (
      <p role="alert" className="form-error">
        {job.error.message}
      </p>
    );
  }
  const view = job.data;
  if (!view) return <p aria-live="polite">Loading the import…</p>;
  const running = view.status === "queued" || view.status === "running";

  return (
    <div className="import-job">
      <p role="status" data-testid="import-status" data-status={view.status}>
        {view.cancelRequested && running ? "Cancelling…" : STATUS_TEXT[view.status]}
      </p>
      {running && (
        <>
          <JobProgressView progress={view.progress} label="Import progress" />
          <button type="button" className="button" disabled={view.cancelRequested || cancel.isPending} onClick={() => cancel.mutate()}>
            Cancel import
          </button>
        </>
      )}
      {view.status === "failed" && view.error && (
        <p role="alert" className="form-error">
          {view.error.message}
        </p>
      )}
      {view.status === "succeeded" && view.result && <ImportReportView report={view.result as unknown as ImportReport} jobId={jobId} />}
    </div>
  );
}
