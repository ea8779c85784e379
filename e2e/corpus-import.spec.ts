import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { WorkbenchApi } from "./driver/workbench-api";
import { WorkbenchPage } from "./driver/workbench-page";

// The server under test runs with IMPORT_ROOTS = datasets/ and UPLOAD_MAX_BYTES = 1M (playwright.config.ts).
const FIXTURES = path.join(import.meta.dirname, "..", "datasets", "fixtures", "audio");
const CORPUS = "E2E fixtures";
// Imports run in a worker on a loaded 2-core machine: wait generously.
const JOB_TIMEOUT = 120_000;

test.describe.configure({ mode: "serial" });

test("imports the fixture folder, reports every file and lists the recordings", async ({ page }, testInfo) => {
  test.setTimeout(JOB_TIMEOUT + 60_000);
  const workbench = new WorkbenchPage(page);
  await workbench.open();

  const dialog = await workbench.explorer().openImportDialog();
  await expect(dialog.root.getByLabel("Folder or file on this machine")).toBeFocused();
  await dialog.importFolder(FIXTURES, { corpusName: CORPUS });
  await dialog.waitForReport(JOB_TIMEOUT);
  await page.screenshot({ path: testInfo.outputPath("import-report.png") });

  expect(await dialog.count("imported")).toBeGreaterThan(0);
  expect(await dialog.count("failed")).toBeGreaterThanOrEqual(2);
  for (const broken of ["empty.wav", "text.wav"]) {
    const row = dialog.reportRow(broken);
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("cell").nth(1)).toHaveText("failed");
    await expect(row.getByRole("cell").nth(2)).not.toBeEmpty();
  }
  await expect(dialog.reportRow("tone-s16-44k1.wav").getByRole("cell").nth(1)).toHaveText(/^imported/);

  const download = page.waitForEvent("download");
  await dialog.csvLink().click();
  const csv = readFileSync(await (await download).path(), "utf8");
  expect(csv.split("\r\n")[0]).toBe("path,outcome,code,reason,recording_ids,duration_seconds");
  expect(csv).toContain("empty.wav,failed,");

  await dialog.close();
  const explorer = workbench.explorer();
  await expect(await explorer.recording(CORPUS, "tone-s16-44k1.wav")).toBeVisible();
  await expect(await explorer.recording(CORPUS, "tone.flac")).toContainText("0:01");
  const listed = await explorer.recordingNames(CORPUS);
  expect(listed).not.toContain("empty.wav");
  expect(listed).not.toContain("text.wav");
  const editor = await explorer.openRecording(CORPUS, "tone-s16-44k1.wav");
  await editor.waitUntilReady();
  await expect(editor.timeReadout()).toHaveText("0:00.00 / 0:01.00");
  // The browser streams the audio and plays it to its end: the playhead reaches the length the stream has.
  await editor.play();
  await expect(editor.timeReadout()).toHaveText("0:01.00 / 0:01.00", { timeout: 15_000 });
  await expect(editor.playButton()).toHaveAccessibleName("Play");

  await expect(workbench.jobsPanel().rows().first()).toContainText("succeeded");
});

test("uploads files: known audio is a duplicate, a file over the limit is reported", async ({ page }) => {
  test.setTimeout(JOB_TIMEOUT + 60_000);
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  const before = await new WorkbenchApi(page.request).recordingsOf(CORPUS);

  const dialog = await workbench.explorer().openImportDialog();
  await dialog.uploadAndImport(
    [
      path.join(FIXTURES, "streaming-16k.wav"),
      { name: "too-big.wav", mimeType: "audio/wav", buffer: Buffer.alloc(1024 * 1024 + 1) },
    ],
    { corpusName: CORPUS },
  );
  await dialog.waitForReport(JOB_TIMEOUT);
  // The browser read the server's 413 answer, not just a dropped connection.
  await expect(dialog.uploadFailures()).toContainText("1 file was not uploaded");
  await expect(dialog.uploadFailures()).toContainText("too-big.wav is over the size limit: 1048577 bytes");

  expect(await dialog.count("duplicates")).toBe(1);
  expect(await dialog.count("imported")).toBe(0);
  await expect(dialog.reportRow("streaming-16k.wav").getByRole("cell").nth(1)).toHaveText("duplicate");
  const tooBig = dialog.reportRow("too-big.wav");
  await expect(tooBig.getByRole("cell").nth(1)).toHaveText("failed");
  await expect(tooBig.getByRole("cell").nth(2)).toContainText("over the size limit");

  const after = await new WorkbenchApi(page.request).recordingsOf(CORPUS);
  expect(after.length).toBe(before.length);
});

test("uploads a dropped file and a picked folder whose manifest names the patients", async ({ page }, testInfo) => {
  test.setTimeout(JOB_TIMEOUT + 60_000);
  const study = testInfo.outputPath("study");
  mkdirSync(path.join(study, "P01"), { recursive: true });
  copyFileSync(path.join(FIXTURES, "tone-u8-16k.wav"), path.join(study, "P01", "tone.wav"));
  // Rows name files relative to the folder's top, as a researcher writes them.
  writeFileSync(path.join(study, "manifest.csv"), "path,patient,cohort\nP01/tone.wav,P-001,pilot\n");

  const workbench = new WorkbenchPage(page);
  await workbench.open();
  const dialog = await workbench.explorer().openImportDialog();
  await dialog.dropFiles([{ name: "dropped.wav", mimeType: "audio/wav", buffer: readFileSync(path.join(FIXTURES, "tone.flac")) }]);
  await expect(dialog.selection()).toContainText("1 file chosen");
  await dialog.clearSelection();

  await dialog.uploadFolderAndImport(study, { corpusName: "E2E folder upload" });
  await dialog.waitForReport(JOB_TIMEOUT);
  await expect(dialog.reportRow("P01/tone.wav").getByRole("cell").nth(1)).toHaveText(/^imported/);
  await dialog.close();
  await expect(await workbench.explorer().recording("E2E folder upload", "tone.wav")).toContainText("P-001");
});

test("serves stored audio with HTTP Range, peaks as JSON, and 404 for unknown ids", async ({ page }) => {
  const api = new WorkbenchApi(page.request);
  const id = await api.recordingId(CORPUS, "tone-s16-44k1.wav");

  const original = await page.request.get(`/api/recordings/${id}/audio?variant=original`, { headers: { Range: "bytes=0-43" } });
  expect(original.status()).toBe(206);
  const size = statSync(path.join(FIXTURES, "tone-s16-44k1.wav")).size;
  expect(original.headers()["content-range"]).toBe(`bytes 0-43/${size}`);
  expect(original.headers()["content-type"]).toBe("audio/wav");
  expect(original.headers()["content-length"]).toBe("44");
  expect(original.headers()["accept-ranges"]).toBe("bytes");
  const firstBytes = await original.body();
  expect(firstBytes.length).toBe(44);
  expect(firstBytes.subarray(0, 4).toString("latin1")).toBe("RIFF");

  const analysis = await page.request.get(`/api/recordings/${id}/audio`, { headers: { Range: "bytes=0-43" } });
  expect(analysis.status()).toBe(206);
  // 1 s at 16 kHz mono 16-bit: 32 000 bytes of samples after the header.
  expect(Number(analysis.headers()["content-range"]?.split("/")[1])).toBeGreaterThanOrEqual(32_044);

  const head = await page.request.head(`/api/recordings/${id}/audio?variant=original`);
  expect(head.status()).toBe(200);
  expect(head.headers()["content-length"]).toBe(String(size));

  const beyond = await page.request.get(`/api/recordings/${id}/audio?variant=original`, { headers: { Range: `bytes=${size}-` } });
  expect(beyond.status()).toBe(416);
  expect(beyond.headers()["content-range"]).toBe(`bytes */${size}`);

  expect((await page.request.get("/api/recordings/not-a-uuid/audio")).status()).toBe(404);
  expect((await page.request.get("/api/recordings/00000000-0000-4000-8000-000000000000/audio")).status()).toBe(404);
  expect((await page.request.get(`/api/recordings/${id}/audio?variant=loud`)).status()).toBe(400);

  const peaks = await page.request.get(`/api/recordings/${id}/peaks?pps=100`);
  expect(peaks.status()).toBe(200);
  const body = (await peaks.json()) as { sampleRate: number; samplesPerPixel: number; durationSeconds: number; peaks: number[] };
  expect(body.sampleRate).toBe(16_000);
  expect(body.durationSeconds).toBeCloseTo(1, 2);
  expect(body.peaks.length).toBe(2 * Math.ceil(16_000 / body.samplesPerPixel));
  // A -6 dBFS tone: peaks near ±0.5.
  expect(Math.max(...body.peaks)).toBeGreaterThan(0.4);
  expect(Math.min(...body.peaks)).toBeLessThan(-0.4);

  const badPeaks = await page.request.get(`/api/recordings/${id}/peaks?pps=0`);
  expect(badPeaks.status()).toBe(400);
  expect(((await badPeaks.json()) as { error: string }).error).toContain("pps");
});
