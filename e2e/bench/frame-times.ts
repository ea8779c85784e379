import type { Page } from "@playwright/test";

/**
 * Frame timing for the browser benchmarks: frame-to-frame times from
 * requestAnimationFrame in the page while the benchmark pans, zooms or
 * scrolls, and the figures reported from them.
 */

/** Frame-to-frame times (ms) in the page while `step` runs about every 16 ms for `seconds`, as a scrolling or dragging user would. */
export async function recordFramesWhile(page: Page, seconds: number, step: () => Promise<void>): Promise<number[]> {
  // A string, not a function: tsx's name-keeping helper does not exist in the page.
  await page.evaluate(`(() => {
    const times = [];
    let last = performance.now();
    window.__frames = times;
    window.__recording = true;
    const tick = (now) => {
      times.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const started = Date.now();
  while (Date.now() - started < seconds * 1000) {
    await step();
    await page.waitForTimeout(16);
  }
  // The first frames include the set-up above.
  return page.evaluate(`(() => { window.__recording = false; return window.__frames.slice(5); })()`) as Promise<number[]>;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Frames per second, median, 95th percentile and slowest frame, and how many frames took over 50 ms. */
export function frameFigures(frames: readonly number[]): Record<string, number> {
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN);
  const total = frames.reduce((sum, value) => sum + value, 0);
  return {
    frames: frames.length,
    framesPerSecond: round((frames.length / total) * 1000),
    frameMsMedian: at(0.5),
    frameMsP95: at(0.95),
    frameMsMax: round(sorted.at(-1) ?? Number.NaN),
    framesOver50Ms: frames.filter((value) => value > 50).length,
  };
}
