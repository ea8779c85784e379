"use client";

import { useQuery } from "@tanstack/react-query";
import { CommandButton } from "../shell/command-button";
import { isFinished, recentJobsQuery } from "./job-queries";
import { jobProgressFraction, jobProgressText, jobStatusText } from "./job-row";
import styles from "./jobs.module.css";

/** The Jobs view of the side bar: counts and the jobs still running; the full table lives in the panel. */
export function JobsSummaryView() {
  const jobs = useQuery(recentJobsQuery(20));
  if (jobs.isPending) return <p className={styles.empty}>Loading…</p>;
  if (jobs.isError) return <p className="form-error">{jobs.error.message}</p>;
  const list = jobs.data;
  const unfinished = list.filter((job) => !isFinished(job.status));
  const count = (status: string) => list.filter((job) => job.status === status).length;

  return (
    <div className={styles.summary} data-testid="jobs-summary">
      <dl aria-label="Recent jobs by status">
        <dt>Running</dt>
        <dd>{count("running")}</dd>
        <dt>Queued</dt>
        <dd>{count("queued")}</dd>
        <dt>Failed</dt>
        <dd>{count("failed")}</dd>
        <dt>Succeeded</dt>
        <dd>{count("succeeded")}</dd>
      </dl>
      {unfinished.length > 0 && (
        <ul className={styles.latest} aria-label="Unfinished jobs">
          {unfinished.map((job) => {
            const fraction = jobProgressFraction(job);
            return (
              <li key={job.id}>
                <span>
                  {job.kind} · {jobStatusText(job)}
                </span>
                <progress aria-label={`${job.kind} progress`} max={1} value={fraction ?? undefined} />
                <span className={styles.latestMeta}>{jobProgressText(job)}</span>
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <CommandButton command="panel.showJobs" className="button">
          Show the Jobs panel
        </CommandButton>
      </p>
    </div>
  );
}
