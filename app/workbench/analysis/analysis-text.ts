import type { AnalysisView, JobProgress } from "../api-types";
import { formatDuration } from "../format-duration";

/**
 * The words the analysis views show, kept out of the components so they can
 * be checked: job progress by recordings and audio time, and one line saying
 * how a result was made (model, provider, speed).
 */

/** "1 of 3 recordings · 0:35 of 1:10 audio · about 0:20 left". */
export function analysisProgressText(progress: JobProgress): string {
  const parts = [`${progress.done} of ${progress.total} ${progress.unit}`];
  const total = progress.audioSecondsTotal;
  if (total !== undefined && total > 0) parts.push(`${formatDuration(progress.audioSecondsDone ?? 0)} of ${formatDuration(total)} audio`);
  if (progress.etaSeconds !== undefined && progress.done < progress.total) parts.push(`about ${formatDuration(Math.max(1, progress.etaSeconds))} left`);
  return parts.join(" · ");
}

/** The fraction of the work done, by audio time when known (recordings differ in length), else by recordings. */
export function analysisProgressFraction(progress: JobProgress): number {
  const total = progress.audioSecondsTotal;
  const fraction = total !== undefined && total > 0 ? (progress.audioSecondsDone ?? 0) / total : progress.total > 0 ? progress.done / progress.total : 0;
  return Math.min(1, Math.max(0, fraction));
}

const PROVIDER_NAMES: Readonly<Record<string, string>> = { cpu: "CPU", cuda: "CUDA", imported: "imported from the WebUI" };

/** "Test: FunASR-like export 1.0.0 · CPU, 1 thread · 2.0 s of audio in 20 ms (100× real time)". */
export function analysisRunText(analysis: Pick<AnalysisView, "model" | "executionProvider" | "threads" | "timings">): string {
  const parts = [`${analysis.model.name} ${analysis.model.version}`];
  const provider = PROVIDER_NAMES[analysis.executionProvider] ?? analysis.executionProvider;
  parts.push(analysis.threads ? `${provider}, ${analysis.threads} thread${analysis.threads === 1 ? "" : "s"}` : provider);
  const { audioSeconds, inferenceMs, realTimeFactor } = analysis.timings;
  if (audioSeconds !== undefined && inferenceMs !== undefined) {
    const speed = realTimeFactor ? ` (${formatFactor(realTimeFactor)}× real time)` : "";
    parts.push(`${audioSeconds.toFixed(1)} s of audio in ${formatMilliseconds(inferenceMs)}${speed}`);
  }
  return parts.join(" · ");
}

/** A probability as a whole percentage, "<1%" for small non-zero ones so they do not read as none. */
export function formatPercent(score: number): string {
  if (!Number.isFinite(score)) return "–";
  const percent = score * 100;
  if (percent > 0 && percent < 0.5) return "<1%";
  return `${Math.round(percent)}%`;
}

function formatMilliseconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function formatFactor(factor: number): string {
  return factor >= 10 ? String(Math.round(factor)) : factor.toFixed(1);
}
