"use client";

import { useQuery } from "@tanstack/react-query";
import { analysisProgressText } from "../analysis/analysis-text";
import type { JobSummary } from "../api-types";
import { recentJobsQuery } from "./job-queries";

/** The Jobs tab of the panel: recent jobs with status, progress and outcome. */
export function JobsPanel() {
  const jobs = useQuery(recentJobsQuery(20));
  if (jobs.isPending) return <p className="panel__empty">Loading…</p>;
  if (jobs.isError) return <p className="form-error">{jobs.error.message}</p>;
  if (jobs.data.length === 0) return <p className="panel__empty">No jobs yet.</p>;

  return (
    <table className="jobs-table" aria-label="Recent jobs">
      <thead>
        <tr>
          <th scope="col">Job</th>
          <th scope="col">Status</th>
          <th scope="col">Progress</th>
          <th scope="col">Outcome</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {jobs.data.map((job) => (
          <tr key={job.id} data-status={job.status}>
            <td>{job.kind}</td>
            <td>{job.cancelRequested && job.status === "running" ? "cancelling" : job.status}</td>
            <td>{progressText(job)}</td>
            <td>{job.error?.message ?? job.summary ?? ""}</td>
            <td>
              <time dateTime={job.createdAt}>{new Date(job.createdAt).toLocaleString()}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function progressText(job: JobSummary): string {
  const progress = job.progress;
  if (!progress) return "";
  // Analyses differ in length: audio time and time left say more than a count of recordings.
  if (progress.audioSecondsTotal !== undefined) return analysisProgressText(progress);
  const percent = progress.total > 0 ? ` (${Math.floor((progress.done / progress.total) * 100)}%)` : "";
  return `${progress.done} of ${progress.total} ${progress.unit}${percent}`;
}
