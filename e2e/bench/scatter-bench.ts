import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { startBenchServer } from "./bench-server";
import { frameFigures, recordFramesWhile } from "./frame-times";
import { CHROMIUM_ARGS, chromiumExecutable } from "../driver/chromium-launch";

/**
 * `npm run bench -- scatter`: the projection scatter (regl-scatterplot) on
 * the production build, in Chromium, with 100,000 and 1,000,000 synthetic
 * points from /bench/scatter. For each size: data in memory → first drawn
 * frame, then frame times while dragging to pan for a few seconds and while
 * zooming with the wheel. Target: 60 frames per second at 100,000 points.
 *
 * Headless Chromium here has no GPU: WebGL runs on SwiftShader, a CPU
 * rasteriser, and the library copies each WebGL frame into a 2D canvas,
 * which in software means a pixel readback per frame. The figures are a
 * floor for this machine, not what a researcher's GPU gives; the result
 * carries the renderer string so nobody mistakes one for the other.
 */

const PORT = 3292;
const SIZES = [100_000, 1_000_000] as const;
const FIRST_FRAME_RUNS: Readonly<Record<number, number>> = { 100_000: 3, 1_000_000: 2 };
const INTERACTION_SECONDS = 3;
const VIEWPORT = { width: 1440, height: 900 };


export async function runScatterBenchmark(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "resonance-scatter-bench-"));
  // The harness page exists only with this variable.
  const serverOptions: Parameters<typeof startBenchServer>[0] = {
    dataDir,
    port: PORT,
    importRoots: [],
    extraEnv: { RESONANCE_BENCH_PAGES: "1" },
  };
  try {
    const server = await startBenchServer(serverOptions);
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...CHROMIUM_ARGS] });
      return await measureScatter(browser, server.url);
    } finally {
      await browser?.close();
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The measurements against a server that serves /bench/scatter; exported so a build served another way can be measured too. */
export async function measureScatter(browser: Browser, url: string): Promise<Record<string, unknown>> {
  const sizes: Record<string, unknown> = {};
  let environment: Record<string, unknown> = {};
  for (const count of SIZES) {
    const firstFrame: number[] = [];
    const drawCall: number[] = [];
    // One extra run first: it warms the server and the browser's cache of the page's scripts.
    for (let run = 0; run <= FIRST_FRAME_RUNS[count]!; run++) {
      const { page, close } = await openHarness(browser, url, count);
      if (run === 0 && count === SIZES[0]) environment = await describeRenderer(page, browser);
      if (run > 0) {
        firstFrame.push(Number(await page.getByTestId("scatter-bench").getAttribute("data-first-frame-ms")));
        drawCall.push(Number(await page.getByTestId("scatter-bench").getAttribute("data-draw-ms")));
      }
      if (run === FIRST_FRAME_RUNS[count]) {
        const pan = await measurePan(page);
        const wheelZoom = await measureWheelZoom(page);
        sizes[String(count)] = { firstFrameMs: summarise(firstFrame), drawCallMs: summarise(drawCall), pan, wheelZoom };
      }
      await close();
    }
  }
  return {
    targets: { panFramesPerSecondAt100000: 60 },
    note: `WebGL here is ${String(environment.glRenderer)}: software rendering on ${os.cpus().length} CPU cores with no GPU, so these figures are a floor for this machine, not what a GPU gives.`,
    ...environment,
    viewport: VIEWPORT,
    interactionSeconds: INTERACTION_SECONDS,
    sizes,
  };
}

async function openHarness(browser: Browser, url: string, count: number): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const response = await page.goto(`${url}/bench/scatter?n=${count}`);
  if (response?.status() === 404) {
    await context.close();
    throw new Error("/bench/scatter answered 404: the benchmark server must run with RESONANCE_BENCH_PAGES=1 (startBenchServer's extraEnv)");
  }
  // Ready, or an explanation of why not (no WebGL), whichever comes first.
  await page.waitForSelector('[data-testid="scatter-plot"][data-ready="true"], [data-testid="scatter-plot"] [role="alert"]', { timeout: 300_000 });
  const alert = page.getByTestId("scatter-plot").getByRole("alert");
  if ((await alert.count()) > 0) throw new Error(`the scatter harness shows an error: ${await alert.textContent()}`);
  return { page, close: () => context.close() };
}

async function describeRenderer(page: Page, browser: Browser): Promise<Record<string, unknown>> {
  // A string, not a function: tsx's name-keeping helper does not exist in the page.
  const gl = (await page.evaluate(`(() => {
    const gl = document.createElement("canvas").getContext("webgl");
    if (!gl) return { glRenderer: "none", glVendor: "none" };
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    return {
      glRenderer: String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)),
      glVendor: String(info ? gl.getParameter(info.UNMASKED_VENDOR_WEBGL) : gl.getParameter(gl.VENDOR)),
    };
  })()`)) as { glRenderer: string; glVendor: string };
  const devicePixelRatio = await page.evaluate(() => window.devicePixelRatio);
  return { chromium: browser.version(), ...gl, devicePixelRatio };
}

/** Drags across the canvas in a slow figure eight, one mouse move per frame, as a researcher pans around. */
async function measurePan(page: Page): Promise<Record<string, unknown>> {
  const box = await canvasBox(page);
  const centreX = box.x + box.width / 2;
  const centreY = box.y + box.height / 2;
  const before = await plotPixels(page);
  await page.mouse.move(centreX, centreY);
  await page.mouse.down();
  let step = 0;
  const frames = await recordFramesWhile(page, INTERACTION_SECONDS, async () => {
    const t = step++ / 30;
    await page.mouse.move(centreX + Math.sin(t) * box.width * 0.25, centreY + Math.sin(2 * t) * box.height * 0.15);
  });
  await page.mouse.up();
  const after = await plotPixels(page);
  if (before.equals(after)) throw new Error("dragging did not move the scatter plot: the pan measured nothing");
  return frameFigures(frames);
}

/** Wheel steps over the canvas, zooming in for half a second, then out, and so on. */
async function measureWheelZoom(page: Page): Promise<Record<string, unknown>> {
  const box = await canvasBox(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = await plotPixels(page);
  const started = Date.now();
  const frames = await recordFramesWhile(page, INTERACTION_SECONDS, () => page.mouse.wheel(0, Math.floor((Date.now() - started) / 500) % 2 === 0 ? -60 : 60));
  const after = await plotPixels(page);
  if (before.equals(after)) throw new Error("the wheel did not zoom the scatter plot: the zoom measured nothing");
  return frameFigures(frames);
}

async function canvasBox(page: Page) {
  const box = await page.getByRole("img", { name: /Scatter plot of/ }).boundingBox();
  if (!box) throw new Error("the scatter canvas has no box");
  return box;
}

function plotPixels(page: Page): Promise<Buffer> {
  return page.getByTestId("scatter-plot").screenshot();
}

function summarise(values: readonly number[]): Record<string, number | number[]> {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, runs: [...values] };
}
