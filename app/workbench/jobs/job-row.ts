import { analysisProgressFraction, analysisProgressText } from "../analysis/analysis-text";
import type { JobSummary } from "../api-types";
import { isFinished } from "./job-queries";

/** The Jobs table's words and numbers for one job, out of the component so they can be checked. */

export function jobStatusText(job: Pick<JobSummary, "status" | "cancelRequested">): string {
  return job.cancelRequested && (job.status === "running" || job.status === "queued") ? "cancelling" : job.status;
}

export function jobProgressText(job: Pick<JobSummary, "progress">): string {
  const progress = job.progress;
  if (!progress) return "";
  // Analyses differ in length: audio time and time left say more than a count of recordings.
  if (progress.audioSecondsTotal !== undefined) return analysisProgressText(progress);
  const percent = progress.total > 0 ? ` (${Math.floor((progress.done / progress.total) * 100)}%)` : "";
  return `${progress.done} of ${progress.total} ${progress.unit}${percent}`;
}

/** 0–1, or null when the job has reported no progress (an indeterminate bar). */
export function jobProgressFraction(job: Pick<JobSummary, "progress" | "status">): number | null {
  if (job.status === "succeeded") return 1;
  const progress = job.progress;
  if (!progress) return null;
  if (progress.bytesTotal !== undefined && progress.bytesTotal > 0) return Math.min(1, (progress.bytesDone ?? 0) / progress.bytesTotal);
  return analysisProgressFraction(progress);
}

/** A job that has not finished and has not been asked to stop yet. */
export function isCancellable(job: Pick<JobSummary, "status" | "cancelRequested">): boolean {
  return !isFinished(job.status) && !job.cancelRequested;
}

/** The job "Cancel Job" acts on: the selected one if it can still be cancelled, else the newest that can. */
export function cancelTarget<T extends Pick<JobSummary, "id" | "status" | "cancelRequested">>(jobs: readonly T[], selectedId: string | null): T | null {
  const selected = jobs.find((job) => job.id === selectedId);
  if (selected && isCancellable(selected)) return selected;
  return jobs.find(isCancellable) ?? null;
}
