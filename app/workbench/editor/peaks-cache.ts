import { pairsPerSecond, type PeaksWindow } from "./waveform-peaks";

/**
 * The waveform's peaks at several resolutions: the whole recording at a level
 * of at most ~200k pairs (loaded on open), plus windows of finer levels
 * fetched for what is on screen when zoomed in past it. Drawing asks for the
 * best data covering a stretch; a miss says which window to fetch.
 */

/** Windows of finer levels kept besides the base; each is a few screens wide (tens of KB). */
const MAX_WINDOWS = 16;

export interface PeaksPick {
  window: PeaksWindow;
  /** False when finer data than `window` would show more at this zoom: fetch it. */
  adequate: boolean;
}

export class PeaksCache {
  private windows: PeaksWindow[] = [];
  /** The finest pairs per second the server has (learned when it answers coarser than asked). */
  private finest = Infinity;

  constructor(readonly base: PeaksWindow) {}

  /** Stores a fetched window; `requestedPairsPerSecond` is what was asked, so a coarser answer marks the finest level. */
  add(window: PeaksWindow, requestedPairsPerSecond: number): void {
    const rate = pairsPerSecond(window);
    if (rate < requestedPairsPerSecond * 0.999) this.finest = Math.min(this.finest, rate);
    this.windows = [window, ...this.windows.filter((other) => other !== window)].slice(0, MAX_WINDOWS);
  }

  /** Pairs per second that show everything at `pixelsPerSecond` (one pair per pixel, or the finest there is). */
  neededPairsPerSecond(pixelsPerSecond: number): number {
    return Math.min(pixelsPerSecond, this.finest);
  }

  /**
   * The coarsest data that still has a pair per pixel over start..end, else
   * the finest that covers it (the base always does).
   */
  pick(startSeconds: number, endSeconds: number, pixelsPerSecond: number): PeaksPick {
    const needed = this.neededPairsPerSecond(pixelsPerSecond) * 0.999;
    const duration = this.base.endSeconds;
    const from = Math.max(0, startSeconds);
    const to = Math.min(duration, endSeconds);
    const covering = [this.base, ...this.windows].filter((window) => window.startSeconds <= from + 1e-6 && window.endSeconds >= to - 1e-6);
    const byRate = (a: PeaksWindow, b: PeaksWindow) => pairsPerSecond(a) - pairsPerSecond(b);
    const enough = covering.filter((window) => pairsPerSecond(window) >= needed).sort(byRate);
    const best = enough[0] ?? covering.sort(byRate)[covering.length - 1];
    const window = best ?? this.base;
    if (window !== this.base) this.windows = [window, ...this.windows.filter((other) => other !== window)];
    return { window, adequate: pairsPerSecond(window) >= needed };
  }
}

/**
 * The stretch to fetch finer peaks for: the canvases wavesurfer draws around
 * the viewport (it draws viewport-wide canvases, the visible ones plus one
 * on each side), so one fetch covers every canvas it will ask for.
 */
export function peaksFetchRange(scrollLeftPx: number, viewportPx: number, pixelsPerSecond: number, durationSeconds: number): { startSeconds: number; endSeconds: number } {
  const canvas = Math.max(1, viewportPx);
  const firstCanvas = Math.floor(scrollLeftPx / canvas) - 1;
  const lastCanvas = Math.floor((scrollLeftPx + viewportPx) / canvas) + 1;
  const startSeconds = Math.max(0, (firstCanvas * canvas) / pixelsPerSecond);
  const endSeconds = Math.min(durationSeconds, ((lastCanvas + 1) * canvas) / pixelsPerSecond);
  return { startSeconds, endSeconds };
}
