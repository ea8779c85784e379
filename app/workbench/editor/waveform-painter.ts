import { PeaksCache, peaksFetchRange } from "./peaks-cache";
import { type AmplitudeScale, type PeaksWindow, scaleAmplitude, waveformColumns } from "./waveform-peaks";

/**
 * Draws wavesurfer's canvases from stored peaks (its renderFunction): a
 * canvas's position in the scrolled wrapper says which stretch of time it
 * shows, and it is drawn from the best peaks at hand. When they are too
 * coarse for the zoom, finer peaks for the screen are fetched (once the zoom
 * or scroll settles) and the waveform is redrawn with them.
 */

/** Wait this long after the last zoom or scroll before fetching finer peaks. */
const FINE_PEAKS_DELAY_MS = 60;

export interface WaveformViewport {
  scrollLeft: number;
  widthPx: number;
  pixelsPerSecond: number;
  /** The scrolled wrapper's full width in CSS pixels. */
  totalWidthPx: number;
}

export interface WaveformPainterOptions {
  base: PeaksWindow;
  durationSeconds: number;
  amplitude: AmplitudeScale;
  viewport: () => WaveformViewport;
  fetchPeaks: (range: { startSeconds: number; endSeconds: number }, pixelsPerSecond: number, signal: AbortSignal) => Promise<PeaksWindow>;
  /** Finer peaks arrived: redraw the visible canvases. */
  redraw: () => void;
  onError?: (message: string) => void;
}

export class WaveformPainter {
  private readonly cache: PeaksCache;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private request: { key: string; controller: AbortController } | null = null;
  private stopped = false;
  amplitude: AmplitudeScale;

  constructor(private readonly options: WaveformPainterOptions) {
    this.cache = new PeaksCache(options.base);
    this.amplitude = options.amplitude;
  }

  /** wavesurfer's renderFunction: `context` is one of its canvases, already positioned and filled with the wave colour. */
  draw(context: CanvasRenderingContext2D): void {
    const canvas = context.canvas;
    const duration = this.options.durationSeconds;
    const left = Number.parseFloat(canvas.style.left) || 0;
    const cssWidth = Number.parseFloat(canvas.style.width) || canvas.width;
    const totalWidth = this.options.viewport().totalWidthPx || cssWidth;
    const start = (left / totalWidth) * duration;
    const end = ((left + cssWidth) / totalWidth) * duration;
    const { window, adequate } = this.cache.pick(start, end, totalWidth / duration);
    if (!adequate) this.scheduleFinePeaks();
    const columns = canvas.width;
    const { min, max } = waveformColumns(window, start, end, columns);
    const half = canvas.height / 2;
    for (let x = 0; x < columns; x++) {
      const high = max[x]!;
      const low = min[x]!;
      if (Number.isNaN(high) || Number.isNaN(low)) continue;
      const top = half - scaleAmplitude(high, this.amplitude) * half;
      const bottom = half - scaleAmplitude(low, this.amplitude) * half;
      // A silent column still shows as a hairline, as a waveform editor's centre line does.
      context.fillRect(x, Math.min(top, half - 0.5), 1, Math.max(1, bottom - top));
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.request?.controller.abort();
  }

  private scheduleFinePeaks(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.fetchFinePeaks();
    }, FINE_PEAKS_DELAY_MS);
  }

  private async fetchFinePeaks(): Promise<void> {
    if (this.stopped) return;
    const { scrollLeft, widthPx, pixelsPerSecond } = this.options.viewport();
    const range = peaksFetchRange(scrollLeft, widthPx, pixelsPerSecond, this.options.durationSeconds);
    if (this.cache.pick(range.startSeconds, range.endSeconds, pixelsPerSecond).adequate) return;
    const key = `${range.startSeconds.toFixed(3)}:${range.endSeconds.toFixed(3)}:${Math.round(pixelsPerSecond)}`;
    if (this.request?.key === key) return;
    this.request?.controller.abort();
    const controller = new AbortController();
    this.request = { key, controller };
    try {
      const window = await this.options.fetchPeaks(range, pixelsPerSecond, controller.signal);
      if (this.stopped || controller.signal.aborted) return;
      this.cache.add(window, pixelsPerSecond);
      this.options.redraw();
    } catch (error) {
      if (controller.signal.aborted) return;
      this.options.onError?.(`cannot load finer waveform peaks: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (this.request?.controller === controller) this.request = null;
    }
  }
}
