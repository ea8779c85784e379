import WaveSurfer from "wavesurfer.js";
import HoverPlugin from "wavesurfer.js/dist/plugins/hover.esm.js";
import RegionsPluginClass from "wavesurfer.js/dist/plugins/regions.esm.js";
import { formatClock } from "./time-format";
import { anchoredScrollLeft, clampZoom, fitPixelsPerSecond, MAX_PIXELS_PER_SECOND, type TimeView, zoomLimits } from "./time-scale";
import type { TimelineSource } from "./timeline-source";
import { WaveformPainter } from "./waveform-painter";
import { type AmplitudeScale, type PeaksWindow, wavesurferChannels } from "./waveform-peaks";

/**
 * The waveform engine: wavesurfer.js with its Regions, Hover and (loaded
 * after the first paint) Minimap plugins, drawn from stored peaks and never
 * from decoded audio. Framework-free; use-wavesurfer.ts creates one on mount
 * and destroys it on unmount.
 *
 * wavesurfer draws viewport-wide canvases lazily as it scrolls and hands each
 * to `renderFunction`; ours reads which stretch of time the canvas covers
 * from its position and draws it from the best peaks at hand (the whole
 * recording's level, or a finer window fetched for the screen when zoomed in
 * past it), then redraws once the finer window arrives. So an hour opens
 * with ≤ 200k pairs and still shows single samples' envelopes at 20 ms frames.
 */

export type RegionsPlugin = InstanceType<typeof RegionsPluginClass>;

export interface WaveformColors {
  wave: string;
  progress: string;
  cursor: string;
  hover: string;
  hoverLabel: string;
  hoverBackground: string;
  minimapOverlay: string;
}

export interface WaveformOptions {
  container: HTMLElement;
  /** Where the minimap goes (under the waveform when absent). */
  minimapContainer?: HTMLElement;
  media: HTMLMediaElement;
  base: PeaksWindow;
  durationSeconds: number;
  height: number;
  amplitude: AmplitudeScale;
  /** Zoom to open at (null: fit). */
  pixelsPerSecond: number | null;
  colors: WaveformColors;
  /** Peaks of start..end at about `pixelsPerSecond` (the server picks the level). */
  fetchPeaks: (range: { startSeconds: number; endSeconds: number }, pixelsPerSecond: number, signal: AbortSignal) => Promise<PeaksWindow>;
  onZoom?: (pixelsPerSecond: number | null) => void;
  onFirstDraw?: () => void;
  onError?: (message: string) => void;
}

export class WaveformController implements TimelineSource {
  readonly wavesurfer: WaveSurfer;
  readonly regions: RegionsPlugin;
  private readonly painter: WaveformPainter;
  private readonly duration: number;
  /** null: fitted to the viewport. */
  private zoomPps: number | null = null;
  private readonly viewListeners = new Set<() => void>();
  private readonly timeListeners = new Set<(seconds: number) => void>();
  private wheelFrame: number | null = null;
  private wheelFactor = 1;
  private wheelAnchor: number | undefined;
  private drawn = false;
  private destroyed = false;
  private loop: { start: number; end: number } | null = null;
  private readonly unsubscribers: (() => void)[] = [];

  constructor(private readonly options: WaveformOptions) {
    this.duration = options.durationSeconds;
    this.painter = new WaveformPainter({
      base: options.base,
      durationSeconds: options.durationSeconds,
      amplitude: options.amplitude,
      viewport: () => ({
        scrollLeft: this.wavesurfer.getScroll(),
        widthPx: this.wavesurfer.getWidth(),
        pixelsPerSecond: this.pixelsPerSecond(),
        totalWidthPx: this.wavesurfer.getWrapper().getBoundingClientRect().width,
      }),
      fetchPeaks: options.fetchPeaks,
      redraw: () => this.redraw(),
      onError: options.onError,
    });
    this.regions = RegionsPluginClass.create();
    const { colors } = options;
    this.wavesurfer = WaveSurfer.create({
      container: options.container,
      media: options.media,
      peaks: wavesurferChannels(options.base),
      duration: options.durationSeconds,
      height: options.height,
      waveColor: colors.wave,
      progressColor: colors.progress,
      cursorColor: colors.cursor,
      cursorWidth: 2,
      minPxPerSec: 0,
      fillParent: true,
      autoScroll: true,
      autoCenter: true,
      interact: true,
      dragToSeek: false,
      renderFunction: (_channels, context) => this.painter.draw(context),
      plugins: [
        this.regions,
        HoverPlugin.create({
          lineColor: colors.hover,
          labelColor: colors.hoverLabel,
          labelBackground: colors.hoverBackground,
          labelSize: 11,
          formatTimeCallback: (seconds) => formatClock(seconds, this.pixelsPerSecond() >= 50 ? 2 : 1),
        }),
      ],
    });
    const ws = this.wavesurfer;
    const notifyView = () => this.notifyView();
    this.unsubscribers.push(
      ws.on("scroll", notifyView),
      ws.on("zoom", notifyView),
      ws.on("resize", () => {
        // The fitted zoom follows the viewport by itself; a fixed zoom that a wider viewport now fits becomes "fit".
        if (this.zoomPps !== null && this.zoomPps <= fitPixelsPerSecond(this.wavesurfer.getWidth(), this.duration)) this.zoomToFit();
        notifyView();
      }),
      ws.on("redraw", notifyView),
      ws.on("timeupdate", (seconds) => this.onTime(seconds)),
      ws.on("ready", () => {
        if (options.pixelsPerSecond !== null) this.zoomTo(options.pixelsPerSecond, 0);
        notifyView();
        void this.loadMinimap();
      }),
      ws.on("redrawcomplete", () => {
        if (this.drawn) return;
        this.drawn = true;
        options.onFirstDraw?.();
      }),
      ws.on("error", (error) => options.onError?.(error.message)),
    );
  }

  // —— TimelineSource ——

  getView(): TimeView | null {
    if (this.destroyed) return null;
    const widthPx = this.wavesurfer.getWidth();
    if (!(widthPx > 0)) return null;
    const pixelsPerSecond = this.pixelsPerSecond();
    return { startSeconds: this.wavesurfer.getScroll() / pixelsPerSecond, pixelsPerSecond, widthPx, durationSeconds: this.duration };
  }

  subscribeView(listener: () => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  getCurrentTime(): number {
    return this.destroyed ? 0 : this.wavesurfer.getCurrentTime();
  }

  subscribeTime(listener: (seconds: number) => void): () => void {
    this.timeListeners.add(listener);
    return () => this.timeListeners.delete(listener);
  }

  seekTo(seconds: number): void {
    if (this.destroyed) return;
    this.wavesurfer.setTime(Math.min(this.duration, Math.max(0, seconds)));
  }

  scrollBy(pixels: number): void {
    if (!this.destroyed) this.wavesurfer.setScroll(this.wavesurfer.getScroll() + pixels);
  }

  // —— Zoom ——

  /** The effective zoom: the fitted one when fitted. */
  pixelsPerSecond(): number {
    const fit = fitPixelsPerSecond(this.wavesurfer.getWidth(), this.duration);
    return this.zoomPps === null ? fit : Math.max(fit, this.zoomPps);
  }

  isFitted(): boolean {
    return this.zoomPps === null;
  }

  maxPixelsPerSecond(): number {
    return zoomLimits(this.wavesurfer.getWidth(), this.duration).max;
  }

  /**
   * Zooms to `pixelsPerSecond`, keeping the time under `anchorX` (px in the
   * viewport; default the playhead when on screen, else the centre) in place.
   */
  zoomTo(pixelsPerSecond: number, anchorX?: number): void {
    if (this.destroyed || !this.wavesurfer.getDecodedData()) return;
    const width = this.wavesurfer.getWidth();
    const limits = zoomLimits(width, this.duration);
    const next = clampZoom(pixelsPerSecond, limits);
    const fitted = next <= limits.min * 1.0001;
    const previous = this.pixelsPerSecond();
    const scrollLeft = this.wavesurfer.getScroll();
    const anchor = anchorX ?? this.defaultAnchor(previous, scrollLeft, width);
    this.zoomPps = fitted ? null : next;
    this.wavesurfer.zoom(fitted ? 0 : next);
    this.wavesurfer.setScroll(
      fitted ? 0 : anchoredScrollLeft({ scrollLeft, anchorX: anchor, fromPixelsPerSecond: previous, toPixelsPerSecond: next, widthPx: width, durationSeconds: this.duration }),
    );
    this.options.onZoom?.(this.zoomPps);
    this.notifyView();
  }

  zoomBy(factor: number, anchorX?: number): void {
    this.zoomTo(this.pixelsPerSecond() * factor, anchorX);
  }

  zoomToFit(): void {
    this.zoomTo(0);
  }

  /** Single 20 ms frames, around the playhead. */
  zoomToFrames(): void {
    this.zoomTo(MAX_PIXELS_PER_SECOND);
  }

  /** Ctrl/Cmd + wheel and pinch: many events per frame fold into one zoom. */
  wheelZoom(factor: number, anchorX: number): void {
    this.wheelFactor *= factor;
    this.wheelAnchor = anchorX;
    if (this.wheelFrame !== null) return;
    this.wheelFrame = requestAnimationFrame(() => {
      this.wheelFrame = null;
      const pending = this.wheelFactor;
      this.wheelFactor = 1;
      this.zoomBy(pending, this.wheelAnchor);
    });
  }

  // —— Display ——

  setHeight(height: number): void {
    if (!this.destroyed) this.wavesurfer.setOptions({ height });
  }

  setAmplitude(amplitude: AmplitudeScale): void {
    if (this.destroyed || amplitude === this.painter.amplitude) return;
    this.painter.amplitude = amplitude;
    this.redraw();
  }

  setColors(colors: WaveformColors): void {
    if (!this.destroyed) this.wavesurfer.setOptions({ waveColor: colors.wave, progressColor: colors.progress, cursorColor: colors.cursor });
  }

  // —— Playback ——

  /** Plays the loop range over and over while set; null stops looping. */
  setLoop(range: { start: number; end: number } | null): void {
    this.loop = range && range.end > range.start ? range : null;
  }

  playPause(): void {
    if (this.destroyed) return;
    const ws = this.wavesurfer;
    if (ws.isPlaying()) {
      ws.pause();
      return;
    }
    const loop = this.loop;
    const now = ws.getCurrentTime();
    if (loop && (now < loop.start || now >= loop.end - 0.01)) ws.setTime(loop.start);
    void ws.play();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.painter.stop();
    if (this.wheelFrame !== null) cancelAnimationFrame(this.wheelFrame);
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.viewListeners.clear();
    this.timeListeners.clear();
    this.wavesurfer.destroy();
  }

  // —— Internals ——

  private onTime(seconds: number): void {
    const loop = this.loop;
    if (loop && this.wavesurfer.isPlaying() && seconds >= loop.end) {
      this.wavesurfer.setTime(loop.start);
      return;
    }
    for (const listener of this.timeListeners) listener(seconds);
  }

  private notifyView(): void {
    for (const listener of this.viewListeners) listener();
  }

  private defaultAnchor(pixelsPerSecond: number, scrollLeft: number, width: number): number {
    const playheadX = this.wavesurfer.getCurrentTime() * pixelsPerSecond - scrollLeft;
    return playheadX >= 0 && playheadX <= width ? playheadX : width / 2;
  }

  /** Re-renders the visible canvases through renderFunction (scroll position kept). */
  private redraw(): void {
    if (!this.destroyed && this.wavesurfer.getDecodedData()) this.wavesurfer.setOptions({});
  }

  private async loadMinimap(): Promise<void> {
    // After the first paint: the minimap carries its own copy of wavesurfer (~55 KB) that opening need not wait for.
    const { default: MinimapPlugin } = await import("wavesurfer.js/dist/plugins/minimap.esm.js");
    if (this.destroyed) return;
    const { colors } = this.options;
    this.wavesurfer.registerPlugin(
      MinimapPlugin.create({
        container: this.options.minimapContainer,
        height: 28,
        waveColor: colors.wave,
        progressColor: colors.progress,
        cursorColor: colors.cursor,
        overlayColor: colors.minimapOverlay,
        interact: true,
      }),
    );
  }
}
