import type { TimeView } from "./time-scale";

/**
 * What the lanes under the waveform need from it, without knowing it is
 * wavesurfer.js: the visible window (which changes on scroll, zoom and
 * resize), the playhead, and a way to seek. Listeners are called directly
 * from the waveform's events; lanes batch their redraws into animation frames.
 */
export interface TimelineSource {
  getView(): TimeView | null;
  subscribeView(listener: () => void): () => void;
  getCurrentTime(): number;
  subscribeTime(listener: (seconds: number) => void): () => void;
  seekTo(seconds: number): void;
  /** Zooms by a factor around an x position in the lanes' coordinates (Ctrl/Cmd + wheel over a lane). */
  zoomBy(factor: number, anchorX?: number): void;
  /** Scrolls the waveform by a number of pixels (horizontal wheel over a lane). */
  scrollBy(pixels: number): void;
}

/** Calls `draw` at most once per animation frame however often `schedule` is called; `cancel` stops a pending one. */
export function frameBatcher(draw: () => void): { schedule: () => void; cancel: () => void } {
  let frame: number | null = null;
  return {
    schedule: () => {
      if (frame !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        draw();
      });
    },
    cancel: () => {
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
    },
  };
}
