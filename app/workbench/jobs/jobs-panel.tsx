"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { JobSummary } from "../api-types";
import { useCommands, useContextKey, useRegisterCommands } from "../commands/commands-provider";
import { CommandButton } from "../shell/command-button";
import { cancelJob, jobKeys, recentJobsQuery } from "./job-queries";
import { cancelTarget, isCancellable, jobProgressFraction, jobProgressText, jobStatusText } from "./job-row";
import styles from "./jobs.module.css";

/**
 * The Jobs tab of the panel: recent jobs with status, a progress bar and
 * outcome. Clicking a row selects it; "Cancel Job" (the row's button, the
 * palette, the panel's toolbar) stops the selected job, or the newest one
 * still running when none is selected.
 */
export function JobsPanel() {
  const jobs = useQuery(recentJobsQuery(20));
  const queryClient = useQueryClient();
  const { output } = useCommands();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const target = cancelTarget(jobs.data ?? [], selectedId);
  const targetRef = useRef(target);
  targetRef.current = target;
  // A row's Cancel button selects and cancels in one click, before the selection re-renders.
  const select = (job: JobSummary) => {
    setSelectedId(job.id);
    if (isCancellable(job)) targetRef.current = job;
  };

  useContextKey("jobCancellable", target !== null);
  useRegisterCommands(
    () => [
      {
        id: "jobs.cancel",
        title: "Cancel Job",
        category: "Jobs",
        when: (context) => context.jobCancellable === true,
        run: async () => {
          const job = targetRef.current;
          if (!job) return;
          await cancelJob(job.id);
          output.append("info", "jobs", `Asked the ${job.kind} job started ${new Date(job.createdAt).toLocaleTimeString()} to stop.`);
          await queryClient.invalidateQueries({ queryKey: jobKeys.all });
        },
      },
    ],
    [output, queryClient],
  );

  if (jobs.isPending) return <p className={styles.empty}>Loading…</p>;
  if (jobs.isError) return <p className="form-error">{jobs.error.message}</p>;
  if (jobs.data.length === 0) return <p className={styles.empty}>No jobs yet.</p>;

  return (
    <table className={styles.table} aria-label="Recent jobs">
      <thead>
        <tr>
          <th scope="col">Job</th>
          <th scope="col">Status</th>
          <th scope="col">Progress</th>
          <th scope="col">Outcome</th>
          <th scope="col">Created</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {jobs.data.map((job) => (
          <JobRow key={job.id} job={job} selected={job.id === selectedId} onSelect={() => select(job)} />
        ))}
      </tbody>
    </table>
  );
}

function JobRow({ job, selected, onSelect }: { job: JobSummary; selected: boolean; onSelect: () => void }) {
  const fraction = jobProgressFraction(job);
  const progress = jobProgressText(job);
  return (
    <tr data-status={job.status} data-selected={selected} className={styles.row} onClick={onSelect}>
      <td>{job.kind}</td>
      <td>
        <span className={styles.status} data-status={job.status}>
          {jobStatusText(job)}
        </span>
      </td>
      <td>
        <div className={styles.progressCell}>
          {job.status !== "succeeded" && job.status !== "cancelled" && (
            <progress className={styles.progress} aria-label={`${job.kind} progress`} max={1} value={fraction ?? undefined} />
          )}
          <span>{progress}</span>
        </div>
      </td>
      <td>{job.error?.message ?? job.summary ?? ""}</td>
      <td>
        <time dateTime={job.createdAt}>{new Date(job.createdAt).toLocaleString()}</time>
      </td>
      <td>
        {isCancellable(job) && (
          <CommandButton command="jobs.cancel" className={styles.cancel} beforeRun={onSelect}>
            Cancel
          </CommandButton>
        )}
      </td>
    </tr>
  );
}
