import { describe, expect, it } from "vitest";
import type { JobProgress, JobStatus } from "../api-types";
import { cancelTarget, isCancellable, jobProgressFraction, jobProgressText, jobStatusText } from "./job-row";

const job = (id: string, status: JobStatus, cancelRequested = false, progress: JobProgress | null = null) => ({ id, status, cancelRequested, progress });

describe("job rows", () => {
  it("says cancelling once a cancel was asked for an unfinished job", () => {
    expect(jobStatusText(job("a", "running", true))).toBe("cancelling");
    expect(jobStatusText(job("a", "queued", true))).toBe("cancelling");
    expect(jobStatusText(job("a", "cancelled", true))).toBe("cancelled");
    expect(jobStatusText(job("a", "running"))).toBe("running");
  });

  it("describes progress by count, or by audio time for analyses", () => {
    expect(jobProgressText(job("a", "running", false, { done: 3, total: 12, unit: "files" }))).toBe("3 of 12 files (25%)");
    expect(jobProgressText(job("a", "running", false, { done: 1, total: 1, unit: "recordings", audioSecondsDone: 3600, audioSecondsTotal: 3600 }))).toBe(
      "1 of 1 recordings · 1:00:00 of 1:00:00 audio",
    );
    expect(jobProgressText(job("a", "queued"))).toBe("");
  });

  it("fills the bar by bytes, audio time or count; full when done; indeterminate without progress", () => {
    expect(jobProgressFraction(job("a", "running", false, { done: 1, total: 4, unit: "files", bytesDone: 50, bytesTotal: 200 }))).toBe(0.25);
    expect(jobProgressFraction(job("a", "running", false, { done: 1, total: 2, unit: "recordings", audioSecondsDone: 90, audioSecondsTotal: 100 }))).toBe(0.9);
    expect(jobProgressFraction(job("a", "running", false, { done: 1, total: 4, unit: "files" }))).toBe(0.25);
    expect(jobProgressFraction(job("a", "succeeded"))).toBe(1);
    expect(jobProgressFraction(job("a", "running"))).toBeNull();
  });

  it("cancels the selected job if it still runs, else the newest one that does", () => {
    const jobs = [job("new", "running"), job("asked", "running", true), job("old", "queued"), job("done", "succeeded")];
    expect(isCancellable(jobs[1] as (typeof jobs)[number])).toBe(false);
    expect(cancelTarget(jobs, "old")?.id).toBe("old");
    expect(cancelTarget(jobs, "done")?.id).toBe("new");
    expect(cancelTarget(jobs, null)?.id).toBe("new");
    expect(cancelTarget([job("done", "succeeded")], null)).toBeNull();
  });
});
