import type { TimeView } from "../../editor/time-scale";
import type { TimelineSource } from "../../editor/timeline-source";

/**
 * The time axis of a view cell pinned to one stretch of a recording: the
 * lanes reused from the recording editor (emotion curves, time axis,
 * playhead) read it as they read the editor's waveform, but it never
 * scrolls or zooms, and it plays only that stretch. Framework-free; the
 * media element is made on the first play, so an unplayed cell downloads
 * no audio.
 */

export interface TimeRange {
  startSeconds: number;
  endSeconds: number;
}

/** The fixed view of `range` across `widthPx`, or null before the lanes have a width. */
export function rangeView(range: TimeRange, durationSeconds: number, widthPx: number): TimeView | null {
  const span = range.endSeconds - range.startSeconds;
  if (!(widthPx > 0) || !(span > 0)) return null;
  return { startSeconds: range.startSeconds, pixelsPerSecond: widthPx / span, widthPx, durationSeconds };
}

/** `seconds` held inside the range. */
export function clampToRange(range: TimeRange, seconds: number): number {
  return Math.min(range.endSeconds, Math.max(range.startSeconds, Number.isFinite(seconds) ? seconds : range.startSeconds));
}

/** Where a press of Play starts: where the playhead is, or back at the start once it has reached the end. */
export function playStart(range: TimeRange, current: number): number {
  const at = clampToRange(range, current);
  return at >= range.endSeconds - 0.01 ? range.startSeconds : at;
}

export interface RangeTimelineOptions {
  range: TimeRange;
  durationSeconds: number;
  mediaUrl: string;
  onError?: (message: string) => void;
}

export class RangeTimeline implements TimelineSource {
  private widthPx = 0;
  private position: number;
  private media: HTMLAudioElement | null = null;
  private frame: number | null = null;
  private destroyed = false;
  private readonly viewListeners = new Set<() => void>();
  private readonly timeListeners = new Set<(seconds: number) => void>();
  private readonly playingListeners = new Set<(playing: boolean) => void>();

  constructor(private readonly options: RangeTimelineOptions) {
    this.position = options.range.startSeconds;
  }

  get range(): TimeRange {
    return this.options.range;
  }

  /** The lanes' width changed (ResizeObserver): the same range, more or fewer pixels. */
  setWidth(widthPx: number): void {
    if (this.destroyed || widthPx === this.widthPx) return;
    this.widthPx = widthPx;
    for (const listener of this.viewListeners) listener();
  }

  // —— TimelineSource ——

  getView(): TimeView | null {
    return this.destroyed ? null : rangeView(this.options.range, this.options.durationSeconds, this.widthPx);
  }

  subscribeView(listener: () => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  getCurrentTime(): number {
    return this.media && !this.media.paused ? this.media.currentTime : this.position;
  }

  subscribeTime(listener: (seconds: number) => void): () => void {
    this.timeListeners.add(listener);
    return () => this.timeListeners.delete(listener);
  }

  seekTo(seconds: number): void {
    if (this.destroyed) return;
    this.position = clampToRange(this.options.range, seconds);
    if (this.media) this.media.currentTime = this.position;
    this.notifyTime();
  }

  /** The range is pinned: wheel zoom over a lane does nothing. */
  zoomBy(): void {}

  /** The range is pinned: horizontal wheel over a lane does nothing. */
  scrollBy(): void {}

  // —— Playback ——

  isPlaying(): boolean {
    return this.media !== null && !this.media.paused;
  }

  subscribePlaying(listener: (playing: boolean) => void): () => void {
    this.playingListeners.add(listener);
    return () => this.playingListeners.delete(listener);
  }

  playPause(): void {
    if (this.destroyed) return;
    const media = this.mediaElement();
    if (!media.paused) {
      media.pause();
      return;
    }
    this.position = playStart(this.options.range, this.position);
    media.currentTime = this.position;
    media.play().catch((error: unknown) => {
      // A pause() before playback began rejects play() too; that is not a failure.
      if (error instanceof DOMException && error.name === "AbortError") return;
      this.options.onError?.(`cannot play the range: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopFrames();
    if (this.media) {
      this.media.pause();
      this.media.removeAttribute("src");
      this.media.load();
      this.media = null;
    }
    this.viewListeners.clear();
    this.timeListeners.clear();
    this.playingListeners.clear();
  }

  // —— Internals ——

  private mediaElement(): HTMLAudioElement {
    if (this.media) return this.media;
    const media = document.createElement("audio");
    media.preload = "auto";
    media.src = this.options.mediaUrl;
    media.addEventListener("play", () => {
      this.notifyPlaying(true);
      this.startFrames();
    });
    media.addEventListener("pause", () => {
      this.stopFrames();
      this.position = clampToRange(this.options.range, media.currentTime);
      this.notifyPlaying(false);
      this.notifyTime();
    });
    media.addEventListener("error", () => this.options.onError?.(`cannot play the range: ${media.error?.message || "the audio did not load"}`));
    this.media = media;
    return media;
  }

  /** timeupdate comes about four times a second: too coarse for the playhead and for stopping at the range's end. */
  private startFrames(): void {
    if (this.frame !== null) return;
    const tick = () => {
      this.frame = null;
      const media = this.media;
      if (!media || media.paused || this.destroyed) return;
      if (media.currentTime >= this.options.range.endSeconds) {
        media.pause();
        media.currentTime = this.options.range.endSeconds;
        return;
      }
      this.notifyTime();
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  private stopFrames(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  private notifyTime(): void {
    const seconds = this.getCurrentTime();
    for (const listener of this.timeListeners) listener(seconds);
  }

  private notifyPlaying(playing: boolean): void {
    for (const listener of this.playingListeners) listener(playing);
  }
}
