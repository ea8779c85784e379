/**
 * The one mapping between time and pixels that the waveform, the timeline and
 * every lane under it share. The waveform scrolls; lanes are as wide as its
 * viewport and draw the same window: `startSeconds` at x = 0 and
 * `pixelsPerSecond` across.
 */
export interface TimeView {
  startSeconds: number;
  pixelsPerSecond: number;
  widthPx: number;
  durationSeconds: number;
}

/** emotion2vec+ frames are 20 ms apart. */
export const FRAME_SECONDS = 0.02;
/** At the deepest zoom a 20 ms frame is 40 px wide: wide enough to click and to read its curve value. */
export const MAX_PIXELS_PER_SECOND = 2000;
/** Browsers stop laying out elements a little past 2^25 px; the waveform's scroll width stays under it. */
export const MAX_WAVEFORM_WIDTH_PX = 30_000_000;
/** Keyboard and button zoom steps. */
export const ZOOM_STEP = 1.5;

export function timeToX(view: Pick<TimeView, "startSeconds" | "pixelsPerSecond">, seconds: number): number {
  return (seconds - view.startSeconds) * view.pixelsPerSecond;
}

export function xToTime(view: Pick<TimeView, "startSeconds" | "pixelsPerSecond">, x: number): number {
  return view.startSeconds + x / view.pixelsPerSecond;
}

export function viewEndSeconds(view: Pick<TimeView, "startSeconds" | "pixelsPerSecond" | "widthPx" | "durationSeconds">): number {
  return Math.min(view.durationSeconds, view.startSeconds + view.widthPx / view.pixelsPerSecond);
}

/** The zoom at which the whole recording fills the viewport. */
export function fitPixelsPerSecond(widthPx: number, durationSeconds: number): number {
  return durationSeconds > 0 && widthPx > 0 ? widthPx / durationSeconds : 1;
}

export interface ZoomLimits {
  min: number;
  max: number;
}

/** From the whole recording to single frames, never wider than the browser can lay out. */
export function zoomLimits(widthPx: number, durationSeconds: number): ZoomLimits {
  const min = fitPixelsPerSecond(widthPx, durationSeconds);
  const widest = durationSeconds > 0 ? MAX_WAVEFORM_WIDTH_PX / durationSeconds : MAX_PIXELS_PER_SECOND;
  return { min, max: Math.max(min, Math.min(MAX_PIXELS_PER_SECOND, widest)) };
}

export function clampZoom(pixelsPerSecond: number, limits: ZoomLimits): number {
  if (!Number.isFinite(pixelsPerSecond)) return limits.min;
  return Math.min(limits.max, Math.max(limits.min, pixelsPerSecond));
}

/**
 * The scroll position that keeps the time under `anchorX` (px from the
 * viewport's left edge) under it after a zoom, clamped to the new width.
 */
export function anchoredScrollLeft(options: {
  scrollLeft: number;
  anchorX: number;
  fromPixelsPerSecond: number;
  toPixelsPerSecond: number;
  widthPx: number;
  durationSeconds: number;
}): number {
  const { scrollLeft, anchorX, fromPixelsPerSecond, toPixelsPerSecond, widthPx, durationSeconds } = options;
  const anchorSeconds = (scrollLeft + anchorX) / fromPixelsPerSecond;
  const target = anchorSeconds * toPixelsPerSecond - anchorX;
  const maxScroll = Math.max(0, Math.ceil(durationSeconds * toPixelsPerSecond) - widthPx);
  return Math.min(maxScroll, Math.max(0, target));
}

/**
 * The zoom factor of one wheel event: Ctrl/Cmd + wheel and trackpad pinch
 * (which browsers report as a wheel event with ctrlKey) both land here.
 * Exponential in the distance, so many small pinch events and one mouse
 * notch of the same total travel zoom alike; one event never more than 2×.
 */
export function wheelZoomFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 800 : deltaY;
  const factor = Math.exp(-pixels * 0.004);
  return Math.min(2, Math.max(0.5, factor));
}
