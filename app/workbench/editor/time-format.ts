/**
 * Times as the editor prints them: the timeline's labels, the status bar's
 * selection text and the hover tooltip. Clock style (m:ss, h:mm:ss) with as
 * many decimals as the zoom can tell apart.
 */

/** "1:02.35" with 2 decimals; "1:00:00" from an hour; negative times read as 0. */
export function formatClock(seconds: number, decimals = 0): string {
  const safe = Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
  const scale = 10 ** decimals;
  // Round once, on the whole value, so 59.999 s with 2 decimals reads 1:00.00 rather than 0:60.00.
  const rounded = Math.round(safe * scale) / scale;
  const whole = Math.floor(rounded);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secondsPart = (rounded - hours * 3600 - minutes * 60).toFixed(decimals).padStart(decimals > 0 ? decimals + 3 : 2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${secondsPart}` : `${minutes}:${secondsPart}`;
}

/** The status bar's text for a time range: "0:12.30–0:15.00 · 2.70 s". */
export function rangeText(startSeconds: number, endSeconds: number): string {
  const start = Math.min(startSeconds, endSeconds);
  const end = Math.max(startSeconds, endSeconds);
  return `${formatClock(start, 2)}–${formatClock(end, 2)} · ${(end - start).toFixed(2)} s`;
}

const TICK_STEPS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200] as const;

/** The smallest "nice" step whose labels sit at least `minSpacingPx` apart at this zoom. */
export function tickStep(pixelsPerSecond: number, minSpacingPx = 72): number {
  for (const step of TICK_STEPS) if (step * pixelsPerSecond >= minSpacingPx) return step;
  return TICK_STEPS[TICK_STEPS.length - 1]!;
}

/** Tick times from the first multiple of `step` at or after `start` up to `end`, computed from integers so they do not drift. */
export function ticksBetween(startSeconds: number, endSeconds: number, step: number): number[] {
  const first = Math.ceil(startSeconds / step - 1e-9);
  const last = Math.floor(endSeconds / step + 1e-9);
  const ticks: number[] = [];
  for (let index = first; index <= last && ticks.length < 10_000; index++) ticks.push(Number((index * step).toFixed(6)));
  return ticks;
}

/** Decimals a tick label needs to tell its neighbours apart. */
export function tickDecimals(step: number): number {
  if (step >= 1) return 0;
  if (step >= 0.1) return 1;
  return 2;
}
