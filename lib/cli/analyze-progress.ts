import type { JobView } from "../jobs/job-view";

/** One line of analysis progress: a bar by audio time, recordings, and the time left. */
export function formatAnalysisProgress(job: Pick<JobView, "status" | "progress">, width = 24): string {
  const progress = job.progress;
  if (!progress) return job.status === "queued" ? "waiting for the worker…" : "loading the model…";
  const total = progress.audioSecondsTotal ?? 0;
  const fraction = total > 0 ? (progress.audioSecondsDone ?? 0) / total : progress.total ? progress.done / progress.total : 0;
  const filled = Math.max(0, Math.min(width, Math.round(fraction * width)));
  const eta = progress.etaSeconds === undefined ? "" : `  ${formatClock(progress.etaSeconds)} left`;
  const audio = total > 0 ? `  ${formatClock(progress.audioSecondsDone ?? 0)}/${formatClock(total)} audio` : "";
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${progress.done}/${progress.total} ${progress.unit}${audio}${eta}`;
}

export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}
