import { expect, test } from "@playwright/test";
import { DEMO_CORPUS, DEMO_READY_TIMEOUT, DEMO_SERVER_URL, LONG_SESSION, waitForDemo } from "./driver/demo-server";
import { WorkbenchApi } from "./driver/workbench-api";
import { WorkbenchPage } from "./driver/workbench-page";

// The demo server (playwright.config.ts): datasets/demo analysed with the default model.
test.use({ baseURL: DEMO_SERVER_URL });
test.describe.configure({ mode: "serial" });

const DEFAULT_MODEL = "resonance-synthetic-baseline";
const LONG_PATH = [DEMO_CORPUS, "depression", LONG_SESSION.patientCode, LONG_SESSION.sessionCode] as const;

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(DEMO_READY_TIMEOUT + 30_000);
  await waitForDemo(playwright.request);
});

test("opens the long session from the explorer: waveform, curves of nine classes, playback and zoom", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  const explorer = workbench.explorer();
  await explorer.expand(...LONG_PATH);
  const editor = await explorer.openRow(LONG_SESSION.fileName);
  await editor.waitUntilReady();
  await expect(workbench.editorTab(LONG_SESSION.fileName)).toHaveAttribute("aria-selected", "true");
  // Several minutes long (8.9 min as generated).
  await expect.poll(() => editor.durationSeconds()).toBeGreaterThan(8 * 60);
  await expect(editor.timeReadout()).toHaveText(/^0:00\.00 \/ 8:\d\d\.\d\d$/);

  // The default model's curves: one lane, a legend of the nine canonical classes, all shown.
  await expect(editor.curveLanes()).toHaveCount(1);
  const lane = editor.curvesLane(DEFAULT_MODEL);
  await expect(lane).toHaveAttribute("data-state", "ready");
  await expect(editor.curvesImage(lane)).toHaveAccessibleName(/^Frame curves of 9 emotion classes by /);
  await expect(editor.legendButtons()).toHaveCount(9);
  await expect(editor.legendButtons().and(page.locator('[aria-pressed="true"]'))).toHaveCount(9);
  await expect.poll(() => editor.colouredShare(lane)).toBeGreaterThan(0.005);
  await expect(editor.recordingScores().first()).toBeVisible();
  await expect(editor.timeAxis()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("long-session-open.png") });

  // Hovering the curves shows the nine scores at that time.
  const tooltip = await editor.hoverLane(0.5, lane);
  await expect(tooltip.getByRole("definition")).toHaveCount(9);
  await expect(tooltip).toContainText(/^\d:\d\d\.\d\d · /);

  // Playback: the playhead moves on while playing and stands still once paused.
  await editor.play();
  await expect(editor.playButton()).toHaveAccessibleName("Pause");
  await expect.poll(() => editor.currentSeconds(), { timeout: 15_000 }).toBeGreaterThan(0.5);
  await editor.pause();
  // The read-out follows in an animation frame: let the last update land before comparing.
  await page.waitForTimeout(300);
  const pausedAt = await editor.currentSeconds();
  await page.waitForTimeout(700);
  expect(await editor.currentSeconds()).toBe(pausedAt);
  await page.screenshot({ path: testInfo.outputPath("long-session-played.png") });

  // Zoom: from fitted to finer and back, with the zoom read-out following.
  await expect(editor.zoomReadout()).toHaveText("fit");
  await editor.zoomIn();
  await expect(editor.zoomReadout()).toHaveText(/px\/s$/);
  const first = (await editor.pixelsPerSecond()) ?? 0;
  await editor.zoomIn();
  await expect.poll(() => editor.pixelsPerSecond()).toBeGreaterThan(first);
  const second = (await editor.pixelsPerSecond()) ?? 0;
  await page.screenshot({ path: testInfo.outputPath("long-session-zoomed.png") });
  await editor.zoomOut();
  await expect.poll(() => editor.pixelsPerSecond()).toBeLessThan(second);
  // Zoomed in, the curves are fetched again for the window shown and still drawn.
  await expect(lane).toHaveAttribute("data-state", "ready");
  await expect.poll(() => editor.colouredShare(lane)).toBeGreaterThan(0.005);
  await editor.zoomToFit();
});

test("draws a region, labels it with a key, finds it again after a reload, undoes and redoes", async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const workbench = new WorkbenchPage(page);
  const api = new WorkbenchApi(page.request);
  await workbench.open();
  await workbench.explorer().expand(...LONG_PATH);
  let editor = await workbench.explorer().openRow(LONG_SESSION.fileName);
  await editor.waitUntilReady();
  const recordingId = await editor.recordingId();
  let labelling = editor.labelling();
  await expect(labelling.segmentRows()).toHaveCount(0);

  const regionId = await editor.drawRegion(0.3, 0.36);
  await expect(labelling.segmentRow(regionId)).toHaveAttribute("aria-selected", "true");
  await expect(labelling.target()).toHaveText(/^region \d/);
  await expect(workbench.selectionStatus()).toHaveText(/^\d:\d\d\.\d\d–\d:\d\d\.\d\d · [\d.]+ s$/);
  await expect(workbench.modelStatus()).toHaveText(/^Resonance synthetic baseline/);

  await labelling.labelWithKey("sad");
  await expect(labelling.segmentLabel(regionId)).toHaveText("sad");
  await expect(labelling.labelButton("sad")).toHaveAttribute("aria-pressed", "true");
  await expect(editor.region(regionId)).toHaveAttribute("title", /· sad \(human label\)$/);
  await labelling.waitUntilSaved();
  const saved = (await api.labelState(recordingId)).regions.find((region) => region.id === regionId);
  expect(saved?.label?.emotion).toBe("sad");
  await page.screenshot({ path: testInfo.outputPath("region-labelled.png") });

  // The open tab comes back after a reload, and the region with its label from the server.
  await workbench.reload();
  await expect(workbench.editorTab(LONG_SESSION.fileName)).toHaveAttribute("aria-selected", "true");
  editor = workbench.editor();
  await editor.waitUntilReady();
  labelling = editor.labelling();
  await expect(labelling.segmentRows()).toHaveCount(1);
  await expect(labelling.segmentLabel(regionId)).toHaveText("sad");
  await expect(editor.region(regionId)).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath("region-after-reload.png") });

  // Ctrl+Z takes the label back off (the region stays); Ctrl+Shift+Z puts it on again.
  await expect(labelling.undoButton()).toHaveAttribute("title", /^Undo: .*sad/);
  await labelling.undoWithKey();
  await expect(labelling.segmentLabel(regionId)).not.toHaveText("sad");
  await expect(labelling.redoButton()).toHaveAttribute("title", /^Redo: .*sad/);
  await labelling.waitUntilSaved();
  expect((await api.labelState(recordingId)).regions.find((region) => region.id === regionId)?.label?.emotion ?? null).toBeNull();
  await page.screenshot({ path: testInfo.outputPath("region-undone.png") });

  await labelling.redoWithKey();
  await expect(labelling.segmentLabel(regionId)).toHaveText("sad");
  await labelling.waitUntilSaved();
  expect((await api.labelState(recordingId)).regions.find((region) => region.id === regionId)?.label?.emotion).toBe("sad");

  // The segment's context menu offers the label commands from the registry, with their keys.
  const menu = await labelling.openSegmentMenu(regionId);
  await expect(menu.getByRole("menuitem", { name: /Label as happy/ })).toContainText("4");
  await menu.getByRole("menuitem", { name: /Label as happy/ }).click();
  await expect(menu).toHaveCount(0);
  await expect(labelling.segmentLabel(regionId)).toHaveText("happy");
  await labelling.waitUntilSaved();
  await labelling.labelWithKey("sad");
  await expect(labelling.segmentLabel(regionId)).toHaveText("sad");
  await labelling.waitUntilSaved();

  // The region's history lists the drawing and the label, none of it undone any more.
  await labelling.segmentRow(regionId).click();
  await expect(labelling.segmentRow(regionId)).toHaveAttribute("aria-selected", "true");
  await expect(labelling.historyEntries().first()).toBeVisible();
  await expect(labelling.historyEntries().and(page.locator('[data-state="undone"]'))).toHaveCount(0);
  await expect(labelling.historyEntries().filter({ hasText: "sad" }).first()).toBeVisible();
});
