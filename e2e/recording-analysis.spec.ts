import path from "node:path";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { writeLongRecording } from "./driver/e2e-inputs";
import { WorkbenchApi, type HealthSample } from "./driver/workbench-api";
import { WorkbenchPage } from "./driver/workbench-page";
import { zipEntryNames } from "./driver/zip-entries";

// The server under test runs with MODELS_DIR = models/testing (playwright.config.ts): random-weight
// models, two that run and four that are broken in different ways.
const FIXTURE = path.join(import.meta.dirname, "..", "datasets", "fixtures", "audio", "tone-s16-44k1.wav");
const CORPUS = "E2E analysis";
const UNCALIBRATED = "Frame scores apply the utterance classifier to each 20 ms frame; they are not calibrated probabilities.";
// Jobs run in workers on a loaded 2-core machine: wait generously.
const JOB_TIMEOUT = 120_000;

test.describe.configure({ mode: "serial" });

test("analyses a recording with the test models: scores, curves, the uncalibrated note and the WebUI download", async ({ page }, testInfo) => {
  test.setTimeout(3 * JOB_TIMEOUT);
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  const dialog = await workbench.explorer().openImportDialog();
  await dialog.importFolder(FIXTURE, { corpusName: CORPUS });
  await dialog.waitForReport(JOB_TIMEOUT);
  await dialog.close();
  const editor = await workbench.explorer().openRecording(CORPUS, "tone-s16-44k1.wav");

  const analysis = editor.analysis();
  await expect(analysis.modelPicker()).toBeVisible();
  const offered = await analysis.modelIds();
  expect(offered).toContain("testing-funasr-like");
  expect(offered).toContain("testing-full-outputs");
  expect(offered).not.toContain("testing-invalid-manifest");
  await expect(analysis.disabledModels().filter({ hasText: "invalid-manifest" })).toHaveCount(1);
  await expect(analysis.disabledModels().filter({ hasText: "label-mismatch" })).toHaveCount(1);
  const invalid = await analysis.invalidModels();
  await expect(invalid.filter({ hasText: "invalid-manifest" })).toContainText("labels");
  await expect(invalid.filter({ hasText: "invalid-manifest" })).toContainText("frames.rate");
  await expect(invalid.filter({ hasText: "label-mismatch" })).toContainText("the head has 9 classes but the manifest lists 5 labels");

  await analysis.analyse("testing-funasr-like", JOB_TIMEOUT);
  const funasr = analysis.result("testing-funasr-like");
  await expect(funasr.scores()).toHaveCount(9);
  await expect(funasr.topScore()).toHaveCount(1);
  await expect(funasr.scores().first()).toContainText(/angry\s*\d+%|angry\s*<1%/);
  await expect(funasr.runLine()).toContainText("Test: FunASR-like export 1.0.0 · CPU");
  // The curves are drawn on a canvas: its name counts the classes drawn, its pixels show they were.
  await expect(funasr.curves()).toHaveAttribute("data-state", "ready");
  await expect(funasr.curvesImage()).toHaveAccessibleName(/^Frame curves of 9 emotion classes by Test: FunASR-like export/);
  // One second at 50 frames per second: every frame is a point of the lines.
  await expect(funasr.curves()).toContainText("per frame");
  await expect.poll(() => editor.colouredShare(funasr.curves())).toBeGreaterThan(0.005);
  const tooltip = await editor.hoverLane(0.5, funasr.curves());
  await expect(tooltip.getByRole("definition")).toHaveCount(9);
  await expect(funasr.uncalibratedNote()).toHaveText(UNCALIBRATED);
  const allClasses = await editor.colouredShare(funasr.curves());
  await funasr.legendButton("happy").click();
  await expect(funasr.curvesImage()).toHaveAccessibleName(/^Frame curves of 8 emotion classes/);
  await expect(funasr.legendButton("happy")).toHaveAttribute("aria-pressed", "false");
  await expect.poll(() => editor.colouredShare(funasr.curves())).toBeLessThan(allClasses);
  await page.screenshot({ path: testInfo.outputPath("funasr-like-result.png"), fullPage: true });
  // Hidden classes are an editor preference now, not one result's: show happy again for the next model.
  await funasr.legendButton("happy").click();
  await expect(funasr.curvesImage()).toHaveAccessibleName(/^Frame curves of 9 emotion classes/);

  await analysis.analyse("testing-full-outputs", JOB_TIMEOUT);
  const full = analysis.result("testing-full-outputs");
  await expect(full.scores()).toHaveCount(9);
  await expect(full.curves()).toHaveAttribute("data-state", "ready");
  await expect(full.curvesImage()).toHaveAccessibleName(/^Frame curves of 9 emotion classes/);
  await expect(full.uncalibratedNote()).toHaveCount(0);
  await expect(page.getByText(UNCALIBRATED)).toHaveCount(0);

  // Two models' curves, one lane each, on the same time axis.
  const compared = await editor.compareWith("testing-funasr-like");
  await expect(compared).toHaveAttribute("data-state", "ready");
  await expect(editor.curveLanes()).toHaveCount(2);
  await expect(editor.curvesImage(compared)).toHaveAccessibleName(/^Frame curves of 9 emotion classes by Test: FunASR-like export/);
  await page.screenshot({ path: testInfo.outputPath("two-models-compared.png"), fullPage: true });

  const download = await full.downloadLikeWebUi();
  const name = download.suggestedFilename();
  expect(name).toMatch(/^outputs_\d{8}_\d{6}\.zip$/);
  const folder = name.replace(/\.zip$/, "");
  const zip = readFileSync(await download.path());
  expect(zipEntryNames(zip)).toEqual([`${folder}/processed_audio.wav`, `${folder}/result.json`, `${folder}/embedding.npy`]);

  const health = await new WorkbenchApi(page.request).health();
  expect(health.status).toBe(200);
  expect(health.body.executionProviders).toEqual(["cpu"]);
  await expect(workbench.inferenceStatus()).toHaveText(/^CPU · \d+ threads?$/);
});

test("a model that fails at run time is reported with its reason", async ({ page }) => {
  test.setTimeout(JOB_TIMEOUT + 60_000);
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  const analysis = (await workbench.explorer().openRecording(CORPUS, "tone-s16-44k1.wav")).analysis();
  await analysis.analyse("testing-wrong-input-name", JOB_TIMEOUT);
  await expect(analysis.errors()).toContainText("tone-s16-44k1.wav:");
  await expect(analysis.errors()).toContainText("input");
});

test("/api/health answers quickly while a long recording is analysed", async ({ page }, testInfo) => {
  test.setTimeout(4 * JOB_TIMEOUT);
  const file = writeLongRecording("long-session.wav", 60 * 60);
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  const dialog = await workbench.explorer().openImportDialog();
  await dialog.importFolder(file, { corpusName: CORPUS });
  await dialog.waitForReport(2 * JOB_TIMEOUT);
  await dialog.close();
  const editor = await workbench.explorer().openRecording(CORPUS, "long-session.wav");

  const api = new WorkbenchApi(page.request);
  const analysis = editor.analysis();
  const started = Date.now();
  await analysis.start("testing-funasr-like");
  // Health is asked back to back, apart from the job polling, so any stretch in which the
  // server's event loop is blocked (a request waiting on it) shows up in some sample.
  let analysing = true;
  const sampling = (async () => {
    const taken: HealthSample[] = [];
    while (analysing) {
      taken.push(await api.health());
      await page.waitForTimeout(50);
    }
    return taken;
  })();
  try {
    await expect
      .poll(async () => (await api.latestJob("analyse"))?.status, { timeout: 2 * JOB_TIMEOUT, intervals: [200] })
      .toMatch(/^(succeeded|failed|cancelled)$/);
  } finally {
    analysing = false;
  }
  const samples = await sampling;
  const seconds = (Date.now() - started) / 1000;
  expect((await api.latestJob("analyse"))?.status).toBe("succeeded");
  const milliseconds = samples.map((sample) => sample.milliseconds);
  testInfo.annotations.push({ type: "analysis of a 60 min recording, wall time (s)", description: seconds.toFixed(1) });
  testInfo.annotations.push({ type: "health latency while analysing (ms)", description: milliseconds.join(", ") });
  expect(samples.length).toBeGreaterThanOrEqual(3);
  for (const sample of samples) expect(sample.status).toBe(200);
  expect(Math.max(...milliseconds)).toBeLessThan(200);
  const curves = analysis.result("testing-funasr-like");
  await expect(curves.curves()).toHaveAttribute("data-state", "ready", { timeout: 30_000 });
  await expect(curves.curvesImage()).toHaveAccessibleName(/^Frame curves of 9 emotion classes/);
  await expect.poll(() => editor.colouredShare(curves.curves())).toBeGreaterThan(0.005);
  await expect(workbench.jobsPanel().rows().filter({ hasText: "analyse" }).first()).toContainText("1 of 1 recordings · 1:00:00 of 1:00:00 audio");
});
