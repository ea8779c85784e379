"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { cancelJob } from "@/app/actions/analysis-actions";
import type { AnalysisReport } from "../api-types";
import { isFinished, jobKeys, jobQuery } from "../jobs/job-queries";
import { analysisKeys } from "./analysis-queries";
import { analysisProgressFraction, analysisProgressText } from "./analysis-text";

const STATUS_TEXT = {
  queued: "Waiting for the worker…",
  running: "Analysing…",
  succeeded: "Analysis finished.",
  failed: "The analysis failed.",
  cancelled: "The analysis was cancelled.",
} as const;

/**
 * Follows an analyse job: recordings and audio time done, time left, Cancel;
 * then the reason when a recording failed (a model that loads but cannot run
 * fails here, not in the picker). Refreshes the recording's results when done.
 */
export function AnalysisJobProgress({ jobId, recordingId }: { jobId: string; recordingId: string }) {
  const job = useQuery(jobQuery(jobId));
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => cancelJob(jobId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: jobQuery(jobId).queryKey }),
  });
  const status = job.data?.status;

  useEffect(() => {
    if (!isFinished(status)) return;
    void queryClient.invalidateQueries({ queryKey: analysisKeys.recording(recordingId) });
    void queryClient.invalidateQueries({ queryKey: jobKeys.lists });
  }, [status, recordingId, queryClient]);

  if (job.isError) return <p className="form-error">{job.error.message}</p>;
  const view = job.data;
  if (!view) return <p aria-live="polite">Queuing the analysis…</p>;
  const running = view.status === "queued" || view.status === "running";
  const failures = view.status === "succeeded" ? ((view.result as unknown as AnalysisReport | null)?.entries ?? []).filter((entry) => entry.outcome === "failed") : [];

  return (
    <div className="progress-block">
      <p role="status" data-testid="analysis-status" data-status={view.status}>
        {view.cancelRequested && running ? "Cancelling…" : STATUS_TEXT[view.status]}
      </p>
      {running && (
        <>
          {view.progress ? (
            <>
              <progress aria-label="Analysis progress" max={1} value={analysisProgressFraction(view.progress)} />
              <p data-testid="analysis-progress-text">{analysisProgressText(view.progress)}</p>
            </>
          ) : (
            <progress aria-label="Analysis progress" />
          )}
          <button type="button" className="button" disabled={view.cancelRequested || cancel.isPending} onClick={() => cancel.mutate()}>
            Cancel analysis
          </button>
          {cancel.data && !cancel.data.ok && <p className="form-error">{cancel.data.error}</p>}
        </>
      )}
      {view.status === "failed" && view.error && (
        <p role="alert" className="form-error">
          {view.error.message}
        </p>
      )}
      {failures.map((entry) => (
        <p key={entry.recordingId} role="alert" className="form-error">
          {entry.name}: {entry.reason}
        </p>
      ))}
    </div>
  );
}
