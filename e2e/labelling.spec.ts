import { expect, test } from "@playwright/test";
import { DEMO_CORPUS, DEMO_READY_TIMEOUT, DEMO_SERVER_URL, waitForDemo } from "./driver/demo-server";
import { WorkbenchApi } from "./driver/workbench-api";
import { WorkbenchPage } from "./driver/workbench-page";

// The demo server (playwright.config.ts); each test labels a recording no other spec touches.
test.use({ baseURL: DEMO_SERVER_URL });
test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(DEMO_READY_TIMEOUT + 30_000);
  await waitForDemo(playwright.request);
});

test("a stale edit from a second tab is refused: it shows the conflict and the other tab's label, and overwrites nothing", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const fileName = "P02_S1_u1.opus";
  const first = new WorkbenchPage(page);
  await first.open();
  await first.quickInput().openRecording("P02_S1_u1", fileName);
  const editorA = first.editor();
  await editorA.waitUntilReady();
  const recordingId = await editorA.recordingId();

  // A second browser (its own storage), on the same recording, loaded before the first one edits.
  const other = await browser.newContext({ baseURL: DEMO_SERVER_URL, viewport: testInfo.project.use.viewport ?? null });
  try {
    const pageB = await other.newPage();
    const second = new WorkbenchPage(pageB);
    await second.open();
    await second.quickInput().openRecording("P02_S1_u1", fileName);
    const editorB = second.editor();
    await editorB.waitUntilReady();
    const labellingB = editorB.labelling();
    await expect(labellingB.labelButton("sad")).toBeEnabled();

    const labellingA = editorA.labelling();
    await labellingA.labelWithKey("sad");
    await expect(labellingA.labelButton("sad")).toHaveAttribute("aria-pressed", "true");
    await labellingA.waitUntilSaved();
    const api = new WorkbenchApi(page.request);
    expect((await api.labelState(recordingId)).recordingLabel?.emotion).toBe("sad");

    // B still shows the version before A's label, and labels on top of it.
    await expect(labellingB.labelButton("sad")).toHaveAttribute("aria-pressed", "false");
    await labellingB.labelWithKey("happy");
    const conflict = labellingB.message();
    await expect(conflict).toHaveAttribute("data-kind", "error");
    await expect(conflict).toHaveRole("alert");
    await expect(conflict).toContainText("changed in another tab or by someone else; your edit was not saved and the latest version is shown");
    await expect(labellingB.labelButton("sad")).toHaveAttribute("aria-pressed", "true");
    await expect(labellingB.labelButton("happy")).toHaveAttribute("aria-pressed", "false");
    await expect(labellingB.recordingLabel()).toContainText("sad");
    await pageB.screenshot({ path: testInfo.outputPath("second-tab-conflict.png") });

    // Nothing was overwritten: the server has A's label, and A's history one edit.
    await labellingB.waitUntilSaved();
    const state = await api.labelState(recordingId);
    expect(state.recordingLabel?.emotion).toBe("sad");
    await first.reload();
    const reloadedA = first.editor();
    await reloadedA.waitUntilReady();
    await expect(reloadedA.labelling().labelButton("sad")).toHaveAttribute("aria-pressed", "true");
    await expect(reloadedA.labelling().historyEntries()).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath("first-tab-after-conflict.png") });
  } finally {
    await other.close();
  }
});

test("keyboard only: opens a recording from the explorer with the arrow keys and labels it", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const fileName = "P09_S1_u1.opus";
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  const explorer = workbench.explorer();
  await explorer.focusWithKeyboard();
  for (const folder of [DEMO_CORPUS, "anxiety", "P09", "S1"]) await explorer.arrowExpand(folder);
  await explorer.arrowTo(fileName);
  await page.keyboard.press("Enter");

  const editor = workbench.editor();
  await expect(editor.title()).toHaveText(fileName);
  await editor.waitUntilReady();
  // Enter moved the focus into the editor, so its keys act on it.
  await expect(editor.waveform()).toBeFocused();
  const labelling = editor.labelling();
  await expect(labelling.target()).toHaveText("the whole recording");

  await labelling.labelWithKey("neutral");
  await expect(labelling.labelButton("neutral")).toHaveAttribute("aria-pressed", "true");
  await expect(labelling.status()).toHaveAttribute("data-status", "labelled");
  await labelling.undoWithKey();
  await expect(labelling.labelButton("neutral")).toHaveAttribute("aria-pressed", "false");
  await labelling.redoWithKey();
  await expect(labelling.labelButton("neutral")).toHaveAttribute("aria-pressed", "true");

  // A takes the model's label instead; R marks the recording reviewed.
  await page.keyboard.press("a");
  await expect(labelling.recordingLabel()).toContainText("model");
  await page.keyboard.press("r");
  await expect(labelling.status()).toHaveAttribute("data-status", "reviewed");
  await labelling.waitUntilSaved();
  await page.screenshot({ path: testInfo.outputPath("keyboard-labelled.png") });

  const state = await new WorkbenchApi(page.request).labelState(await editor.recordingId());
  expect(state.recordingLabel?.source).toBe("model");
  expect(state.recordingLabel?.emotion).not.toBeNull();
  expect(state.reviewedAt).not.toBeNull();
});

test("Shift+N opens the next recording that needs attention and says why in the Output panel", async ({ page }, testInfo) => {
  const fileName = "P03_S1_u1.opus";
  const workbench = new WorkbenchPage(page);
  await workbench.open();
  await workbench.quickInput().openRecording("P03_S1_u1", fileName);
  await workbench.editor().waitUntilReady();

  await page.keyboard.press("Shift+N");
  await expect(workbench.editorTabs()).toHaveCount(2);
  const next = workbench.editor();
  await expect(next.title()).not.toHaveText(fileName);
  const nextName = (await next.title().textContent()) ?? "";
  await next.waitUntilReady();
  const panel = workbench.panel();
  await panel.show("output");
  await expect(panel.output().getByRole("listitem").last()).toContainText(`Opened ${nextName}: `);
  await page.screenshot({ path: testInfo.outputPath("next-needing-attention.png") });
});
