import type { TimeView } from "./time-scale";

/**
 * Which range the spectrogram lane asks for: the visible window widened by
 * half a screen each side (so short scrolls reuse the image on screen), one
 * column per pixel up to the route's limit; and whether an image already
 * drawn still serves the view (it spans it, at about the view's resolution).
 */

/** The spectrogram route's limit on columns. */
export const MAX_SPECTROGRAM_COLUMNS = 4000;
/**
 * Wider views get no spectrogram: a column would stand for seconds of audio
 * sampled by one 32 ms window, which shows nothing a researcher can read, and
 * an hour-wide request keeps the server busy for seconds right after opening.
 */
export const MAX_SPECTROGRAM_SPAN_SECONDS = 15 * 60;

export interface SpectrogramRange {
  startSeconds: number;
  endSeconds: number;
  columns: number;
}

/** The range to ask for, or null when the view is too wide to be worth a spectrogram. */
export function spectrogramRangeFor(view: TimeView): SpectrogramRange | null {
  const span = view.widthPx / view.pixelsPerSecond;
  if (Math.min(span, view.durationSeconds) > MAX_SPECTROGRAM_SPAN_SECONDS) return null;
  const startSeconds = Math.max(0, view.startSeconds - span / 2);
  const endSeconds = Math.min(view.durationSeconds, view.startSeconds + span * 1.5);
  const columns = Math.min(MAX_SPECTROGRAM_COLUMNS, Math.max(1, Math.round((endSeconds - startSeconds) * view.pixelsPerSecond)));
  return { startSeconds: round(startSeconds), endSeconds: round(endSeconds), columns };
}

export function spectrogramCoversView(image: SpectrogramRange, view: TimeView): boolean {
  const end = Math.min(view.durationSeconds, view.startSeconds + view.widthPx / view.pixelsPerSecond);
  const spans = image.startSeconds <= view.startSeconds + 1e-3 && image.endSeconds >= end - 1e-3;
  const columnsPerSecond = image.columns / (image.endSeconds - image.startSeconds);
  const ratio = columnsPerSecond / view.pixelsPerSecond;
  // Stretched a little either way still reads well; beyond that it blurs or wastes the columns.
  return spans && ratio >= 0.7 && ratio <= 1.5;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
