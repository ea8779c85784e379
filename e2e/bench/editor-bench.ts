import { mkdirSync, mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { DEFAULT_LAYOUT, serialiseLayout, LAYOUT_STORAGE_KEY } from "../../app/workbench/shell/layout-state";
import { createWavFileWriter } from "../../lib/audio/wav-file-writer";
import { applyPendingMigrations } from "../../lib/db/apply-migrations";
import { openDatabase } from "../../lib/db/database";
import { embeddedDatasource } from "../../lib/db/datasource";
import { projectMigrationPaths } from "../../lib/db/migrations";
import { seedManyRecordings } from "../../lib/db/testing/seed-many-recordings";
import { startBenchServer, runJob } from "./bench-server";
import { measureLabelSaves, summarise } from "./label-save-bench";
import { frameFigures, recordFramesWhile } from "./frame-times";
import { CHROMIUM_ARGS, chromiumExecutable } from "../driver/chromium-launch";

/**
 * `npm run bench -- editor`: the recording editor on the production build,
 * driven in Chromium. Measures, for a one-hour recording analysed with the
 * default model: navigation → interactive waveform with curves, bytes
 * transferred before that, frame times while scrolling at high zoom, the
 * label-save round trip on the embedded database, and explorer scrolling
 * over 100,000 recordings.
 */

const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
const INPUTS = path.join(PROJECT_ROOT, "bench-results", "inputs");
const PORT = 3290;
const OPEN_RUNS = 5;
const DEFAULT_MODEL = "resonance-synthetic-baseline";
const EXPLORER_CORPUS = "Explorer benchmark";

export async function runEditorBenchmark(): Promise<Record<string, unknown>> {
  mkdirSync(INPUTS, { recursive: true });
  const hour = path.join(INPUTS, "one-hour-16k-mono-speechlike.wav");
  if (!existsSync(hour)) await writeSpeechLikeHour(hour);
  const dataDir = mkdtempSync(path.join(tmpdir(), "resonance-editor-bench-"));
  try {
    const seeding = await seedExplorerCorpus(dataDir);
    const server = await startBenchServer({ dataDir, port: PORT, importRoots: [INPUTS] });
    let browser: Browser | undefined;
    try {
      const imported = await timed(() => runJob(server.url, "/api/imports", { corpusName: "Editor benchmark", source: { kind: "path", path: hour } }));
      const recording = await findRecording(server.url, "one-hour-16k-mono-speechlike.wav");
      const analysed = await timed(() =>
        runJob(server.url, "/api/analyses", { modelId: DEFAULT_MODEL, selection: { recordingIds: [recording.id] }, includeRegions: false }),
      );
      browser = await chromium.launch({
        executablePath: chromiumExecutable(),
        args: [...CHROMIUM_ARGS],
      });
      const open = await measureOpen(browser, server.url, recording);
      const scrolling = await measureZoomedScroll(browser, server.url, recording);
      const explorer = await measureExplorerScroll(browser, server.url);
      const labelSave = await measureLabelSaves(server.url, recording.id, recording.durationSeconds, 200);
      return {
        targets: { openToInteractiveMs: 1500, bytesBeforeInteractive: 3 * 1024 * 1024, labelSaveP95Ms: 100 },
        recording: { durationSeconds: recording.durationSeconds, importSeconds: imported.seconds, analyseSeconds: analysed.seconds },
        openToInteractive: open,
        zoomedScroll: scrolling,
        explorerScroll: { recordings: seeding.recordings, seedSeconds: seeding.seconds, ...explorer },
        labelSave,
      };
    } finally {
      await browser?.close();
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: Math.round((performance.now() - started) / 10) / 100 };
}

/** Voiced syllables with pauses, pitch and loudness drifting over minutes, so curves and waveform have structure. */
async function writeSpeechLikeHour(file: string): Promise<void> {
  const rate = 16_000;
  const writer = await createWavFileWriter(file, { sampleRate: rate, channels: 1, encoding: "pcm16" });
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32;
  let phase = 0;
  const block = rate * 10;
  for (let start = 0; start < 3600 * rate; start += block) {
    const samples = new Float32Array(block);
    for (let index = 0; index < block; index++) {
      const t = (start + index) / rate;
      const syllable = Math.max(0, Math.sin(2 * Math.PI * 4 * t)) * (Math.sin(2 * Math.PI * 0.2 * t) > -0.3 ? 1 : 0);
      const pitch = 120 + 60 * Math.sin(2 * Math.PI * t / 97) + 20 * Math.sin(2 * Math.PI * 3 * t);
      phase += (2 * Math.PI * pitch) / rate;
      const voiced = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase);
      const level = 0.15 + 0.1 * Math.sin(2 * Math.PI * t / 600);
      samples[index] = level * syllable * voiced + (random() - 0.5) * 0.01;
    }
    await writer.write([samples]);
  }
  await writer.close();
}

async function seedExplorerCorpus(dataDir: string): Promise<{ recordings: number; seconds: number }> {
  const database = await openDatabase(embeddedDatasource(dataDir, PROJECT_ROOT), "editor benchmark seeding");
  try {
    await applyPendingMigrations(database.connection, projectMigrationPaths(PROJECT_ROOT));
    const started = performance.now();
    await seedManyRecordings(database.prisma, { corpusName: EXPLORER_CORPUS, recordings: 100_000, patients: 1000, cohorts: 4, sessionsPerPatient: 3 });
    return { recordings: 100_000, seconds: Math.round((performance.now() - started) / 100) / 10 };
  } finally {
    await database.close();
  }
}

interface BenchRecording {
  id: string;
  originalName: string;
  durationSeconds: number;
}

async function findRecording(url: string, name: string): Promise<BenchRecording> {
  const { hits } = (await (await fetch(`${url}/api/search?q=${encodeURIComponent(name)}`)).json()) as { hits: { recordingId: string; name: string; durationSeconds: number }[] };
  const hit = hits.find((candidate) => candidate.name === name);
  if (!hit) throw new Error(`the benchmark recording ${name} was not found after import`);
  return { id: hit.recordingId, originalName: hit.name, durationSeconds: hit.durationSeconds };
}

/** A fresh browser profile whose saved layout has the recording open: what a researcher sees when reopening the workbench. */
async function pageWithRecordingOpen(browser: Browser, recording: BenchRecording): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const layout = serialiseLayout({
    ...DEFAULT_LAYOUT,
    editors: { groups: [{ tabs: [{ key: recording.id, title: recording.originalName }], activeId: recording.id }], activeGroup: 0 },
  });
  await context.addInitScript(([key, value]) => window.localStorage.setItem(key!, value!), [LAYOUT_STORAGE_KEY, layout]);
  return context.newPage();
}

const READY = '[data-testid="recording-editor"][data-ready="true"]';

async function measureOpen(browser: Browser, url: string, recording: BenchRecording): Promise<Record<string, unknown>> {
  const milliseconds: number[] = [];
  const bytes: number[] = [];
  const requests: number[] = [];
  // The first run is a warm-up (server caches, JIT); the rest are measured, each with a cold browser cache.
  for (let run = 0; run <= OPEN_RUNS; run++) {
    const page = await pageWithRecordingOpen(browser, recording);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    let received = 0;
    let requestCount = 0;
    cdp.on("Network.requestWillBeSent", () => void requestCount++);
    cdp.on("Network.dataReceived", (event: { encodedDataLength: number }) => void (received += event.encodedDataLength));
    cdp.on("Network.responseReceived", (event: { response: { encodedDataLength?: number } }) => void (received += event.response.encodedDataLength ?? 0));
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForSelector(READY, { timeout: 60_000 });
    const readyAt = await page.evaluate(() => performance.now());
    const bytesAtReady = received;
    const requestsAtReady = requestCount;
    if (run > 0) {
      milliseconds.push(readyAt);
      bytes.push(bytesAtReady);
      requests.push(requestsAtReady);
    }
    await page.context().close();
  }
  return {
    ...summarise(milliseconds),
    bytesMedian: median(bytes),
    bytesMax: Math.max(...bytes),
    requestsMedian: median(requests),
  };
}

/** Frame times while the zoomed-in waveform is scrolled with the wheel, as a researcher skims an hour at frame level. */
async function measureZoomedScroll(browser: Browser, url: string, recording: BenchRecording): Promise<Record<string, unknown>> {
  const page = await pageWithRecordingOpen(browser, recording);
  await page.goto(url);
  await page.waitForSelector(READY, { timeout: 60_000 });
  const waveform = page.getByTestId("waveform");
  await waveform.click({ position: { x: 400, y: 40 } });
  // Zoom to single frames, then back out to where a few seconds fill the screen (about 200 px/s).
  await page.keyboard.press("Shift+F");
  await page.waitForTimeout(500);
  const zoomLevel = await page.getByTestId("zoom-level").textContent();
  const box = await waveform.boundingBox();
  if (!box) throw new Error("the waveform has no box");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // The status bar shows the visible range: it must move, or the frames measured nothing.
  const rangeBefore = await page.getByTestId("status-selection").textContent();
  const frames = await recordFramesWhile(page, 4, () => page.mouse.wheel(120, 0));
  const rangeAfter = await page.getByTestId("status-selection").textContent();
  if (rangeBefore === rangeAfter) throw new Error(`scrolling the zoomed waveform did not move the view (${rangeBefore})`);
  await page.context().close();
  return { zoomLevel, visibleRangeBefore: rangeBefore, visibleRangeAfter: rangeAfter, scrollSeconds: 4, ...frameFigures(frames) };
}

/** Scrolls the explorer's flat list of the 100,000-recording corpus and records frame times. */
async function measureExplorerScroll(browser: Browser, url: string): Promise<Record<string, unknown>> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await page.goto(url);
  const tree = page.getByTestId("explorer-tree");
  await tree.waitFor();
  await page.getByTestId("explorer-flat-toggle").click();
  const corpus = tree.getByRole("treeitem").filter({ hasText: EXPLORER_CORPUS });
  const loadStarted = Date.now();
  await corpus.click();
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="explorer-tree"]')?.getAttribute("data-row-count") ?? 0) > 50_000, undefined, { timeout: 120_000 });
  const loadMs = Date.now() - loadStarted;
  const domRows = await tree.getByRole("treeitem").count();
  const box = await tree.boundingBox();
  if (!box) throw new Error("the explorer tree has no box");
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300));
  // The deepest row in the page (the focused row may stay in the page when scrolled away, so not the first).
  const deepestRow = () => tree.getByRole("treeitem").evaluateAll((rows) => Math.max(...rows.map((row) => Number(row.getAttribute("aria-posinset")))));
  const firstRowBefore = await deepestRow();
  const frames = await recordFramesWhile(page, 4, () => page.mouse.wheel(0, 600));
  const firstRowAfter = await deepestRow();
  if (firstRowBefore === firstRowAfter) throw new Error("scrolling the explorer did not move its rows");
  const rowCount = Number(await tree.getAttribute("data-row-count"));
  await context.close();
  return { flatListLoadMs: loadMs, rowsInTree: rowCount, rowsInDom: domRows, deepestRowBefore: firstRowBefore, deepestRowAfter: firstRowAfter, scrollSeconds: 4, ...frameFigures(frames) };
}


function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
