"use client";

import { formatBytes } from "@/lib/http/format-bytes";
import type { JobProgress } from "../api-types";

/** A job's progress: a bar, "files n of N", bytes done of total, and what it works on now. */
export function JobProgressView({ progress, label }: { progress: JobProgress | null; label: string }) {
  if (!progress) return <progress aria-label={label} />;
  const { done, total, unit, message, bytesDone, bytesTotal } = progress;
  const byBytes = bytesTotal !== undefined && bytesTotal > 0;
  return (
    <div className="progress-block">
      <progress aria-label={label} max={byBytes ? bytesTotal : Math.max(total, 1)} value={byBytes ? bytesDone ?? 0 : done} />
      <p data-testid="job-progress-text">
        {unit} {done} of {total}
        {byBytes && ` · ${formatBytes(bytesDone ?? 0)} of ${formatBytes(bytesTotal)}`}
      </p>
      {message && <p className="progress-block__current">{message}</p>}
    </div>
  );
}
